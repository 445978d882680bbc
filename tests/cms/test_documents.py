"""The official documents page: what a reader sees of each document in both
languages, how the filters and the search narrow the list, pagination, empty
states, and how many queries it takes."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import OfficialDocument
from tests.cms import factories as cms

pytestmark = pytest.mark.django_db

VI_URL = "/documents/"
EN_URL = "/en/documents/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def rows(response):
    return soup(response).select(".document-row")


def numbers(response):
    return [text(row.select(".document-row__facts dd")[0]) for row in rows(response)]


@pytest.fixture
def pages():
    """The documents page and its English translation."""
    vietnamese = cms.documents_page()
    cms.translate(vietnamese, title="Documents", slug="documents")
    return vietnamese


@pytest.fixture
def plan(pages):
    document = cms.document_file("ke-hoach-44.pdf")
    document.file_size = 245_760
    document.save()
    return cms.official_document(
        number="44/KH-UBND",
        title="Kế hoạch phát triển khoa học và công nghệ giai đoạn 2020-2025",
        title_en="Plan for science and technology development, 2020-2025",
        summary="Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo của tỉnh.",
        summary_en="Support for the province's innovation startup ecosystem.",
        doc_type=OfficialDocument.Type.PLAN,
        date_issued=date(2020, 3, 12),
        document=document,
    )


@pytest.fixture
def decision(pages):
    science_department = cms.issuing_body(
        name="Sở Khoa học và Công nghệ", slug="so-khcn", name_en="Department of Science"
    )
    return cms.official_document(
        number="120/QĐ-SKHCN",
        title="Quyết định phê duyệt danh mục nhiệm vụ khoa học",
        summary="Danh mục nhiệm vụ đặt hàng năm 2023.",
        doc_type=OfficialDocument.Type.DECISION,
        date_issued=date(2023, 6, 1),
        issuing_body=science_department,
    )


def test_each_document_shows_its_number_title_type_date_body_summary_and_file(
    client, plan, decision
):
    page = soup(client.get(EN_URL))

    first, second = page.select(".document-row")
    # The newest first.
    assert "120/QĐ-SKHCN" in text(first)
    row = text(second)
    assert "Plan for science and technology development, 2020-2025" in row
    assert "44/KH-UBND" in row
    assert "Plan" in text(second.select_one(".document-row__type"))
    assert "12/03/2020" in row
    assert "Provincial People's Committee" in row
    assert "Support for the province's innovation startup ecosystem." in row
    link = second.select_one(".document-row__download a")
    assert link["href"] == plan.document.url
    assert text(link) == "Download 44/KH-UBND PDF, 240.0 KB"
    assert text(page.select_one("#document-count")) == "2 documents"


def test_english_readers_see_vietnamese_marked_as_such_when_there_is_no_english_text(
    client, decision
):
    row = rows(client.get(EN_URL))[0]

    title = row.select_one(".document-row__title")
    assert text(title) == "Quyết định phê duyệt danh mục nhiệm vụ khoa học"
    assert title["lang"] == "vi"
    summary = row.select_one(".document-row__summary")
    assert text(summary) == "Danh mục nhiệm vụ đặt hàng năm 2023."
    assert summary["lang"] == "vi"
    assert "Department of Science" in text(row)


def test_vietnamese_readers_see_the_vietnamese_title_and_summary(client, plan):
    row = rows(client.get(VI_URL))[0]

    assert text(row.select_one(".document-row__title")) == plan.title
    assert text(row.select_one(".document-row__summary")) == plan.summary
    assert not row.select_one(".document-row__title").has_attr("lang")
    assert "Ủy ban nhân dân tỉnh" in text(row)


def test_a_file_without_a_recorded_size_shows_its_extension_only(client, decision):
    link = rows(client.get(EN_URL))[0].select_one(".document-row__download a")

    assert text(link) == "Download 120/QĐ-SKHCN PDF"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"type": "decision"}, ["120/QĐ-SKHCN"]),
        ({"type": "plan"}, ["44/KH-UBND"]),
        ({"year": "2020"}, ["44/KH-UBND"]),
        ({"body": "so-khcn"}, ["120/QĐ-SKHCN"]),
        ({"body": "ubnd-tinh", "year": "2020", "type": "plan"}, ["44/KH-UBND"]),
        ({"body": "ubnd-tinh", "type": "decision"}, []),
        ({"q": "khoi nghiep"}, ["44/KH-UBND"]),
        ({"q": "KHỞI NGHIỆP"}, ["44/KH-UBND"]),
        ({"q": "startup ecosystem"}, ["44/KH-UBND"]),
        ({"q": "44/KH-UBND"}, ["44/KH-UBND"]),
        ({"q": "nhiệm vụ"}, ["120/QĐ-SKHCN"]),
        ({"q": "nhiem vu", "year": "2020"}, []),
        ({"q": "khoa hoc"}, ["120/QĐ-SKHCN", "44/KH-UBND"]),
    ],
)
def test_filters_and_search_narrow_the_list(client, plan, decision, query, found):
    assert numbers(client.get(EN_URL, query)) == found


def test_the_filters_offer_the_years_and_bodies_that_exist(client, plan, decision):
    page = soup(client.get(EN_URL))

    years = [option["value"] for option in page.select("select[name=year] option")]
    assert years == ["", "2023", "2020"]
    bodies = [text(option) for option in page.select("select[name=body] option")]
    assert "Department of Science" in bodies
    types = [option["value"] for option in page.select("select[name=type] option")]
    assert "plan" in types and "decision" in types


def test_a_value_that_cannot_be_used_is_reported_and_the_other_filters_still_apply(
    client, plan, decision
):
    response = client.get(
        EN_URL, {"type": "poem", "year": "1066", "body": "nobody", "q": "x" * 201}
    )

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".form-errors")
    assert "so this filter was left out" in text(page)
    assert "Search for at most 200 characters" in text(page)
    assert sorted(numbers(response)) == ["120/QĐ-SKHCN", "44/KH-UBND"]

    response = client.get(EN_URL, {"type": "poem", "year": "2023"})
    assert numbers(response) == ["120/QĐ-SKHCN"]


@pytest.mark.parametrize("query", ["!!!", "'; DROP TABLE cms_officialdocument; --", "\u200b", "%_"])
def test_odd_searches_do_not_fail(client, plan, query):
    assert client.get(EN_URL, {"q": query}).status_code == 200


def test_the_list_is_paginated(client, pages):
    for number in range(25):
        cms.official_document(number=f"{number}/TB-UBND", date_issued=date(2024, 1, 1 + number))

    first = client.get(EN_URL)
    assert len(rows(first)) == 20
    assert numbers(first)[0] == "24/TB-UBND"
    assert soup(first).select_one(".pagination a[rel=next]")["href"] == "?page=2"

    second = client.get(EN_URL, {"page": "2"})
    assert numbers(second) == [f"{number}/TB-UBND" for number in range(4, -1, -1)]

    # The filters are kept from page to page; a page that is not a number is the first.
    filtered = soup(client.get(EN_URL, {"year": "2024", "page": "abc"}))
    assert filtered.select_one(".pagination a[rel=next]")["href"] == "?year=2024&page=2"


def test_a_search_is_paginated_too(client, pages):
    for number in range(23):
        cms.official_document(number=f"{number}/TB-UBND", title=f"Thông báo tuyển chọn {number}")

    assert len(rows(client.get(EN_URL, {"q": "tuyen chon"}))) == 20
    assert len(rows(client.get(EN_URL, {"q": "tuyen chon", "page": "2"}))) == 3


def test_empty_states(client, pages):
    page = soup(client.get(EN_URL))
    assert "No documents are published yet." in text(page)

    cms.official_document()
    page = soup(client.get(EN_URL, {"q": "không có gì"}))
    assert "No document matches these filters." in text(page)
    assert page.select_one(".empty-state a")["href"] == EN_URL


def count_queries(client, path, query) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, query)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_documents(count, start=0):
    bodies = [cms.issuing_body(), cms.issuing_body(name="Sở Tài chính", slug="so-tai-chinh")]
    for number in range(start, start + count):
        cms.official_document(
            number=f"{number}/QĐ-UBND",
            title=f"Quyết định hỗ trợ khởi nghiệp số {number}",
            summary="Tóm tắt",
            issuing_body=bodies[number % 2],
            date_issued=date(2015 + number % 10, 1, 1),
        )


@pytest.mark.parametrize("query", [{}, {"q": "khoi nghiep"}, {"type": "plan", "year": "2020"}])
def test_the_page_issues_the_same_queries_for_5_and_50_documents(
    client, pages, django_assert_num_queries, query
):
    add_documents(5)
    client.get(EN_URL, query)
    with_five = count_queries(client, EN_URL, query)

    add_documents(45, start=5)
    client.get(EN_URL, query)
    with django_assert_num_queries(with_five):
        client.get(EN_URL, query)

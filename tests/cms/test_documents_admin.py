"""The official documents, issuing bodies and news categories in the Wagtail
admin: coordinators list, filter, search, create and delete; editors may look
at the documents and keep news categories, but not add or delete documents."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.users.models import UserProfile

from cms.models import IssuingBody, NewsCategory, OfficialDocument
from tests.cms import factories as cms
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = "/admin/snippets/cms/officialdocument/"
BODIES = "/admin/snippets/cms/issuingbody/"
CATEGORIES = "/admin/snippets/cms/newscategory/"


def admin_client(groups):
    person = UserFactory(groups=groups)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def coordinator_client():
    return admin_client(["Coordinators"])


@pytest.fixture
def editor_client():
    return admin_client(["Editors"])


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def listed_numbers(response):
    page = soup(response)
    # The title cell: the number, then the row's buttons.
    cells = [row.select("td")[1] for row in page.select("table.listing tbody tr")]
    return [next(cell.stripped_strings) for cell in cells]


@pytest.fixture
def documents():
    science = cms.issuing_body(
        name="Sở Khoa học và Công nghệ", slug="so-khcn", name_en="Department of Science"
    )
    return [
        cms.official_document(
            number="44/KH-UBND",
            title="Kế hoạch hỗ trợ khởi nghiệp đổi mới sáng tạo",
            date_issued=date(2020, 3, 12),
        ),
        cms.official_document(
            number="120/QĐ-SKHCN",
            title="Quyết định phê duyệt nhiệm vụ",
            doc_type=OfficialDocument.Type.DECISION,
            date_issued=date(2023, 6, 1),
            issuing_body=science,
        ),
    ]


def test_a_coordinator_lists_documents_with_number_title_type_body_and_date(
    coordinator_client, documents
):
    page = soup(coordinator_client.get(DOCUMENTS))

    headings = [text(heading) for heading in page.select("table.listing thead th")]
    for heading in ("Number", "Title (Vietnamese)", "Type", "Issuing body", "Date issued"):
        assert heading in headings
    rows = [text(row) for row in page.select("table.listing tbody tr")]
    # The newest first.
    assert "120/QĐ-SKHCN" in rows[0]
    assert "Quyết định phê duyệt nhiệm vụ" in rows[0]
    assert "Decision" in rows[0]
    assert "Department of Science" in rows[0]
    assert "44/KH-UBND" in rows[1]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"doc_type": "decision"}, ["120/QĐ-SKHCN"]),
        ({"issuing_body": "issuing_body"}, ["44/KH-UBND"]),
        ({"year": "2020"}, ["44/KH-UBND"]),
        ({"q": "khoi nghiep"}, ["44/KH-UBND"]),
        ({"q": "KHỞI NGH"}, ["44/KH-UBND"]),
        ({"q": "120/QĐ"}, ["120/QĐ-SKHCN"]),
        ({"q": "nhiem vu", "year": "2020"}, []),
    ],
)
def test_a_coordinator_filters_and_searches_the_list(coordinator_client, documents, query, found):
    if query.get("issuing_body"):
        query = {**query, "issuing_body": str(cms.issuing_body().pk)}

    assert listed_numbers(coordinator_client.get(DOCUMENTS, query)) == found


def test_sorting_by_a_column_while_searching_works(coordinator_client, documents):
    response = coordinator_client.get(DOCUMENTS, {"q": "khoi", "ordering": "number"})

    assert listed_numbers(response) == ["44/KH-UBND"]


def test_a_coordinator_creates_a_document_that_the_public_then_finds(coordinator_client, client):
    cms.documents_page()
    body = cms.issuing_body()
    file = cms.document_file("quyet-dinh.pdf")

    response = coordinator_client.post(
        f"{DOCUMENTS}add/",
        {
            "number": "7/QĐ-UBND",
            "doc_type": "decision",
            "issuing_body": str(body.pk),
            "date_issued": "2024-02-05",
            "document": str(file.pk),
            "title": "Quyết định thành lập quỹ phát triển khoa học",
            "summary": "Thành lập quỹ.",
            "title_en": "",
            "summary_en": "",
        },
    )

    assert response.status_code == 302
    document = OfficialDocument.objects.get(number="7/QĐ-UBND")
    assert document.document == file
    assert listed_numbers(coordinator_client.get(DOCUMENTS)) == ["7/QĐ-UBND"]
    public = soup(client.get("/documents/", {"q": "quy phat trien"}))
    assert "7/QĐ-UBND" in text(public.select_one(".document-list"))


def test_a_document_needs_its_number_title_type_body_date_and_file(coordinator_client):
    response = coordinator_client.post(f"{DOCUMENTS}add/", {"title": "Thiếu thông tin"})

    assert response.status_code == 200
    assert not OfficialDocument.objects.exists()
    page = soup(response)
    assert page.select(".error-message") or "This field is required" in text(page)


def test_a_coordinator_deletes_a_document(coordinator_client, documents):
    response = coordinator_client.post(f"{DOCUMENTS}delete/{documents[0].pk}/")

    assert response.status_code == 302
    assert not OfficialDocument.objects.filter(pk=documents[0].pk).exists()


def test_an_editor_sees_the_documents_but_cannot_add_or_delete_them(editor_client, documents):
    assert listed_numbers(editor_client.get(DOCUMENTS)) == ["120/QĐ-SKHCN", "44/KH-UBND"]
    page = soup(editor_client.get(DOCUMENTS))
    assert not page.select(f'a[href="{DOCUMENTS}add/"]')

    document = documents[0]
    assert editor_client.get(f"{DOCUMENTS}add/").status_code in (302, 403)
    assert editor_client.get(f"{DOCUMENTS}delete/{document.pk}/").status_code in (302, 403)
    response = editor_client.post(f"{DOCUMENTS}delete/{document.pk}/")
    assert response.status_code in (302, 403)
    assert OfficialDocument.objects.filter(pk=document.pk).exists()


def test_an_editor_adds_a_news_category_but_cannot_delete_one(editor_client):
    response = editor_client.post(
        f"{CATEGORIES}add/",
        {"name": "Chuyển đổi số", "name_en": "Digital", "slug": "chuyen-doi-so"},
    )

    assert response.status_code == 302
    category = NewsCategory.objects.get(slug="chuyen-doi-so")
    editor_client.post(f"{CATEGORIES}delete/{category.pk}/")
    assert NewsCategory.objects.filter(pk=category.pk).exists()


def test_a_coordinator_keeps_the_issuing_bodies_and_news_categories(coordinator_client):
    response = coordinator_client.post(
        f"{BODIES}add/",
        {"name": "Sở Tài chính", "name_en": "Department of Finance", "slug": "so-tai-chinh"},
    )
    assert response.status_code == 302
    assert IssuingBody.objects.filter(slug="so-tai-chinh").exists()
    assert "Sở Tài chính" in text(soup(coordinator_client.get(BODIES, {"q": "tài chính"})))

    cms.category()
    assert "Khởi nghiệp" in text(soup(coordinator_client.get(CATEGORIES)))


def test_an_issuing_body_with_documents_cannot_be_deleted(coordinator_client, documents):
    body = cms.issuing_body()

    coordinator_client.post(f"{BODIES}delete/{body.pk}/")

    assert IssuingBody.objects.filter(pk=body.pk).exists()


def test_the_publishing_menu_groups_the_three_lists(coordinator_client):
    page = coordinator_client.get("/admin/").content.decode()

    assert "Publishing" in page
    for url in (DOCUMENTS, BODIES, CATEGORIES):
        assert url in page


def test_a_files_usage_lists_the_official_document_it_is_attached_to(
    coordinator_client, django_capture_on_commit_callbacks
):
    # The admin registers the model for Wagtail's usage index when its URLs
    # load; references are recorded by a task run once the save is committed.
    coordinator_client.get(DOCUMENTS)
    with django_capture_on_commit_callbacks(execute=True):
        document = cms.official_document(number="9/KH-UBND")

    page = soup(coordinator_client.get(f"/admin/documents/usage/{document.document_id}/"))

    assert "9/KH-UBND" in text(page.select_one("main"))

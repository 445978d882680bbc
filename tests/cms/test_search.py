"""/search/: one results page over pages, official documents, the directory,
events and mentors, grouped by kind; diacritics and case do not matter; only
what the public may see is found; odd input never fails; the number of
queries does not grow with the results.

Runs on SQLite and, with DATABASE_URL=postgres://..., on PostgreSQL (Wagtail's
database backend then uses PostgreSQL full text search)."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import OfficialDocument
from tests.cms import factories as cms
from tests.factories import (
    EventFactory,
    MentorFactory,
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

VI_URL = "/search/"
EN_URL = "/en/search/"


def soup(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def titles(page, kind):
    return [text(title) for title in page.select(f"#results-{kind} .search-hit__title")]


def see_all(page, kind):
    return {
        text(link): link["href"] for link in page.select(f"#results-{kind} .search-group__more a")
    }


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def article():
    return cms.news_page(title="Khởi nghiệp sáng tạo", summary="Ngày hội khởi nghiệp của tỉnh.")


@pytest.fixture
def everything(article):
    """One of each kind that mentions khởi nghiệp, and their hidden twins."""
    cms.documents_page()
    cms.official_document(
        number="44/KH-UBND",
        title="Kế hoạch hỗ trợ khởi nghiệp đổi mới sáng tạo",
        title_en="Plan to support innovative startups",
    )
    StartupFactory(name="Khởi nghiệp Biển Xanh")
    ResearchGroupFactory(name="Nhóm khởi nghiệp sinh học")
    StartupFactory(name="Khởi nghiệp chưa duyệt", status="pending")
    StartupFactory(name="Khởi nghiệp bị từ chối", status="rejected")
    EventFactory(title="Hội thảo khởi nghiệp", title_en="Startup workshop")
    past = timezone.now() - timedelta(days=30)
    EventFactory(
        title="Ngày hội khởi nghiệp 2025",
        title_en="",
        starts_at=past,
        ends_at=past + timedelta(hours=2),
    )
    EventFactory(title="Hội thảo khởi nghiệp nội bộ", visibility="members")
    MentorFactory(
        user=UserFactory(full_name="Nguyễn Văn An", groups=["Mentors"]),
        headline="Cố vấn khởi nghiệp",
        headline_en="Startup adviser",
        job_title="Giám đốc",
        organisation_name="Vườn ươm doanh nghiệp tỉnh",
    )
    for status in ("invited", "pending", "suspended"):
        MentorFactory(
            user=UserFactory(full_name=f"Cố vấn {status}", groups=["Mentors"]),
            headline="Cố vấn khởi nghiệp",
            status=status,
        )
    # A draft article is not found.
    draft = cms.news_page(title="Khởi nghiệp bản nháp")
    draft.unpublish()


@pytest.mark.parametrize("query", ["khoi nghiep", "KHỞI NGHIỆP", "Khởi Nghiệp", "  khởi   nghiệp "])
def test_diacritics_and_case_do_not_matter(client, article, query):
    page = soup(client.get(VI_URL, {"q": query}))

    assert titles(page, "pages") == ["Khởi nghiệp sáng tạo"]
    link = page.select_one("#results-pages .search-hit__title a")
    assert link["href"] == article.url


def test_words_need_not_be_together_but_all_must_be_there(client, article):
    cms.news_page(title="Sáng tạo trong nông nghiệp")

    assert titles(soup(client.get(VI_URL, {"q": "sang tao khoi"})), "pages") == [
        "Khởi nghiệp sáng tạo"
    ]
    assert titles(soup(client.get(VI_URL, {"q": "khoi nghiep nong"})), "pages") == []
    assert sorted(titles(soup(client.get(VI_URL, {"q": "sáng tạo"})), "pages")) == [
        "Khởi nghiệp sáng tạo",
        "Sáng tạo trong nông nghiệp",
    ]


def test_one_page_groups_the_results_by_kind(client, everything):
    page = soup(client.get(VI_URL, {"q": "khoi nghiep"}))

    kinds = [section["id"] for section in page.select(".search-group")]
    assert kinds == [
        "results-pages",
        "results-documents",
        "results-directory",
        "results-events",
        "results-mentors",
    ]
    assert titles(page, "pages") == ["Khởi nghiệp sáng tạo"]
    assert titles(page, "documents") == ["Kế hoạch hỗ trợ khởi nghiệp đổi mới sáng tạo"]
    assert sorted(titles(page, "directory")) == [
        "Khởi nghiệp Biển Xanh",
        "Nhóm khởi nghiệp sinh học",
    ]
    # Upcoming events first, then past ones.
    assert titles(page, "events") == ["Hội thảo khởi nghiệp", "Ngày hội khởi nghiệp 2025"]
    assert titles(page, "mentors") == ["Nguyễn Văn An"]


def test_unverified_organisations_unapproved_mentors_and_hidden_content_never_appear(
    client, everything
):
    restricted = cms.news_page(title="Khởi nghiệp nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)

    for query in ("khoi nghiep", "chua duyet", "bi tu choi", "noi bo", "ban nhap", "co van"):
        shown = text(soup(client.get(VI_URL, {"q": query})).select_one("main"))
        for hidden in (
            "Khởi nghiệp chưa duyệt",
            "Khởi nghiệp bị từ chối",
            "Hội thảo khởi nghiệp nội bộ",
            "Cố vấn invited",
            "Cố vấn pending",
            "Cố vấn suspended",
            "Khởi nghiệp bản nháp",
            "Khởi nghiệp nội bộ",
        ):
            assert hidden not in shown, (query, hidden)


def test_each_group_links_to_the_full_list_it_comes_from(client, everything):
    page = soup(client.get(EN_URL, {"q": "khởi nghiệp"}))

    documents = see_all(page, "documents")["See 1 document"]
    assert documents.startswith("/documents/?")  # There is no English documents page.
    assert query_of(documents) == {"q": "khởi nghiệp"}
    directory = see_all(page, "directory")
    assert query_of(directory["See 1 startup"]) == {"q": "khởi nghiệp"}
    assert directory["See 1 startup"].startswith("/en/directory/startups/?")
    assert directory["See 1 research group"].startswith("/en/directory/research-groups/?")
    events = see_all(page, "events")
    assert events["See 1 upcoming event"].startswith("/en/events/?")
    assert query_of(events["See 1 past event"]) == {"q": "khởi nghiệp", "when": "past"}
    assert see_all(page, "mentors")["See 1 mentor"].startswith("/en/mentors/?")

    # The section lists find the same results with the same words.
    startups = client.get(directory["See 1 startup"])
    assert "Khởi nghiệp Biển Xanh" in text(soup(startups))
    assert "44/KH-UBND" in text(soup(client.get(documents)))


def test_english_readers_search_english_pages_and_see_english_where_there_is_some(
    client, everything, article
):
    cms.translate(cms.news_index("vi"), title="News", slug="news")
    cms.translate(article, title="Creative startups", summary="The province's startup day.")

    page = soup(client.get(EN_URL, {"q": "startups"}))
    assert titles(page, "pages") == ["Creative startups"]
    assert page.select_one("#results-pages a")["href"].startswith("/en/news/")
    assert titles(page, "documents") == ["Plan to support innovative startups"]

    page = soup(client.get(EN_URL, {"q": "khởi nghiệp"}))
    # The Vietnamese article is not an English page.
    assert "results-pages" not in [section["id"] for section in page.select(".search-group")]
    events = page.select("#results-events .search-hit")
    assert text(events[0].select_one(".search-hit__title")) == "Startup workshop"
    past_title = events[1].select_one(".search-hit__title a")
    assert (text(past_title), past_title["lang"]) == ("Ngày hội khởi nghiệp 2025", "vi")
    assert "Startup adviser" in text(page.select_one("#results-mentors"))
    # Job titles and organisations are kept in Vietnamese only: marked as such.
    assert page.select_one("#results-mentors .search-hit__meta")["lang"] == "vi"

    page = soup(client.get(VI_URL, {"q": "startups"}))
    assert titles(page, "pages") == []


def test_a_summary_and_jump_links_say_how_many_of_each_kind_were_found(client, everything):
    page = soup(client.get(EN_URL, {"q": "khoi nghiep"}))

    assert text(page.select_one(".search-summary__count")) == "6 results for “khoi nghiep”"
    jumps = [text(link) for link in page.select(".search-kinds a")]
    assert jumps == ["Official documents (1)", "Directory (2)", "Events (2)", "Mentors (1)"]
    assert "No matches among: pages." in text(page)


def test_more_pages_than_the_group_shows_are_listed_page_by_page(client, article):
    for number in range(24):
        cms.news_page(title=f"Tin khởi nghiệp số {number}")

    page = soup(client.get(EN_URL, {"q": "khởi nghiệp"}))
    assert titles(page, "pages") == []  # Vietnamese pages, English search

    page = soup(client.get(VI_URL, {"q": "khởi nghiệp"}))
    assert len(titles(page, "pages")) == 5
    (url,) = see_all(page, "pages").values()
    assert query_of(url) == {"q": "khởi nghiệp", "kind": "pages"}

    first = soup(client.get(url))
    assert len(first.select(".search-hit")) == 20
    assert first.select_one(".pagination a[rel=next]")
    second = soup(client.get(url + "&page=2"))
    assert len(second.select(".search-hit")) == 5


def test_nothing_found_says_what_to_try(client, everything):
    page = soup(client.get(EN_URL, {"q": "tàu vũ trụ"}))

    assert page.select(".search-group") == []
    assert "Nothing matches this search." in text(page)


@pytest.mark.parametrize("query", [{}, {"q": ""}, {"q": "   "}])
def test_without_a_query_the_form_says_what_can_be_found(client, query):
    page = soup(client.get(EN_URL, query))

    assert page.select_one("form.search-form input[name=q]")
    assert "What are you looking for?" in text(page)
    assert page.select(".search-group") == []


@pytest.mark.parametrize("query", ["!!!", "…", "«»", "%", "🙂"])
def test_a_query_without_letters_or_digits_is_explained(client, article, query):
    page = soup(client.get(EN_URL, {"q": query}))

    assert "Type a word to search for" in text(page)


def test_a_very_long_query_is_refused_with_a_message(client, article):
    response = client.get(EN_URL, {"q": "khởi nghiệp " * 200})

    page = soup(response, status=400)
    assert "Search for at most 200 characters" in text(page)
    assert page.select(".search-group") == []


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE wagtailcore_page; --",
        '"khoi nghiep',
        "khoi OR nghiep",
        "khoi* -nghiep",
        "NEAR(khoi nghiep)",
        "<script>alert(1)</script>",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        "x" * 200,
        "_",
        "khoi_nghiep __init__",
        "khoi:* & nghiep | !x",
    ],
)
def test_odd_queries_do_not_fail(client, everything, query):
    response = client.get(VI_URL, {"q": query})

    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_an_unknown_kind_shows_every_kind(client, everything):
    page = soup(client.get(VI_URL, {"q": "khoi nghiep", "kind": "spaceships"}))

    assert len(page.select(".search-group")) == 5


def test_a_null_character_is_refused(client, article):
    assert client.get(EN_URL, {"q": "khoi\x00nghiep"}).status_code == 400


def count_queries(client, path, query) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, query)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_matches(start, count):
    """`count` more of every kind, each mentioning "khởi nghiệp"."""
    for number in range(start, start + count):
        cms.news_page(title=f"Khởi nghiệp tin {number}", slug=f"tin-{number}")
        cms.official_document(title=f"Kế hoạch khởi nghiệp {number}")
        StartupFactory(name=f"Khởi nghiệp {number}")
        PartnerFactory(name=f"Vườn ươm khởi nghiệp {number}")
        EventFactory(title=f"Hội thảo khởi nghiệp {number}")
        MentorFactory(headline=f"Cố vấn khởi nghiệp {number}")


@pytest.mark.parametrize("path", [VI_URL, EN_URL])
def test_queries_do_not_grow_with_the_results(client, django_assert_num_queries, path):
    cms.documents_page()
    add_matches(0, 1)
    query = {"q": "khoi nghiep"}
    client.get(path, query)
    with_one = count_queries(client, path, query)

    add_matches(1, 11)
    client.get(path, query)
    with django_assert_num_queries(with_one):
        response = client.get(path, query)
    if path == VI_URL:
        assert len(soup(response).select(".search-hit")) == 5 * 5


def test_only_official_documents_with_files_are_listed_under_documents(client, everything):
    # Every document has a file (the field is required); the result links to it.
    document = OfficialDocument.objects.get(number="44/KH-UBND")
    page = soup(client.get(VI_URL, {"q": "44/KH-UBND"}))

    assert page.select_one("#results-documents .search-hit__title a")["href"] == (
        document.document.url
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the page search joins index entries to pages this way on PostgreSQL only",
)
def test_page_search_can_join_its_entries_to_pages_through_an_index():
    """Wagtail's PostgreSQL search joins its entries to pages on the page id as
    text; without an index on that expression each match scans every page (the
    bench's search at tier S: 600 ms without, 30 ms with)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'cms_page_id_as_text'")
        (definition,) = cursor.fetchone()
    assert "wagtailcore_page" in definition and "(id)::character varying(50)" in definition

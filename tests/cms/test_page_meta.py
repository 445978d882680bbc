"""What search engines and link previews read in a page's <head>: the canonical
address, the page in its other language, OpenGraph and Twitter tags, and the
NewsArticle data block."""

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from tests.cms import factories

pytestmark = pytest.mark.django_db


def head_of(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(head, name) -> str | None:
    tag = head.find("meta", attrs={"property": name}) or head.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def alternates(head) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in head.select("link[rel=alternate][hreflang]")}


def structured_data(head) -> dict:
    [script] = head.select('script[type="application/ld+json"]')
    return json.loads(script.string)


@pytest.fixture
def article():
    page = factories.news_page(
        title="Ngày hội khởi nghiệp",
        summary="Tóm tắt ngày hội.",
        author="Phòng Quản lý khoa học",
        date=date(2026, 3, 14),
        hero_image=factories.image(size=(1600, 900)),
        hero_image_alt="Sân khấu",
    )
    page.tags.add("Demo Day")
    page.save_revision().publish()
    return page


def test_an_article_has_a_canonical_address_and_opengraph_tags(client, article):
    head = head_of(client, article.url)

    canonical = f"http://testserver{article.url}"
    assert head.select_one("link[rel=canonical]")["href"] == canonical
    assert meta(head, "og:url") == canonical
    assert meta(head, "og:type") == "article"
    assert meta(head, "og:title") == "Ngày hội khởi nghiệp"
    assert meta(head, "og:description") == "Tóm tắt ngày hội."
    assert meta(head, "description") == "Tóm tắt ngày hội."
    assert meta(head, "og:locale") == "vi_VN"
    image = meta(head, "og:image")
    assert image.startswith("http://testserver/") and image.endswith(".webp")
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1600", "900")
    assert meta(head, "og:image:alt") == "Sân khấu"
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "twitter:title") == "Ngày hội khởi nghiệp"
    assert meta(head, "article:tag") == "Demo Day"
    assert meta(head, "article:published_time")


def test_the_search_description_wins_over_the_summary(client, article):
    article.search_description = "Mô tả cho máy tìm kiếm."
    article.save_revision().publish()

    head = head_of(client, article.url)

    assert meta(head, "og:description") == "Mô tả cho máy tìm kiếm."
    assert len(head.select("meta[name=description]")) == 1


def test_an_article_is_described_as_a_news_article(client, article):
    head = head_of(client, article.url)

    data = structured_data(head)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Ngày hội khởi nghiệp"
    assert data["url"] == f"http://testserver{article.url}"
    assert data["datePublished"].startswith("2026-03-14T00:00:00+07:00")
    assert data["dateModified"] >= data["datePublished"][:10]
    assert data["author"] == {"@type": "Person", "name": "Phòng Quản lý khoa học"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "innohub"
    assert data["image"] == [meta(head, "og:image")]
    assert data["inLanguage"] == "vi"


def test_the_data_block_cannot_be_closed_by_a_title(client):
    page = factories.news_page(title="</script><script>alert(1)</script>", author="")

    response = client.get(page.url)
    html = response.content.decode()

    assert "</script><script>alert(1)" not in html
    head = BeautifulSoup(response.content, "html.parser").head
    data = structured_data(head)
    assert data["headline"] == "</script><script>alert(1)</script>"
    assert data["author"]["@type"] == "Organization"  # no author: the publisher
    assert "image" not in data
    assert meta(head, "twitter:card") == "summary"


def test_a_translated_article_lists_both_languages(client, article):
    factories.news_index("en")
    english = factories.translate(article, title="Startup day", summary="The summary.")

    vietnamese_head = head_of(client, article.url)
    english_head = head_of(client, english.url)

    expected = {
        "vi": f"http://testserver{article.url}",
        "en": f"http://testserver{english.url}",
        "x-default": f"http://testserver{article.url}",
    }
    assert alternates(vietnamese_head) == expected
    assert alternates(english_head) == expected
    assert english.url.startswith("/en/")
    assert english_head.select_one("link[rel=canonical]")["href"] == expected["en"]
    assert meta(english_head, "og:locale") == "en_US"
    assert meta(english_head, "og:locale:alternate") == "vi_VN"
    assert structured_data(english_head)["inLanguage"] == "en"
    assert structured_data(english_head)["headline"] == "Startup day"


def test_a_page_without_translation_has_no_alternates(client, article):
    assert alternates(head_of(client, article.url)) == {}


def test_the_index_pages_have_their_own_canonical_address(client):
    for day in range(1, 15):
        factories.news_page(date=date(2026, 1, day))

    first = head_of(client, "/news/?year=2026")
    second = head_of(client, "/news/?page=2")

    assert first.select_one("link[rel=canonical]")["href"] == "http://testserver/news/"
    assert second.select_one("link[rel=canonical]")["href"] == "http://testserver/news/?page=2"
    assert meta(first, "og:type") == "website"
    assert not first.select('script[type="application/ld+json"]')


def test_other_pages_of_the_site_get_the_tags_too(client):
    head = head_of(client, "/")

    assert head.select_one("link[rel=canonical]")["href"] == "http://testserver/"
    assert alternates(head)["en"] == "http://testserver/en/"
    assert alternates(head)["x-default"] == "http://testserver/"


def test_the_head_and_the_language_switcher_ask_for_the_translations_once(client, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    factories.news_index("en")
    english = factories.translate(article, title="Startup day", summary="The summary.")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    key = f"\"translation_key\" = '{article.translation_key.hex}'"
    asked = [query["sql"] for query in queries if key in query["sql"]]
    assert len(asked) == 1, asked
    # Both still show the English version.
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one('link[hreflang="en"]')["href"].endswith(english.url)
    assert page.select_one(f'a[href="{english.url}"]') is not None

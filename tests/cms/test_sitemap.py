"""/sitemap.xml: valid XML, every address in both languages with hreflang
alternates; only what the public may see; rebuilt as soon as anything in it
changes, and not otherwise."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.cms.factories import news_index, news_page, translate
from tests.factories import EventFactory, MentorFactory, StartupFactory

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
BASE = "http://testserver"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    # Our own response, not untrusted input.
    return ElementTree.fromstring(response.content)  # noqa: S314


def sitemap_urls(client):
    """{address: {hreflang: href}} for every <url> of /sitemap.xml."""
    urlset = parse(client.get("/sitemap.xml"))
    assert urlset.tag == f"{{{NS['sm']}}}urlset"
    urls = {}
    for url in urlset.findall("sm:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        urls[url.find("sm:loc", NS).text] = alternates
    return urls


def test_translated_pages_carry_hreflang_alternates(client):
    news_index("en")
    article = news_page(title="Khởi nghiệp sáng tạo", slug="khoi-nghiep-sang-tao")
    translate(article, title="Innovative startups", slug="innovative-startups")
    news_page(title="Chỉ có tiếng Việt", slug="chi-tieng-viet")
    urls = sitemap_urls(client)

    vietnamese = f"{BASE}/news/khoi-nghiep-sang-tao/"
    english = f"{BASE}/en/news/innovative-startups/"
    expected = {"vi": vietnamese, "en": english, "x-default": vietnamese}
    assert urls[vietnamese] == expected
    assert urls[english] == expected
    # Both home pages are listed, each pointing at the other.
    assert urls[f"{BASE}/"]["en"] == f"{BASE}/en/"
    # A page with no translation is listed, without alternates.
    assert urls[f"{BASE}/news/chi-tieng-viet/"] == {}


def test_unpublished_and_restricted_pages_are_left_out(client):
    draft = news_page(title="Bản nháp", slug="ban-nhap")
    draft.unpublish()
    private = news_page(title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    urls = sitemap_urls(client)
    assert f"{BASE}/news/ban-nhap/" not in urls
    assert f"{BASE}/news/noi-bo/" not in urls


def test_verified_profiles_in_both_languages(client):
    verified = StartupFactory(slug="bien-xanh")
    StartupFactory(slug="cho-xac-minh", status="pending")
    urls = sitemap_urls(client)
    vietnamese = f"{BASE}/directory/startups/bien-xanh/"
    english = f"{BASE}/en/directory/startups/bien-xanh/"
    assert urls[vietnamese] == {"vi": vietnamese, "en": english, "x-default": vietnamese}
    assert english in urls
    assert not any("cho-xac-minh" in url for url in urls)
    assert verified.get_absolute_url() == "/directory/startups/bien-xanh/"


def test_upcoming_public_events_only(client):
    EventFactory(slug="sap-dien-ra")
    EventFactory(
        slug="da-qua",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    EventFactory(slug="da-huy", status="cancelled")
    EventFactory(slug="noi-bo", visibility="members")
    urls = sitemap_urls(client)
    assert urls[f"{BASE}/events/sap-dien-ra/"]["en"] == f"{BASE}/en/events/sap-dien-ra/"
    assert f"{BASE}/en/events/sap-dien-ra/" in urls
    for slug in ("da-qua", "da-huy", "noi-bo"):
        assert not any(f"/events/{slug}/" in url for url in urls)


def test_approved_mentors_only(client):
    MentorFactory(slug="co-van-da-duyet")
    for status in ("pending", "invited", "suspended"):
        MentorFactory(slug=f"co-van-{status}", status=status)
    urls = sitemap_urls(client)
    approved = f"{BASE}/mentors/co-van-da-duyet/"
    assert urls[approved] == {
        "vi": approved,
        "en": f"{BASE}/en/mentors/co-van-da-duyet/",
        "x-default": approved,
    }
    assert [url for url in urls if "/mentors/" in url] == [
        approved,
        f"{BASE}/en/mentors/co-van-da-duyet/",
    ]


def test_a_new_article_shows_at_once_and_an_unchanged_sitemap_is_not_rebuilt(
    client, django_assert_max_num_queries
):
    news_page(title="Tin thứ nhất", slug="tin-thu-nhat")
    assert f"{BASE}/news/tin-thu-nhat/" in sitemap_urls(client)
    # Nothing changed: the built file is reused. What it costs: the site and its
    # home pages, the view restrictions, and a size-and-date query per section.
    with django_assert_max_num_queries(7):
        client.get("/sitemap.xml")
    news_page(title="Tin thứ hai", slug="tin-thu-hai")
    assert f"{BASE}/news/tin-thu-hai/" in sitemap_urls(client)
    StartupFactory(slug="moi-xac-minh")
    assert f"{BASE}/directory/startups/moi-xac-minh/" in sitemap_urls(client)

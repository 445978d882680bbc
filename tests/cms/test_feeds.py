"""The RSS 2.0 and Atom feeds of the news and of the calls, read by a feed
parser as a feed reader would."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from cms.demo import seed_call_pages
from tests.cms import factories
from tests.factories import CallFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

PROVINCE = ZoneInfo("Asia/Ho_Chi_Minh")


def moment(parsed) -> datetime:
    """A time from the feed parser (a UTC struct_time) as an aware datetime."""
    return datetime(*parsed[:6], tzinfo=UTC)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.fixture
def news():
    """Two published articles, a draft and a private one; the first translated."""
    first = factories.news_page(
        title="Khởi nghiệp sáng tạo",
        summary="Tóm tắt <b>một</b>.",
        author="Phòng Quản lý khoa học",
        date=date(2026, 3, 2),
    )
    first.categories.add(factories.category())
    first.save_revision().publish()
    factories.news_page(title="Hội thảo", summary="Tóm tắt hai.", date=date(2026, 3, 1))
    draft = factories.news_page(title="Bản nháp")
    draft.unpublish()
    private = factories.news_page(title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    factories.news_index("en")
    factories.translate(first, title="Creative startups", summary="Summary one.")
    return first


def test_the_news_rss_feed(client, news):
    response, feed = parse(client, "/news/feed/")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.bozo == 0
    assert feed.version == "rss20"
    assert feed.feed.title == "Tin tức · innohub"
    assert feed.feed.link == "http://testserver/news/"
    assert feed.feed.language == "vi"
    assert [entry.title for entry in feed.entries] == ["Khởi nghiệp sáng tạo", "Hội thảo"]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{news.url}"
    assert entry.id.startswith("tag:") and entry.id.endswith(f"/news/{news.pk}")
    assert entry.guidislink is False
    assert moment(entry.published_parsed) == datetime(2026, 3, 2, tzinfo=PROVINCE)
    assert entry.summary == "Tóm tắt <b>một</b>."  # text, escaped in the XML
    assert "<b>" not in response.content.decode()
    assert entry.author == "Phòng Quản lý khoa học"
    assert [tag.term for tag in entry.tags] == ["Khởi nghiệp"]


def test_the_news_atom_feed(client, news):
    response, feed = parse(client, "/news/feed/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.bozo == 0
    assert feed.version == "atom10"
    assert feed.feed.title == "Tin tức · innohub"
    assert feed.feed.link == "http://testserver/news/"
    assert feed.feed.updated_parsed
    assert [entry.title for entry in feed.entries] == ["Khởi nghiệp sáng tạo", "Hội thảo"]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{news.url}"
    assert entry.id.endswith(f"/news/{news.pk}")
    assert moment(entry.published_parsed) == datetime(2026, 3, 2, tzinfo=PROVINCE)
    assert moment(entry.updated_parsed) >= moment(entry.published_parsed)
    assert entry.summary == "Tóm tắt <b>một</b>."
    assert entry.author == "Phòng Quản lý khoa học"


@pytest.mark.parametrize(
    ("url", "version"), [("/en/news/feed/", "rss20"), ("/en/news/feed/atom/", "atom10")]
)
def test_the_english_news_feeds_list_the_english_translations(client, news, url, version):
    _, feed = parse(client, url)

    assert feed.version == version
    assert feed.feed.title == "News · innohub"
    assert feed.feed.link == "http://testserver/en/news/"
    assert [entry.title for entry in feed.entries] == ["Creative startups"]
    assert feed.entries[0].link.startswith("http://testserver/en/news/")
    assert feed.entries[0].summary == "Summary one."
    # The same article in the other language is another item.
    assert feed.entries[0].id != parse(client, url.replace("/en", ""))[1].entries[0].id


def test_the_feeds_are_announced_on_the_index(client, news):
    html = client.get("/news/").content.decode()

    assert 'type="application/rss+xml" href="/news/feed/"' in html
    assert 'type="application/atom+xml" href="/news/feed/atom/"' in html


def test_an_empty_news_feed_is_still_a_feed(client):
    factories.news_index("vi")

    _, feed = parse(client, "/news/feed/")

    assert feed.bozo == 0
    assert feed.version == "rss20"
    assert feed.entries == []


@pytest.fixture
def calls():
    opens = datetime(2030, 3, 1, 8, 0, tzinfo=PROVINCE)
    programme = ProgrammeFactory(name="Quỹ hỗ trợ", name_en="Support fund", kind="grant")
    CallFactory(
        title="Hỗ trợ thương mại hóa",
        title_en="Market support",
        slug="thuong-mai-hoa",
        programme=programme,
        opens_at=opens,
        closes_at=opens + timedelta(days=30, hours=9),
    )
    seed_call_pages(lambda line: None)


@pytest.mark.parametrize(
    ("url", "version"), [("/calls/feed/", "rss20"), ("/calls/feed/atom/", "atom10")]
)
def test_the_calls_feeds(client, calls, url, version):
    _, feed = parse(client, url)

    assert feed.bozo == 0
    assert feed.version == version
    assert feed.feed.link == "http://testserver/calls/"
    [entry] = feed.entries
    assert entry.title == "Hỗ trợ thương mại hóa"
    assert entry.link == "http://testserver/calls/thuong-mai-hoa/"
    assert entry.id.startswith("tag:")
    assert entry.published_parsed or entry.updated_parsed
    # The call's own dates, on the province's clock.
    assert "01/03/2030 08:00" in entry.summary
    assert "31/03/2030 17:00" in entry.summary
    assert "Quỹ hỗ trợ" in entry.summary


def test_the_english_calls_feed(client, calls):
    _, feed = parse(client, "/en/calls/feed/")

    [entry] = feed.entries
    assert entry.title == "Market support"
    assert entry.link == "http://testserver/en/calls/thuong-mai-hoa/"
    assert "Opens 01/03/2030 08:00, closes 31/03/2030 17:00 (Vietnam time)." in entry.summary
    assert "Support fund" in entry.summary

"""The editorial loop in a browser, through the Wagtail admin: an editor writes a
news article with a picture and submits it for review; until a coordinator
approves it nobody sees it; once approved it is on the home page, the news
index, the RSS and Atom feeds and the sitemap. The editor then translates it
with Wagtail's Translate action, the coordinator approves the English version,
and it shows under /en/ (with the sitemap pairing both languages)."""

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.conf import settings
from django.test import Client
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from cms.models import NewsPage
from tests.cms import factories as cms
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The workflow, as cms/migrations/0005_editorial_workflow.py names it.
WORKFLOW = "Biên tập và phê duyệt"

TITLE = "Khởi nghiệp xanh ở Rạch Giá"
SUMMARY = "Ba nhóm sinh viên biến vỏ sò thành gạch lát vỉa hè."
SLUG = "khoi-nghiep-xanh-rach-gia"
TITLE_EN = "Green startups in Rach Gia"
SUMMARY_EN = "Three student teams turn oyster shells into paving bricks."

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def english_admin(user):
    """The admin speaks the user's preferred language; English keeps the
    selectors below stable."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def signed_in(new_page, live_server, user):
    client = Client()
    client.force_login(user)
    page = new_page(locale="en-GB")
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the live test server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def picture(path) -> str:
    PILImage.new("RGB", (1200, 800), (30, 120, 90)).save(path, "PNG")
    return str(path)


def title_field(page):
    # The title's label reads "Title*"; the SEO title's must not match.
    return page.get_by_role("textbox", name=re.compile(r"^Title\*?$"))


def submit_for_review(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=f"Submit to {WORKFLOW}").click()
    expect(page.get_by_role("status")).to_contain_text("submitted")


def approve(page, base, title):
    """The coordinator opens the page from "Awaiting your review" on the
    dashboard and approves it, which publishes it (the workflow's last task)."""
    page.goto(base + "/admin/")
    page.get_by_role("region", name="Awaiting your review").get_by_role(
        "link", name=title
    ).first.click()
    page.wait_for_load_state()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    # Wagtail saves the page, approves the task and comes back to the explorer.
    expect(page.get_by_role("status")).to_contain_text(title)


def sitemap_entry(base, path):
    """The hreflang alternates of `path` in the sitemap ({} when it has none),
    or None when the sitemap does not list it."""
    status, body = fetch(base + "/sitemap.xml")
    assert status == 200
    for url in ET.fromstring(body).iter(f"{SITEMAP}url"):  # noqa: S314 - our own sitemap
        loc = url.findtext(f"{SITEMAP}loc")
        if loc.endswith(path):
            return {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
    return None


def test_an_editor_writes_a_coordinator_approves_and_readers_see_it_in_both_languages(
    live_server, new_page, tmp_path
):
    base = live_server.url
    cms.news_index("vi")
    cms.news_index("en")
    editor_user = english_admin(UserFactory(groups=["Editors"]))
    coordinator_user = english_admin(UserFactory(groups=["Coordinators"]))
    article_url = f"/news/{SLUG}/"

    # The editor writes the article under the news index, uploading its picture
    # in the image chooser, and submits it for review.
    editor = signed_in(new_page, live_server, editor_user)
    editor.goto(base + f"/admin/pages/add/cms/newspage/{cms.news_index('vi').pk}/")
    title_field(editor).fill(TITLE)
    editor.get_by_label("Author").fill("Lê Minh Khánh")
    editor.get_by_label("Summary").fill(SUMMARY)
    editor.get_by_role("button", name="Choose an image").click()
    chooser = editor.get_by_role("dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.get_by_label("File").set_input_files(picture(tmp_path / "vo-so.png"))
    chooser.get_by_role("textbox", name=re.compile("^Title")).fill("Gạch từ vỏ sò")
    chooser.get_by_role("button", name="Upload").click()
    expect(chooser).to_be_hidden()
    editor.get_by_label("Description of the main image").fill("Viên gạch lát làm từ vỏ sò")
    editor.get_by_role("tab", name="Promote").click()
    editor.get_by_label("Slug").fill(SLUG)
    submit_for_review(editor)

    article = NewsPage.objects.get(slug=SLUG, locale__language_code="vi")
    assert article.hero_image is not None
    assert not article.live
    assert fetch(base + article_url)[0] == 404

    # The coordinator approves it from the dashboard: it is published.
    coordinator = signed_in(new_page, live_server, coordinator_user)
    approve(coordinator, base, TITLE)
    article.refresh_from_db()
    assert article.live

    # Readers find it: the article itself with its picture, the home page,
    # the news index, both feeds and the sitemap.
    reader = new_page()
    assert reader.goto(base + article_url).status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader.get_by_role("img", name="Viên gạch lát làm từ vỏ sò")).to_be_visible()
    reader.goto(base + "/")
    expect(reader.locator("main").get_by_role("link", name=TITLE)).to_be_visible()
    reader.goto(base + "/news/")
    expect(reader.locator("main").get_by_role("link", name=TITLE)).to_be_visible()

    rss = feedparser.parse(fetch(base + "/news/feed/")[1])
    assert not rss.bozo, rss.get("bozo_exception")
    assert rss.version == "rss20"
    assert rss.feed.title and rss.feed.link
    item = rss.entries[0]
    assert (item.title, item.summary) == (TITLE, SUMMARY)
    assert item.link.endswith(article_url) and item.id and item.published

    atom = feedparser.parse(fetch(base + "/news/feed/atom/")[1])
    assert not atom.bozo, atom.get("bozo_exception")
    assert atom.version == "atom10"
    assert atom.feed.title and atom.feed.id and atom.feed.updated
    entry = atom.entries[0]
    assert entry.title == TITLE
    assert entry.link.endswith(article_url) and entry.id and entry.updated
    assert entry.id == item.id

    assert sitemap_entry(base, article_url) is not None

    # The editor translates it with Wagtail's Translate action, writes the
    # English text and submits it; the coordinator approves it.
    assert editor_user.has_perm("simple_translation.submit_translation"), (
        "Editors cannot translate pages: their group lacks Wagtail's "
        "simple_translation.submit_translation permission"
    )
    editor.goto(base + f"/admin/pages/{article.pk}/edit/")
    editor.get_by_role("navigation", name="Actions", exact=True).get_by_role(
        "button", name="Actions"
    ).click()
    editor.get_by_role("link", name="Translate").click()
    editor.get_by_role("checkbox", name="English").check()
    editor.get_by_role("button", name="Submit").click()
    editor.wait_for_load_state()
    expect(title_field(editor)).to_have_value(TITLE)
    title_field(editor).fill(TITLE_EN)
    editor.get_by_label("Summary").fill(SUMMARY_EN)
    editor.get_by_label("Description of the main image").fill("A paving brick made of shells")
    submit_for_review(editor)
    assert fetch(base + f"/en{article_url}")[0] == 404

    approve(coordinator, base, TITLE_EN)

    assert reader.goto(base + f"/en{article_url}").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE_EN)
    expect(reader.get_by_role("img", name="A paving brick made of shells")).to_be_visible()
    reader.goto(base + "/en/news/")
    expect(reader.locator("main").get_by_role("link", name=TITLE_EN)).to_be_visible()
    english_feed = feedparser.parse(fetch(base + "/en/news/feed/")[1])
    assert english_feed.entries[0].title == TITLE_EN

    # The sitemap lists each language with the other as its hreflang alternate.
    for path in (article_url, f"/en{article_url}"):
        alternates = sitemap_entry(base, path)
        assert alternates is not None, path
        assert alternates["vi"].endswith(article_url)
        assert alternates["en"].endswith(f"/en{article_url}")

    for page in (editor, coordinator, reader):
        assert page.js_errors == []

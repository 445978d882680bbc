"""The public CMS pages in a real browser, with the demo content a visitor
would meet: axe-core finds no serious or critical problem and nothing scrolls
sideways, on a phone (360 px) and a desktop (1280 px), in Vietnamese and in
English — the home page, the news, an article with a picture, a table and a quote,
a call's page, the official documents and search results in several groups.

One test per language: the demo data is seeded once and every page is checked
at both widths, and the report lists every problem found, not just the first."""

import io

import pytest
from django.core.management import call_command

from .accessibility import serious_violations
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A demo article whose body has every kind of block that matters here: a
# picture with its caption, a quote and a table (cms/demo_content.py).
ARTICLE = "/news/khai-mac-khoa-uom-tao-khoi-nghiep-2026/"
CALL = "/calls/thuong-mai-hoa-san-pham-2026/"
SEARCH = "/search/?q=khoi+nghiep"

# Each page and what must be on it for the check to mean something.
PAGES = {
    "/": "main h1",
    ARTICLE: "main figure img, main blockquote, main table",
    CALL: "main h1",
    "/documents/": "main h1",
    "/news/": "main .news-card",
    SEARCH: "main .search-group",
}
MINIMUM_SEARCH_GROUPS = 3


def problems_on(page, url, viewport) -> list[str]:
    width = viewport["width"]
    response = page.goto(url)
    if response.status != 200:
        return [f"{url} at {width} px: HTTP {response.status}"]
    found = [f"{url} at {width} px: {line}" for line in serious_violations(page)]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        found.append(f"{url} at {width} px: {scroll_width} px wide, it scrolls sideways")
    found += [f"{url} at {width} px: JavaScript error {error}" for error in page.js_errors]
    page.js_errors.clear()
    return found


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["vi", "en"])
def test_the_public_pages_are_accessible(live_server, new_page, prefix):
    call_command("seed_demo", stdout=io.StringIO())
    problems = []
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport, locale="en-GB" if prefix else "vi-VN")
        for path, content in PAGES.items():
            url = live_server.url + prefix + path
            problems += problems_on(page, url, viewport)
            # The page shows what it is meant to check (each selector is there).
            for selector in content.split(", "):
                assert page.locator(selector).count() > 0, f"{url}: no {selector}"
            if path == SEARCH:
                groups = page.locator("main .search-group").count()
                assert groups >= MINIMUM_SEARCH_GROUPS, f"{url}: {groups} result groups"
    assert problems == [], "\n".join(problems)

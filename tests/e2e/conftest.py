"""Browser tests: Playwright for Python drives Debian's Chromium against
pytest-django's live server. Without Chromium they skip and say why."""

import os
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"no Chromium at {CHROMIUM}: apt-get install -y chromium "
                        "(.ci/run installs it)"
                    )
                )


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the main thread; Django's ORM
    # calls from the test body are still synchronous and safe. One browser per
    # test: while Playwright runs, Django finds its database connection in a
    # different context, so the next test's database set-up must not overlap it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Close what the test body opened in Playwright's context, or PostgreSQL
        # keeps a session on the test database and cannot drop it at the end.
        connections.close_all()


@pytest.fixture
def new_page(browser):
    """Open a fresh browser tab (its own cookies) at a given viewport."""
    contexts = []

    def open_page(viewport=DESKTOP, locale="vi-VN"):
        context = browser.new_context(viewport=viewport, locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda message: message.type == "error" and errors.append(message.text),
        )
        page.js_errors = errors
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()

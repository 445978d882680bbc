"""Check-in at the door in a browser: a coordinator on a 360 px phone signs in,
finds a person by name without accents, taps "Check in" and sees the result;
the same works with JavaScript off and from a person's QR link; the pages
fetch nothing from another host and axe-core finds nothing serious."""

from urllib.parse import urlparse

import pytest

from tests.factories import PASSWORD, EventFactory, RegistrationFactory, UserFactory

from .accessibility import serious_violations
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, base, email):
    page.goto(base + "/en/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def watch_other_hosts(page, base) -> list[str]:
    """Requests the page makes to any host but the portal's own."""
    own = urlparse(base).netloc
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            urlparse(request.url).netloc not in {own, ""}
            and not request.url.startswith("data:")
            and elsewhere.append(request.url)
        ),
    )
    return elsewhere


@pytest.fixture
def door():
    event = EventFactory(title="Hội thảo gọi vốn", title_en="Fundraising workshop")
    an = RegistrationFactory(event=event, name="Nguyễn Văn An", email="an@example.com")
    RegistrationFactory(event=event, name="Trần Thị Bình", email="binh@example.com")
    coordinator = UserFactory(
        email="dieu-phoi@example.com", groups=["Coordinators"], preferred_language="en"
    )
    return {"event": event, "an": an, "coordinator": coordinator}


def test_a_coordinator_checks_someone_in_from_a_phone(live_server, new_page, door):
    base, event, an = live_server.url, door["event"], door["an"]
    phone = new_page(viewport=PHONE, locale="en-GB")
    elsewhere = watch_other_hosts(phone, base)
    sign_in(phone, base, door["coordinator"].email)
    phone.goto(f"{base}/en/events/{event.slug}/check-in/")
    assert phone.get_by_text("0 of 2 people with a seat checked in").is_visible()

    phone.get_by_label("Name or email").fill("nguyen van")
    phone.get_by_role("main").get_by_role("button", name="Search").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("heading", name="1 person matches “nguyen van”").is_visible()
    assert phone.get_by_role("heading", name="Trần Thị Bình").count() == 0

    button = phone.get_by_role("button", name="Check in Nguyễn Văn An")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 200
    button.click()
    phone.wait_for_load_state()
    assert phone.get_by_role("status").get_by_text("Nguyễn Văn An is checked in.").is_visible()
    assert phone.get_by_text("1 of 2 people with a seat checked in").is_visible()
    assert phone.get_by_role("button", name="Check in Nguyễn Văn An").count() == 0
    an.refresh_from_db()
    assert an.status == "attended"

    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert elsewhere == []


def test_check_in_works_with_javascript_off_and_from_the_qr_link(live_server, browser, door):
    base, an = live_server.url, door["an"]
    context = browser.new_context(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(10_000)
    phone = context.new_page()
    sign_in(phone, base, door["coordinator"].email)
    phone.goto(f"{base}/en/events/r/{an.token}/check-in/")
    assert phone.get_by_role("heading", name="Nguyễn Văn An").is_visible()
    phone.get_by_role("button", name="Check in Nguyễn Văn An").click()
    phone.wait_for_load_state()
    assert phone.get_by_text("Nguyễn Văn An is checked in.").is_visible()
    assert phone.get_by_text("Already checked in: nothing more to do.").is_visible()
    an.refresh_from_db()
    assert an.status == "attended"
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_the_check_in_pages_have_no_serious_accessibility_violations(
    live_server, new_page, door, viewport
):
    base, event, an = live_server.url, door["event"], door["an"]
    page = new_page(viewport=viewport, locale="en-GB")
    sign_in(page, base, door["coordinator"].email)
    for path in (
        f"/en/events/{event.slug}/check-in/",
        f"/en/events/{event.slug}/check-in/?q=nguyen",
        f"/events/{event.slug}/check-in/?q=khong-ai",
        f"/en/events/r/{an.token}/check-in/",
    ):
        response = page.goto(base + path)
        assert response.status == 200
        assert serious_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path

"""Events in a browser: a guest registers for an event's last seat, confirms
from the email, cancels, and the waitlisted person gets the seat; the event
pages are accessible at phone and desktop widths."""

import re
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

from events.models import Registration
from tests.factories import EventFactory, RegistrationFactory

from .accessibility import serious_violations
from .conftest import DESKTOP, PHONE

TRANSACTIONAL = pytest.mark.django_db(transaction=True, serialized_rollback=True)
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def manage_link(live_server, message) -> str:
    """The manage link of an email, on the live server (emails use SITE_URL)."""
    match = re.search(r"https?://\S+/events/r/\S+/", message.body)
    assert match, message.body
    return live_server.url + urlsplit(match.group(0)).path


def register_as_guest(page, live_server, event, name, email):
    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name=re.compile("Register|Join the waitlist")).click()
    page.wait_for_url(re.compile(rf"/en/events/{event.slug}/registered/"))
    assert page.get_by_role("heading", name="Check your email").is_visible()
    assert email in page.locator("main").inner_text()


@TRANSACTIONAL
def test_a_guest_takes_the_last_seat_confirms_cancels_and_the_waitlist_moves_up(
    live_server, new_page, mailoutbox
):
    event = EventFactory(title_en="Pitching night", capacity=1)
    first = new_page(viewport=PHONE)
    second = new_page(viewport=DESKTOP)

    register_as_guest(first, live_server, event, "Trần Thị Mai", "mai@example.com")
    register_as_guest(second, live_server, event, "Lê Văn Hùng", "hung@example.com")
    assert [m.to for m in mailoutbox] == [["mai@example.com"], ["hung@example.com"]]
    mai_link, hung_link = (manage_link(live_server, m) for m in mailoutbox)

    # Mai holds the only seat, so confirming makes it hers.
    first.goto(mai_link)
    assert "waiting for email confirmation" in first.locator("main").inner_text().lower()
    first.get_by_role("button", name="Confirm my registration").click()
    assert first.get_by_text("Thank you: your seat is confirmed.").is_visible()
    assert first.get_by_role("img", name="QR code for checking in").is_visible()

    # Hùng confirms too, and finds himself first on the waitlist.
    second.goto(hung_link)
    second.get_by_role("button", name="Confirm my registration").click()
    assert second.get_by_text("You are number 1 on the waitlist.").is_visible()
    emails_before = len(mailoutbox)

    first.get_by_role("link", name="Cancel my registration").click()
    assert first.get_by_role("heading", name="Cancel your registration?").is_visible()
    first.get_by_role("button", name="Yes, cancel my registration").click()
    assert first.get_by_text("Your registration is cancelled.").is_visible()

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"mai@example.com": "cancelled", "hung@example.com": "confirmed"}
    promoted = mailoutbox[emails_before:]
    assert [m.to for m in promoted] == [["hung@example.com"]]
    assert promoted[0].attachments  # the invitation for his calendar

    second.reload()
    assert second.get_by_text("Your seat is confirmed.").is_visible()
    assert first.js_errors == [] and second.js_errors == []


def seed_pages():
    december = datetime(2026, 12, 1, tzinfo=LOCAL)
    event = EventFactory(
        title="Ngày hội khởi nghiệp đổi mới sáng tạo",
        questions=[
            {"key": "org", "label": "Đơn vị", "label_en": "Organisation", "type": "text"},
            {
                "key": "meal",
                "label": "Bữa trưa",
                "label_en": "Lunch",
                "type": "choice",
                "options": ["Chay", "Mặn"],
                "required": True,
            },
        ],
        online_url="https://meet.example.org/ngay-hoi",
    )
    EventFactory(
        title="Chợ công nghệ",
        starts_at=december.replace(day=12, hour=8),
        ends_at=december.replace(day=13, hour=17),
        capacity=3,
        confirmed_count=3,
    )
    EventFactory(
        title="Tập huấn bị hủy",
        status="cancelled",
        starts_at=december.replace(day=14, hour=8),
        ends_at=december.replace(day=14, hour=10),
    )
    registration = RegistrationFactory(event=event, status="waitlisted")
    return event, registration


@TRANSACTIONAL
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("which", ["list", "calendar", "detail", "detail-errors", "manage"])
def test_event_pages_have_no_serious_accessibility_violations(
    live_server, new_page, viewport, which
):
    event, registration = seed_pages()
    paths = {
        "list": "/events/?kind=zzz&start=0001-01-01",
        "calendar": "/events/calendar/?month=2026-12",
        "detail": f"/events/{event.slug}/",
        "detail-errors": f"/events/{event.slug}/",
        "manage": f"/events/r/{registration.token}/",
    }
    page = new_page(viewport=viewport)
    response = page.goto(live_server.url + paths[which])
    assert response.status == 200
    if which == "detail-errors":
        page.get_by_role("button", name=re.compile("Đăng ký|Register")).click()
        assert page.get_by_role("alert").first.is_visible()
    assert serious_violations(page) == []
    # Nothing is wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.js_errors == []


@TRANSACTIONAL
def test_the_calendar_is_a_grid_on_a_desktop_and_a_list_of_busy_days_on_a_phone(
    live_server, new_page
):
    december = datetime(2026, 12, 1, tzinfo=LOCAL)
    EventFactory(
        starts_at=december.replace(day=12, hour=8), ends_at=december.replace(day=13, hour=17)
    )
    EventFactory(
        starts_at=december.replace(day=14, hour=8), ends_at=december.replace(day=14, hour=10)
    )
    url = live_server.url + "/en/events/calendar/?month=2026-12"
    desktop = new_page(viewport=DESKTOP)
    desktop.goto(url)
    assert desktop.locator(".event-calendar__weekdays").is_visible()
    days = desktop.locator(".event-calendar__day")
    assert days.count() % 7 == 0
    assert days.nth(0).bounding_box()["y"] == days.nth(6).bounding_box()["y"]

    phone = new_page(viewport=PHONE)
    phone.goto(url)
    assert not phone.locator(".event-calendar__weekdays").is_visible()
    assert phone.locator(".event-calendar__label:visible").all_inner_texts() == [
        "Saturday, 12 December 2026",
        "Sunday, 13 December 2026",
        "Monday, 14 December 2026",
    ]
    phone.get_by_role("link", name="Next month").click()
    phone.wait_for_url("**month=2027-01")

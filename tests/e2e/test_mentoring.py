"""Mentoring in a browser: a founder of a verified startup opens the
suggestions, books a slot with an agenda; the mentor sees the booking and,
after the session, writes notes; the founder reads them and rates the session."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from ecosystem.models import Sector
from mentors.models import Booking, OfficeHourSlot
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def signed_in_page(new_page, live_server, user, viewport=DESKTOP):
    client = Client()
    client.force_login(user)
    page = new_page(viewport=viewport, locale="en-GB")
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


def test_a_founder_books_the_mentor_writes_notes_and_the_founder_rates(
    live_server, new_page, mailoutbox
):
    aquaculture = Sector.objects.get(slug="thuy-san")
    founder = UserFactory(full_name="Trần Văn Sáng")
    StartupFactory(name="Tôm Sạch Hà Tiên", owner=founder, sectors=[aquaculture])
    mentor = MentorFactory(user=UserFactory(full_name="Nguyễn Thị Hương", groups=["Mentors"]))
    mentor.sectors.set([aquaculture])
    slot = SlotFactory(mentor=mentor)

    # The founder, on a phone, finds the mentor among the suggestions.
    founder_page = signed_in_page(new_page, live_server, founder, PHONE)
    founder_page.goto(f"{live_server.url}/en/mentors/suggestions/")
    card = founder_page.locator(".mentor-card", has_text="Nguyễn Thị Hương")
    assert "Shares sector Aquaculture and fisheries" in card.inner_text()
    card.get_by_role("link", name=re.compile("^Free slots")).click()
    founder_page.wait_for_url(re.compile(rf"/en/mentors/{mentor.slug}/#slots$"))

    founder_page.get_by_role("link", name=re.compile("^Book")).click()
    founder_page.wait_for_url(re.compile(rf"/book/{slot.pk}/$"))
    assert "You book for Tôm Sạch Hà Tiên" in founder_page.locator("main").inner_text()
    founder_page.get_by_label("What do you want help with?").fill(
        "Chứng nhận để xuất khẩu tôm sang EU: cần những gì?"
    )
    founder_page.get_by_role("button", name="Book this slot").click()
    founder_page.wait_for_url(re.compile(r"/en/mentors/bookings/\d+/$"))
    assert founder_page.get_by_text("Your session is booked.").is_visible()
    booking = Booking.objects.get()
    assert booking.agenda.startswith("Chứng nhận để xuất khẩu tôm")
    assert sorted(m.to[0] for m in mailoutbox) == sorted([founder.email, mentor.user.email])

    # The mentor sees the booking among their office hours.
    mentor_page = signed_in_page(new_page, live_server, mentor.user, DESKTOP)
    mentor_page.goto(f"{live_server.url}/en/mentors/me/slots/")
    mentor_page.get_by_role("link", name="Tôm Sạch Hà Tiên").click()
    mentor_page.wait_for_url(re.compile(rf"/en/mentors/bookings/{booking.pk}/$"))
    assert "Chứng nhận để xuất khẩu tôm sang EU" in mentor_page.locator("main").inner_text()
    assert mentor_page.get_by_role("button", name="Save the notes").count() == 0

    # The session takes place (the slot moves into the past).
    start = timezone.now() - timedelta(hours=2)
    OfficeHourSlot.objects.filter(pk=slot.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=1)
    )
    mentor_page.reload()
    mentor_page.get_by_label("Session notes").fill("Cần chứng nhận HACCP và mã vùng nuôi.")
    mentor_page.get_by_label("Follow-up actions").fill("Gửi danh sách hồ sơ trong hai tuần.")
    mentor_page.get_by_role("button", name="Save the notes").click()
    assert mentor_page.get_by_text("Your notes are saved.").is_visible()

    # The founder finds the session on their account page, reads the notes and rates it.
    founder_page.goto(f"{live_server.url}/en/account/")
    founder_page.locator("#my-mentoring").get_by_role(
        "link", name="Tôm Sạch Hà Tiên with Nguyễn Thị Hương"
    ).click()
    main = founder_page.locator("main")
    assert "Cần chứng nhận HACCP và mã vùng nuôi." in main.inner_text()
    assert "Gửi danh sách hồ sơ trong hai tuần." in main.inner_text()
    founder_page.get_by_label("5", exact=True).check()
    founder_page.get_by_label("Comment").fill("Rất thực tế.")
    founder_page.get_by_role("button", name="Rate the session").click()
    assert founder_page.get_by_text("Thank you for rating the session.").is_visible()
    assert founder_page.get_by_text("5 out of 5").is_visible()

    booking.refresh_from_db()
    assert (booking.status, booking.rating, booking.rating_comment) == (
        "completed",
        5,
        "Rất thực tế.",
    )
    assert booking.notes == "Cần chứng nhận HACCP và mã vùng nuôi."
    assert founder_page.js_errors == [] and mentor_page.js_errors == []

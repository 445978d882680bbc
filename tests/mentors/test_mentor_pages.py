"""A mentor's own office hours (/mentors/me/slots/): publishing one-off and
weekly slots on the province's clock, refusals that store nothing, withdrawing;
and the "My mentoring sessions" section of /account/."""

import re
from datetime import datetime, time, timedelta
from html import unescape
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mentors import services
from mentors.models import OfficeHourSlot
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db
PAGE = "/en/mentors/me/slots/"
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def local_day(days_ahead):
    return (timezone.localtime(timezone.now(), LOCAL) + timedelta(days=days_ahead)).date()


def slot_data(**changes):
    data = {
        "date": local_day(5).isoformat(),
        "start": "14:30",
        "minutes": "45",
        "weeks": "1",
        "online_url": "https://meet.example.org/huong",
        "location": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def mentor(client):
    profile = MentorFactory()
    client.force_login(profile.user)
    return profile


def test_only_mentors_have_the_page(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(PAGE).status_code == 404


def test_a_mentor_publishes_a_slot_in_vietnam_time(client, mentor):
    response = client.post(PAGE, slot_data(), follow=True)
    assert "1 slot published." in text(response)
    slot = OfficeHourSlot.objects.get()
    expected = datetime.combine(local_day(5), time(14, 30), LOCAL)
    assert slot.starts_at == expected
    assert slot.starts_at.astimezone(ZoneInfo("UTC")).hour == 7
    assert (slot.minutes, slot.online_url, slot.mentor) == (45, "https://meet.example.org/huong",
                                                            mentor)  # fmt: skip
    assert "14:30 \N{EN DASH} 15:15" in text(response)


def test_a_weekly_slot_is_published_for_several_weeks(client, mentor):
    client.post(PAGE, slot_data(weeks="4", online_url="", location="Vườn ươm, Rạch Giá"))
    slots = list(OfficeHourSlot.objects.order_by("starts_at"))
    assert len(slots) == 4
    assert [b.starts_at - a.starts_at for a, b in pairwise(slots)] == [timedelta(weeks=1)] * 3
    assert len({slot.series_key for slot in slots}) == 1
    assert all(slot.location == "Vườn ươm, Rạch Giá" for slot in slots)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"minutes": "0"}, "A slot lasts from 15 to 120 minutes."),
        ({"minutes": "600"}, "A slot lasts from 15 to 120 minutes."),
        ({"minutes": "abc"}, "Enter a number of minutes, such as 60."),
        ({"date": "2020-01-01"}, "A slot must start in the future."),
        ({"date": "31/02/2027"}, "Enter a date such as 27/11/2026."),
        ({"start": "25:00"}, "Enter a time such as 14:30."),
        ({"weeks": "13"}, "Repeat a slot for 1 to 12 weeks."),
        ({"weeks": "0"}, "Repeat a slot for 1 to 12 weeks."),
        ({"online_url": "", "location": "  "}, "Give an online link or a place."),
        ({"online_url": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"date": "2999-01-01"}, "Publish slots at most a year ahead."),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_stored(client, mentor, changes, message):
    response = client.post(PAGE, slot_data(**changes))
    assert response.status_code == 400
    assert message in text(response)
    assert not OfficeHourSlot.objects.exists()


def test_an_overlapping_slot_is_refused_and_names_the_clash(client, mentor):
    start = datetime.combine(local_day(5), time(14, 0), LOCAL)
    SlotFactory(mentor=mentor, starts_at=start, ends_at=start + timedelta(hours=1))
    response = client.post(PAGE, slot_data(start="14:30"))
    assert response.status_code == 400
    assert f"This overlaps your slot of {start:%d/%m/%Y} 14:00." in text(response)
    assert OfficeHourSlot.objects.count() == 1
    # A weekly series is all or nothing: here the clash is in its second week.
    later = datetime.combine(local_day(12), time(16, 0), LOCAL)
    SlotFactory(mentor=mentor, starts_at=later, ends_at=later + timedelta(minutes=30))
    response = client.post(PAGE, slot_data(start="16:15", weeks="3"))
    assert response.status_code == 400
    assert f"This overlaps your slot of {later:%d/%m/%Y} 16:00." in text(response)
    assert OfficeHourSlot.objects.count() == 2


def test_the_page_lists_own_free_and_booked_slots_and_withdraws(client, mentor):
    free = SlotFactory(mentor=mentor, starts_at=timezone.now() + timedelta(days=2),
                       ends_at=timezone.now() + timedelta(days=2, hours=1))  # fmt: skip
    taken = SlotFactory(mentor=mentor, starts_at=timezone.now() + timedelta(days=3),
                        ends_at=timezone.now() + timedelta(days=3, hours=1))  # fmt: skip
    founder = UserFactory()
    startup = StartupFactory(name="Tôm Sạch", owner=founder)
    booking = services.booking_create(slot=taken, startup=startup, user=founder, agenda="Gọi vốn")
    others = SlotFactory()

    html = client.get(PAGE).content.decode()
    assert f"/en/mentors/me/slots/{free.pk}/withdraw/" in html
    assert f"/en/mentors/me/slots/{others.pk}/withdraw/" not in html
    assert f"/en/mentors/bookings/{booking.pk}/" in html
    assert "Tôm Sạch" in html

    response = client.post(f"/en/mentors/me/slots/{free.pk}/withdraw/", follow=True)
    assert "is withdrawn" in text(response)
    free.refresh_from_db()
    assert free.status == "withdrawn"
    refused = client.post(f"/en/mentors/me/slots/{taken.pk}/withdraw/", follow=True)
    assert "This slot is booked: cancel the booking instead." in text(refused)
    taken.refresh_from_db()
    assert taken.status == "booked"
    assert client.post(f"/en/mentors/me/slots/{others.pk}/withdraw/").status_code == 404
    others.refresh_from_db()
    assert others.status == "open"


def test_a_suspended_mentor_cannot_publish(client):
    profile = MentorFactory(status="suspended")
    client.force_login(profile.user)
    assert "suspended" in text(client.get(PAGE))
    assert client.post(PAGE, slot_data()).status_code == 400
    assert not OfficeHourSlot.objects.exists()


def test_the_account_page_lists_my_mentoring_sessions(client):
    mentor = MentorFactory()
    mentor.user.full_name = "Nguyễn Thị Hương"
    mentor.user.save()
    founder = UserFactory()
    startup = StartupFactory(name="Tôm Sạch", owner=founder)
    upcoming = services.booking_create(
        slot=SlotFactory(mentor=mentor), startup=startup, user=founder, agenda="Gọi vốn"
    )
    past_slot = SlotFactory(mentor=mentor, starts_at=timezone.now() + timedelta(days=4),
                            ends_at=timezone.now() + timedelta(days=4, hours=1))  # fmt: skip
    past = services.booking_create(slot=past_slot, startup=startup, user=founder, agenda="Xuất")
    start = timezone.now() - timedelta(days=2)
    OfficeHourSlot.objects.filter(pk=past_slot.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=1)
    )

    client.force_login(founder)
    page = client.get("/en/account/")
    assert "My mentoring sessions" in text(page)
    html = page.content.decode()
    assert f"/en/mentors/bookings/{upcoming.pk}/" in html
    assert f"/en/mentors/bookings/{past.pk}/" in html
    assert "Rate the session" in text(page)
    assert "Find mentors for your startup" in text(page)

    client.force_login(mentor.user)
    page = client.get("/en/account/")
    assert "You are the mentor" in text(page)
    assert "Write your notes" in text(page)
    assert "/en/mentors/me/slots/" in page.content.decode()

    client.force_login(UserFactory())
    assert "My mentoring sessions" not in text(client.get("/en/account/"))


def test_the_account_section_takes_the_same_queries_however_many_sessions(
    client, django_assert_num_queries
):
    founder = UserFactory()
    startup = StartupFactory(owner=founder)
    client.force_login(founder)

    def book_some(count):
        for _ in range(count):
            services.booking_create(
                slot=SlotFactory(mentor=MentorFactory()),
                startup=startup,
                user=founder,
                agenda="Gọi vốn",
            )

    client.get("/en/account/")  # Warms the site's cached settings and menus.
    with CaptureQueriesContext(connection) as without:
        client.get("/en/account/")
    book_some(1)
    with CaptureQueriesContext(connection) as with_one:
        client.get("/en/account/")
    assert len(with_one.captured_queries) == len(without.captured_queries)
    book_some(3)
    with django_assert_num_queries(len(with_one.captured_queries)):
        page = client.get("/en/account/")
    assert page.content.decode().count("/en/mentors/bookings/") == 4

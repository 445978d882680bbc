"""A mentor's profile with free slots, the booking form, and a booking's
private page (cancel, notes, rating, no-show), as the people involved see them."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecosystem.models import ExpertiseTag, Sector
from mentors import services
from mentors.models import Booking, Language, OfficeHourSlot
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def profile_url(mentor, language="en"):
    prefix = "/en" if language == "en" else ""
    return f"{prefix}/mentors/{mentor.slug}/"


def book_url(slot):
    return f"/en/mentors/{slot.mentor.slug}/book/{slot.pk}/"


def booking_url(booking, action=""):
    return f"/en/mentors/bookings/{booking.pk}/" + (f"{action}/" if action else "")


def in_days(days, hour=9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def founder():
    return UserFactory(full_name="Trần Văn Sáng lập")


@pytest.fixture
def startup(founder):
    return StartupFactory(name="Tôm Sạch", owner=founder)


@pytest.fixture
def mentor():
    profile = MentorFactory(
        user=UserFactory(full_name="Nguyễn Thị Hương", groups=["Mentors"]),
        headline="Chuyên gia xuất khẩu thủy sản",
        headline_en="Seafood export expert",
        bio="Hai mươi năm kinh nghiệm xuất khẩu.",
        bio_en="Twenty years of exporting seafood.",
        organisation_name="Hiệp hội Thủy sản",
        job_title="Phó Tổng thư ký",
        years_of_experience=20,
        profile_url="https://linkedin.example.com/in/huong",
    )
    profile.expertise.set(ExpertiseTag.objects.filter(slug="xuat-khau"))
    profile.sectors.set(Sector.objects.filter(slug="thuy-san"))
    profile.languages.set(Language.objects.filter(code__in=["vi", "en"]))
    return profile


@pytest.fixture
def slot(mentor):
    return SlotFactory(mentor=mentor, starts_at=in_days(3, 14), ends_at=in_days(3, 15))


def book(slot, startup, founder, agenda="Chiến lược xuất khẩu sang EU"):
    return services.booking_create(slot=slot, startup=startup, user=founder, agenda=agenda)


def move_into_past(booking, hours_ago=2):
    """The session took place: its slot moves back in time."""
    start = timezone.now() - timedelta(hours=hours_ago)
    OfficeHourSlot.objects.filter(pk=booking.slot_id).update(
        starts_at=start, ends_at=start + timedelta(hours=1)
    )
    booking.refresh_from_db()


# The profile


def test_the_profile_shows_everything_in_the_readers_language(client, mentor):
    page = text(client.get(profile_url(mentor)))
    for expected in (
        "Nguyễn Thị Hương",
        "Seafood export expert",
        "Twenty years of exporting seafood.",
        "Phó Tổng thư ký, Hiệp hội Thủy sản",
        "Export",
        "Aquaculture and fisheries",
        "English, Vietnamese",
        "20 years",
        "Professional profile",
    ):
        assert expected in page, expected
    vietnamese = text(client.get(profile_url(mentor, "vi")))
    assert "Hai mươi năm kinh nghiệm xuất khẩu." in vietnamese
    assert "Chuyên gia xuất khẩu thủy sản" in vietnamese


@pytest.mark.parametrize("status", ["invited", "pending", "suspended"])
def test_a_mentor_who_is_not_approved_has_no_public_page(client, status):
    hidden = MentorFactory(status=status)
    slot = SlotFactory(mentor=hidden)
    assert client.get(profile_url(hidden)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(book_url(slot)).status_code == 404
    assert client.get("/en/mentors/no-such-mentor/").status_code == 404


def test_the_profile_lists_free_slots_of_the_next_four_weeks(client, mentor, slot):
    SlotFactory(mentor=mentor, starts_at=in_days(10, 8), ends_at=in_days(10, 9))
    SlotFactory(mentor=mentor, starts_at=in_days(5, 8), ends_at=in_days(5, 9),
                status=OfficeHourSlot.Status.BOOKED)  # fmt: skip
    SlotFactory(mentor=mentor, starts_at=in_days(6, 8), ends_at=in_days(6, 9),
                status=OfficeHourSlot.Status.WITHDRAWN)  # fmt: skip
    SlotFactory(mentor=mentor, starts_at=in_days(40, 8), ends_at=in_days(40, 9))
    SlotFactory(mentor=mentor, starts_at=in_days(-1, 8), ends_at=in_days(-1, 9))

    response = client.get(profile_url(mentor))
    html = response.content.decode()
    assert html.count('class="slot"') == 2
    assert "14:00 \N{EN DASH} 15:00" in text(response)
    # The meeting link is for the startup that books, not for the public.
    assert "meet.example.org" not in html


def test_who_sees_a_book_button(client, mentor, slot, startup, founder):
    anonymous = client.get(profile_url(mentor))
    assert "Sign in to book a slot" in text(anonymous)
    assert book_url(slot) not in anonymous.content.decode()

    client.force_login(UserFactory())
    assert "Office hours are for members of a verified startup" in text(
        client.get(profile_url(mentor))
    )

    pending_founder = UserFactory()
    StartupFactory(owner=pending_founder, status="pending")
    client.force_login(pending_founder)
    page = client.get(profile_url(mentor))
    assert "Only verified startups can book office hours." in text(page)
    assert book_url(slot) not in page.content.decode()

    client.force_login(founder)
    assert book_url(slot) in client.get(profile_url(mentor)).content.decode()


def test_the_profile_issues_the_same_queries_for_2_and_20_slots(
    client, mentor, founder, startup, django_assert_num_queries
):
    client.force_login(founder)
    for day in range(2):
        SlotFactory(mentor=mentor, starts_at=in_days(day + 1, 8), ends_at=in_days(day + 1, 9))
    client.get(profile_url(mentor))
    with CaptureQueriesContext(connection) as captured:
        client.get(profile_url(mentor))
    with_two = len(captured.captured_queries)
    for day in range(2, 20):
        SlotFactory(mentor=mentor, starts_at=in_days(day + 1, 8), ends_at=in_days(day + 1, 9))
    with django_assert_num_queries(with_two):
        response = client.get(profile_url(mentor))
    assert response.content.decode().count('class="slot"') == 20


# Booking a slot


def test_booking_needs_an_account(client, slot):
    response = client.get(book_url(slot))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert client.post(book_url(slot), {"agenda": "x"}).status_code == 302
    assert not Booking.objects.exists()


def test_a_founder_books_a_slot_with_an_agenda(client, slot, startup, founder, mailoutbox):
    client.force_login(founder)
    form = client.get(book_url(slot))
    assert form.status_code == 200
    assert "You book for Tôm Sạch" in text(form)

    response = client.post(book_url(slot), {"startup": startup.pk, "agenda": "Xuất khẩu tôm"})
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == booking_url(booking)
    assert (booking.startup, booking.booked_by, booking.agenda) == (
        startup,
        founder,
        "Xuất khẩu tôm",
    )
    slot.refresh_from_db()
    assert slot.status == "booked"
    page = client.get(response["Location"])
    assert "Your session is booked." in text(page)
    assert "Xuất khẩu tôm" in text(page)
    assert "https://meet.example.org/gio-tu-van" in page.content.decode()


@pytest.mark.parametrize(
    ("agenda", "message"),
    [
        ("", "Tell the mentor what you want help with."),
        ("   ", "Tell the mentor what you want help with."),
        ("x" * 50_000, "The agenda can have at most 4000 characters (it has 50000)."),
    ],
)
def test_a_bad_agenda_is_refused_and_nothing_is_stored(
    client, slot, startup, founder, agenda, message
):
    client.force_login(founder)
    response = client.post(book_url(slot), {"startup": startup.pk, "agenda": agenda})
    assert response.status_code == 400
    assert message in text(response)
    assert not Booking.objects.exists()
    slot.refresh_from_db()
    assert slot.status == "open"


def test_a_founder_of_several_startups_chooses_one(client, slot, founder, startup):
    second = StartupFactory(name="Lúa Xanh", owner=founder)
    pending = StartupFactory(name="Chưa Duyệt", owner=founder, status="pending")
    other = StartupFactory(name="Người Khác", owner=UserFactory())
    client.force_login(founder)
    form = text(client.get(book_url(slot)))
    assert "Book for" in form and "Tôm Sạch" in form and "Lúa Xanh" in form

    for refused in (pending, other):
        response = client.post(book_url(slot), {"startup": refused.pk, "agenda": "Gọi vốn"})
        assert response.status_code == 400
        assert "Choose one of your verified startups." in text(response)
    assert not Booking.objects.exists()

    client.post(book_url(slot), {"startup": second.pk, "agenda": "Gọi vốn"})
    assert Booking.objects.get().startup == second


def test_members_of_a_startup_that_is_not_verified_see_why_they_cannot_book(client, slot):
    member = UserFactory()
    StartupFactory(name="Chưa Duyệt", owner=member, status="pending")
    client.force_login(member)
    page = client.get(book_url(slot))
    assert page.status_code == 200
    assert "Chưa Duyệt (waiting for verification): Only verified startups can book" in text(page)
    assert "Book this slot" not in text(page)
    response = client.post(book_url(slot), {"agenda": "Gọi vốn"})
    assert response.status_code == 403
    assert not Booking.objects.exists()


def test_a_taken_slot_says_so_without_an_error(client, slot, startup, founder):
    rival = UserFactory()
    book(slot, StartupFactory(owner=rival), rival)
    client.force_login(founder)
    page = client.get(book_url(slot))
    assert page.status_code == 200
    assert "This slot has already been taken." in text(page)
    response = client.post(book_url(slot), {"startup": startup.pk, "agenda": "Gọi vốn"})
    assert response.status_code == 409
    assert "This slot has already been taken." in text(response)
    assert Booking.objects.count() == 1


def test_a_slot_that_has_started_cannot_be_booked(client, mentor, startup, founder):
    started = SlotFactory(
        mentor=mentor,
        starts_at=timezone.now() - timedelta(minutes=5),
        ends_at=timezone.now() + timedelta(minutes=55),
    )
    client.force_login(founder)
    response = client.post(book_url(started), {"startup": startup.pk, "agenda": "Gọi vốn"})
    assert response.status_code == 409
    assert "This slot has already started." in text(response)
    assert not Booking.objects.exists()


def test_losing_a_race_or_a_busy_database_gives_a_clear_answer(
    client, slot, startup, founder, monkeypatch
):
    client.force_login(founder)

    def taken(**kwargs):
        raise services.SlotTaken("This slot has already been taken.")

    monkeypatch.setattr(services, "booking_create", taken)
    response = client.post(book_url(slot), {"startup": startup.pk, "agenda": "Gọi vốn"})
    assert response.status_code == 409
    assert "This slot has already been taken." in text(response)

    def busy(**kwargs):
        raise services.MentoringBusy("Many people are booking right now. Please try again.")

    monkeypatch.setattr(services, "booking_create", busy)
    response = client.post(book_url(slot), {"startup": startup.pk, "agenda": "Gọi vốn"})
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Please try again" in text(response)
    # The agenda is kept for the next try.
    assert "Gọi vốn" in response.content.decode()


def test_the_monthly_caps_are_explained_on_the_form(client, mentor, startup, founder):
    mentor.monthly_hours_cap = 1
    mentor.save()
    first = SlotFactory(mentor=mentor, starts_at=in_days(3, 8), ends_at=in_days(3, 9))
    second = SlotFactory(mentor=mentor, starts_at=in_days(3, 10), ends_at=in_days(3, 11))
    rival = UserFactory()
    book(first, StartupFactory(owner=rival), rival)
    client.force_login(founder)
    response = client.post(book_url(second), {"startup": startup.pk, "agenda": "Gọi vốn"})
    assert response.status_code == 400
    assert "fully booked" in text(response)
    assert Booking.objects.count() == 1


def test_a_slot_of_another_mentor_is_not_found_under_this_one(client, mentor, founder, startup):
    other = SlotFactory()
    client.force_login(founder)
    assert client.get(f"/en/mentors/{mentor.slug}/book/{other.pk}/").status_code == 404


# A booking's page


def test_a_booking_is_seen_only_by_its_people(client, slot, startup, founder):
    booking = book(slot, startup, founder)
    booking.notes = "Bí mật kinh doanh"
    booking.save()
    teammate = UserFactory()
    startup.memberships.create(user=teammate, role="member")
    coordinator = UserFactory(groups=["Coordinators"])

    for person in (founder, teammate, slot.mentor.user, coordinator):
        client.force_login(person)
        response = client.get(booking_url(booking))
        assert response.status_code == 200, person
        assert "Bí mật kinh doanh" in text(response)

    other_founder = UserFactory()
    StartupFactory(owner=other_founder)
    for person in (other_founder, MentorFactory().user, UserFactory()):
        client.force_login(person)
        assert client.get(booking_url(booking)).status_code == 404
        assert client.post(booking_url(booking, "cancel")).status_code == 404
    client.logout()
    anonymous = client.get(booking_url(booking))
    assert anonymous.status_code == 302
    assert "Bí mật" not in anonymous.content.decode()
    # Nor do the notes show on the mentor's public profile.
    assert "Bí mật" not in client.get(profile_url(slot.mentor)).content.decode()


def test_cancelling_early_frees_the_slot(client, slot, startup, founder):
    booking = book(slot, startup, founder)
    client.force_login(founder)
    assert "Cancelling up to 12 hours before" in text(client.get(booking_url(booking)))
    response = client.post(booking_url(booking, "cancel"), follow=True)
    assert "The booking is cancelled and the slot is free again." in text(response)
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert (booking.status, slot.status) == ("cancelled", "open")
    again = client.post(booking_url(booking, "cancel"))
    assert again.status_code == 400
    assert "This booking is no longer open." in text(again)


def test_cancelling_late_keeps_the_slot_and_says_why(client, mentor, startup, founder):
    soon = timezone.now() + timedelta(hours=3)
    slot = SlotFactory(mentor=mentor, starts_at=soon, ends_at=soon + timedelta(hours=1))
    booking = book(slot, startup, founder)
    client.force_login(mentor.user)
    assert "less than 12 hours" in text(client.get(booking_url(booking)))
    response = client.post(booking_url(booking, "cancel"), follow=True)
    assert "recorded as cancelled late" in text(response)
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert (booking.status, slot.status) == ("late_cancelled", "booked")


def test_a_coordinator_reads_but_does_not_cancel(client, slot, startup, founder):
    booking = book(slot, startup, founder)
    client.force_login(UserFactory(groups=["Coordinators"]))
    assert "Cancel the booking" not in text(client.get(booking_url(booking)))
    assert client.post(booking_url(booking, "cancel")).status_code == 403
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_the_mentor_writes_notes_once_the_session_has_started(client, slot, startup, founder):
    booking = book(slot, startup, founder)
    client.force_login(slot.mentor.user)
    assert "Save the notes" not in text(client.get(booking_url(booking)))
    early = client.post(booking_url(booking, "notes"), {"notes": "Sớm quá"})
    assert early.status_code == 400
    assert "Notes can be written once the session has started." in text(early)

    move_into_past(booking)
    assert "Save the notes" in text(client.get(booking_url(booking)))
    empty = client.post(booking_url(booking, "notes"), {"notes": ""})
    assert empty.status_code == 400
    assert "Write what you discussed." in text(empty)
    response = client.post(
        booking_url(booking, "notes"),
        {"notes": "Cần chứng nhận HACCP.", "follow_up_actions": "Gửi hồ sơ trong 2 tuần."},
        follow=True,
    )
    assert "Your notes are saved." in text(response)
    booking.refresh_from_db()
    assert (booking.notes, booking.status) == ("Cần chứng nhận HACCP.", "completed")

    client.force_login(founder)
    page = text(client.get(booking_url(booking)))
    assert "Cần chứng nhận HACCP." in page and "Gửi hồ sơ trong 2 tuần." in page
    assert client.post(booking_url(booking, "notes"), {"notes": "Giả mạo"}).status_code == 403


def test_the_startup_rates_a_session_that_is_over(client, slot, startup, founder):
    booking = book(slot, startup, founder)
    client.force_login(founder)
    early = client.post(booking_url(booking, "rating"), {"rating": 5})
    assert early.status_code == 400
    assert "You can rate the session once it is over." in text(early)

    move_into_past(booking)
    wrong = client.post(booking_url(booking, "rating"), {"rating": 7})
    assert wrong.status_code == 400
    assert "Choose from 1 to 5 stars." in text(wrong)
    response = client.post(
        booking_url(booking, "rating"), {"rating": 4, "comment": "Rất hữu ích"}, follow=True
    )
    assert "Thank you for rating the session." in text(response)
    assert "4 out of 5" in text(response)
    booking.refresh_from_db()
    assert (booking.rating, booking.rating_comment) == (4, "Rất hữu ích")

    client.force_login(slot.mentor.user)
    assert "4 out of 5" in text(client.get(booking_url(booking)))
    assert client.post(booking_url(booking, "rating"), {"rating": 5}).status_code == 403


def test_either_side_records_a_no_show_after_the_start(client, slot, startup, founder):
    booking = book(slot, startup, founder)
    client.force_login(slot.mentor.user)
    early = client.post(booking_url(booking, "no-show"))
    assert early.status_code == 400
    assert "once the session has started" in text(early)

    move_into_past(booking)
    assert "The startup did not come" in text(client.get(booking_url(booking)))
    response = client.post(booking_url(booking, "no-show"), follow=True)
    assert "The no-show is recorded." in text(response)
    booking.refresh_from_db()
    assert (booking.status, booking.no_show) == ("no_show", "startup")
    # Recorded once: the other side cannot overwrite it.
    client.force_login(founder)
    assert client.post(booking_url(booking, "no-show")).status_code == 400


def test_the_founder_reports_that_the_mentor_did_not_come(client, slot, startup, founder):
    booking = book(slot, startup, founder)
    move_into_past(booking)
    client.force_login(founder)
    client.post(booking_url(booking, "no-show"))
    booking.refresh_from_db()
    assert (booking.status, booking.no_show) == ("no_show", "mentor")

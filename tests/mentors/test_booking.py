"""Office hours: slots without overlaps, bookings without double booking, the
monthly caps and the 12-hour cancellation rule."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentors.models import Booking, OfficeHourSlot
from mentors.services import (
    MentoringError,
    SlotRequest,
    SlotTaken,
    booking_cancel,
    booking_create,
    booking_rate,
    booking_record_notes,
    slots_publish,
)
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder():
    return UserFactory()


@pytest.fixture
def startup(founder):
    return StartupFactory(owner=founder)


def book(slot, startup, founder, agenda="Chiến lược xuất khẩu sang EU"):
    return booking_create(slot=slot, startup=startup, user=founder, agenda=agenda)


def in_days(days, hour=9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_a_booking_takes_the_slot_and_emails_both_sides(
    startup, founder, mailoutbox, django_capture_on_commit_callbacks
):
    slot = SlotFactory()
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(slot, startup, founder)
    slot.refresh_from_db()
    assert (booking.status, slot.status) == ("booked", "booked")
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([slot.mentor.user.email, founder.email])
    assert all("METHOD:REQUEST" in m.attachments[0][1] for m in mailoutbox)


def test_a_taken_slot_says_so(startup, founder):
    slot = SlotFactory()
    book(slot, startup, founder)
    other_founder = UserFactory()
    with pytest.raises(SlotTaken, match="already been taken"):
        book(slot, StartupFactory(owner=other_founder), other_founder)
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    "problem",
    ["not_member", "unverified", "started", "unapproved_mentor", "empty_agenda", "long_agenda"],
)
def test_refused_bookings_store_nothing(startup, founder, problem):
    slot = SlotFactory()
    user, agenda = founder, "Gọi vốn"
    if problem == "not_member":
        user = UserFactory()
    elif problem == "unverified":
        startup = StartupFactory(owner=UserFactory(), status="pending")
        user = startup.memberships.get().user
    elif problem == "started":
        slot = SlotFactory(starts_at=timezone.now() - timedelta(minutes=5))
    elif problem == "unapproved_mentor":
        slot = SlotFactory(mentor=MentorFactory(status="pending"))
    elif problem == "empty_agenda":
        agenda = "   "
    elif problem == "long_agenda":
        agenda = "x" * 50_000
    with pytest.raises(MentoringError):
        booking_create(slot=slot, startup=startup, user=user, agenda=agenda)
    assert not Booking.objects.exists()
    assert OfficeHourSlot.objects.get(pk=slot.pk).status == "open"


def test_the_mentors_monthly_hours_cap_is_respected(startup, founder):
    mentor = MentorFactory(monthly_hours_cap=2)
    day = in_days(3)
    slots = [
        SlotFactory(
            mentor=mentor, starts_at=day + timedelta(hours=h), ends_at=day + timedelta(hours=h + 1)
        )
        for h in range(3)
    ]
    book(slots[0], startup, founder)
    other = UserFactory()
    book(slots[1], StartupFactory(owner=other), other)
    third = UserFactory()
    with pytest.raises(MentoringError, match="fully booked"):
        book(slots[2], StartupFactory(owner=third), third)


def test_the_startups_monthly_cap_is_respected(startup, founder, settings):
    settings.MENTORING_STARTUP_HOURS_PER_MONTH = 1
    first, second = SlotFactory(), SlotFactory(starts_at=in_days(4), ends_at=in_days(4, 10))
    if first.starts_at.month != second.starts_at.month:
        second = SlotFactory(starts_at=in_days(3, 14), ends_at=in_days(3, 15))
    book(first, startup, founder)
    with pytest.raises(MentoringError, match="used its 1 hours"):
        book(second, startup, founder)


def test_cancelling_early_frees_the_slot_and_late_keeps_it(startup, founder):
    slot = SlotFactory()
    booking = book(slot, startup, founder)
    booking_cancel(booking=booking, by=founder)
    slot.refresh_from_db()
    assert (Booking.objects.get(pk=booking.pk).status, slot.status) == ("cancelled", "open")

    rebooked = book(slot, startup, founder)
    late = slot.starts_at - timedelta(hours=11)
    booking_cancel(booking=rebooked, by=founder, now=late)
    slot.refresh_from_db()
    assert (Booking.objects.get(pk=rebooked.pk).status, slot.status) == ("late_cancelled", "booked")


def test_notes_after_the_session_and_a_rating_after_it_ends(startup, founder):
    slot = SlotFactory()
    booking = book(slot, startup, founder)
    with pytest.raises(MentoringError):
        booking_record_notes(booking=booking, notes="Sớm quá", follow_up_actions="")
    after = slot.ends_at + timedelta(minutes=1)
    booking_record_notes(
        booking=booking, notes="Cần làm rõ giá", follow_up_actions="Gửi bảng giá", now=after
    )
    booking_rate(booking=booking, rating=5, comment="Rất hữu ích", now=after)
    booking.refresh_from_db()
    assert (booking.status, booking.rating) == ("completed", 5)
    with pytest.raises(MentoringError):
        booking_rate(booking=booking, rating=6, now=after)


@pytest.mark.parametrize("minutes", [0, 10, 121, 600])
def test_slots_of_the_wrong_length_are_refused(minutes):
    mentor = MentorFactory()
    request = SlotRequest(
        starts_at=in_days(2), minutes=minutes, online_url="https://meet.example.org/x"
    )
    with pytest.raises(MentoringError, match="15 to 120 minutes"):
        slots_publish(mentor=mentor, request=request)
    assert not OfficeHourSlot.objects.exists()


def test_a_slot_in_the_past_is_refused():
    request = SlotRequest(
        starts_at=timezone.now() - timedelta(hours=1), minutes=60, location="Vườn ươm"
    )
    with pytest.raises(MentoringError, match="future"):
        slots_publish(mentor=MentorFactory(), request=request)


def test_weekly_slots_and_overlaps():
    mentor = MentorFactory()
    start = in_days(2)
    made = slots_publish(
        mentor=mentor, request=SlotRequest(start, 60, location="Vườn ươm"), weeks=4
    )
    assert [s.starts_at - start for s in made] == [timedelta(weeks=w) for w in range(4)]
    with pytest.raises(MentoringError, match="overlaps"):
        slots_publish(
            mentor=mentor,
            request=SlotRequest(start + timedelta(weeks=2, minutes=30), 60, location="Vườn ươm"),
        )
    assert OfficeHourSlot.objects.filter(mentor=mentor).count() == 4

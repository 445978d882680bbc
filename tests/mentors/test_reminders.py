"""Reminders the day before a session: to the mentor and the startup's members,
with the session's details, once, even when the reminders run twice; never
for a cancelled booking, one further off, or one just made."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import OutboundEmail
from mentors.models import Booking
from mentors.tasks import booking_remind, send_mentoring_reminders
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db

REMINDER = "mentors/emails/reminder"


@pytest.fixture
def founder():
    # Reads English; the mentor keeps the default, Vietnamese.
    return UserFactory(email="founder@bienxanh.example.com", preferred_language="en")


@pytest.fixture
def startup(founder):
    return StartupFactory(owner=founder, name="Biển Xanh")


def booking_in(startup, hours, *, status="booked", booked_days_ago=3, mentor=None):
    starts_at = timezone.now().replace(second=0, microsecond=0) + timedelta(hours=hours)
    slot = SlotFactory(
        mentor=mentor or MentorFactory(user__email="mentor@example.com"),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=45),
        location="Vườn ươm, số 1 Lê Lợi",
        status="booked",
    )
    booking = Booking.objects.create(
        slot=slot, startup=startup, agenda="Định giá trước vòng gọi vốn", status=status
    )
    Booking.objects.filter(pk=booking.pk).update(
        created_at=timezone.now() - timedelta(days=booked_days_ago)
    )
    return booking


def reminders():
    return OutboundEmail.objects.filter(template=REMINDER).order_by("to")


def test_both_sides_are_reminded_the_day_before_with_the_details(startup, founder):
    booking = booking_in(startup, 20)
    assert send_mentoring_reminders.call() == 1
    assert [email.to for email in reminders()] == [founder.email, "mentor@example.com"]
    email = reminders().get(to=founder.email)
    assert "Tomorrow" in email.subject and "Biển Xanh" in email.subject
    assert reminders().get(to="mentor@example.com").subject.startswith("Ngày mai")
    assert "Định giá trước vòng gọi vốn" in email.body
    assert "Vườn ươm, số 1 Lê Lợi" in email.body
    assert "METHOD:REQUEST" in email.attachments[0]["content"]
    booking.refresh_from_db()
    assert booking.reminded_at is not None


def test_running_twice_reminds_nobody_twice(startup):
    booking = booking_in(startup, 10)
    assert send_mentoring_reminders.call() == 1
    assert send_mentoring_reminders.call() == 0
    assert booking_remind(booking_id=booking.pk) is False
    assert reminders().count() == 2


def test_a_claimed_booking_is_not_reminded_by_a_second_worker(startup):
    booking = booking_in(startup, 10)
    # Another worker claimed it between this run's listing and its update.
    Booking.objects.filter(pk=booking.pk).update(reminded_at=timezone.now())
    assert booking_remind(booking_id=booking.pk) is False
    assert not reminders().exists()


@pytest.mark.parametrize(
    "hours, status, booked_days_ago",
    [
        (30, "booked", 3),  # the day after tomorrow: not yet
        (-1, "booked", 3),  # already started
        (20, "cancelled", 3),
        (20, "late_cancelled", 3),
        (20, "booked", 0),  # booked an hour ago: its confirmation is fresh
    ],
)
def test_only_bookings_on_within_the_next_day_are_reminded(startup, hours, status, booked_days_ago):
    booking_in(startup, hours, status=status, booked_days_ago=booked_days_ago)
    assert send_mentoring_reminders.call() == 0
    assert not reminders().exists()


def test_the_command_reminds_and_says_how_many(startup):
    booking = booking_in(startup, 23)
    booking_in(startup, 48, mentor=booking.slot.mentor)
    out = StringIO()
    call_command("send_mentoring_reminders", stdout=out)
    assert "Bookings reminded: 1" in out.getvalue()
    call_command("send_mentoring_reminders", stdout=out)
    assert "Bookings reminded: 0" in out.getvalue()
    assert reminders().count() == 2


def test_each_person_is_reminded_in_their_language(startup, founder):
    founder.preferred_language = "en"
    founder.save()
    booking = booking_in(startup, 20)
    mentor = booking.slot.mentor.user
    mentor.preferred_language = "vi"
    mentor.save()
    send_mentoring_reminders.call()
    assert reminders().get(to=founder.email).language == "en"
    assert reminders().get(to=mentor.email).language == "vi"


def test_a_booking_queues_its_reminder_for_the_day_before(
    monkeypatch, django_capture_on_commit_callbacks
):
    """With a task backend that can defer (the database one in production),
    booking a slot queues its reminder for 24 hours before the session."""
    from types import SimpleNamespace

    from mentors import tasks
    from mentors.services import booking_create

    queued = []

    def using(*, run_after):
        return SimpleNamespace(enqueue=lambda pk: queued.append((pk, run_after)))

    monkeypatch.setattr(tasks, "default_task_backend", SimpleNamespace(supports_defer=True))
    monkeypatch.setattr(tasks, "send_booking_reminder", SimpleNamespace(using=using))
    slot = SlotFactory(starts_at=timezone.now() + timedelta(days=3))
    founder = UserFactory()
    startup = StartupFactory(owner=founder)
    with django_capture_on_commit_callbacks(execute=True):
        booking = booking_create(slot=slot, startup=startup, user=founder, agenda="Giá bán")
    assert queued == [(booking.pk, slot.starts_at - timedelta(hours=24))]

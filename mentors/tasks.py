"""Deferred work for office hours: the reminder the day before a session."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import default_task_backend, task

from . import notifications
from .models import Booking

REMINDER_BEFORE = timedelta(hours=24)


def reminders_due(*, now=None):
    """Bookings still on that start within the next 24 hours and have not been
    reminded. A booking made inside those 24 hours had its confirmation
    recently enough: it gets no reminder."""
    now = now or timezone.now()
    return Booking.objects.filter(
        status=Booking.Status.BOOKED,
        reminded_at__isnull=True,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + REMINDER_BEFORE,
        created_at__lte=F("slot__starts_at") - REMINDER_BEFORE,
    )


def booking_remind(*, booking_id: int, now=None) -> bool:
    """Email both sides about one booking, once. The booking is claimed with a
    conditional update before its emails are written, in the same
    transaction, so two runs at once (or a retried task) remind nobody twice,
    and an email that fails to render leaves the booking to the next run."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = reminders_due(now=now).filter(pk=booking_id).update(reminded_at=now)
        if not claimed:
            return False
        booking = Booking.objects.select_related("slot__mentor__user", "startup").get(pk=booking_id)
        notifications.reminder(booking)
    return True


@task()
def send_booking_reminder(booking_id: int) -> bool:
    """The reminder of one booking (scheduled 24 hours before it)."""
    return booking_remind(booking_id=booking_id)


@task()
def send_mentoring_reminders() -> int:
    """Remind both sides of every booking due for it; returns the bookings
    reminded. Safe to run as often as you like."""
    now = timezone.now()
    due = list(reminders_due(now=now).order_by("slot__starts_at").values_list("pk", flat=True))
    return sum(booking_remind(booking_id=pk, now=now) for pk in due)


def schedule_reminder(booking: Booking) -> None:
    """Queue the reminder for 24 hours before the session, where the task
    backend can run work later (the database backend in production). The
    immediate backend of a laptop cannot; `manage.py send_mentoring_reminders`
    from cron covers that case, and any reminder a deferred task missed."""
    if not default_task_backend.supports_defer:
        return
    run_after = max(booking.slot.starts_at - REMINDER_BEFORE, timezone.now())
    send_booking_reminder.using(run_after=run_after).enqueue(booking.pk)

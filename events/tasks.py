"""Deferred work for events: the reminder 24 hours before."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from . import notifications
from .models import Event, Registration

REMINDER_BEFORE = timedelta(hours=24)


@task()
def send_event_reminders(event_id: int) -> int:
    """Remind everyone with a seat, once. Each registration is claimed with a
    conditional update before its email is queued, so the task running twice
    (a retry, a second schedule after the event moved) reminds nobody twice."""
    event = Event.objects.filter(pk=event_id).first()
    now = timezone.now()
    if event is None or event.is_cancelled or event.starts_at <= now:
        return 0
    if event.starts_at - now > REMINDER_BEFORE + timedelta(minutes=5):
        return 0  # the event moved later; its new schedule will run this again
    sent = 0
    for registration in event.registrations.filter(
        status=Registration.Status.CONFIRMED, reminded_at__isnull=True
    ):
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                notifications.reminder(registration)
                sent += 1
    return sent


def schedule_reminders(event: Event) -> None:
    """Queue the reminder for 24 hours before the event, where the task
    backend can run work later (the database backend in production). The
    immediate backend of a laptop cannot; `manage.py send_event_reminders`
    covers that case from cron."""
    if not default_task_backend.supports_defer:
        return
    run_after = max(event.starts_at - REMINDER_BEFORE, timezone.now())
    send_event_reminders.using(run_after=run_after).enqueue(event.pk)

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Event
from events.tasks import REMINDER_BEFORE, send_event_reminders


class Command(BaseCommand):
    help = (
        "Email the reminder to people registered for events that start within 24 hours "
        "(each person once). Run it from cron every 15 minutes where tasks cannot be deferred."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        events = Event.objects.filter(
            starts_at__gt=now, starts_at__lte=now + REMINDER_BEFORE
        ).exclude(status=Event.Status.CANCELLED)
        sent = sum(send_event_reminders.call(event.pk) for event in events)
        self.stdout.write(f"Reminders sent: {sent}")

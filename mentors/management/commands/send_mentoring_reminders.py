"""Run every 15 minutes (cron, a systemd timer): remind mentors and startups
of their office hours the day before."""

from django.core.management.base import BaseCommand

from mentors.tasks import send_mentoring_reminders


class Command(BaseCommand):
    help = (
        "Email the mentor and the startup's members about each office-hour session "
        "starting within 24 hours (each booking once)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task workers instead of doing it now.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = send_mentoring_reminders.enqueue()
            self.stdout.write(f"Enqueued as task {result.id}.")
            return
        sent = send_mentoring_reminders.call()
        self.stdout.write(f"Bookings reminded: {sent}")

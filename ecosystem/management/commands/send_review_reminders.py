"""Run daily (cron, a systemd timer): remind council members of their reviews due."""

from django.core.management.base import BaseCommand

from ecosystem.tasks import send_review_reminders


class Command(BaseCommand):
    help = (
        "Email each council member about their open reviews that are due within three "
        "days or overdue (at most once every three days per review)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task workers instead of doing it now.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = send_review_reminders.enqueue()
            self.stdout.write(f"Enqueued as task {result.id}.")
            return
        sent = send_review_reminders.call()
        self.stdout.write(f"Reminders sent to {sent} reviewer(s).")

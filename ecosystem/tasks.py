"""Background work of the ecosystem app, run by django-tasks' workers."""

from django_tasks import task

from ecosystem.services.reviews import review_reminders_send


@task()
def send_review_reminders() -> int:
    """Remind reviewers of the reviews they have due. Safe to run twice: each
    review is claimed before its reminder is written. Returns the emails sent."""
    return review_reminders_send()

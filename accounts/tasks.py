import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

from .models import OutboundEmail

logger = logging.getLogger(__name__)


@task()
def deliver_email(email_id: int) -> str:
    """Send a recorded email. Claiming the row first makes a second run of the
    same task (a retry, a duplicate enqueue) a no-op: nobody gets it twice."""
    claimed = OutboundEmail.objects.filter(pk=email_id, status=OutboundEmail.Status.QUEUED).update(
        status=OutboundEmail.Status.SENDING
    )
    if not claimed:
        return "already handled"
    email = OutboundEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + email.subject,
        body=email.body,
        to=[email.to],
    )
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    try:
        message.send()
    except Exception as error:
        logger.exception("Could not send email %s", email_id)
        OutboundEmail.objects.filter(pk=email_id).update(
            status=OutboundEmail.Status.FAILED, error=str(error)[:2000]
        )
        raise
    OutboundEmail.objects.filter(pk=email_id).update(
        status=OutboundEmail.Status.SENT, sent_at=timezone.now()
    )
    return "sent"

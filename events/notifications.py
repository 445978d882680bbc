"""Emails to people registered for events, in the language they registered in,
with the event attached as an .ics invitation where a calendar should change."""

from django.urls import reverse
from django.utils import translation

from accounts.mail import email_send

from . import calendar
from .models import Registration

Status = Registration.Status


def _send(registration: Registration, template: str, *, ics: bytes | None = None, **extra):
    language = registration.language
    with translation.override(language):
        manage_url = calendar.absolute(
            reverse("events:manage", kwargs={"token": registration.token})
        )
        event_url = calendar.absolute(registration.event.get_absolute_url())
    attachments = []
    if ics is not None:
        method = "CANCEL" if b"METHOD:CANCEL" in ics else "REQUEST"
        attachments.append(
            {
                "filename": "su-kien.ics",
                "content": ics.decode(),
                "mimetype": f"text/calendar; charset=utf-8; method={method}",
            }
        )
    return email_send(
        to=registration.email,
        template=f"events/emails/{template}",
        context={
            "registration": registration,
            "event": registration.event,
            "manage_url": manage_url,
            "event_url": event_url,
            **extra,
        },
        language=language,
        attachments=attachments,
    )


def waitlist_position(registration: Registration) -> int:
    ahead = registration.event.registrations.waitlisted().filter(
        queued_at__lt=registration.queued_at
    )
    return ahead.count() + 1


def registered(registration: Registration):
    """The answer to a registration or a guest's confirmation."""
    if registration.status == Status.PENDING:
        return _send(registration, "confirm_email")
    if registration.status == Status.CONFIRMED:
        return _send(registration, "confirmed", ics=calendar.invitation(registration))
    if registration.status == Status.WAITLISTED:
        return _send(registration, "waitlisted", position=waitlist_position(registration))
    return None


def promoted(registration: Registration):
    return _send(registration, "promoted", ics=calendar.invitation(registration))


def reminder(registration: Registration):
    return _send(registration, "reminder", ics=calendar.invitation(registration))


def changed(registration: Registration):
    return _send(registration, "changed", ics=calendar.invitation(registration))


def cancelled(registration: Registration):
    return _send(registration, "cancelled", ics=calendar.invitation(registration, cancel=True))

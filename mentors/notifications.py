"""Emails about bookings to both sides, in each person's language, with the
session attached for their calendar."""

from django.urls import reverse
from django.utils import translation

from accounts.mail import email_send, language_for
from ecosystem.models import Membership

from . import calendar
from .models import Booking


def _people(booking: Booking):
    mentor = booking.slot.mentor.user
    members = [
        membership.user
        for membership in Membership.objects.filter(organisation=booking.startup).select_related(
            "user"
        )
    ]
    return [(mentor, "mentor")] + [(member, "startup") for member in members]


def _send(booking: Booking, template: str):
    for person, side in _people(booking):
        language = language_for(person)
        with translation.override(language):
            url = calendar.settings.SITE_URL + reverse("mentors:booking", args=[booking.pk])
        ics = calendar.invitation(booking, to_email=person.email, to_name=person.get_full_name())
        method = "CANCEL" if b"METHOD:CANCEL" in ics else "REQUEST"
        email_send(
            to=person.email,
            template=f"mentors/emails/{template}",
            context={"booking": booking, "side": side, "person": person, "booking_url": url},
            language=language,
            attachments=[
                {
                    "filename": "gio-tu-van.ics",
                    "content": ics.decode(),
                    "mimetype": f"text/calendar; charset=utf-8; method={method}",
                }
            ],
        )


def booked(booking: Booking):
    _send(booking, "booked")


def cancelled(booking: Booking):
    _send(booking, "cancelled")


def reminder(booking: Booking):
    _send(booking, "reminder")

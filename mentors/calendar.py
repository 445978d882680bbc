"""iCalendar for office-hour bookings (the icalendar package, never by hand)."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from .models import Booking

LOCAL = ZoneInfo(settings.TIME_ZONE)


def booking_uid(booking: Booking) -> str:
    return f"booking-{booking.pk}@innohub"


def booking_component(booking: Booking) -> Event:
    slot = booking.slot
    component = Event()
    component.add("uid", booking_uid(booking))
    component.add("dtstamp", booking.updated_at)
    component.add("last-modified", booking.updated_at)
    # Created, then (perhaps) cancelled: calendars need the cancellation newer.
    component.add("sequence", 0 if booking.status == Booking.Status.BOOKED else 1)
    component.add("summary", f"{slot.mentor} · {booking.startup.name}")
    component.add("description", booking.agenda)
    component.add("dtstart", slot.starts_at.astimezone(LOCAL))
    component.add("dtend", slot.ends_at.astimezone(LOCAL))
    location = ", ".join(part for part in (slot.location, slot.online_url) if part)
    if location:
        component.add("location", location)
    cancelled = booking.status in {Booking.Status.CANCELLED, Booking.Status.LATE_CANCELLED}
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return component


def invitation(booking: Booking, *, to_email: str, to_name: str) -> bytes:
    """METHOD:REQUEST for a booking, METHOD:CANCEL once it is cancelled."""
    cancelled = booking.status in {Booking.Status.CANCELLED, Booking.Status.LATE_CANCELLED}
    cal = Calendar()
    cal.add("prodid", "-//innohub//mentors//VI")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    component = booking_component(booking)
    component["dtstamp"] = timezone.now()
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = "innohub"
    component.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{to_email}")
    attendee.params["cn"] = to_name
    attendee.params["partstat"] = "DECLINED" if cancelled else "ACCEPTED"
    component.add("attendee", attendee)
    cal.add_component(component)
    cal.add_missing_timezones()
    return cal.to_ical()


def personal_bookings(user) -> list[Event]:
    """The person's bookings for their private calendar feed: as a mentor and
    as a member of a startup."""
    bookings = (
        Booking.objects.filter(status=Booking.Status.BOOKED)
        .filter(slot__starts_at__gte=timezone.now() - timezone.timedelta(days=30))
        .select_related("slot__mentor__user", "startup")
    )
    mine = bookings.filter(slot__mentor__user=user) | bookings.filter(
        startup__memberships__user=user
    )
    return [booking_component(booking) for booking in mine.distinct()]

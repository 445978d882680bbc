"""iCalendar for events, built with the icalendar package (never by hand).

Calendar apps are unforgiving, so every VEVENT carries: a UID that never
changes for that event; DTSTAMP and LAST-MODIFIED; a SEQUENCE that rises when
the time, place or status changes; DTSTART/DTEND in Asia/Ho_Chi_Minh with the
matching VTIMEZONE (or dates, with an exclusive end, for all-day events);
LOCATION, URL, and STATUS:CANCELLED for cancelled events, which stay in feeds
so calendars remove them. The library escapes and folds the text.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, vCalAddress
from icalendar import Event as VEvent

from .models import Event, Registration

LOCAL = ZoneInfo(settings.TIME_ZONE)
PRODUCT = "-//innohub//events//VI"
STATUS = {
    Event.Status.SCHEDULED: "CONFIRMED",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}


def event_uid(event: Event) -> str:
    # Only the event's own UUID: a new domain or slug must not make calendars
    # see a different event.
    return f"{event.uid}@innohub"


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def location_of(event: Event) -> str:
    parts = []
    if event.venue_id:
        parts.append(event.venue.name)
        if event.venue.address:
            parts.append(event.venue.address)
    if event.online_url:
        parts.append(event.online_url)
    return ", ".join(parts)


def event_component(event: Event, *, stamp=None) -> VEvent:
    component = VEvent()
    component.add("uid", event_uid(event))
    # A fixed stamp keeps a feed byte-identical until something changes (ETags).
    component.add("dtstamp", stamp or event.updated_at)
    component.add("last-modified", event.updated_at)
    component.add("sequence", event.sequence)
    component.add("summary", event.localized("title"))
    description = event.localized("description")
    url = absolute(event.get_absolute_url())
    component.add("description", f"{description}\n\n{url}".strip())
    if event.all_day:
        first = timezone.localtime(event.starts_at, LOCAL).date()
        last = timezone.localtime(event.ends_at, LOCAL).date()
        component.add("dtstart", first)
        component.add("dtend", last + timedelta(days=1))  # DTEND of dates is exclusive
    else:
        component.add("dtstart", event.starts_at.astimezone(LOCAL))
        component.add("dtend", event.ends_at.astimezone(LOCAL))
    location = location_of(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", STATUS[event.status])
    return component


def calendar(*, name: str, method: str | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.calendar_name = name
    return cal


def finish(cal: Calendar) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def feed(events, *, name: str) -> bytes:
    """A subscription feed: calendar apps poll it and refresh every hour."""
    cal = calendar(name=name)
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    for event in events:
        cal.add_component(event_component(event))
    return finish(cal)


def invitation(registration: Registration, *, cancel: bool = False) -> bytes:
    """The .ics attached to a registration email: METHOD:REQUEST adds or
    updates the event in the person's calendar, METHOD:CANCEL removes it."""
    event = registration.event
    cal = calendar(name=event.localized("title"), method="CANCEL" if cancel else "REQUEST")
    component = event_component(event, stamp=timezone.now())
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = "innohub"
    component.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{registration.email}")
    attendee.params["cn"] = registration.name
    attendee.params["partstat"] = "DECLINED" if cancel else "ACCEPTED"
    component.add("attendee", attendee)
    if cancel:
        component["status"] = "CANCELLED"
    cal.add_component(component)
    return finish(cal)

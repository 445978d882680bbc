"""How events read on the public pages: times on the province's clock, what
can be done about a seat, calendar links, the check-in code and the
structured data search engines read (JSON-LD)."""

import base64
import json
from datetime import UTC, timedelta
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecosystem.templatetags.directory_tags import JSON_SCRIPT_ESCAPES, external_url

from .. import calendar
from ..models import Event, Registration

register = template.Library()

# Between the ends of a time span, as typeset in both languages.
RANGE = " \N{EN DASH} "
# Up to this many seats left, the count is shown as a warning.
FEW_SEATS = 5


def local(moment):
    return timezone.localtime(moment, calendar.LOCAL)


@register.filter
def localized(instance, field: str) -> str:
    """A field of an event (or its programme) in the reader's language."""
    return instance.localized(field)


@register.simple_tag
def event_when(event: Event, style: str = "DATE_FORMAT") -> str:
    """When the event is on, in the reader's language and the province's time:
    "27/11/2026 14:00 to 16:00" with a dash, or dates alone for all-day events. `style` is
    the date format: DATE_FORMAT on the event's page, SHORT_DATE_FORMAT in lists."""
    starts, ends = local(event.starts_at), local(event.ends_at)
    first, last = date_format(starts, style), date_format(ends, style)
    if event.all_day:
        return first if starts.date() == ends.date() else f"{first}{RANGE}{last}"
    start_time, end_time = time_format(starts, "TIME_FORMAT"), time_format(ends, "TIME_FORMAT")
    if starts.date() == ends.date():
        return f"{first} {start_time}{RANGE}{end_time}"
    return f"{first} {start_time}{RANGE}{last} {end_time}"


@register.filter
def iso(moment) -> str:
    """A moment for <time datetime> and JSON-LD, with the province's offset."""
    return local(moment).isoformat(timespec="minutes") if moment else ""


def availability(event: Event, now) -> list[dict]:
    """Badges saying where the event stands: its status if it is not plainly
    scheduled, then whether a seat can be had. From the counts stored on the
    event, which may lag a moment behind: the seat itself is decided on
    registering."""
    badges = []
    if event.status == Event.Status.CANCELLED:
        return [{"label": _("Cancelled"), "modifier": "danger", "key": "cancelled"}]
    if event.ends_at <= now:
        return [{"label": _("Ended"), "modifier": "closed", "key": "ended"}]
    if event.status == Event.Status.POSTPONED:
        badges.append({"label": _("Postponed"), "modifier": "warning", "key": "postponed"})
    if event.registration_opens_at and now < event.registration_opens_at:
        label = _("Registration opens %(date)s") % {
            "date": date_format(local(event.registration_opens_at), "SHORT_DATETIME_FORMAT")
        }
        badges.append({"label": label, "modifier": "info", "key": "not_open"})
    elif not event.registration_is_open(now):
        badges.append({"label": _("Registration closed"), "modifier": "closed", "key": "closed"})
    elif event.seats_left is None:
        badges.append({"label": _("Open to all"), "modifier": "success", "key": "open"})
    elif event.seats_left > 0:
        label = ngettext("%(count)s seat left", "%(count)s seats left", event.seats_left) % {
            "count": event.seats_left
        }
        modifier = "warning" if event.seats_left <= FEW_SEATS else "success"
        badges.append({"label": label, "modifier": modifier, "key": "seats"})
    elif event.waitlist_enabled:
        badges.append({"label": _("Full: waitlist open"), "modifier": "warning", "key": "waitlist"})
    else:
        badges.append({"label": _("Full"), "modifier": "closed", "key": "full"})
    return badges


@register.inclusion_tag("events/_availability.html")
def event_availability(event: Event, now):
    return {"badges": availability(event, now), "event": event}


@register.inclusion_tag("events/_registration_status.html")
def registration_status(registration: Registration):
    modifiers = {
        Registration.Status.PENDING: "warning",
        Registration.Status.CONFIRMED: "success",
        Registration.Status.WAITLISTED: "info",
        Registration.Status.ATTENDED: "success",
        Registration.Status.CANCELLED: "closed",
    }
    return {"registration": registration, "modifier": modifiers.get(registration.status, "")}


def _google_dates(event: Event) -> str:
    if event.all_day:
        first = local(event.starts_at).date()
        after_last = local(event.ends_at).date() + timedelta(days=1)  # exclusive, as in .ics
        return f"{first:%Y%m%d}/{after_last:%Y%m%d}"
    starts, ends = event.starts_at.astimezone(UTC), event.ends_at.astimezone(UTC)
    return f"{starts:%Y%m%dT%H%M%SZ}/{ends:%Y%m%dT%H%M%SZ}"


@register.simple_tag
def google_calendar_url(event: Event) -> str:
    """A link that opens Google Calendar's "new event" form filled in: a link
    only, nothing is fetched from Google while the page loads."""
    details = Truncator(event.localized("description")).chars(1000)
    event_url = calendar.absolute(event.get_absolute_url())
    query = {
        "action": "TEMPLATE",
        "text": event.localized("title"),
        "dates": _google_dates(event),
        "ctz": str(calendar.LOCAL),
        "details": f"{details}\n\n{event_url}".strip(),
        "location": calendar.location_of(event),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


@register.simple_tag(takes_context=True)
def webcal_url(context, path: str) -> str:
    """The address calendar apps subscribe to (webcal://) for a feed's path."""
    request = context.get("request")
    absolute = request.build_absolute_uri(path) if request else calendar.absolute(path)
    return "webcal://" + absolute.split("://", 1)[1]


def check_in_url(registration: Registration) -> str:
    """What the check-in code holds: the coordinators' check-in link for this
    registration where the site has one, else the registration's own page."""
    try:
        path = reverse("events:check_in_qr", kwargs={"token": registration.token})
    except NoReverseMatch:
        path = registration.get_absolute_url()
    return calendar.absolute(path)


@register.simple_tag
def check_in_qr_src(registration: Registration) -> str:
    """The check-in QR code as an SVG data URL (allowed by the site's
    Content-Security-Policy, unlike inline styles)."""
    image = qrcode.make(
        check_in_url(registration),
        image_factory=qrcode.image.svg.SvgPathFillImage,
        border=2,
    )
    svg = image.to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


STATUS_SCHEMA = {
    Event.Status.SCHEDULED: "https://schema.org/EventScheduled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
}


def _offer_availability(event: Event, now) -> str:
    if event.registration_opens_at and now < event.registration_opens_at:
        return "https://schema.org/PreOrder"
    if not event.registration_is_open(now):
        return "https://schema.org/SoldOut"
    if event.seats_left is None or event.seats_left > 0:
        return "https://schema.org/InStock"
    return "https://schema.org/SoldOut"


def _location(event: Event) -> list[dict]:
    places = []
    if event.venue_id:
        address = {"@type": "PostalAddress", "addressCountry": "VN"}
        if event.venue.address:
            address["streetAddress"] = event.venue.address
        if event.venue.area_id:
            address["addressLocality"] = event.venue.area.localized_name
        places.append({"@type": "Place", "name": event.venue.name, "address": address})
    if external_url(event.online_url):
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    return places


def event_structured_data(event: Event, *, now, image_url: str = "") -> dict:
    """A schema.org Event for the event's page."""
    url = calendar.absolute(event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.localized("title"),
        "url": url,
        "eventStatus": STATUS_SCHEMA[event.status],
    }
    if event.all_day:
        data["startDate"] = local(event.starts_at).date().isoformat()
        data["endDate"] = local(event.ends_at).date().isoformat()
    else:
        data["startDate"] = iso(event.starts_at)
        data["endDate"] = iso(event.ends_at)
    description = event.localized("description")
    if description:
        data["description"] = Truncator(description).chars(500)
    places = _location(event)
    if places:
        online = any(place["@type"] == "VirtualLocation" for place in places)
        offline = any(place["@type"] == "Place" for place in places)
        mode = "Mixed" if online and offline else "Online" if online else "Offline"
        data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
        data["location"] = places[0] if len(places) == 1 else places
    if image_url:
        data["image"] = [image_url]
    if event.organiser_id:
        organiser = {"@type": "Organization", "name": event.organiser.name}
        if event.organiser.is_public:
            organiser["url"] = calendar.absolute(event.organiser.get_absolute_url())
        data["organizer"] = organiser
    if event.status != Event.Status.CANCELLED:
        offer = {
            "@type": "Offer",
            "url": url,
            "price": 0,
            "priceCurrency": "VND",
            "availability": _offer_availability(event, now),
        }
        if event.registration_opens_at:
            offer["validFrom"] = iso(event.registration_opens_at)
        data["offers"] = offer
    return data


@register.simple_tag
def event_json_ld(event: Event, now, image_url: str = ""):
    """The schema.org Event as a data block, escaped like json_script so no
    text in it can close the <script>."""
    data = event_structured_data(event, now=now, image_url=image_url)
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308

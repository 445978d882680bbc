"""How mentors and their slots read on the public pages: text in the reader's
language, times on the province's clock."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format, time_format

from ..models import Booking

register = template.Library()

# Between the ends of a time span, as typeset in both languages.
RANGE = " \N{EN DASH} "


def _local(moment):
    return timezone.localtime(moment, timezone.get_default_timezone())


@register.filter
def localized(instance, field: str) -> str:
    """A field of a mentor in the reader's language (Vietnamese if untranslated)."""
    return instance.localized(field)


@register.filter
def iso(moment) -> str:
    """A moment for <time datetime>, with the province's offset."""
    return _local(moment).isoformat(timespec="minutes") if moment else ""


@register.simple_tag
def slot_when(slot, style: str = "SHORT_DATE_FORMAT") -> str:
    """Date and times on the province's clock: 27/11/2026 14:00 to 15:00, with a dash."""
    starts, ends = _local(slot.starts_at), _local(slot.ends_at)
    times = f"{time_format(starts, 'TIME_FORMAT')}{RANGE}{time_format(ends, 'TIME_FORMAT')}"
    return f"{date_format(starts, style)} {times}"


@register.simple_tag
def slot_times(slot) -> str:
    """Start and end times alone, for slots listed under their day."""
    starts, ends = _local(slot.starts_at), _local(slot.ends_at)
    return f"{time_format(starts, 'TIME_FORMAT')}{RANGE}{time_format(ends, 'TIME_FORMAT')}"


@register.filter
def weekday_date(day) -> str:
    """ "Thứ Sáu, 27/11/2026" / "Friday, 11/27/2026"."""
    return f"{date_format(day, 'l')}, {date_format(day, 'SHORT_DATE_FORMAT')}"


BADGES = {
    Booking.Status.BOOKED: "info",
    Booking.Status.COMPLETED: "success",
    Booking.Status.CANCELLED: "closed",
    Booking.Status.LATE_CANCELLED: "warning",
    Booking.Status.NO_SHOW: "danger",
}


@register.inclusion_tag("mentors/_booking_status.html")
def booking_status(booking) -> dict:
    return {"label": booking.get_status_display(), "modifier": BADGES.get(booking.status, "")}

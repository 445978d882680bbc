"""How calls read on the public pages: their state as a badge, times on the
province's clock, amounts in đồng, and fields in the reader's language."""

from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecosystem.blocks import localized as question_text
from ecosystem.formatting import format_vnd
from ecosystem.models import Call
from ecosystem.services.calls import PROVINCE_TIME_ZONE

register = template.Library()

# An open call gets a countdown in its last week.
CLOSING_SOON_DAYS = 7


def call_badge(call: Call, now) -> dict:
    """The label and style of a call's state at `now`: upcoming, open, closing in
    N days (counted in calendar days in the province, up to the day of its last
    open second), or closed."""
    state = call.state_at(now)
    if state == Call.State.UPCOMING:
        return {"state": state, "label": _("Upcoming"), "modifier": "info"}
    if state == Call.State.CLOSED:
        return {"state": state, "label": _("Closed"), "modifier": "closed"}
    last_day = timezone.localtime(
        call.closes_at - timedelta(microseconds=1), PROVINCE_TIME_ZONE
    ).date()
    days = (last_day - timezone.localtime(now, PROVINCE_TIME_ZONE).date()).days
    if days <= 0:
        return {"state": state, "label": _("Closing today"), "modifier": "warning"}
    if days <= CLOSING_SOON_DAYS:
        label = ngettext("Closing in %(days)d day", "Closing in %(days)d days", days) % {
            "days": days
        }
        return {"state": state, "label": label, "modifier": "warning"}
    return {"state": state, "label": _("Open"), "modifier": "success"}


@register.inclusion_tag("cms/includes/call_badge.html")
def call_state_badge(call, now):
    return call_badge(call, now)


@register.filter
def province_datetime(value) -> str:
    """27/11/2026 17:00, on the province's clock, whoever is reading."""
    if not value:
        return ""
    return timezone.localtime(value, PROVINCE_TIME_ZONE).strftime("%d/%m/%Y %H:%M")


@register.filter
def vnd(amount) -> str:
    return format_vnd(amount)


@register.filter
def localized(instance, field: str) -> str:
    """A field of a call, programme or criterion in the reader's language."""
    return instance.localized(field)


@register.filter
def question(value, field: str) -> str:
    """A question's label or help text (or an option's label) in the reader's language."""
    return question_text(value, field)

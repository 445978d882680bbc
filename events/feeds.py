"""iCalendar feeds over HTTP: the public feed (/events/feed.ics, with the
list's filters), one event (/events/<slug>.ics) and a person's private feed
(/events/feed/<secret>.ics).

Calendar apps poll feeds, so each answer carries an ETag and Last-Modified
and a poll that finds nothing new gets 304 without the feed being built. The
public feed's version is read in one aggregate query; the body itself is
kept in the cache under that version. No feed holds a registration's token.

Other apps add to the personal feed through
`ecosystem.calendars.register_personal_feed_source` (mentors: the person's
bookings).
"""

import hashlib
from calendar import timegm
from collections.abc import Callable
from datetime import datetime, timedelta

import icalendar
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ecosystem.calendars import personal_feed_components

from . import calendar, selectors
from .filters import EventFilterSet
from .models import CalendarFeed, Event, Registration

CONTENT_TYPE = "text/calendar; charset=utf-8"
# Bump when the shape of the .ics changes, so cached bodies and ETags expire.
FORMAT_VERSION = "1"
CACHE_SECONDS = 60 * 60
# How long browsers and proxies may reuse a public feed without asking.
MAX_AGE = 5 * 60


def _timestamp(moment: datetime | None) -> int | None:
    return timegm(moment.utctimetuple()) if moment else None


def _respond(request, *, etag: str, last_modified: datetime | None, build, private=False):
    """A 304 when the poller has this version already, else the feed."""
    response = HttpResponse(content_type=CONTENT_TYPE)
    response["ETag"] = quote_etag(etag)
    if last_modified:
        response["Last-Modified"] = http_date(_timestamp(last_modified))
    response["Cache-Control"] = "private, no-cache" if private else f"public, max-age={MAX_AGE}"
    patch_vary_headers(response, ["Accept-Language"])
    conditional = get_conditional_response(
        request, etag=response["ETag"], last_modified=_timestamp(last_modified), response=response
    )
    if conditional is not response:
        return conditional
    response.content = build()
    return response


def _version(*parts) -> str:
    text = "|".join(str(part) for part in (FORMAT_VERSION, get_language(), *parts))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _cached(key: str, build) -> Callable[[], bytes]:
    def body() -> bytes:
        content = cache.get(key)
        if content is None:
            content = build()
            cache.set(key, content, CACHE_SECONDS)
        return content

    return body


@require_safe
def public_feed(request):
    """Upcoming events and those of the last 30 days, at most 500, with the
    filters of /events/. Values that cannot be used are ignored: calendar
    apps cannot show a message."""
    now = timezone.now()
    filterset = EventFilterSet(
        request.GET, queryset=selectors.visible_events(request.user), now=now, default_when=""
    )
    events = selectors.feed_window(filterset.qs, now)
    state = selectors.feed_state(events)
    applied = sorted((name, str(value)) for name, value in filterset.form.cleaned_data.items())
    # Members may see members-only events; and the version turns over each
    # day, as the window's start moves with the clock.
    viewer = request.user.pk if request.user.is_authenticated else ""
    window = timezone.localtime(now - selectors.FEED_PAST, calendar.LOCAL).date()
    etag = _version("feed", applied, viewer, window, state["latest"], state["count"])
    name = _("Events · innohub")
    build = _cached(f"events:feed:{etag}", lambda: calendar.feed(list(events), name=name))
    return _respond(
        request,
        etag=etag,
        last_modified=state["latest"],
        build=build,
        private=bool(viewer),
    )


@require_safe
def event_ics(request, slug):
    """One event, to add to a calendar."""
    event = get_object_or_404(
        selectors.visible_events(request.user).select_related("venue"), slug=slug
    )
    etag = _version("event", event.pk, event.updated_at, event.sequence)
    response = _respond(
        request,
        etag=etag,
        last_modified=event.updated_at,
        build=lambda: calendar.feed([event], name=event.localized("title")),
        private=event.visibility != Event.Visibility.PUBLIC,
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def _personal_components(registrations: list[Registration], user) -> list[icalendar.Event]:
    components = []
    for registration in registrations:
        if registration.status == Registration.Status.CANCELLED:
            continue
        component = calendar.event_component(registration.event)
        # Not sure of a seat yet: show it as tentative in the calendar.
        waiting = {Registration.Status.PENDING, Registration.Status.WAITLISTED}
        if registration.status in waiting and not registration.event.is_cancelled:
            component["status"] = "TENTATIVE"
        components.append(component)
    components.extend(personal_feed_components(user))
    return components


def _latest_change(registrations: list[Registration], components) -> datetime | None:
    moments = []
    for registration in registrations:
        moments += [
            registration.event.updated_at,
            registration.created_at,
            registration.confirmed_at,
            registration.cancelled_at,
            registration.attended_at,
            registration.queued_at,
        ]
    for component in components:
        for name in ("LAST-MODIFIED", "DTSTAMP"):
            if name in component:
                moments.append(component.decoded(name))
    moments = [m for m in moments if isinstance(m, datetime) and timezone.is_aware(m)]
    return max(moments, default=None)


@require_safe
def personal_feed(request, secret):
    """A person's registrations (and whatever other apps add), at a private
    address that works without signing in; making a new address revokes it."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(secret=secret, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404
    user = feed.user
    registrations = selectors.personal_feed_registrations(user, timezone.now())
    components = _personal_components(registrations, user)
    cal = calendar.calendar(name=_("My events · innohub"))
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for component in components:
        cal.add_component(component)
    content = calendar.finish(cal)
    # A person's feed is small: its version is its content.
    etag = _version("personal", hashlib.sha256(content).hexdigest())
    return _respond(
        request,
        etag=etag,
        last_modified=_latest_change(registrations, components),
        build=lambda: content,
        private=True,
    )

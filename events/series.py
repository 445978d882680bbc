"""Recurring events: a series' rule makes one Event per occurrence.

Each occurrence has its own seats and registrations. Regenerating after the
series is edited updates the future occurrences nobody has changed by hand,
adds new dates and cancels (or, with nobody registered, removes) future ones
the rule no longer has. Past occurrences are history and never touched.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.demo import ascii_slug

from .models import Event, EventSeries

FREQUENCIES = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY}
# Copied from the series onto each occurrence it still governs.
SHARED_FIELDS = [
    "title",
    "title_en",
    "description",
    "description_en",
    "kind",
    "image_id",
    "venue_id",
    "online_url",
    "organiser_id",
    "programme_id",
    "call_id",
    "capacity",
    "waitlist_enabled",
    "questions",
]


def occurrence_starts(series: EventSeries) -> list[datetime]:
    """Start times of every occurrence in the province's time, exceptions left
    out (the province's clock, whatever time zone the person editing uses)."""
    first = timezone.localtime(series.first_starts_at, ZoneInfo(settings.TIME_ZONE))
    until = None
    if series.until:
        until = first.replace(
            year=series.until.year, month=series.until.month, day=series.until.day
        )
    rule = rrule(
        FREQUENCIES[series.frequency],
        interval=series.interval,
        dtstart=first.replace(tzinfo=None),
        until=until.replace(tzinfo=None) if until else None,
        count=series.count,
    )
    skipped = set(series.exceptions or [])
    starts = []
    for start in rule[: EventSeries.MAX_OCCURRENCES]:
        if start.date().isoformat() in skipped:
            continue
        # Wall-clock time in the province, whatever the date (no DST here, but
        # the rule is computed naively and localised, as calendar apps do).
        starts.append(timezone.make_aware(start, first.tzinfo))
    return starts


def series_generate(*, series: EventSeries, now=None) -> dict[str, int]:
    """Bring the series' occurrences in line with its rule. Returns counts of
    created, updated, cancelled and removed occurrences."""
    now = now or timezone.now()
    counts = {"created": 0, "updated": 0, "cancelled": 0, "removed": 0}
    with transaction.atomic():
        existing = {
            event.occurrence_date: event
            for event in Event.objects.select_for_update().filter(series=series)
        }
        wanted = {start.date(): start for start in occurrence_starts(series)}
        shared = {name: getattr(series, name) for name in SHARED_FIELDS}
        for day, start in wanted.items():
            event = existing.get(day)
            if event is None:
                Event.objects.create(
                    **shared,
                    slug=unique_slug(series, day),
                    series=series,
                    occurrence_date=day,
                    starts_at=start,
                    ends_at=start + series.duration,
                )
                counts["created"] += 1
            elif not event.changed_by_hand and event.starts_at > now:
                for name, value in shared.items():
                    setattr(event, name, value)
                event.starts_at, event.ends_at = start, start + series.duration
                event.save()
                counts["updated"] += 1
        for day, event in existing.items():
            if day in wanted or event.starts_at <= now or event.changed_by_hand:
                continue
            if event.registrations.exists():
                if event.status != Event.Status.CANCELLED:
                    event.status = Event.Status.CANCELLED
                    event.save()
                    counts["cancelled"] += 1
            else:
                event.delete()
                counts["removed"] += 1
    return counts


def unique_slug(series: EventSeries, day) -> str:
    base = slugify(ascii_slug(series.title, " "))[:180] or "su-kien"
    slug = f"{base}-{day:%Y-%m-%d}"
    suffix = 2
    while Event.objects.filter(slug=slug).exists():
        slug = f"{base}-{day:%Y-%m-%d}-{suffix}"
        suffix += 1
    return slug

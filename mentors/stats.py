"""Mentoring in numbers, for coordinators: per mentor the sessions and hours
given, the ratings received and the no-shows; per startup the sessions and
hours received, the ratings it gave and the no-shows.

Every number is a correlated subquery on the row's own bookings, so a list of
mentors or startups costs one query however many there are, and filters that
join sectors or expertise never multiply the counts the way a GROUP BY over
several joins would.

A session counts as held once it is recorded as having taken place, or once
its time has passed while still booked (nobody reported a no-show or
cancelled): most sessions are never written up.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Avg,
    Count,
    DurationField,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ecosystem.models import Startup

from .models import Booking, Engagement, MentorProfile

STATUS = Booking.Status

# Annotation names, prefixed so they never meet a field of the model.
SESSIONS = "stat_sessions"
TIME = "stat_time"
RATING = "stat_rating"
RATINGS = "stat_ratings"
NO_SHOWS = "stat_no_shows"
PARTNERS = "stat_partners"  # distinct startups a mentor met, or mentors a startup met
UPCOMING = "stat_upcoming"

LABELS = {
    "mentor": {
        SESSIONS: _("sessions"),
        TIME: _("hours given"),
        RATING: _("average rating"),
        RATINGS: _("ratings received"),
        NO_SHOWS: _("no-shows"),
        PARTNERS: _("startups met"),
        UPCOMING: _("upcoming bookings"),
    },
    "startup": {
        SESSIONS: _("sessions"),
        TIME: _("hours received"),
        RATING: _("average rating given"),
        RATINGS: _("ratings given"),
        NO_SHOWS: _("no-shows"),
        PARTNERS: _("mentors met"),
        UPCOMING: _("upcoming bookings"),
    },
}


@dataclass(frozen=True)
class Period:
    """Sessions starting on or after `since` and on or before `until` (local
    days, either may be open)."""

    since: date | None = None
    until: date | None = None

    def condition(self) -> Q:
        condition = Q()
        # The first and last days a calendar has are no bound at all (and
        # cannot be moved to UTC).
        if self.since and self.since > date.min:
            condition &= Q(slot__starts_at__gte=_local_midnight(self.since))
        if self.until and self.until < date.max:
            condition &= Q(slot__starts_at__lt=_local_midnight(self.until + timedelta(days=1)))
        return condition


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def held(now: datetime) -> Q:
    """Bookings of sessions that took place (see the module's docstring)."""
    return Q(status=STATUS.COMPLETED) | Q(status=STATUS.BOOKED, slot__ends_at__lte=now)


def _per_row(outer: str, bookings: QuerySet, value, output_field):
    """`value` aggregated over the bookings of the outer row."""
    return Subquery(
        bookings.filter(**{outer: OuterRef("pk")})
        .order_by()
        .values(outer)
        .annotate(value=value)
        .values("value")[:1],
        output_field=output_field,
    )


def _annotations(outer: str, partner: str, *, now: datetime, period: Period) -> dict:
    bookings = Booking.objects.filter(period.condition())
    sessions = bookings.filter(held(now))
    zero = Value(0)
    return {
        SESSIONS: Coalesce(_per_row(outer, sessions, Count("pk"), IntegerField()), zero),
        TIME: Coalesce(
            _per_row(
                outer,
                sessions,
                Sum(F("slot__ends_at") - F("slot__starts_at")),
                DurationField(),
            ),
            Value(timedelta(0)),
            output_field=DurationField(),
        ),
        RATING: _per_row(outer, bookings.filter(rating__isnull=False), Avg("rating"), FloatField()),
        RATINGS: Coalesce(
            _per_row(outer, bookings.filter(rating__isnull=False), Count("pk"), IntegerField()),
            zero,
        ),
        NO_SHOWS: Coalesce(
            _per_row(outer, bookings.filter(status=STATUS.NO_SHOW), Count("pk"), IntegerField()),
            zero,
        ),
        PARTNERS: Coalesce(
            _per_row(outer, sessions, Count(partner, distinct=True), IntegerField()), zero
        ),
        UPCOMING: Coalesce(
            _per_row(
                outer,
                Booking.objects.filter(status=STATUS.BOOKED, slot__starts_at__gt=now),
                Count("pk"),
                IntegerField(),
            ),
            zero,
        ),
    }


def mentors_with_stats(
    queryset: QuerySet | None = None, *, period: Period | None = None, now=None
) -> QuerySet:
    """Mentors, each with its numbers (the `stat_*` names above)."""
    queryset = MentorProfile.objects.all() if queryset is None else queryset
    return queryset.annotate(
        **_annotations(
            "slot__mentor", "startup", now=now or timezone.now(), period=period or Period()
        )
    )


def startups_with_stats(
    queryset: QuerySet | None = None, *, period: Period | None = None, now=None
) -> QuerySet:
    """Startups, each with its numbers (the `stat_*` names above)."""
    queryset = Startup.objects.all() if queryset is None else queryset
    return queryset.annotate(
        **_annotations(
            "startup", "slot__mentor", now=now or timezone.now(), period=period or Period()
        )
    )


def startups_mentored() -> QuerySet:
    """Startups that have booked office hours or been assigned a mentor."""
    return Startup.objects.filter(
        Exists(Booking.objects.filter(startup=OuterRef("pk")))
        | Exists(Engagement.objects.filter(startup=OuterRef("pk")))
    )


def hours(duration: timedelta | None) -> float:
    """Hours as a number for spreadsheets, to the quarter-hour slots add up to."""
    if not duration:
        return 0.0
    return round(duration.total_seconds() / 3600, 2)


def format_hours(duration: timedelta | None) -> str:
    value = hours(duration)
    return number_format(value, decimal_pos=1 if value % 1 else 0)


def format_rating(rating: float | None) -> str:
    return "" if rating is None else number_format(rating, decimal_pos=1)


def stat_value(row, name: str, *, readable: bool = False):
    """One number of an annotated row: readable for a screen, plain for a
    spreadsheet."""
    value = getattr(row, name)
    if name == TIME:
        return format_hours(value) if readable else hours(value)
    if name == RATING:
        if readable:
            return format_rating(value)
        return None if value is None else round(value, 2)
    return value


STAT_NAMES = (SESSIONS, TIME, RATING, RATINGS, NO_SHOWS, PARTNERS, UPCOMING)

"""Reads for the public event pages and feeds. Each fetches what its page shows
in a fixed number of queries, however many events and registrations there are:
seat counts come from the counters stored on the event, never from counting
registrations."""

from datetime import datetime, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Lower

from .models import Event, Registration

# The public feed: what is coming, and what happened lately (calendar apps
# drop events that vanish from a feed, so recent ones stay a while).
FEED_PAST = timedelta(days=30)
FEED_LIMIT = 500
# A personal feed keeps a year of the person's history.
PERSONAL_FEED_PAST = timedelta(days=365)

# Columns no list or feed shows.
LIST_DEFERRED = ("description", "description_en", "search_document", "questions")


def visible_events(user) -> QuerySet:
    """Events the person may see: public ones, and those shown only to members
    of organisations they belong to. Membership is matched in a subquery, so
    the list needs no DISTINCT and counts stay cheap."""
    if user is None or not user.is_authenticated:
        return Event.objects.visible_to(None)
    return Event.objects.filter(pk__in=Event.objects.visible_to(user).values("pk"))


def event_list(user) -> QuerySet:
    """Visible events with what a card in the list shows."""
    return (
        visible_events(user)
        .select_related("venue__area", "programme")
        .defer(*LIST_DEFERRED, "programme__description", "programme__description_en")
    )


def event_calendar(user) -> QuerySet:
    """Visible events with only what a day in the month calendar shows."""
    return visible_events(user).only(
        "slug", "title", "title_en", "starts_at", "ends_at", "all_day", "status", "kind"
    )


def events_overlapping(queryset: QuerySet, start: datetime, end: datetime) -> QuerySet:
    """Events that are on at some moment in [start, end)."""
    return queryset.filter(starts_at__lt=end, ends_at__gte=start).order_by("starts_at", "pk")


def event_detail(user) -> QuerySet:
    """Visible events with everything the event's page shows."""
    return visible_events(user).select_related(
        "venue__area", "organiser", "programme", "call", "image"
    )


def registration_of(event: Event, user) -> Registration | None:
    """The signed-in person's live registration for the event, if any (by
    account, or by their email from before they had one)."""
    if user is None or not user.is_authenticated:
        return None
    return (
        event.registrations.filter(Q(user=user) | Q(email__iexact=user.email))
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def registration_for_token(token: str) -> Registration | None:
    """The registration behind a manage link, with its event."""
    return Registration.objects.select_related("event__venue__area").filter(token=token).first()


def waitlist_position(registration: Registration) -> int | None:
    """The person's place on the waitlist (1 is next), in arrival order."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def feed_window(queryset: QuerySet, now: datetime) -> QuerySet:
    """At most FEED_LIMIT events of the filtered set, from FEED_PAST ago on,
    soonest first, with the venue the LOCATION needs."""
    return (
        queryset.filter(ends_at__gte=now - FEED_PAST)
        .select_related("venue")
        .defer("search_document", "questions")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )


def feed_state(events: QuerySet) -> dict:
    """What changes whenever a feed's content does: the latest edit and the
    number of events (an event leaving the set changes it)."""
    return events.aggregate(latest=Max("updated_at"), count=Count("pk"))


def registrations_of_person(user) -> QuerySet:
    """Everything the person registered for: with their account, or with their
    address as a guest before they had one (services store addresses in lower
    case; matching on lower(email) lets an index on it serve the query)."""
    return Registration.objects.annotate(email_lower=Lower("email")).filter(
        Q(user=user) | Q(email_lower=(user.email or "").lower())
    )


def account_registrations(user, now: datetime, *, past_limit: int = 5) -> dict:
    """The person's registrations for /account/: upcoming ones soonest first
    (cancelled ones left out), then the most recent past ones."""
    mine = (
        registrations_of_person(user)
        .select_related("event")
        .defer(*(f"event__{name}" for name in LIST_DEFERRED))
    )
    upcoming = list(
        mine.filter(event__ends_at__gte=now)
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("event__starts_at", "pk")[:50]
    )
    past = list(
        mine.filter(event__ends_at__lt=now)
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("-event__starts_at", "-pk")[:past_limit]
    )
    return {"upcoming": upcoming, "past": past}


def personal_feed_registrations(user, now: datetime) -> list[Registration]:
    """Every registration of the person for events from PERSONAL_FEED_PAST ago
    on, cancelled ones included (they change the feed's version when they go)."""
    return list(
        registrations_of_person(user)
        .filter(event__ends_at__gte=now - PERSONAL_FEED_PAST)
        .select_related("event__venue")
        .defer("event__search_document", "event__questions")
        .order_by("event__starts_at", "pk")[:FEED_LIMIT]
    )

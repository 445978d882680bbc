"""What the coordinators' event screens do, on top of the core services.

Saving an event from the admin changes seats only through `event_set_capacity`,
tells the people registered when the time, place or status changes, and queues
the reminder of a new event. Regenerating a series tells the people registered
for occurrences that move or disappear. Checking in at the door refuses what
would make no sense there. Deleting is refused where it would silently drop
someone's seat.
"""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecosystem.search import normalize

from .models import Event, EventSeries, Registration
from .series import SHARED_FIELDS, occurrence_starts, series_generate
from .services import (
    RegistrationError,
    event_cancel,
    event_schedule_changed,
    event_set_capacity,
    locked_event,
    registration_check_in,
)
from .tasks import schedule_reminders

PROVINCE_TIME_ZONE = ZoneInfo(settings.TIME_ZONE)
Status = Registration.Status
# The people an event's notices go to (as in the core's cancellation and
# change notices): anyone who still expects to come or to get a seat.
TOLD_STATUSES = (Status.CONFIRMED, Status.WAITLISTED, Status.PENDING)
# What a series would overwrite on an occurrence; changing any of these by
# hand takes the occurrence out of the series' control.
GOVERNED_FIELDS = (*SHARED_FIELDS, "starts_at", "ends_at", "all_day", "status")
# Kept from the stored row: the form's copy may be a moment old.
STORED_FIELDS = ("sequence", "confirmed_count", "waitlist_count")


@dataclass(frozen=True)
class EventUpdate:
    """What saving an event changed for the people registered."""

    moved: bool = False
    cancelled: bool = False
    told: int = 0
    promoted: int = 0


def _people_told(event: Event) -> int:
    return event.registrations.filter(status__in=TOLD_STATUSES).count()


def event_create(*, event: Event) -> Event:
    """Save a new event and queue its reminder for 24 hours before it starts."""
    with transaction.atomic():
        event.full_clean()
        event.save()
        transaction.on_commit(lambda: schedule_reminders(event))
    return event


def event_update(*, event: Event) -> EventUpdate:
    """Save a coordinator's edit of an event, `event` carrying the new values.

    A new capacity goes through `event_set_capacity` first (lowering it below
    the seats taken raises RegistrationError and nothing is saved; raising it
    seats the waitlist). Cancelling goes through `event_cancel`; any other
    change of time, place or status is emailed to the people registered. An
    occurrence of a series edited by hand is left alone by the series from now
    on."""
    with locked_event(event.pk) as stored:
        promoted = 0
        if event.capacity != stored.capacity:
            waiting = stored.registrations.waitlisted().count()
            stored = event_set_capacity(event=stored, capacity=event.capacity)
            promoted = waiting - stored.waitlist_count
        if event.series_id and any(
            getattr(stored, name) != getattr(event, name) for name in GOVERNED_FIELDS
        ):
            event.changed_by_hand = True
        cancelling = event.is_cancelled and not stored.is_cancelled
        if cancelling:
            # Saved by `event_cancel`, which also tells everyone.
            event.status = stored.status
        for name in STORED_FIELDS:
            setattr(event, name, getattr(stored, name))
        moved = event.schedule_changed()
        event.full_clean()
        event.save()
        told = 0
        if cancelling:
            told = _people_told(event)
            cancelled = event_cancel(event=event)
            event.status, event.sequence = cancelled.status, cancelled.sequence
        elif moved:
            told = event_schedule_changed(event=event)
    return EventUpdate(moved=moved, cancelled=cancelling, told=told, promoted=promoted)


def event_cancel_and_count(*, event: Event) -> int:
    """Cancel an event (everyone registered gets a METHOD:CANCEL email).
    Returns how many people are told; 0 when it was already cancelled."""
    with transaction.atomic():
        if Event.objects.filter(pk=event.pk, status=Event.Status.CANCELLED).exists():
            return 0
        told = _people_told(event)
        cancelled = event_cancel(event=event)
        event.status, event.sequence = cancelled.status, cancelled.sequence
        if event.series_id:
            # Cancelled by hand: editing the series must not bring it back.
            Event.objects.filter(pk=event.pk).update(changed_by_hand=True)
            event.changed_by_hand = True
    return told


def series_apply(*, series: EventSeries, now=None) -> dict[str, int]:
    """Bring a series' occurrences in line with its rule (`series_generate`)
    and tell the people concerned: future occurrences the rule no longer has
    are cancelled with the cancellation email, moved ones send the change
    notice, new ones get their reminder, and more seats go to the waitlist.

    Returns the counts of created, updated, cancelled and removed occurrences.
    Raises RegistrationError (on "capacity") when an occurrence already has
    more seats taken than the series' new capacity; then nothing changes."""
    now = now or timezone.now()
    # The rule's wall-clock times and dates are the province's, whatever time
    # zone the coordinator's admin profile has switched on.
    with timezone.override(PROVINCE_TIME_ZONE), transaction.atomic():
        before = {event.pk: event for event in series.occurrences.all()}
        wanted = {start.date() for start in occurrence_starts(series)}
        cancelled = 0
        for event in before.values():
            dropped = event.occurrence_date not in wanted
            if (
                dropped
                and event.starts_at > now
                and not event.changed_by_hand
                and not event.is_cancelled
                and event.registrations.exists()
            ):
                event_cancel(event=event)
                cancelled += 1
        counts = series_generate(series=series, now=now)
        counts["cancelled"] += cancelled
        for event in series.occurrences.order_by("starts_at"):
            old = before.get(event.pk)
            if old is None:
                transaction.on_commit(lambda event=event: schedule_reminders(event))
                continue
            if event.capacity != old.capacity:
                _recheck_capacity(event)
            if event.sequence > old.sequence and not event.is_cancelled:
                event_schedule_changed(event=event)
    return counts


def _recheck_capacity(event: Event) -> None:
    """The series has written the new capacity onto the occurrence; let the
    core decide on it, so that the waitlist moves up or a too-low number is
    refused."""
    try:
        event_set_capacity(event=event, capacity=event.capacity)
    except RegistrationError as error:
        day = timezone.localtime(event.starts_at, PROVINCE_TIME_ZONE)
        raise RegistrationError(
            _("The occurrence on %(date)s: %(message)s")
            % {"date": day.strftime("%d/%m/%Y"), "message": error.message},
            field="capacity",
        ) from error


def series_summary(counts: dict[str, int]) -> str:
    """The counts of `series_apply` as a sentence for the coordinator."""
    parts = [
        ngettext("%(n)d occurrence created", "%(n)d occurrences created", counts["created"]),
        ngettext("%(n)d updated", "%(n)d updated", counts["updated"]),
        ngettext("%(n)d cancelled", "%(n)d cancelled", counts["cancelled"]),
        ngettext("%(n)d removed", "%(n)d removed", counts["removed"]),
    ]
    values = [counts["created"], counts["updated"], counts["cancelled"], counts["removed"]]
    return ", ".join(part % {"n": n} for part, n in zip(parts, values, strict=True)) + "."


def attendee_check_in(*, registration: Registration) -> tuple[Registration, bool]:
    """Check a person in at the door. Twice is harmless: the second time
    changes nothing and returns changed=False. Refused (RegistrationError) for
    a cancelled event and for people without a confirmed seat."""
    if registration.event.is_cancelled:
        raise RegistrationError(_("This event has been cancelled; nobody can be checked in."))
    return registration_check_in(registration=registration)


def check_in_candidates(*, event: Event, query: str, limit: int) -> tuple[list[Registration], int]:
    """The people with a seat (confirmed or already checked in) whose name or
    email has every word of the query, diacritics and case ignored; at most
    `limit` of them, by name, and how many match in all.

    Matched in Python: one event's seats are a few hundred rows at most, and
    registrations keep no accent-free copy of the name to match in SQL."""
    words = normalize(query).split()
    people = event.registrations.filter(status__in=[Status.CONFIRMED, Status.ATTENDED])
    matches = []
    for registration in people.order_by("name", "pk"):
        text = normalize(f"{registration.name} {registration.email}")
        if all(word in text for word in words):
            matches.append(registration)
    return matches[:limit], len(matches)


def check_in_counts(*, event: Event) -> dict[str, int]:
    """How many of the people with a seat have been checked in."""
    statuses = list(
        event.registrations.filter(status__in=[Status.CONFIRMED, Status.ATTENDED]).values_list(
            "status", flat=True
        )
    )
    return {
        "checked_in": statuses.count(Status.ATTENDED),
        "expected": len(statuses),
    }


def registration_update_contact(*, registration: Registration, name: str, email: str) -> None:
    """Correct a person's name or email (a typo at the door); their seat and
    status are the services' business and are not touched."""
    registration.name = name.strip()
    registration.email = email.strip().lower()
    # Also checks that nobody else registered for the event with that address.
    registration.full_clean()
    registration.save(update_fields=["name", "email"])


def events_deletion_refusal(*, events) -> str | None:
    """Why these events may not be deleted, or None. Deleting would drop the
    people registered without telling them; cancelling tells them."""
    taken = Registration.objects.filter(event__in=events).exclude(status=Status.CANCELLED)
    if not taken.exists():
        return None
    return _(
        "People are registered for this event: deleting it would drop them without a word. "
        "Cancel the event instead; everyone registered is emailed."
    )


def registrations_deletion_refusal(*, registrations) -> str | None:
    """Why these registrations may not be deleted, or None: only cancelled
    ones may go, or a seat would vanish without the waitlist moving up."""
    active = [item for item in registrations if item.status != Status.CANCELLED]
    if not active:
        return None
    if len(active) == 1:
        return _(
            "The registration of %(name)s is not cancelled. Cancel it first, so that the "
            "waitlist moves up; then it can be deleted."
        ) % {"name": active[0].name}
    return ngettext(
        "%(count)d of these registrations is not cancelled. Cancel them first, so that the "
        "waitlist moves up; then they can be deleted.",
        "%(count)d of these registrations are not cancelled. Cancel them first, so that the "
        "waitlist moves up; then they can be deleted.",
        len(active),
    ) % {"count": len(active)}

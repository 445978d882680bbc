"""Registrations that never overbook.

Every decision about a seat happens in one transaction that first locks the
event's row (SELECT … FOR UPDATE) and only then counts who holds a seat: two
people asking for the last seat at the same instant queue on the lock, and the
second one counts the first. Counts stored on the event are for display only.
On PostgreSQL a short lock timeout turns a pile-up into a "busy, try again"
message instead of a hung request. (SQLite serialises writers anyway: settings
open every transaction with BEGIN IMMEDIATE.)

After the transaction commits, the people affected are emailed.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import OperationalError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import notifications
from .models import Event, Registration

LOCK_TIMEOUT = "3s"
Status = Registration.Status


class RegistrationError(Exception):
    """A refusal with a message for the person registering."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class EventBusy(RegistrationError):
    pass


@dataclass
class Changes:
    """Who to tell once the transaction has committed."""

    promoted: list[Registration] = field(default_factory=list)


@contextmanager
def locked_event(event_pk: int):
    """The event's row, locked until the end of the transaction."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
        queryset = Event.objects.all()
        # The test-only switch that proves the concurrency test can fail.
        if getattr(settings, "EVENTS_LOCK_REGISTRATIONS", True):
            queryset = queryset.select_for_update()
        try:
            event = queryset.get(pk=event_pk)
        except OperationalError as error:
            raise EventBusy(
                _("Many people are registering right now. Please try again in a moment.")
            ) from error
        yield event


def _seats_taken(event: Event, now) -> int:
    return event.registrations.holding_seats(now).count()


def _has_seat(event: Event, now) -> bool:
    return event.capacity is None or _seats_taken(event, now) < event.capacity


def _fill_seats(event: Event, now, changes: Changes) -> None:
    """Give free seats to the waitlist first, in arrival order. Called with the
    event locked, before anyone new is given a seat."""
    if event.capacity is None:
        waiting = list(event.registrations.waitlisted())
    else:
        free = event.capacity - _seats_taken(event, now)
        waiting = list(event.registrations.waitlisted()[: max(free, 0)])
    for registration in waiting:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        changes.promoted.append(registration)


def _recount(event: Event, now) -> None:
    event.confirmed_count = _seats_taken(event, now)
    event.waitlist_count = event.registrations.waitlisted().count()
    Event.objects.filter(pk=event.pk).update(
        confirmed_count=event.confirmed_count, waitlist_count=event.waitlist_count
    )


def _after_commit(changes: Changes) -> None:
    for registration in changes.promoted:
        transaction.on_commit(lambda r=registration: notifications.promoted(r))


def clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    if len(email) > 254:
        raise RegistrationError(_("This email address is too long."), field="email")
    try:
        validate_email(email)
    except ValidationError as error:
        raise RegistrationError(_("Enter a valid email address."), field="email") from error
    return email


def registration_create(
    *,
    event: Event,
    user=None,
    name: str = "",
    email: str = "",
    answers: dict | None = None,
    now=None,
) -> tuple[Registration, bool]:
    """Register a person for an event. Returns (registration, created).

    Signed-in people are confirmed (or waitlisted) at once; guests get an email
    to confirm, and hold a free seat for 24 hours meanwhile. The same person
    registering again gets their existing registration back."""
    if user is not None:
        name = user.get_full_name()
        email = user.email
    email = clean_email(email)
    name = (name or "").strip()[:150]
    if not name:
        raise RegistrationError(_("Enter your name."), field="name")
    changes = Changes()
    with locked_event(event.pk) as event:
        # Read the clock once the lock is held: the waitlist's order is the
        # order in which registrations were decided.
        now = now or timezone.now()
        existing = event.registrations.filter(email__iexact=email).first()
        if existing and existing.status != Status.CANCELLED:
            return existing, False
        if event.is_cancelled:
            raise RegistrationError(_("This event has been cancelled."))
        if not event.registration_is_open(now):
            raise RegistrationError(_("Registration for this event is closed."))

        _fill_seats(event, now, changes)
        has_seat = _has_seat(event, now)
        if not has_seat and not event.waitlist_enabled:
            raise RegistrationError(_("This event is full."))
        if user is not None:
            status = Status.CONFIRMED if has_seat else Status.WAITLISTED
        else:
            status = Status.PENDING
        registration = existing or Registration(event=event, email=email)
        registration.user = user
        registration.name = name
        registration.status = status
        registration.holds_seat = user is None and has_seat
        registration.answers = answers or {}
        registration.language = (
            user.preferred_language if user is not None else translation.get_language()
        ) or settings.LANGUAGE_CODE
        registration.created_at = registration.queued_at = now
        registration.confirmed_at = now if status == Status.CONFIRMED else None
        registration.cancelled_at = None
        registration.save()
        _recount(event, now)
    _after_commit(changes)
    transaction.on_commit(lambda: notifications.registered(registration))
    return registration, True


def registration_confirm(*, token: str, now=None) -> Registration:
    """A guest confirms their email: the seat they hold becomes theirs, or if it
    lapsed (or there was none) they get a free seat or join the waitlist now."""
    now = now or timezone.now()
    registration = Registration.objects.filter(token=token).first()
    if registration is None:
        raise RegistrationError(_("This link is not valid. Check that you copied all of it."))
    changes = Changes()
    with locked_event(registration.event_id) as event:
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != Status.PENDING:
            return registration
        if event.is_cancelled:
            raise RegistrationError(_("This event has been cancelled."))
        held = registration.holds_seat and registration.created_at > now - Registration.PENDING_HOLD
        registration.holds_seat = False
        registration.queued_at = now
        if held:
            registration.status = Status.CONFIRMED
        else:
            # Not holding a seat: the waitlist goes first, then this person.
            _fill_seats(event, now, changes)
            registration.status = Status.CONFIRMED if _has_seat(event, now) else Status.WAITLISTED
        if registration.status == Status.CONFIRMED:
            registration.confirmed_at = now
        registration.save(update_fields=["status", "holds_seat", "queued_at", "confirmed_at"])
        _recount(event, now)
    _after_commit(changes)
    transaction.on_commit(lambda: notifications.registered(registration))
    return registration


def registration_cancel(*, registration: Registration, now=None) -> Registration:
    """Cancel (or leave the waitlist). A freed seat goes to the first waitlisted
    person in the same transaction, and they are emailed."""
    now = now or timezone.now()
    changes = Changes()
    with locked_event(registration.event_id) as event:
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in {Status.CANCELLED, Status.ATTENDED}:
            return registration
        registration.status = Status.CANCELLED
        registration.holds_seat = False
        registration.cancelled_at = now
        registration.save(update_fields=["status", "holds_seat", "cancelled_at"])
        if not event.is_cancelled:
            _fill_seats(event, now, changes)
        _recount(event, now)
    _after_commit(changes)
    return registration


def event_set_capacity(*, event: Event, capacity: int | None, now=None) -> Event:
    """Change the number of seats. Lowering it below the people who hold a seat
    is refused; raising it seats the waitlist at once."""
    now = now or timezone.now()
    changes = Changes()
    with locked_event(event.pk) as locked:
        taken = _seats_taken(locked, now)
        if capacity is not None and capacity < taken:
            raise RegistrationError(
                _(
                    "%(taken)s people already hold a seat, so the capacity cannot be "
                    "lower than %(taken)s."
                )
                % {"taken": taken},
                field="capacity",
            )
        locked.capacity = capacity
        locked.save(update_fields=["capacity", "updated_at"])
        _fill_seats(locked, now, changes)
        _recount(locked, now)
    _after_commit(changes)
    event.capacity = capacity
    return locked


def registrations_release_lapsed(*, event: Event, now=None) -> int:
    """Guests who did not confirm within 24 hours give their seat back; the
    waitlist moves up. Returns how many people were promoted."""
    now = now or timezone.now()
    changes = Changes()
    with locked_event(event.pk) as locked:
        locked.registrations.filter(
            status=Status.PENDING,
            holds_seat=True,
            created_at__lte=now - Registration.PENDING_HOLD,
        ).update(holds_seat=False)
        if not locked.is_cancelled:
            _fill_seats(locked, now, changes)
        _recount(locked, now)
    _after_commit(changes)
    return len(changes.promoted)


def registration_check_in(*, registration: Registration, now=None) -> tuple[Registration, bool]:
    """Mark a person as attended. Checking in twice is harmless: the second
    time changes nothing. Returns (registration, changed)."""
    now = now or timezone.now()
    with locked_event(registration.event_id):
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.ATTENDED:
            return registration, False
        if registration.status != Status.CONFIRMED:
            raise RegistrationError(
                _("%(name)s has no confirmed seat (%(status)s).")
                % {"name": registration.name, "status": registration.get_status_display()}
            )
        registration.status = Status.ATTENDED
        registration.attended_at = now
        registration.save(update_fields=["status", "attended_at"])
    return registration, True


def _people_to_tell(event: Event):
    return event.registrations.filter(
        status__in=[Status.CONFIRMED, Status.WAITLISTED, Status.PENDING]
    )


def event_cancel(*, event: Event) -> Event:
    """Cancel an event: it stays in feeds as CANCELLED, and everyone registered
    gets an email with a METHOD:CANCEL file that removes it from their calendar."""
    with locked_event(event.pk) as locked:
        if locked.is_cancelled:
            return locked
        locked.status = Event.Status.CANCELLED
        locked.save()
        for registration in _people_to_tell(locked):
            transaction.on_commit(lambda r=registration: notifications.cancelled(r))
    return locked


def event_schedule_changed(*, event: Event) -> int:
    """After the time or place of an event changed (its SEQUENCE rose), send
    everyone registered the new details with an updated invitation, and move
    the reminder. Returns how many people are told."""
    from .tasks import schedule_reminders

    registrations = list(_people_to_tell(event))
    for registration in registrations:
        transaction.on_commit(lambda r=registration: notifications.changed(r))
    if not event.is_cancelled:
        transaction.on_commit(lambda: schedule_reminders(event))
    return len(registrations)

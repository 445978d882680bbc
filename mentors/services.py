"""Office hours that are never double-booked.

Publishing slots locks the mentor's row before checking for overlaps, so two
requests cannot both add overlapping slots. Booking locks, in this order, the
mentor, the startup and the slot, then checks the slot is free and the monthly
caps, all in one transaction; a partial unique constraint on active bookings
per slot backs this up in the database. On PostgreSQL a short lock timeout
turns a pile-up into a "busy, try again" message.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ecosystem.models import Membership, Organisation, Startup

from .models import SLOT_MINUTES, Booking, MentorProfile, OfficeHourSlot

LOCK_TIMEOUT = "3s"
AGENDA_MAX = 4000
WEEKLY_MAX = 12


class MentoringError(Exception):
    """A refusal with a message for the person asking."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class SlotTaken(MentoringError):
    pass


class MentoringBusy(MentoringError):
    pass


def startup_hours_per_month() -> int:
    return getattr(settings, "MENTORING_STARTUP_HOURS_PER_MONTH", 4)


def _lock_timeout():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")


def _busy(error: OperationalError) -> MentoringBusy:
    return MentoringBusy(_("Many people are booking right now. Please try again in a moment."))


def month_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """The local calendar month around a moment, as aware datetimes."""
    local = timezone.localtime(moment)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def _booked_minutes(bookings) -> int:
    total = bookings.aggregate(seconds=Sum(F("slot__ends_at") - F("slot__starts_at")))["seconds"]
    return int(total.total_seconds() // 60) if total else 0


@dataclass(frozen=True)
class SlotRequest:
    starts_at: datetime
    minutes: int
    online_url: str = ""
    location: str = ""


def slots_publish(
    *, mentor: MentorProfile, request: SlotRequest, weeks: int = 1, now=None
) -> list[OfficeHourSlot]:
    """Publish a slot, or the same slot every week for `weeks` weeks. All or
    nothing: a slot that would overlap one of the mentor's own is refused with
    the clashing time named."""
    now = now or timezone.now()
    low, high = SLOT_MINUTES
    if not low <= request.minutes <= high:
        raise MentoringError(
            _("A slot lasts from %(low)s to %(high)s minutes.") % {"low": low, "high": high},
            field="minutes",
        )
    if not 1 <= weeks <= WEEKLY_MAX:
        raise MentoringError(
            _("Repeat a slot for 1 to %(max)s weeks.") % {"max": WEEKLY_MAX}, field="weeks"
        )
    if request.starts_at <= now:
        raise MentoringError(_("A slot must start in the future."), field="starts_at")
    if not request.online_url and not request.location:
        raise MentoringError(_("Give an online link or a place."), field="location")
    duration = timedelta(minutes=request.minutes)
    starts = [request.starts_at + timedelta(weeks=week) for week in range(weeks)]
    series_key = uuid.uuid4() if weeks > 1 else None
    try:
        with transaction.atomic():
            _lock_timeout()
            MentorProfile.objects.select_for_update().get(pk=mentor.pk)
            for start in starts:
                clash = (
                    OfficeHourSlot.objects.filter(
                        mentor=mentor, starts_at__lt=start + duration, ends_at__gt=start
                    )
                    .exclude(status=OfficeHourSlot.Status.WITHDRAWN)
                    .first()
                )
                if clash:
                    raise MentoringError(
                        _("This overlaps your slot of %(slot)s.")
                        % {"slot": f"{timezone.localtime(clash.starts_at):%d/%m/%Y %H:%M}"},
                        field="starts_at",
                    )
            return OfficeHourSlot.objects.bulk_create(
                [
                    OfficeHourSlot(
                        mentor=mentor,
                        starts_at=start,
                        ends_at=start + duration,
                        online_url=request.online_url,
                        location=request.location,
                        series_key=series_key,
                    )
                    for start in starts
                ]
            )
    except OperationalError as error:
        raise _busy(error) from error


def slot_withdraw(*, slot: OfficeHourSlot) -> OfficeHourSlot:
    """Take back a free slot. A booked one must be cancelled with the startup."""
    with transaction.atomic():
        locked = OfficeHourSlot.objects.select_for_update().get(pk=slot.pk)
        if locked.status == OfficeHourSlot.Status.BOOKED:
            raise MentoringError(_("This slot is booked: cancel the booking instead."))
        locked.status = OfficeHourSlot.Status.WITHDRAWN
        locked.save(update_fields=["status", "updated_at"])
    return locked


def booking_problems(*, slot: OfficeHourSlot, startup: Startup, user, now=None) -> list[str]:
    """Why this person cannot book this slot for this startup (empty: they can).
    Read without locks, for the booking page; the booking re-checks under locks."""
    now = now or timezone.now()
    problems = []
    if not Membership.objects.filter(user=user, organisation=startup).exists():
        problems.append(_("You are not a member of this startup."))
    if startup.status != Organisation.Status.VERIFIED:
        problems.append(_("Only verified startups can book office hours."))
    mentor = slot.mentor
    if mentor.status != MentorProfile.Status.APPROVED:
        problems.append(_("This mentor is not taking bookings."))
    if slot.status != OfficeHourSlot.Status.OPEN:
        problems.append(_("This slot has already been taken."))
    elif slot.starts_at <= now:
        problems.append(_("This slot has already started."))
    if not mentor.accepting_new_startups and not _knows(mentor, startup):
        problems.append(_("This mentor is not taking new startups at the moment."))
    return problems


def _knows(mentor: MentorProfile, startup: Startup) -> bool:
    return (
        Booking.objects.filter(slot__mentor=mentor, startup=startup).exists()
        or mentor.engagements.filter(startup=startup).exists()
    )


def booking_create(
    *, slot: OfficeHourSlot, startup: Startup, user, agenda: str, now=None
) -> Booking:
    """Book a slot for a startup with an agenda. Refuses, with a clear message,
    a slot that is taken or has started, an unverified startup, and bookings
    beyond the mentor's or the startup's monthly hours."""
    now = now or timezone.now()
    agenda = (agenda or "").strip()
    if not agenda:
        raise MentoringError(_("Tell the mentor what you want help with."), field="agenda")
    if len(agenda) > AGENDA_MAX:
        raise MentoringError(
            _("The agenda can have at most %(max)s characters (it has %(count)s).")
            % {"max": AGENDA_MAX, "count": len(agenda)},
            field="agenda",
        )
    try:
        with transaction.atomic():
            _lock_timeout()
            mentor = MentorProfile.objects.select_for_update().get(pk=slot.mentor_id)
            Organisation.objects.select_for_update().get(pk=startup.pk)
            locked = OfficeHourSlot.objects.select_for_update().get(pk=slot.pk)
            problems = booking_problems(slot=locked, startup=startup, user=user, now=now)
            if problems:
                error_class = (
                    SlotTaken if locked.status != OfficeHourSlot.Status.OPEN else MentoringError
                )
                raise error_class(problems[0])
            _check_caps(mentor=mentor, startup=startup, slot=locked)
            booking = Booking.objects.create(
                slot=locked, startup=startup, booked_by=user, agenda=agenda
            )
            locked.status = OfficeHourSlot.Status.BOOKED
            locked.save(update_fields=["status", "updated_at"])
    except IntegrityError as error:
        # The database's own guard: another booking of this slot won the race.
        raise SlotTaken(_("This slot has already been taken.")) from error
    except OperationalError as error:
        raise _busy(error) from error
    from . import notifications, tasks

    transaction.on_commit(lambda: notifications.booked(booking))
    # Workers send the reminder on time; cron's send_mentoring_reminders covers
    # backends that cannot defer and anything a worker missed.
    transaction.on_commit(lambda: tasks.schedule_reminder(booking))
    return booking


def _check_caps(*, mentor: MentorProfile, startup: Startup, slot: OfficeHourSlot) -> None:
    start, end = month_bounds(slot.starts_at)
    this = slot.minutes
    month = Booking.objects.active().filter(slot__starts_at__gte=start, slot__starts_at__lt=end)
    mentor_minutes = _booked_minutes(month.filter(slot__mentor=mentor))
    if mentor_minutes + this > mentor.monthly_hours_cap * 60:
        raise MentoringError(
            _("This mentor's hours for %(month)s are fully booked.")
            % {"month": f"{timezone.localtime(slot.starts_at):%m/%Y}"}
        )
    startup_minutes = _booked_minutes(month.filter(startup=startup))
    if startup_minutes + this > startup_hours_per_month() * 60:
        raise MentoringError(
            _("Your startup has used its %(hours)s hours of office hours for %(month)s.")
            % {
                "hours": startup_hours_per_month(),
                "month": f"{timezone.localtime(slot.starts_at):%m/%Y}",
            }
        )


def booking_cancel(*, booking: Booking, by, now=None) -> Booking:
    """Cancel a booking. Up to 12 hours before, the slot is free again; later,
    the booking is marked cancelled late and the slot stays taken."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
        if locked.status != Booking.Status.BOOKED:
            raise MentoringError(_("This booking is no longer open."))
        if now >= locked.slot.starts_at:
            raise MentoringError(_("This session has already started."))
        late = now > locked.slot.starts_at - Booking.FREE_CANCELLATION
        locked.status = Booking.Status.LATE_CANCELLED if late else Booking.Status.CANCELLED
        locked.cancelled_at = now
        locked.cancelled_by = by
        locked.save(update_fields=["status", "cancelled_at", "cancelled_by", "updated_at"])
        if not late:
            OfficeHourSlot.objects.filter(pk=locked.slot_id).update(
                status=OfficeHourSlot.Status.OPEN, updated_at=now
            )
    from . import notifications

    transaction.on_commit(lambda: notifications.cancelled(locked))
    return locked


def booking_record_notes(
    *, booking: Booking, notes: str, follow_up_actions: str, now=None
) -> Booking:
    """The mentor's notes and follow-up actions, once the session has started."""
    now = now or timezone.now()
    if booking.slot.starts_at > now:
        raise MentoringError(_("Notes can be written once the session has started."))
    if booking.status in {Booking.Status.CANCELLED, Booking.Status.LATE_CANCELLED}:
        raise MentoringError(_("This booking was cancelled."))
    booking.notes = notes.strip()
    booking.follow_up_actions = follow_up_actions.strip()
    booking.notes_updated_at = now
    if booking.status == Booking.Status.BOOKED:
        booking.status = Booking.Status.COMPLETED
    booking.save(
        update_fields=["notes", "follow_up_actions", "notes_updated_at", "status", "updated_at"]
    )
    return booking


def booking_rate(*, booking: Booking, rating: int, comment: str = "", now=None) -> Booking:
    """The startup's rating of a session that has taken place (1 to 5)."""
    now = now or timezone.now()
    if booking.slot.ends_at > now:
        raise MentoringError(_("You can rate the session once it is over."))
    if booking.status in {
        Booking.Status.CANCELLED,
        Booking.Status.LATE_CANCELLED,
        Booking.Status.NO_SHOW,
    }:
        raise MentoringError(_("Only sessions that took place can be rated."))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise MentoringError(_("Choose from 1 to 5 stars."), field="rating")
    booking.rating = rating
    booking.rating_comment = (comment or "").strip()[:2000]
    booking.status = Booking.Status.COMPLETED
    booking.save(update_fields=["rating", "rating_comment", "status", "updated_at"])
    return booking


def booking_report_no_show(*, booking: Booking, who: str, now=None) -> Booking:
    """Either side records that the other did not come."""
    now = now or timezone.now()
    if booking.slot.starts_at > now:
        raise MentoringError(_("A no-show can be recorded once the session has started."))
    if who not in Booking.NoShow.values:
        raise MentoringError(_("Say who did not come."))
    booking.no_show = who
    booking.status = Booking.Status.NO_SHOW
    booking.save(update_fields=["no_show", "status", "updated_at"])
    return booking

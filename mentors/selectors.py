"""Reads for the mentor pages. Public querysets hold only approved mentors and
fetch what their page shows in a fixed number of queries, however many mentors
and slots there are."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail.images import get_image_model

from ecosystem.models import ExpertiseTag, Membership, Organisation, Sector, Startup

from .models import Booking, Language, MentorProfile, OfficeHourSlot
from .services import month_bounds

# Rendition specs: twice the size they are shown at, for high-density screens.
CARD_PHOTO = "fill-160x160"
PROFILE_PHOTO = "fill-320x320"
# The profile and the directory cards look this far ahead for free slots.
AHEAD = timedelta(weeks=4)
COORDINATOR_PERMISSION = "mentors.view_booking"
# /account/ lists past sessions of this far back.
ACCOUNT_HISTORY = timedelta(days=180)


def _photo_renditions(spec: str) -> Prefetch:
    """The photo's rendition, for rows that select_related("photo"): one query
    for the whole page."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=spec)
    return Prefetch("photo__renditions", queryset=renditions, to_attr="prefetched_renditions")


def _terms(*, sectors: bool = True) -> list[Prefetch]:
    terms = [
        Prefetch("expertise", queryset=ExpertiseTag.objects.order_by("order", "name")),
        Prefetch("languages", queryset=Language.objects.order_by("name")),
    ]
    if sectors:
        terms.append(Prefetch("sectors", queryset=Sector.objects.order_by("order", "name")))
    return terms


def mentor_directory(now: datetime) -> QuerySet:
    """Approved mentors with what a card shows, by name: `upcoming_slots` counts
    their free slots in the next four weeks, `month_slots` those left this month."""
    _month_start, month_end = month_bounds(now)
    free = Q(slots__status=OfficeHourSlot.Status.OPEN, slots__starts_at__gt=now)
    return (
        MentorProfile.objects.public()
        .select_related("user", "photo")
        .prefetch_related(*_terms(sectors=False), _photo_renditions(CARD_PHOTO))
        .annotate(
            upcoming_slots=Count("slots", filter=free & Q(slots__starts_at__lt=now + AHEAD)),
            month_slots=Count("slots", filter=free & Q(slots__starts_at__lt=month_end)),
        )
        .order_by("user__full_name", "pk")
    )


def mentor_profile(slug: str) -> MentorProfile | None:
    """An approved mentor's profile with its terms and photo, or None."""
    return (
        MentorProfile.objects.public()
        .select_related("user", "photo")
        .prefetch_related(*_terms(), _photo_renditions(PROFILE_PHOTO))
        .filter(slug=slug)
        .first()
    )


def upcoming_free_slots(mentor: MentorProfile, now: datetime) -> QuerySet:
    """The mentor's free slots in the next four weeks, soonest first."""
    return mentor.slots.bookable(now).filter(starts_at__lt=now + AHEAD).order_by("starts_at")


def slots_by_day(slots) -> list[tuple]:
    """(local date, [slots]) pairs, in order."""
    days: dict = {}
    for slot in slots:
        days.setdefault(timezone.localtime(slot.starts_at).date(), []).append(slot)
    return list(days.items())


def member_startups(user) -> list[Startup]:
    """The startups the person is a member of, verified first, by name."""
    if not user.is_authenticated:
        return []
    startups = Startup.objects.filter(memberships__user=user).order_by("name", "pk")
    return sorted(startups, key=lambda startup: startup.status != Organisation.Status.VERIFIED)


def verified_startups(user) -> list[Startup]:
    return [s for s in member_startups(user) if s.status == Organisation.Status.VERIFIED]


def photos_for(mentors: list[MentorProfile], spec: str = CARD_PHOTO) -> None:
    """Load the photos of mentors fetched without them (the suggestions) and
    their renditions in two queries, and attach them."""
    ids = {mentor.photo_id for mentor in mentors if mentor.photo_id}
    if not ids:
        return
    images = {
        image.pk: image
        for image in get_image_model().objects.filter(pk__in=ids).prefetch_renditions(spec)
    }
    for mentor in mentors:
        if mentor.photo_id:
            mentor.photo = images.get(mentor.photo_id)


def _booking_rows() -> QuerySet:
    return Booking.objects.select_related("slot__mentor__user", "startup", "booked_by")


def is_coordinator(user) -> bool:
    return user.is_authenticated and user.has_perm(COORDINATOR_PERMISSION)


def booking_for(user, pk: int) -> Booking | None:
    """The booking if this person may see it: a member of the startup, the
    mentor or a coordinator. Anyone else gets None (a 404), so the notes stay
    private."""
    booking = _booking_rows().filter(pk=pk).first()
    if booking is None or not user.is_authenticated:
        return None
    if booking.slot.mentor.user_id == user.pk or is_coordinator(user):
        return booking
    if booking.startup.memberships.filter(user=user).exists():
        return booking
    return None


def bookings_for_person(user) -> QuerySet:
    """Bookings the person takes part in: as the mentor or a startup member."""
    startups = Organisation.objects.filter(memberships__user=user).values("pk")
    return _booking_rows().filter(Q(slot__mentor__user=user) | Q(startup_id__in=startups))


def account_bookings(user, now: datetime, past_limit: int = 10) -> dict:
    """Upcoming sessions (soonest first) and recent past ones (latest first),
    for /account/, in one query."""
    rows = list(
        bookings_for_person(user)
        .filter(slot__ends_at__gte=now - ACCOUNT_HISTORY)
        .exclude(status=Booking.Status.CANCELLED)
        .order_by("slot__starts_at", "pk")
    )
    upcoming = [b for b in rows if b.slot.ends_at >= now and b.status == Booking.Status.BOOKED]
    past = [b for b in reversed(rows) if b.slot.ends_at < now][:past_limit]
    return {"upcoming": upcoming, "past": past}


def account_roles(user) -> dict:
    """Whether the person mentors and whether they belong to a startup, in one query."""
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            is_mentor=Exists(MentorProfile.objects.filter(user=OuterRef("pk"))),
            in_startup=Exists(
                Membership.objects.filter(
                    user=OuterRef("pk"), organisation__kind=Organisation.Kind.STARTUP
                )
            ),
        )
        .values("is_mentor", "in_startup")
        .get()
    )


def mentor_slots(mentor: MentorProfile, now: datetime) -> list[OfficeHourSlot]:
    """The mentor's own slots that have not ended, free or booked, with the
    active booking of each."""
    active = Booking.objects.active().select_related("startup")
    return list(
        mentor.slots.filter(ends_at__gt=now)
        .exclude(status=OfficeHourSlot.Status.WITHDRAWN)
        .prefetch_related(Prefetch("bookings", queryset=active, to_attr="active_bookings"))
        .order_by("starts_at", "pk")
    )


def mentor_past_bookings(mentor: MentorProfile, now: datetime, limit: int = 20) -> list[Booking]:
    return list(
        _booking_rows()
        .filter(slot__mentor=mentor, slot__ends_at__lte=now)
        .exclude(status=Booking.Status.CANCELLED)
        .order_by("-slot__starts_at", "-pk")[:limit]
    )

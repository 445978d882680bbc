"""The URLs the bench measures. Each issue that adds public pages registers them here.

A target's path may be a callable, called after seeding, for URLs that depend on
the data (a detail page's slug, say).
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    name: str
    path: str | Callable[[], str]
    method: str = "GET"
    data: dict = field(default_factory=dict)
    # Sign this user in first (by email, or a callable finding one); None for
    # an anonymous visitor.
    user_email: str | Callable[[], str] | None = None
    expected_status: int = 200
    # Called before each request for the form to send, where every request
    # needs its own data (a new email per registration); `data` otherwise.
    data_factory: Callable[[], dict] | None = None

    def resolve_path(self) -> str:
        return self.path() if callable(self.path) else self.path

    def resolve_user_email(self) -> str | None:
        return self.user_email() if callable(self.user_email) else self.user_email

    def resolve_data(self) -> dict:
        return self.data_factory() if self.data_factory else self.data


TARGETS = [
    Target("home (vi)", "/"),
    Target("home (en)", "/en/"),
    Target("login", "/account/login/"),
    Target("sign-up", "/account/signup/"),
    Target("my account", "/account/", user_email="founder@example.com"),
]


def first_startup_profile() -> str:
    """The profile of the first verified startup by name (the data differs by tier)."""
    from ecosystem.models import Startup

    startup = Startup.objects.public().order_by("name", "pk").only("kind", "slug").first()
    return startup.get_absolute_url()


# The public directory (issue 3). Page 100 is past the end at tier demo and
# shows the last page there.
TARGETS += [
    Target("directory: startups", "/directory/startups/"),
    Target(
        "directory: startups by sector and area",
        "/directory/startups/?sector=nong-nghiep&area=rach-gia",
    ),
    Target("directory: startup search", "/directory/startups/?q=nuoi+tom"),
    Target("directory: startups page 100", "/directory/startups/?page=100"),
    Target("directory: startup profile", first_startup_profile),
]


def open_call_page() -> str:
    """The Vietnamese page of the open call closing soonest."""
    from django.utils import timezone

    from cms.models import CallPage

    page = (
        CallPage.objects.live()
        .filter(locale__language_code="vi", call__closes_at__gt=timezone.now())
        .filter(call__opens_at__lte=timezone.now())
        .order_by("call__closes_at")
        .first()
    )
    return page.url


def decided_application():
    from ecosystem.models import Application

    return (
        Application.objects.filter(status="accepted", organisation__memberships__role="owner")
        .order_by("pk")
        .first()
    )


def decided_application_page() -> str:
    return f"/account/applications/{decided_application().pk}/"


def decided_application_owner() -> str:
    return decided_application().organisation.memberships.get(role="owner").user.email


def busiest_call_ranking() -> str:
    """The ranking of the call with the most applications: 500 with 1,500
    reviews at tier S."""
    from django.db.models import Count

    from ecosystem.models import Call

    call = Call.objects.annotate(n=Count("applications")).order_by("-n", "pk").first()
    return f"/admin/applications/ranking/{call.pk}/"


# Support programmes (issue 4).
TARGETS += [
    Target("calls: list", "/calls/"),
    Target("calls: open call page", open_call_page),
    Target(
        "applications: the applicant's page",
        decided_application_page,
        user_email=decided_application_owner,
    ),
    Target(
        "applications: ranking of the busiest call",
        busiest_call_ranking,
        user_email="coordinator@example.com",
    ),
]


def upcoming_event() -> str:
    """The page of the next public event (the data differs by tier)."""
    from django.utils import timezone

    from events.models import Event

    event = (
        Event.objects.public()
        .filter(starts_at__gt=timezone.now())
        .order_by("starts_at", "pk")
        .only("slug")
        .first()
    )
    return event.get_absolute_url()


def event_open_to_all() -> str:
    """An upcoming public event with no seat limit whose registration is open, so
    that every registration POST succeeds however many the bench sends."""
    from datetime import timedelta

    from django.db.models import Q
    from django.utils import timezone

    from events.models import Event

    now = timezone.now()
    event = (
        Event.objects.public()
        .filter(
            capacity__isnull=True,
            status=Event.Status.SCHEDULED,
            starts_at__gt=now + timedelta(days=1),
        )
        .filter(Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=now))
        .filter(Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=now))
        .order_by("starts_at", "pk")
        .only("slug")
        .first()
    )
    return event.get_absolute_url()


def new_guest() -> dict:
    """A guest registration with an address no one has used yet."""
    import uuid

    return {"name": "Khách thử tải", "email": f"bench-{uuid.uuid4().hex}@example.com"}


# Events (issue 5). The feed holds its 500-event limit at tier S.
TARGETS += [
    Target("events: list", "/events/"),
    Target("events: list, past", "/events/?when=past"),
    Target("events: calendar", "/events/calendar/"),
    Target("events: detail", upcoming_event),
    Target("events: feed", "/events/feed.ics"),
    Target(
        "events: guest registration",
        event_open_to_all,
        method="POST",
        data={"name": "Khách thử tải", "email": "bench-guest@example.com"},
        data_factory=new_guest,
        expected_status=302,
    ),
]


def latest_news_page() -> str:
    """The newest live Vietnamese article written in full (with a picture, a
    table, a quote…), not one of tier S's short generated ones."""
    from cms.demo import GENERATED_SLUG
    from cms.models import NewsPage

    page = (
        NewsPage.objects.live()
        .filter(locale__language_code="vi")
        .exclude(slug__startswith=GENERATED_SLUG)
        .order_by("-date", "-pk")
        .first()
    )
    return page.url


# The website (issue 6). Page 50 of the news is past the end at tier demo and
# shows the last page there; at tier S it is about article 600 of 2,020.
TARGETS += [
    Target("news: index (vi)", "/news/"),
    Target("news: index (en)", "/en/news/"),
    Target("news: index page 50", "/news/?page=50"),
    Target("news: article", latest_news_page),
    Target("news: feed", "/news/feed/"),
    Target("calls: feed", "/calls/feed/"),
    Target("documents", "/documents/"),
    Target("search: khoi nghiep", "/search/?q=khoi+nghiep"),
    Target("sitemap", "/sitemap.xml"),
]

FOUNDER = "founder@example.com"
BENCH_AGENDA = "Bench: xin tư vấn về kế hoạch gọi vốn và thị trường xuất khẩu."
_bench_booking: dict = {}


def founder_startup():
    """The founder's verified startup (the first demo startup, at every tier)."""
    from ecosystem.models import Startup

    return Startup.objects.public().filter(memberships__user__email=FOUNDER).order_by("pk").first()


def first_mentor_profile() -> str:
    from mentors.models import MentorProfile

    mentor = MentorProfile.objects.public().order_by("pk").only("slug").first()
    return mentor.get_absolute_url()


def founder_suggestions() -> str:
    return f"/mentors/suggestions/?startup={founder_startup().pk}"


def bench_slot():
    """A free slot more than a day ahead that the founder's startup may book,
    the mentor's and the startup's monthly hours allowing: the one the bench
    booked before if there is one, so that reruns use the same slot."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from mentors.models import MentorProfile, OfficeHourSlot
    from mentors.services import MentoringError, _check_caps, booking_problems

    startup = founder_startup()
    user = get_user_model().objects.get(email=FOUNDER)
    before = OfficeHourSlot.objects.filter(bookings__agenda=BENCH_AGENDA).order_by("pk").first()
    if before is not None:
        return before, startup
    slots = OfficeHourSlot.objects.filter(
        status=OfficeHourSlot.Status.OPEN,
        starts_at__gt=timezone.now() + timedelta(days=1),
        mentor__in=MentorProfile.objects.public(),
    ).select_related("mentor")
    for slot in slots.order_by("starts_at", "pk")[:300]:
        if booking_problems(slot=slot, startup=startup, user=user):
            continue
        try:
            _check_caps(mentor=slot.mentor, startup=startup, slot=slot)
        except MentoringError:
            continue
        return slot, startup
    raise LookupError("No free slot the founder's startup may book: seed the demo data.")


def bench_booking_page() -> str:
    slot, startup = bench_slot()
    _bench_booking.update(slot_pk=slot.pk, startup_pk=startup.pk)
    return f"{slot.mentor.get_absolute_url()}book/{slot.pk}/"


def book_again() -> dict:
    """The booking form for the bench's slot, freed first of the booking the
    previous request made (the bench prepares the form outside the measured
    request)."""
    from mentors.models import Booking, OfficeHourSlot

    if not _bench_booking:
        bench_booking_page()
    slot_pk = _bench_booking["slot_pk"]
    Booking.objects.filter(slot_id=slot_pk, agenda=BENCH_AGENDA).delete()
    OfficeHourSlot.objects.filter(pk=slot_pk).update(status=OfficeHourSlot.Status.OPEN)
    return {"startup": _bench_booking["startup_pk"], "agenda": BENCH_AGENDA}


# Mentors (issue 7).
TARGETS += [
    Target("mentors: directory", "/mentors/"),
    Target("mentors: profile", first_mentor_profile),
    Target("mentors: suggestions for a startup", founder_suggestions, user_email=FOUNDER),
    Target(
        "mentors: booking",
        bench_booking_page,
        method="POST",
        user_email=FOUNDER,
        data_factory=book_again,
        expected_status=302,
    ),
]

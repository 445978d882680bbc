"""Event series in the Wagtail admin: the rule and the shared details are
edited in the province's time; saving (or "Generate occurrences") makes and
updates the occurrences and says how many; people registered for an
occurrence that moves, or that the rule drops, are emailed; occurrences
changed by hand are left alone; the seats of occurrences change only through
the services."""

import html
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from events.models import Event, EventSeries
from events.series import series_generate
from tests.factories import RegistrationFactory, UserFactory, VenueFactory

pytestmark = pytest.mark.django_db

SERIES = "/admin/snippets/events/eventseries/"
PROVINCE = ZoneInfo("Asia/Ho_Chi_Minh")


def admin_user(*, time_zone=""):
    person = UserFactory(groups=["Coordinators"])
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.current_time_zone = time_zone
    profile.save()
    return person


@pytest.fixture
def coordinator_client(client):
    client.force_login(admin_user())
    return client


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def local(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=PROVINCE)


def next_monday_at(hour: int) -> datetime:
    today = timezone.localdate(timezone=PROVINCE)
    monday = today + timedelta(days=7 - today.weekday())
    return datetime(monday.year, monday.month, monday.day, hour, tzinfo=PROVINCE)


def series_form_data(series=None, **overrides):
    venue = series.venue if series else VenueFactory()
    data = {
        "frequency": series.frequency if series else "WEEKLY",
        "interval": str(series.interval) if series else "1",
        "first_starts_at": (
            timezone.localtime(series.first_starts_at, PROVINCE).strftime("%Y-%m-%d %H:%M")
            if series
            else next_monday_at(9).strftime("%Y-%m-%d %H:%M")
        ),
        "duration": "2:00",
        "until": "",
        "count": str(series.count) if series and series.count else "4",
        "exceptions": "",
        "title": series.title if series else "Cà phê khởi nghiệp",
        "title_en": "Startup coffee",
        "kind": "workshop",
        "description": "",
        "description_en": "",
        "image": "",
        "venue": str(venue.pk) if venue else "",
        "online_url": "",
        "capacity": str(series.capacity) if series and series.capacity else "20",
        "waitlist_enabled": "on",
        "questions": streamfield([]),
        "organiser": "",
        "programme": "",
        "call": "",
    }
    data.update(overrides)
    return nested_form_data({name: value for name, value in data.items() if value is not None})


def form_errors(response):
    with translation.override("en"):
        return {
            name: [str(message) for message in errors]
            for name, errors in response.context["form"].errors.items()
        }


def followed_messages(client, response):
    assert response.status_code == 302, form_errors(response)
    page = client.get(response.url)
    return " ".join(html.unescape(str(message)) for message in page.context["messages"])


def ics_of(message):
    return message.attachments[0][1]


@pytest.fixture
def series():
    """A weekly coffee on Mondays at 09:00, four times, with its occurrences."""
    created = EventSeries.objects.create(
        title="Cà phê khởi nghiệp",
        title_en="Startup coffee",
        kind="workshop",
        venue=VenueFactory(),
        capacity=20,
        frequency="WEEKLY",
        first_starts_at=next_monday_at(9),
        duration=timedelta(hours=2),
        count=4,
    )
    with timezone.override(PROVINCE):
        series_generate(series=created)
    return created


def occurrences(series):
    return list(Event.objects.filter(series=series).order_by("starts_at"))


def test_a_coordinator_creates_a_series_and_its_occurrences_are_made(coordinator_client, commit):
    form = coordinator_client.get(f"{SERIES}add/").content.decode()
    for tab in ("Rule", "Details", "Registration", "Occurrences"):
        assert tab in form
    response = commit(coordinator_client.post, f"{SERIES}add/", series_form_data(duration="2:30"))
    assert "4 occurrences created, 0 updated, 0 cancelled, 0 removed." in followed_messages(
        coordinator_client, response
    )
    series = EventSeries.objects.get()
    assert series.duration == timedelta(hours=2, minutes=30)
    events = occurrences(series)
    assert [timezone.localtime(e.starts_at, PROVINCE).strftime("%a %H:%M") for e in events] == [
        "Mon 09:00"
    ] * 4
    assert all(e.ends_at - e.starts_at == timedelta(hours=2, minutes=30) for e in events)
    assert all(e.capacity == 20 and e.title_en == "Startup coffee" for e in events)


def test_the_rule_is_read_in_province_time_whatever_the_coordinators_zone(client, commit):
    # Weekly from February to April crosses London's change to summer time;
    # the province's clock has none, so every coffee stays at 09:00.
    client.force_login(admin_user(time_zone="Europe/London"))
    data = series_form_data(first_starts_at="2031-02-17 09:00", count=None, until="14/04/2031")
    response = commit(client.post, f"{SERIES}add/", data)
    assert response.status_code == 302, form_errors(response)
    series = EventSeries.objects.get()
    assert series.first_starts_at == datetime(2031, 2, 17, 9, 0, tzinfo=PROVINCE)
    events = occurrences(series)
    assert len(events) == 9
    assert {timezone.localtime(e.starts_at, PROVINCE).hour for e in events} == {9}


def test_editing_the_series_updates_future_occurrences_and_emails_their_people(
    coordinator_client, commit, series, mailoutbox
):
    first, second, third, fourth = occurrences(series)
    RegistrationFactory(event=second, email="an@example.com")
    Event.objects.filter(pk=third.pk).update(changed_by_hand=True, title="Cà phê đặc biệt")
    data = series_form_data(series, first_starts_at=next_monday_at(14).strftime("%Y-%m-%d %H:%M"))
    response = commit(coordinator_client.post, f"{SERIES}edit/{series.pk}/", data)
    assert "0 occurrences created, 3 updated, 0 cancelled, 0 removed." in followed_messages(
        coordinator_client, response
    )
    first, second, third, fourth = occurrences(series)
    assert [timezone.localtime(e.starts_at, PROVINCE).hour for e in (first, second, fourth)] == [
        14
    ] * 3
    assert timezone.localtime(third.starts_at, PROVINCE).hour == 9
    assert third.title == "Cà phê đặc biệt"
    assert [m.to for m in mailoutbox] == [["an@example.com"]]
    assert "SEQUENCE:1" in ics_of(mailoutbox[0])


def test_a_date_dropped_from_the_rule_is_cancelled_for_those_registered(
    coordinator_client, commit, series, mailoutbox
):
    _first, second, third, _fourth = occurrences(series)
    RegistrationFactory(event=second, email="an@example.com")
    skipped = [
        timezone.localtime(event.starts_at, PROVINCE).strftime("%d/%m/%Y")
        for event in (second, third)
    ]
    data = series_form_data(series, exceptions="\n".join(skipped))
    response = commit(coordinator_client.post, f"{SERIES}edit/{series.pk}/", data)
    assert "0 occurrences created, 2 updated, 1 cancelled, 1 removed." in followed_messages(
        coordinator_client, response
    )
    second.refresh_from_db()
    assert second.status == "cancelled"
    assert not Event.objects.filter(pk=third.pk).exists()
    assert [m.to for m in mailoutbox] == [["an@example.com"]]
    assert "METHOD:CANCEL" in ics_of(mailoutbox[0])
    series.refresh_from_db()
    assert series.exceptions == sorted(
        timezone.localtime(event.starts_at, PROVINCE).date().isoformat()
        for event in (second, third)
    )


def test_the_generate_action_asks_then_counts(coordinator_client, commit, series):
    Event.objects.filter(series=series).order_by("-starts_at").first().delete()
    edit = coordinator_client.get(f"{SERIES}edit/{series.pk}/").content.decode()
    assert f"{SERIES}generate/{series.pk}/" in edit
    assert "Occurrences (3)" in edit
    confirm = coordinator_client.get(f"{SERIES}generate/{series.pk}/").content.decode()
    assert "Past occurrences stay as they are." in confirm
    response = commit(coordinator_client.post, f"{SERIES}generate/{series.pk}/")
    assert "1 occurrence created, 3 updated, 0 cancelled, 0 removed." in followed_messages(
        coordinator_client, response
    )
    assert len(occurrences(series)) == 4


def test_the_series_lists_its_occurrences(coordinator_client, series):
    first = occurrences(series)[0]
    Event.objects.filter(pk=first.pk).update(changed_by_hand=True, confirmed_count=3)
    edit = coordinator_client.get(f"{SERIES}edit/{series.pk}/").content.decode()
    for event in occurrences(series):
        assert f"/admin/snippets/events/event/edit/{event.pk}/" in edit
    assert timezone.localtime(first.starts_at, PROVINCE).strftime("%d/%m/%Y 09:00") in edit
    listing = coordinator_client.get("/admin/snippets/events/event/", {"series": series.pk})
    assert len(listing.context["object_list"]) == 4


def test_the_series_capacity_cannot_go_below_an_occurrences_seats(coordinator_client, series):
    second = occurrences(series)[1]
    RegistrationFactory.create_batch(3, event=second)
    data = series_form_data(series, capacity="2", title_en="Coffee")
    response = coordinator_client.post(f"{SERIES}edit/{series.pk}/", data)
    assert response.status_code == 200
    day = timezone.localtime(second.starts_at, PROVINCE).strftime("%d/%m/%Y")
    assert form_errors(response)["capacity"] == [
        f"The occurrence on {day}: 3 people already hold a seat, so the capacity cannot be "
        "lower than 3."
    ]
    series.refresh_from_db()
    assert series.capacity == 20 and series.title_en == "Startup coffee"
    assert {event.capacity for event in occurrences(series)} == {20}


def test_more_seats_in_the_series_seat_the_waitlists(coordinator_client, commit, series):
    Event.objects.filter(series=series).update(capacity=1)
    EventSeries.objects.filter(pk=series.pk).update(capacity=1)
    series.refresh_from_db()
    second = occurrences(series)[1]
    RegistrationFactory(event=second)
    waiting = RegistrationFactory(event=second, status="waitlisted")
    commit(
        coordinator_client.post,
        f"{SERIES}edit/{series.pk}/",
        series_form_data(series, capacity="2"),
    )
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"duration": "two hours"}, "duration", "Enter hours and minutes, e.g. 2:30."),
        ({"duration": "0:00"}, "duration", "Enter between 0:05 and 336:00 (two weeks)."),
        ({"exceptions": "30/02/2031"}, "exceptions", "'30/02/2031' is not a date"),
        ({"interval": "0"}, "interval", "greater than or equal to 1"),
        ({"count": "500"}, "count", "At most 200 occurrences."),
        (
            {"first_starts_at": "2031-02-17 09:00", "count": "", "until": "01/01/2031"},
            "until",
            "This rule gives no occurrence",
        ),
        (
            {"count": "", "until": ""},
            "__all__",
            "Give an end date or a number of occurrences.",
        ),
    ],
)
def test_the_series_form_refuses_what_makes_no_sense(coordinator_client, overrides, field, message):
    response = coordinator_client.post(f"{SERIES}add/", series_form_data(**overrides))
    assert response.status_code == 200
    errors = form_errors(response)
    assert any(message in text for text in errors.get(field, [])), errors
    assert not EventSeries.objects.exists() and not Event.objects.exists()


def test_dates_without_an_occurrence_are_shown_as_people_write_them(coordinator_client, series):
    EventSeries.objects.filter(pk=series.pk).update(exceptions=["2031-12-24", "2031-12-31"])
    edit = coordinator_client.get(f"{SERIES}edit/{series.pk}/").content.decode()
    assert "24/12/2031\n31/12/2031" in edit
    assert 'value="2:00"' in edit

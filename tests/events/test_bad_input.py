"""What people (and robots) type into event URLs and forms: a clear message or
a 4xx, never a server error, and nothing half-stored."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from events.models import CalendarFeed, Event, Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

GARBAGE_QUERIES = [
    "start=0001-01-01&end=9999-12-31",
    "start=9999-12-31",
    "end=0001-01-01",
    "start=2026-02-30",
    "start=abc&end=%00",
    "start=2027-01-10&end=2027-01-01",
    "kind=zzz",
    "kind=workshop&kind=zzz",
    "area=zzz",
    "area=",
    "programme=%27%3B--",
    "has_seats=maybe",
    "when=soon",
    "page=-1",
    "page=99999",
    "page=1e9",
    "q=" + "x" * 500,
    "q=%00%01",
    "q=%E2%80%AE%F0%9F%98%80",
    "month=2026-13",
]


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def events():
    return [EventFactory(), EventFactory(status=Event.Status.CANCELLED)]


@pytest.mark.parametrize("query", GARBAGE_QUERIES)
@pytest.mark.parametrize("path", ["/en/events/", "/en/events/calendar/", "/en/events/feed.ics"])
def test_no_query_string_makes_a_server_error(client, events, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400)


def test_the_widest_date_range_is_reported_not_a_crash(client, events):
    response = client.get("/en/events/?start=0001-01-01&end=9999-12-31")
    assert response.status_code == 200
    page = text(response)
    assert "Pick a date between 2000 and 2100. This filter was left out." in page
    # The other filters still apply: the upcoming events are listed.
    assert events[0].title_en in page


def test_an_end_before_the_start_is_reported(client, events):
    response = client.get("/en/events/?start=2027-01-10&end=2027-01-01")
    assert "The end date is before the start date" in text(response)


def test_an_unknown_kind_in_the_feed_is_ignored(client, events):
    response = client.get("/en/events/feed.ics?kind=zzz")
    assert response.status_code == 200
    assert response.content.count(b"BEGIN:VEVENT") == 2


def test_an_unknown_kind_on_the_list_is_reported(client, events):
    response = client.get("/en/events/?kind=zzz")
    assert "This is not one of the choices, so this filter was left out." in text(response)


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/r/forged/",
        "/en/events/r/forged/cancel/",
        "/en/events/r/" + "x" * 5000 + "/",
        "/en/events/feed/forged.ics",
        "/en/events/khong-co/",
        "/en/events/khong-co.ics",
        "/en/events/khong-co/registered/",
    ],
)
def test_unknown_addresses_are_not_found(client, events, path):
    RegistrationFactory(event=events[0])
    CalendarFeed.objects.create(user=UserFactory())
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"name": "", "email": ""},
        {"name": "An", "email": "not-an-email"},
        {"name": "An", "email": "a" * 288 + "@example.com"},
        {"name": "x" * 151, "email": "an@example.com"},
        {"name": "An\x00", "email": "an@example.com"},
        {"name": "An", "email": "an@example.com\r\nBcc: spam@example.com"},
    ],
)
def test_a_bad_registration_form_is_explained_and_stores_nothing(client, events, form):
    response = client.post(f"/en/events/{events[0].slug}/", form)
    assert response.status_code == 200
    assert "Please correct the errors below." in text(response)
    assert not Registration.objects.exists()


def test_a_cancelled_event_takes_no_registration_from_a_form_sent_anyway(client, events):
    response = client.post(
        f"/en/events/{events[1].slug}/", {"name": "An", "email": "an@example.com"}
    )
    assert response.status_code == 200
    assert "This event has been cancelled." in text(response)
    assert not Registration.objects.exists()


def test_confirming_a_registration_of_an_event_cancelled_since_is_refused(client):
    event = EventFactory()
    registration = RegistrationFactory(event=event, status="pending", holds_seat=True)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    response = client.post(f"/en/events/r/{registration.token}/confirm/", follow=True)
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_registration_closed_while_the_page_was_open(client):
    event = EventFactory(registration_closes_at=timezone.now() + timedelta(hours=1))
    Event.objects.filter(pk=event.pk).update(registration_closes_at=timezone.now())
    response = client.post(f"/en/events/{event.slug}/", {"name": "An", "email": "an@example.com"})
    assert "Registration for this event is closed." in text(response)
    assert not Registration.objects.exists()

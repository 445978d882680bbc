"""A person's private calendar (/events/feed/<secret>.ics) and what /account/
shows about their events."""

import re
from datetime import timedelta
from html import unescape

import icalendar
import pytest
from django.utils import timezone

from ecosystem import calendars
from events import calendar
from events.models import CalendarFeed, Event
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def feed_path(feed) -> str:
    return f"/en/events/feed/{feed.secret}.ics"


def components(client, feed):
    response = client.get(feed_path(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content).events


@pytest.fixture
def person():
    return UserFactory(email="hung@example.com")


@pytest.fixture
def feed(person):
    return CalendarFeed.objects.create(user=person)


def test_the_personal_feed_holds_the_persons_registrations_but_not_cancelled_ones(
    client, person, feed
):
    confirmed = RegistrationFactory(user=person, email=person.email, status="confirmed").event
    waiting = RegistrationFactory(user=person, email=person.email, status="waitlisted").event
    # Registered as a guest with the same address before having an account.
    as_guest = RegistrationFactory(email="HUNG@example.com", status="confirmed").event
    RegistrationFactory(user=person, email=person.email, status="cancelled")
    RegistrationFactory(status="confirmed")  # someone else's

    found = {str(c["UID"]): c for c in components(client, feed)}
    assert set(found) == {calendar.event_uid(e) for e in (confirmed, waiting, as_guest)}
    assert found[calendar.event_uid(confirmed)]["STATUS"] == "CONFIRMED"
    # Not sure of a seat yet: tentative in the calendar.
    assert found[calendar.event_uid(waiting)]["STATUS"] == "TENTATIVE"


def test_the_personal_feed_works_without_signing_in_and_holds_no_tokens(client, person, feed):
    registration = RegistrationFactory(user=person, email=person.email)
    body = client.get(feed_path(feed)).content
    assert registration.token.encode() not in body
    assert feed.secret.encode() not in body
    assert client.get(feed_path(feed))["Cache-Control"].startswith("private")


def test_the_personal_feed_answers_304_until_something_changes(client, person, feed):
    registration = RegistrationFactory(user=person, email=person.email)
    first = client.get(feed_path(feed))
    assert client.get(feed_path(feed), headers={"if-none-match": first["ETag"]}).status_code == 304
    registration.status = "cancelled"
    registration.cancelled_at = timezone.now()
    registration.save()
    again = client.get(feed_path(feed), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert icalendar.Calendar.from_ical(again.content).events == []


def test_a_new_address_revokes_the_old_one(client, person, feed):
    old_path = feed_path(feed)
    assert client.get(old_path).status_code == 200
    client.force_login(person)
    response = client.post("/en/events/my-calendar/new-address/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/#my-events"
    feed.refresh_from_db()
    assert client.get(old_path).status_code == 404
    assert client.get(feed_path(feed)).status_code == 200


def test_an_unknown_or_inactive_secret_is_not_found(client, person, feed):
    assert client.get("/en/events/feed/khong-dung.ics").status_code == 404
    person.is_active = False
    person.save()
    assert client.get(feed_path(feed)).status_code == 404


def test_making_an_address_needs_signing_in_and_a_post(client, person):
    assert client.post("/en/events/my-calendar/new-address/").status_code == 302
    assert not CalendarFeed.objects.exists()
    client.force_login(person)
    assert client.get("/en/events/my-calendar/new-address/").status_code == 405
    client.post("/en/events/my-calendar/new-address/")
    assert CalendarFeed.objects.filter(user=person).count() == 1


def test_other_apps_add_to_the_personal_feed(client, person, feed, monkeypatch):
    monkeypatch.setattr(calendars, "_personal_sources", [])

    def bookings(user):
        component = icalendar.Event()
        component.add("uid", f"booking-{user.pk}@innohub")
        component.add("summary", "Giờ tư vấn")
        component.add("dtstamp", timezone.now())
        component.add("dtstart", timezone.now() + timedelta(days=2))
        return [component]

    calendars.register_personal_feed_source(bookings)
    calendars.register_personal_feed_source(bookings)
    found = components(client, feed)
    assert [str(c["SUMMARY"]) for c in found] == ["Giờ tư vấn"]


def test_the_account_page_lists_my_events_with_their_manage_links(client, person):
    soon = EventFactory(title_en="Soon")
    later = EventFactory(
        title_en="Later",
        starts_at=soon.starts_at + timedelta(days=3),
        ends_at=soon.ends_at + timedelta(days=3),
        status=Event.Status.POSTPONED,
    )
    past = EventFactory(
        title_en="Last month",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )
    waitlisted = RegistrationFactory(event=later, user=person, email=person.email,
                                     status="waitlisted")  # fmt: skip
    confirmed = RegistrationFactory(event=soon, user=person, email=person.email)
    RegistrationFactory(event=past, user=person, email=person.email, status="attended")
    RegistrationFactory(user=person, email=person.email, status="cancelled",
                        event=EventFactory(title_en="Dropped"))  # fmt: skip
    client.force_login(person)

    response = client.get("/en/account/")
    page = text(response)
    assert re.search(r"My events .*Soon .*Confirmed .*Later .*On the waitlist .*Postponed", page)
    assert "Past events Last month" in page
    assert "Dropped" not in page
    html = response.content.decode()
    assert f'href="/en/events/r/{confirmed.token}/"' in html
    assert f'href="/en/events/r/{waitlisted.token}/"' in html
    assert "Get my calendar address" in page

    client.post("/en/events/my-calendar/new-address/")
    page = text(client.get("/en/account/"))
    secret = CalendarFeed.objects.get(user=person).secret
    assert (
        f"http://testserver/en/events/feed/{secret}.ics"
        in client.get("/en/account/").content.decode()
    )
    assert "Make a new address" in page

"""/events/feed.ics and /events/<slug>.ics, read back the way calendar apps
read them: parsed with icalendar, expanded with recurring-ical-events."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import calendar, selectors
from events.models import Event
from tests.factories import (
    EventFactory,
    MembershipFactory,
    RegistrationFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
FEED = "/en/events/feed.ics"


def event_at(days, hours=2, **fields):
    starts_at = (timezone.localtime(timezone.now(), LOCAL) + timedelta(days=days)).replace(
        hour=fields.pop("hour", 9), minute=30, second=0, microsecond=0
    )
    return EventFactory(starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), **fields)


def fetch(client, path=FEED, **headers) -> icalendar.Calendar:
    response = client.get(path, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def expand(cal) -> list:
    """Every occurrence within two years either side, as a calendar app sees them."""
    today = date.today()
    return recurring_ical_events.of(cal).between(
        today - timedelta(days=730), today + timedelta(days=730)
    )


def uids(components) -> list[str]:
    return sorted(str(component["UID"]) for component in components)


def test_every_event_of_the_filter_appears_once_at_its_local_time(client):
    workshops = [event_at(3, kind="workshop"), event_at(10, kind="workshop", hour=14)]
    event_at(5, kind="webinar")
    cal = fetch(client, FEED + "?kind=workshop")
    found = expand(cal)
    assert uids(found) == sorted(calendar.event_uid(event) for event in workshops)
    for component in found:
        event = next(e for e in workshops if calendar.event_uid(e) == str(component["UID"]))
        assert component.start == event.starts_at.astimezone(LOCAL)
        assert component.end == event.ends_at.astimezone(LOCAL)
        assert component["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Ho_Chi_Minh"]
    assert cal.calendar_name == "Events · innohub"
    assert "REFRESH-INTERVAL" in cal


def test_the_feed_takes_the_lists_filters(client):
    kept = event_at(3, title="Hội thảo khởi nghiệp du lịch", capacity=None)
    event_at(4, title="Tập huấn", capacity=5, confirmed_count=5)
    assert uids(expand(fetch(client, FEED + "?q=khoi+nghiep"))) == [calendar.event_uid(kept)]
    assert uids(expand(fetch(client, FEED + "?has_seats=on"))) == [calendar.event_uid(kept)]


def test_the_feed_holds_upcoming_events_and_those_of_the_last_30_days(client):
    recent = event_at(-20)
    event_at(-40)
    coming = event_at(200)
    found = expand(fetch(client))
    assert uids(found) == sorted(calendar.event_uid(e) for e in (recent, coming))


def test_the_feed_stops_at_its_limit_soonest_first(client, monkeypatch):
    monkeypatch.setattr(selectors, "FEED_LIMIT", 3)
    events = [event_at(day) for day in (5, 1, 4, 2, 3)]
    found = expand(fetch(client))
    by_start = sorted(events, key=lambda event: event.starts_at)[:3]
    assert uids(found) == sorted(calendar.event_uid(e) for e in by_start)


def test_a_moved_event_keeps_its_uid_with_a_higher_sequence(client):
    event = event_at(3)
    before = fetch(client).events[0]
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save()
    after = fetch(client).events[0]
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.start == event.starts_at.astimezone(LOCAL)


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client):
    event = event_at(3)
    event.status = Event.Status.CANCELLED
    event.save()
    (component,) = fetch(client).events
    assert component["STATUS"] == "CANCELLED"


def test_text_with_punctuation_newlines_and_diacritics_round_trips(client):
    title = "Hội thảo khởi nghiệp, đổi mới; sáng tạo\ndòng hai"
    event_at(3, title=title, title_en="")
    assert str(fetch(client).events[0]["SUMMARY"]) == title
    event_at(4, title="x", title_en="Pitching, demo; Q&A\nline two")
    summaries = {str(c["SUMMARY"]) for c in fetch(client).events}
    assert "Pitching, demo; Q&A\nline two" in summaries
    assert str(fetch(client, "/events/feed.ics").events[0]["SUMMARY"]) == title


def test_all_day_events_are_dates_with_an_exclusive_end(client):
    event = event_at(3, hours=30, all_day=True)
    (component,) = fetch(client).events
    first = event.starts_at.astimezone(LOCAL).date()
    assert component["DTSTART"].to_ical() == first.strftime("%Y%m%d").encode()
    assert component.end == event.ends_at.astimezone(LOCAL).date() + timedelta(days=1)


def test_a_second_poll_with_the_etag_gets_304(client):
    event = event_at(3)
    first = client.get(FEED)
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(FEED, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(FEED, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304

    event.title_en = "Renamed"
    event.save()
    changed = client.get(FEED, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_the_etag_changes_with_the_filter_and_the_language(client):
    event_at(3)
    tags = {
        client.get(FEED)["ETag"],
        client.get(FEED + "?kind=webinar")["ETag"],
        client.get("/events/feed.ics")["ETag"],
    }
    assert len(tags) == 3


def test_an_event_leaving_the_feed_changes_its_etag(client):
    event_at(3)
    going = event_at(4)
    first = client.get(FEED)["ETag"]
    going.delete()
    assert client.get(FEED, headers={"if-none-match": first}).status_code == 200


def test_filter_values_that_cannot_be_used_are_ignored(client):
    event = event_at(3)
    for query in ("kind=zzz", "area=zzz", "start=abc", "start=0001-01-01&end=9999-12-31",
                  "programme=zz&has_seats=maybe&when=soon", "q=" + "x" * 500):  # fmt: skip
        assert uids(expand(fetch(client, f"{FEED}?{query}"))) == [calendar.event_uid(event)]


def test_members_only_events_are_only_in_their_members_feed(client):
    startup = StartupFactory()
    member = UserFactory()
    MembershipFactory(user=member, organisation=startup)
    public = event_at(3)
    private = event_at(4, visibility=Event.Visibility.MEMBERS)
    private.visible_to.add(startup)
    assert uids(fetch(client).events) == [calendar.event_uid(public)]
    client.force_login(member)
    assert uids(fetch(client).events) == sorted(calendar.event_uid(e) for e in (public, private))
    assert client.get(FEED)["Cache-Control"].startswith("private")


def test_no_registration_token_is_in_any_feed(client):
    event = event_at(3)
    registrations = RegistrationFactory.create_batch(3, event=event)
    bodies = [client.get(FEED).content, client.get(f"/en/events/{event.slug}.ics").content]
    for body in bodies:
        for registration in registrations:
            assert registration.token.encode() not in body
            assert registration.email.encode() not in body


def test_one_events_ics(client):
    event = event_at(3, title_en="Demo Day")
    response = client.get(f"/en/events/{event.slug}.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    (component,) = fetch(client, f"/en/events/{event.slug}.ics").events
    assert str(component["UID"]) == calendar.event_uid(event)
    assert str(component["SUMMARY"]) == "Demo Day"
    assert str(component["URL"]).endswith(f"/events/{event.slug}/")
    again = client.get(f"/en/events/{event.slug}.ics", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_a_members_only_events_ics_is_not_found_for_others(client):
    event = event_at(3, visibility=Event.Visibility.MEMBERS)
    assert client.get(f"/en/events/{event.slug}.ics").status_code == 404
    assert client.get("/en/events/khong-co.ics").status_code == 404


def test_feeds_answer_only_reads(client):
    assert client.post(FEED).status_code == 405


def test_the_feed_costs_the_same_queries_however_many_events(client):
    def measure():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(FEED + "?kind=workshop").status_code == 200
        return len(captured)

    client.get(FEED)
    for day in range(5):
        RegistrationFactory.create_batch(2, event=event_at(day + 1))
    few = measure()
    for day in range(45):
        RegistrationFactory.create_batch(2, event=event_at(day + 1))
    many = measure()
    assert few == many <= 4


def test_the_feed_is_cached_under_its_version(client):
    event_at(3)
    client.get(FEED)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(FEED).status_code == 200
    # Only the version is read: the body comes from the cache.
    assert len(captured) <= 2
    assert expand(icalendar.Calendar.from_ical(client.get(FEED).content))


def test_times_match_the_database_for_a_fixed_moment(client):
    starts_at = datetime(2027, 3, 8, 8, 0, tzinfo=LOCAL)
    event = EventFactory(starts_at=starts_at, ends_at=starts_at + timedelta(hours=3))
    (component,) = fetch(client, f"/en/events/{event.slug}.ics").events
    assert component["DTSTART"].to_ical() == b"20270308T080000"
    assert component.end == datetime(2027, 3, 8, 11, 0, tzinfo=LOCAL)

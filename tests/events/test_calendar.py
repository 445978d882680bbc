"""The .ics the portal produces, read back with icalendar and expanded with
recurring-ical-events the way calendar apps do."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.utils import translation

from events import calendar
from events.models import Event
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_a_feed_has_each_event_once_at_its_local_time_with_its_timezone():
    events = [EventFactory(), EventFactory()]
    cal = parse(calendar.feed(Event.objects.all(), name="Sự kiện innohub"))
    found = recurring_ical_events.of(cal).between(date.today(), date.today() + timedelta(days=30))
    assert sorted(str(e["UID"]) for e in found) == sorted(calendar.event_uid(e) for e in events)
    for component in found:
        event = next(e for e in events if calendar.event_uid(e) == str(component["UID"]))
        assert component.start == event.starts_at.astimezone(LOCAL)
        assert component["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Ho_Chi_Minh"]
    assert cal.calendar_name == "Sự kiện innohub"
    assert "REFRESH-INTERVAL" in cal


def test_text_with_punctuation_and_diacritics_round_trips():
    title = "Hội thảo khởi nghiệp, đổi mới; sáng tạo\ndòng hai"
    EventFactory(title=title)
    with translation.override("vi"):
        component = parse(calendar.feed(Event.objects.all(), name="x")).events[0]
    assert str(component["SUMMARY"]) == title


def test_a_moved_event_keeps_its_uid_with_a_higher_sequence():
    event = EventFactory()
    before = parse(calendar.feed([event], name="x")).events[0]
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save()
    after = parse(calendar.feed([event], name="x")).events[0]
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_a_cancelled_event_stays_in_the_feed_as_cancelled():
    event = EventFactory()
    event.status = "cancelled"
    event.save()
    component = parse(calendar.feed([event], name="x")).events[0]
    assert component["STATUS"] == "CANCELLED"


def test_an_all_day_event_uses_dates_with_an_exclusive_end():
    event = EventFactory(
        all_day=True,
        starts_at=datetime(2026, 12, 10, 0, 0, tzinfo=LOCAL),
        ends_at=datetime(2026, 12, 11, 23, 59, tzinfo=LOCAL),
    )
    component = parse(calendar.feed([event], name="x")).events[0]
    assert component.start == date(2026, 12, 10)
    assert component.end == date(2026, 12, 12)


def test_an_invitation_asks_to_add_and_a_cancellation_to_remove():
    registration = RegistrationFactory()
    request = parse(calendar.invitation(registration))
    cancel = parse(calendar.invitation(registration, cancel=True))
    assert (request["METHOD"], cancel["METHOD"]) == ("REQUEST", "CANCEL")
    assert cancel.events[0]["STATUS"] == "CANCELLED"
    assert request.events[0]["UID"] == cancel.events[0]["UID"]
    assert str(request.events[0]["ATTENDEE"]) == f"mailto:{registration.email}"

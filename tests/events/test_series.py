from datetime import date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.models import Event, EventSeries
from events.series import series_generate
from tests.factories import RegistrationFactory, VenueFactory

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def series():
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    return EventSeries.objects.create(
        title="Cà phê khởi nghiệp",
        kind="workshop",
        venue=VenueFactory(),
        capacity=20,
        frequency="WEEKLY",
        first_starts_at=start + timedelta(days=1),
        duration=timedelta(hours=2),
        count=4,
    )


def test_a_weekly_series_makes_one_event_a_week_at_the_same_local_time(series):
    assert series_generate(series=series)["created"] == 4
    events = list(Event.objects.filter(series=series))
    assert [timezone.localtime(e.starts_at).hour for e in events] == [9, 9, 9, 9]
    gaps = {(b.starts_at - a.starts_at).days for a, b in pairwise(events)}
    assert gaps == {7}
    assert all(e.capacity == 20 and e.ends_at - e.starts_at == timedelta(hours=2) for e in events)


def test_exceptions_skip_dates(series):
    first = timezone.localtime(series.first_starts_at).date()
    series.exceptions = [(first + timedelta(days=7)).isoformat()]
    series.save()
    series_generate(series=series)
    assert Event.objects.filter(series=series).count() == 3


def test_editing_the_series_updates_future_occurrences_except_hand_edited_ones(series):
    series_generate(series=series)
    hand_edited = Event.objects.filter(series=series).order_by("starts_at")[1]
    hand_edited.title = "Buổi đặc biệt"
    hand_edited.changed_by_hand = True
    hand_edited.save()

    series.title = "Cà phê khởi nghiệp (mới)"
    series.capacity = 30
    series.save()
    counts = series_generate(series=series)

    assert counts["updated"] == 3
    titles = list(
        Event.objects.filter(series=series).order_by("starts_at").values_list("title", flat=True)
    )
    assert titles == [
        "Cà phê khởi nghiệp (mới)",
        "Buổi đặc biệt",
        "Cà phê khởi nghiệp (mới)",
        "Cà phê khởi nghiệp (mới)",
    ]


def test_dates_the_rule_drops_are_removed_or_cancelled_when_people_registered(series):
    series_generate(series=series)
    last = Event.objects.filter(series=series).order_by("starts_at").last()
    RegistrationFactory(event=last)
    third = Event.objects.filter(series=series).order_by("starts_at")[2]
    series.count = 2
    series.save()
    counts = series_generate(series=series)
    assert (counts["removed"], counts["cancelled"]) == (1, 1)
    assert not Event.objects.filter(pk=third.pk).exists()
    last.refresh_from_db()
    assert last.status == "cancelled"


def test_until_ends_the_series_on_that_date():
    series = EventSeries.objects.create(
        title="Tập huấn",
        kind="training",
        frequency="DAILY",
        first_starts_at=datetime(2030, 1, 1, 8, 0, tzinfo=LOCAL),
        until=date(2030, 1, 5),
    )
    series_generate(series=series)
    assert Event.objects.filter(series=series).count() == 5

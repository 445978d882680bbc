"""Mentoring in numbers: per mentor the sessions and hours given, the ratings
and the no-shows; per startup the same from its side; counted over a period;
in one query however many mentors or startups there are."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mentors import stats
from mentors.models import Booking, Engagement, MentorProfile
from tests.factories import MentorFactory, SlotFactory, StartupFactory

pytestmark = pytest.mark.django_db


def at(days: int, hour: int = 9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def session(mentor, startup, *, days, minutes=60, status="booked", rating=None, no_show=""):
    """A booking of a new slot of `mentor`, `days` from now (negative: past)."""
    starts_at = at(days)
    slot = SlotFactory(
        mentor=mentor, starts_at=starts_at, ends_at=starts_at + timedelta(minutes=minutes)
    )
    return Booking.objects.create(
        slot=slot,
        startup=startup,
        agenda="Gọi vốn vòng hạt giống",
        status=status,
        rating=rating,
        no_show=no_show,
    )


@pytest.fixture
def record():
    """Mentor Lan met two startups; mentor Minh has one session to come."""
    lan, minh = MentorFactory(), MentorFactory()
    green, blue = StartupFactory(), StartupFactory()
    session(lan, green, days=-20, minutes=60, status="completed", rating=5)
    session(lan, green, days=-13, minutes=30, status="completed", rating=4)
    session(lan, blue, days=-6, minutes=45)  # still "booked", but over: it took place
    session(lan, blue, days=-5, status="no_show", no_show="startup")
    session(lan, green, days=-4, status="cancelled")
    session(lan, blue, days=-3, status="late_cancelled")
    session(lan, green, days=2)  # to come
    session(minh, blue, days=3)
    return {"lan": lan, "minh": minh, "green": green, "blue": blue}


def by_pk(queryset):
    return {row.pk: row for row in queryset}


def test_each_mentor_has_sessions_hours_ratings_and_no_shows(record):
    mentors = by_pk(stats.mentors_with_stats())
    lan, minh = mentors[record["lan"].pk], mentors[record["minh"].pk]
    assert lan.stat_sessions == 3
    assert stats.hours(lan.stat_time) == 2.25
    assert lan.stat_rating == pytest.approx(4.5)
    assert lan.stat_ratings == 2
    assert lan.stat_no_shows == 1
    assert lan.stat_partners == 2
    assert lan.stat_upcoming == 1
    assert (minh.stat_sessions, stats.hours(minh.stat_time), minh.stat_rating) == (0, 0, None)
    assert (minh.stat_no_shows, minh.stat_upcoming) == (0, 1)


def test_each_startup_has_sessions_hours_ratings_given_and_no_shows(record):
    startups = by_pk(stats.startups_with_stats())
    green, blue = startups[record["green"].pk], startups[record["blue"].pk]
    assert (green.stat_sessions, stats.hours(green.stat_time)) == (2, 1.5)
    assert (green.stat_rating, green.stat_ratings) == (pytest.approx(4.5), 2)
    assert (green.stat_no_shows, green.stat_partners, green.stat_upcoming) == (0, 1, 1)
    assert (blue.stat_sessions, stats.hours(blue.stat_time)) == (1, 0.75)
    assert (blue.stat_rating, blue.stat_ratings) == (None, 0)
    assert (blue.stat_no_shows, blue.stat_partners, blue.stat_upcoming) == (1, 1, 1)


def test_the_numbers_read_as_people_write_them(record):
    lan = stats.mentors_with_stats().get(pk=record["lan"].pk)
    assert stats.format_hours(timedelta(hours=3)) == "3"
    assert stats.format_hours(timedelta(minutes=90)) == "1.5"
    assert stats.stat_value(lan, stats.RATING, readable=True) == "4.5"
    assert stats.stat_value(lan, stats.TIME) == 2.25


def test_a_period_counts_only_its_sessions(record):
    since = timezone.localdate() - timedelta(days=14)
    period = stats.Period(since=since)
    lan = stats.mentors_with_stats(period=period).get(pk=record["lan"].pk)
    # The session 20 days ago is outside; the 30 and 45 minutes ones are in.
    assert (lan.stat_sessions, stats.hours(lan.stat_time)) == (2, 1.25)
    assert (lan.stat_rating, lan.stat_ratings, lan.stat_no_shows) == (4.0, 1, 1)
    until = stats.Period(until=timezone.localdate() - timedelta(days=15))
    lan = stats.mentors_with_stats(period=until).get(pk=record["lan"].pk)
    assert (lan.stat_sessions, lan.stat_rating, lan.stat_no_shows) == (1, 5.0, 0)


def test_a_period_ends_at_the_end_of_its_last_local_day():
    mentor, startup = MentorFactory(), StartupFactory()
    booking = session(mentor, startup, days=-2, status="completed")
    day = timezone.localtime(booking.slot.starts_at).date()
    late = timezone.localtime(booking.slot.starts_at).replace(hour=23, minute=30)
    booking.slot.starts_at, booking.slot.ends_at = late, late + timedelta(minutes=20)
    booking.slot.save()
    on_the_day = stats.mentors_with_stats(period=stats.Period(since=day, until=day))
    assert on_the_day.get(pk=mentor.pk).stat_sessions == 1
    next_day = stats.Period(since=day + timedelta(days=1), until=date(2100, 1, 1))
    assert stats.mentors_with_stats(period=next_day).get(pk=mentor.pk).stat_sessions == 0


def test_startups_mentored_are_those_with_bookings_or_an_engagement(record):
    assigned, untouched = StartupFactory(), StartupFactory()
    Engagement.objects.create(mentor=record["minh"], startup=assigned)
    mentored = set(stats.startups_mentored().values_list("pk", flat=True))
    assert mentored == {record["green"].pk, record["blue"].pk, assigned.pk}
    assert untouched.pk not in mentored


def add_mentors(count):
    startup = StartupFactory()
    for number in range(count):
        mentor = MentorFactory()
        session(mentor, startup, days=-(number % 20) - 1, status="completed", rating=4)
        session(mentor, startup, days=number % 20 + 1)


def count_queries(run):
    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries)


def test_the_numbers_take_one_query_for_3_or_30_mentors():
    def mentors():
        return len(stats.mentors_with_stats(MentorProfile.objects.select_related("user")))

    def startups():
        return len(stats.startups_with_stats(stats.startups_mentored()))

    add_mentors(3)
    few = (count_queries(mentors), count_queries(startups))
    add_mentors(27)
    assert MentorProfile.objects.count() == 30
    assert (count_queries(mentors), count_queries(startups)) == few == (1, 1)

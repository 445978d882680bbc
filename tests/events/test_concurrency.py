"""Many people registering for the last seats at once, on PostgreSQL.

Twenty threads send 200 registrations for an event with 50 seats. The lock on
the event's row must give exactly 50 seats and a waitlist of 150 in the order
the registrations were decided; ten simultaneous cancellations must promote
exactly ten. The same run without the lock (a test-only switch) must overbook,
which shows the test can fail."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from events import services
from events.models import Registration
from tests.factories import EventFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks under concurrency need PostgreSQL (set DATABASE_URL); "
        "SQLite runs one writer at a time",
    ),
]

SEATS, PEOPLE, THREADS = 50, 200, 20


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the window between counting seats and taking one, so that a
    missing lock is caught every time rather than by luck."""
    original = services._seats_taken

    def seats_taken(event, now):
        taken = original(event, now)
        time.sleep(0.002)
        return taken

    monkeypatch.setattr(services, "_seats_taken", seats_taken)


def run_in_threads(function, items):
    local = threading.local()

    def work(item):
        local.used = True
        try:
            return function(item)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(work, items))


def register_all(event, people):
    def register(user):
        registration, created = services.registration_create(event=event, user=user)
        return registration.status, created

    return run_in_threads(register, people)


def test_two_hundred_people_for_fifty_seats(slow_count, mailoutbox):
    event = EventFactory(capacity=SEATS)
    people = [UserFactory() for _ in range(PEOPLE)]

    results = register_all(event, people)

    assert all(created for _, created in results)
    confirmed = Registration.objects.filter(event=event, status="confirmed")
    waitlisted = Registration.objects.filter(event=event, status="waitlisted")
    assert confirmed.count() == SEATS
    assert waitlisted.count() == PEOPLE - SEATS
    assert Registration.objects.filter(event=event).count() == PEOPLE
    # Arrival order: every seat went to someone decided before anyone waitlisted.
    last_seated = max(confirmed.values_list("queued_at", flat=True))
    first_waiting = min(waitlisted.values_list("queued_at", flat=True))
    assert last_seated < first_waiting

    leaving = list(confirmed.order_by("?")[:10])
    expected = list(
        Registration.objects.filter(event=event, status="waitlisted")
        .order_by("queued_at", "pk")
        .values_list("pk", flat=True)[:10]
    )
    run_in_threads(lambda r: services.registration_cancel(registration=r), leaving)

    assert Registration.objects.filter(event=event, status="confirmed").count() == SEATS
    promoted = set(
        Registration.objects.filter(pk__in=expected, status="confirmed").values_list(
            "pk", flat=True
        )
    )
    assert promoted == set(expected)
    assert Registration.objects.filter(event=event, status="cancelled").count() == 10
    assert Registration.objects.filter(event=event, status="waitlisted").count() == 140


def test_without_the_lock_the_same_run_overbooks(slow_count, settings):
    settings.EVENTS_LOCK_REGISTRATIONS = False
    event = EventFactory(capacity=SEATS)
    people = [UserFactory() for _ in range(PEOPLE)]

    register_all(event, people)

    assert Registration.objects.filter(event=event, status="confirmed").count() > SEATS

"""Twenty startups booking one slot at the same instant, and two overlapping
slots published at once, on PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from mentors.models import Booking, OfficeHourSlot
from mentors.services import MentoringError, SlotRequest, SlotTaken, booking_create, slots_publish
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks under concurrency need PostgreSQL (set DATABASE_URL); "
        "SQLite runs one writer at a time",
    ),
]


def at_once(function, items):
    """Run function(item) for every item in its own thread, released together."""
    barrier = threading.Barrier(len(items))

    def work(item):
        barrier.wait()
        try:
            return function(item)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(work, items))


def test_twenty_bookings_of_one_slot_give_one_booking():
    slot = SlotFactory()
    founders = [UserFactory() for _ in range(20)]
    startups = [StartupFactory(owner=founder) for founder in founders]

    def book(index):
        try:
            booking_create(
                slot=slot, startup=startups[index], user=founders[index], agenda="Gọi vốn"
            )
            return "booked"
        except SlotTaken:
            return "taken"

    results = at_once(book, list(range(20)))

    assert sorted(results) == ["booked"] + ["taken"] * 19
    assert Booking.objects.filter(slot=slot).count() == 1
    assert OfficeHourSlot.objects.get(pk=slot.pk).status == "booked"


def test_two_overlapping_slots_published_at_once_give_one_slot():
    mentor = MentorFactory()
    start = timezone.now().replace(microsecond=0) + timezone.timedelta(days=2)
    requests = [
        SlotRequest(start, 60, location="Vườn ươm"),
        SlotRequest(start + timezone.timedelta(minutes=30), 60, location="Vườn ươm"),
    ]

    def publish(request):
        try:
            slots_publish(mentor=mentor, request=request)
            return "published"
        except MentoringError:
            return "refused"

    assert sorted(at_once(publish, requests)) == ["published", "refused"]
    assert OfficeHourSlot.objects.filter(mentor=mentor).count() == 1

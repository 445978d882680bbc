"""Seats, the waitlist and guests' confirmation: the rules that keep an event
from ever being overbooked (the concurrent version is in test_concurrency.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Registration
from events.services import (
    RegistrationError,
    event_set_capacity,
    registration_cancel,
    registration_check_in,
    registration_confirm,
    registration_create,
    registrations_release_lapsed,
)
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def register(event, n, **kwargs):
    return registration_create(event=event, user=UserFactory(), **kwargs)[0]


def statuses(event):
    return list(event.registrations.order_by("queued_at", "pk").values_list("status", flat=True))


def test_signed_in_people_are_confirmed_then_waitlisted_in_order():
    event = EventFactory(capacity=2)
    people = [register(event, n) for n in range(4)]
    assert [p.status for p in people] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    event.refresh_from_db()
    assert (event.confirmed_count, event.waitlist_count, event.seats_left) == (2, 2, 0)


def test_registering_twice_returns_the_same_registration():
    event = EventFactory()
    user = UserFactory()
    first, created = registration_create(event=event, user=user)
    again, created_again = registration_create(event=event, user=user)
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert event.registrations.count() == 1


def test_the_same_guest_email_in_other_case_is_the_same_person():
    event = EventFactory()
    first, _ = registration_create(event=event, name="An", email="an@example.com")
    again, created = registration_create(event=event, name="An", email="AN@Example.com")
    assert not created and again.pk == first.pk


def test_a_cancellation_promotes_the_first_waitlisted_and_emails_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, 1)
        second = register(event, 2)
        third = register(event, 3)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == ("confirmed", "waitlisted")
    assert [m.to for m in mailoutbox] == [[second.email]]
    assert "METHOD:REQUEST" in mailoutbox[0].attachments[0][1]


def test_a_guest_holds_a_seat_until_confirming():
    event = EventFactory(capacity=1)
    guest, _ = registration_create(event=event, name="Lan", email="lan@example.com")
    assert guest.status == "pending"
    late = register(event, 1)
    assert late.status == "waitlisted"
    assert registration_confirm(token=guest.token).status == "confirmed"


def test_an_unconfirmed_guest_lapses_after_24_hours_and_the_waitlist_moves_up():
    event = EventFactory(capacity=1)
    guest, _ = registration_create(event=event, name="Lan", email="lan@example.com")
    waiting = register(event, 1)
    later = timezone.now() + timedelta(hours=24, seconds=1)
    assert registrations_release_lapsed(event=event, now=later) == 1
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    # Confirming late finds the event full: the guest joins the waitlist.
    assert registration_confirm(token=guest.token, now=later).status == "waitlisted"


def test_raising_the_capacity_seats_the_waitlist_and_lowering_below_taken_is_refused():
    event = EventFactory(capacity=1)
    people = [register(event, n) for n in range(3)]
    with pytest.raises(RegistrationError, match="cannot be lower than 1"):
        event_set_capacity(event=event, capacity=0)
    event_set_capacity(event=event, capacity=2)
    assert [Registration.objects.get(pk=p.pk).status for p in people] == [
        "confirmed",
        "confirmed",
        "waitlisted",
    ]


@pytest.mark.parametrize(
    "change",
    ["closed", "cancelled", "long_email", "bad_email"],
)
def test_refused_registrations_store_nothing(change):
    event = EventFactory()
    email = "an@example.com"
    if change == "closed":
        event.registration_closes_at = timezone.now() - timedelta(minutes=1)
        event.save()
    elif change == "cancelled":
        event.status = "cancelled"
        event.save()
    elif change == "long_email":
        email = "a" * 290 + "@example.com"
    elif change == "bad_email":
        email = "not-an-email"
    with pytest.raises(RegistrationError):
        registration_create(event=event, name="An", email=email)
    assert not Registration.objects.exists()


def test_a_full_event_without_waitlist_refuses():
    event = EventFactory(capacity=1, waitlist_enabled=False)
    register(event, 1)
    with pytest.raises(RegistrationError, match="full"):
        register(event, 2)


def test_checking_in_twice_is_harmless():
    registration = RegistrationFactory()
    _, first = registration_check_in(registration=registration)
    _, second = registration_check_in(registration=registration)
    registration.refresh_from_db()
    assert (first, second, registration.status) == (True, False, "attended")


def test_an_unknown_token_is_a_clear_error():
    with pytest.raises(RegistrationError, match="not valid"):
        registration_confirm(token="forged")


def test_moving_an_event_raises_its_sequence_but_a_new_title_does_not():
    event = EventFactory()
    event.title = "Tên mới"
    event.save()
    assert event.sequence == 0
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save()
    event.refresh_from_db()
    assert event.sequence == 1


def test_renaming_a_venue_moves_its_upcoming_events_in_calendars():
    event = EventFactory()
    venue = event.venue
    venue.address = "Số 9 Trần Phú, phường Rạch Giá"
    venue.save()
    event.refresh_from_db()
    assert event.sequence == 1


def test_an_event_cannot_take_the_address_of_another_page():
    event = EventFactory.build(slug="calendar")
    with pytest.raises(ValidationError):
        event.full_clean(exclude=["venue"])

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.services import event_cancel, event_schedule_changed, registration_create
from events.tasks import send_event_reminders
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def ics_of(message):
    return message.attachments[0][1]


def test_a_guest_is_asked_to_confirm_and_a_member_gets_the_invitation(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, name="Khách", email="khach@example.com")
        registration_create(event=event, user=UserFactory(email="thanh-vien@example.com"))
    guest, member = mailoutbox
    assert "/events/r/" in guest.body and not guest.attachments
    assert "METHOD:REQUEST" in ics_of(member)


def test_the_waitlist_email_gives_the_position(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            registration_create(event=event, user=UserFactory(preferred_language="en"))
    assert "number 2" in mailoutbox[-1].body


def test_cancelling_an_event_sends_everyone_a_cancel_file(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="waitlisted")
    RegistrationFactory(event=event, status="cancelled")
    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=event)
    assert len(mailoutbox) == 2
    assert all("METHOD:CANCEL" in ics_of(m) for m in mailoutbox)
    event.refresh_from_db()
    assert event.sequence == 1


def test_a_change_of_time_is_sent_with_the_new_sequence(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    RegistrationFactory(event=event)
    event.starts_at += timedelta(hours=2)
    event.ends_at += timedelta(hours=2)
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert event_schedule_changed(event=event) == 1
    assert "SEQUENCE:1" in ics_of(mailoutbox[0])


def test_the_reminder_goes_once_even_if_the_task_runs_twice(
    mailoutbox, django_capture_on_commit_callbacks
):
    soon = timezone.now() + timedelta(hours=20)
    event = EventFactory(starts_at=soon, ends_at=soon + timedelta(hours=2))
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_event_reminders.call(event.pk) == 1
        assert send_event_reminders.call(event.pk) == 0
        call_command("send_event_reminders", stdout=io.StringIO())
    assert len(mailoutbox) == 1
    assert "METHOD:REQUEST" in ics_of(mailoutbox[0])


def test_no_reminder_for_an_event_more_than_a_day_away(mailoutbox):
    event = EventFactory()
    RegistrationFactory(event=event)
    assert send_event_reminders.call(event.pk) == 0

"""Registering through the pages: guests confirm by email, signed-in people in
one click; the manage page confirms, shows the waitlist place and cancels."""

import base64
import re
from datetime import timedelta
from html import unescape

import pytest
import qrcode
import qrcode.image.svg
from django.urls import reverse
from django.utils import timezone

from events import calendar, services
from events.models import Event, Registration
from events.templatetags.event_tags import check_in_url
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {
        "key": "organisation",
        "label": "Đơn vị công tác",
        "label_en": "Your organisation",
        "type": "text",
        "required": True,
    },
    {
        "key": "meal",
        "label": "Bữa trưa",
        "label_en": "Lunch",
        "type": "choice",
        "options": ["Chay", "Mặn"],
        "required": False,
    },
]


def page_url(event):
    return f"/en/events/{event.slug}/"


def manage_url(registration):
    return f"/en/events/r/{registration.token}/"


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def link_in(message, fragment):
    match = re.search(r"https?://\S+" + re.escape(fragment) + r"\S*", message.body)
    assert match, message.body
    return match.group(0)


def test_a_guest_registers_and_is_asked_to_confirm_by_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(questions=QUESTIONS)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page_url(event),
            {
                "name": "Trần Thị Mai",
                "email": "Mai@Example.com",
                "answer_organisation": "Khởi nghiệp Biển Xanh",
                "answer_meal": "Chay",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == f"/en/events/{event.slug}/registered/"
    registration = Registration.objects.get()
    assert (registration.status, registration.email, registration.name) == (
        "pending",
        "mai@example.com",
        "Trần Thị Mai",
    )
    assert registration.answers == {"organisation": "Khởi nghiệp Biển Xanh", "meal": "Chay"}
    assert registration.language == "en"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["mai@example.com"]
    assert link_in(mailoutbox[0], "/events/r/").endswith(f"/en/events/r/{registration.token}/")

    page = text(client.get(response["Location"]))
    assert "Check your email" in page
    assert "mai@example.com" in page
    # The manage link goes by email only: the page does not show it.
    assert registration.token not in client.get(response["Location"]).content.decode()


def test_the_same_guest_again_gets_the_link_again_not_a_second_registration(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    form = {"name": "Mai", "email": "mai@example.com"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page_url(event), form)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page_url(event), {**form, "email": "MAI@example.com"})
    assert response.status_code == 302
    assert Registration.objects.count() == 1
    assert len(mailoutbox) == 2
    token = Registration.objects.get().token
    assert all(token in message.body for message in mailoutbox)


def test_a_signed_in_person_registers_in_one_click(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    user = UserFactory(full_name="Lê Văn Hùng")
    client.force_login(user)
    page = client.get(page_url(event)).content.decode()
    assert 'name="email"' not in page and 'name="name"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page_url(event), {})
    registration = Registration.objects.get()
    assert (registration.status, registration.user, registration.email) == (
        "confirmed",
        user,
        user.email,
    )
    assert response.status_code == 302
    assert response["Location"] == registration.get_absolute_url()
    followed = client.get(response["Location"])
    assert "your seat is confirmed" in text(followed)
    assert len(mailoutbox) == 1 and mailoutbox[0].attachments

    # Back on the event's page: their registration, not the form.
    again = client.get(page_url(event))
    assert "You are registered for this event." in text(again)
    assert registration.token in again.content.decode()
    assert client.post(page_url(event), {}).status_code == 302
    assert Registration.objects.count() == 1


def test_when_the_event_is_full_people_join_the_waitlist_with_their_place(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, status="confirmed")
    event.confirmed_count = 1
    event.save()
    first, second = UserFactory(), UserFactory()
    for person in (first, second):
        client.force_login(person)
        page = client.get(page_url(event))
        assert "Join the waitlist" in text(page)
        response = client.post(page_url(event), {}, follow=True)
        assert "you are on the waitlist" in text(response)

    registration = Registration.objects.get(user=second)
    assert registration.status == "waitlisted"
    assert "You are number 2 on the waitlist." in text(client.get(manage_url(registration)))
    assert "Leave the waitlist" in text(client.get(manage_url(registration)))


def test_a_full_event_without_a_waitlist_says_so(client):
    event = EventFactory(capacity=1, waitlist_enabled=False, confirmed_count=1)
    RegistrationFactory(event=event)
    response = client.get(page_url(event))
    assert "This event is full." in text(response)
    assert 'name="email"' not in response.content.decode()
    # A form sent anyway (an old tab) is refused by the service, with its reason.
    response = client.post(page_url(event), {"name": "An", "email": "an@example.com"})
    assert "This event is full." in text(response)
    assert Registration.objects.count() == 1


def test_registration_after_it_closes_is_refused_and_nothing_is_stored(client):
    event = EventFactory(registration_closes_at=timezone.now() - timedelta(hours=1))
    page = client.get(page_url(event))
    assert "Registration for this event is closed." in text(page)
    response = client.post(page_url(event), {"name": "An", "email": "an@example.com"})
    assert response.status_code == 200
    assert "Registration for this event is closed." in text(response)
    assert not Registration.objects.exists()


def test_registration_before_it_opens_says_when_it_will(client):
    opens = timezone.now() + timedelta(days=2)
    event = EventFactory(registration_opens_at=opens)
    response = client.get(page_url(event))
    assert "Registration opens on" in text(response)
    client.post(page_url(event), {"name": "An", "email": "an@example.com"})
    assert not Registration.objects.exists()


def test_registration_for_a_cancelled_event_is_refused(client):
    event = EventFactory(status=Event.Status.CANCELLED)
    client.force_login(UserFactory())
    response = client.post(page_url(event), {})
    assert "This event has been cancelled." in text(response)
    assert not Registration.objects.exists()


def test_an_email_of_300_characters_gets_a_clear_message_and_nothing_is_stored(client):
    event = EventFactory()
    email = "a" * 288 + "@example.com"
    assert len(email) == 300
    response = client.post(page_url(event), {"name": "An", "email": email})
    assert response.status_code == 200
    assert "This email address is too long" in text(response)
    assert not Registration.objects.exists()


def test_a_required_question_must_be_answered_and_choices_must_be_offered_ones(client):
    event = EventFactory(questions=QUESTIONS)
    page = text(client.get(page_url(event)))
    assert "Your organisation" in page and "Lunch" in page
    response = client.post(
        page_url(event),
        {"name": "An", "email": "an@example.com", "answer_meal": "Cá"},
    )
    assert "This field is required." in text(response)
    assert "Select a valid choice." in text(response)
    assert not Registration.objects.exists()


def test_a_busy_event_asks_to_try_again(client, monkeypatch):
    def busy(**kwargs):
        raise services.EventBusy("Many people are registering right now. Please try again.")

    monkeypatch.setattr(services, "registration_create", busy)
    event = EventFactory()
    response = client.post(page_url(event), {"name": "An", "email": "an@example.com"})
    assert response.status_code == 503
    assert "Please try again" in text(response)


def test_a_guest_confirms_from_the_manage_page(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    registration, _created = services.registration_create(
        event=event, name="Mai", email="mai@example.com"
    )
    page = client.get(manage_url(registration))
    assert page.status_code == 200
    assert "Confirm my registration" in text(page)
    assert "no-store" in page["Cache-Control"]
    # Opening the link (as mail scanners do) confirms nothing.
    assert client.get(f"/en/events/r/{registration.token}/confirm/").status_code == 405
    registration.refresh_from_db()
    assert registration.status == "pending"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/r/{registration.token}/confirm/", follow=True)
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert "your seat is confirmed" in text(response)
    assert "Check-in code" in text(response)
    assert 'src="data:image/svg+xml;base64,' in response.content.decode()
    assert len(mailoutbox) == 1


def test_cancelling_asks_first_then_frees_the_seat_for_the_waitlist(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seated, _ = services.registration_create(event=event, user=UserFactory())
    waiting, _ = services.registration_create(event=event, user=UserFactory())
    assert waiting.status == "waitlisted"

    confirm_page = client.get(f"/en/events/r/{seated.token}/cancel/")
    assert "Cancel your registration?" in text(confirm_page)
    seated.refresh_from_db()
    assert seated.status == "confirmed"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/r/{seated.token}/cancel/", follow=True)
    assert "Your registration is cancelled." in text(response)
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, waiting.status) == ("cancelled", "confirmed")
    assert [message.to for message in mailoutbox] == [[waiting.email]]
    # Nothing left to cancel.
    assert "Cancel my registration" not in text(client.get(manage_url(seated)))


def test_leaving_the_waitlist(client):
    event = EventFactory(capacity=1)
    services.registration_create(event=event, user=UserFactory())
    waiting, _ = services.registration_create(event=event, user=UserFactory())
    page = client.get(f"/en/events/r/{waiting.token}/cancel/")
    assert "Leave the waitlist?" in text(page)
    response = client.post(f"/en/events/r/{waiting.token}/cancel/", follow=True)
    assert "You have left the waitlist." in text(response)
    waiting.refresh_from_db()
    assert waiting.status == "cancelled"


def test_the_waitlist_place_follows_arrival_order(client):
    event = EventFactory(capacity=0)
    start = timezone.now()
    people = [
        RegistrationFactory(
            event=event, status="waitlisted", queued_at=start + timedelta(seconds=n)
        )
        for n in (3, 1, 2)
    ]
    places = [
        re.search(r"You are number (\d+)", text(client.get(manage_url(r)))).group(1) for r in people
    ]
    assert places == ["3", "1", "2"]


def test_a_forged_token_is_not_found(client):
    RegistrationFactory()
    for path in ("", "confirm/", "cancel/"):
        assert client.get(f"/en/events/r/forged-token/{path}").status_code in (404, 405)
        assert client.post(f"/en/events/r/forged-token/{path}").status_code == 404


def test_a_past_event_cannot_be_cancelled_any_more(client):
    starts_at = timezone.now() - timedelta(days=2)
    event = EventFactory(starts_at=starts_at, ends_at=starts_at + timedelta(hours=2))
    registration = RegistrationFactory(event=event, status="confirmed")
    assert "Cancel my registration" not in text(client.get(manage_url(registration)))
    client.post(f"/en/events/r/{registration.token}/cancel/")
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_check_in_code_holds_the_check_in_link_of_the_registration(client):
    registration = RegistrationFactory(status="confirmed")
    url = check_in_url(registration)
    path = reverse("events:check_in_qr", kwargs={"token": registration.token})
    assert url == calendar.absolute(path)
    page = client.get(manage_url(registration)).content.decode()
    src = re.search(r'<img class="qr-code" src="([^"]+)"', page).group(1)
    svg = base64.b64decode(src.removeprefix("data:image/svg+xml;base64,"))
    expected = qrcode.make(
        url, image_factory=qrcode.image.svg.SvgPathFillImage, border=2
    ).to_string()
    assert svg == expected

"""Check-in at the door, on the public site: coordinators find people by name
or email (accents optional) or open their QR code, and check them in with one
tap; twice is harmless; people without a seat are refused with a message;
nobody else sees who is coming."""

import html
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def check_in_address(event, language="en"):
    with translation.override(language):
        return reverse("events:check_in", kwargs={"slug": event.slug})


def code_address(registration, language="en"):
    with translation.override(language):
        return reverse("events:check_in_qr", kwargs={"token": registration.token})


def manage_address(registration, language="en"):
    with translation.override(language):
        return reverse("events:manage", kwargs={"token": registration.token})


@pytest.fixture
def coordinator_client(client):
    client.force_login(UserFactory(groups=["Coordinators"], preferred_language="en"))
    return client


@pytest.fixture
def door():
    """A workshop with people in every state."""
    event = EventFactory(title="Hội thảo gọi vốn", title_en="Fundraising workshop", capacity=10)
    people = {
        "an": RegistrationFactory(event=event, name="Nguyễn Văn An", email="an.nguyen@example.com"),
        "binh": RegistrationFactory(event=event, name="Trần Thị Bình", email="binh@example.com"),
        "dung": RegistrationFactory(
            event=event,
            name="Nguyễn Thị Dung",
            email="dung@example.com",
            status="attended",
            attended_at=timezone.now() - timedelta(minutes=10),
        ),
        "cuong": RegistrationFactory(
            event=event, name="Nguyễn Cường", email="cuong@example.com", status="waitlisted"
        ),
        "hoa": RegistrationFactory(
            event=event, name="Nguyễn Hoa", email="hoa@example.com", status="pending"
        ),
        "khanh": RegistrationFactory(
            event=event, name="Nguyễn Khánh", email="khanh@example.com", status="cancelled"
        ),
    }
    return {"event": event, **people}


def people_listed(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.get_text(strip=True) for item in soup.select(".checkin-person__name")]


def shown_messages(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [html.unescape(item.get_text(" ", strip=True)) for item in soup.select(".message")]


def counts_text(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.select_one(".checkin-count").get_text(" ", strip=True).split())


def test_people_who_are_not_signed_in_are_asked_to_sign_in(client, door):
    response = client.get(check_in_address(door["event"]))
    assert response.status_code == 302 and "/login/" in response.url
    assert (
        client.post(check_in_address(door["event"]), {"registration": door["an"].pk}).status_code
        == 302
    )
    door["an"].refresh_from_db()
    assert door["an"].status == "confirmed"


@pytest.mark.parametrize("groups", [[], ["Editors"], ["Council members"]])
def test_other_signed_in_people_find_nothing_there(client, door, groups):
    client.force_login(UserFactory(groups=groups))
    assert client.get(check_in_address(door["event"])).status_code == 404
    response = client.post(check_in_address(door["event"]), {"registration": door["an"].pk})
    assert response.status_code == 404
    door["an"].refresh_from_db()
    assert door["an"].status == "confirmed"


def test_anyone_else_scanning_a_code_lands_on_the_persons_own_page(client, door):
    an = door["an"]
    response = client.get(code_address(an))
    assert response.status_code == 302 and response.url == manage_address(an)
    client.force_login(UserFactory())
    assert client.post(code_address(an)).url == manage_address(an)
    an.refresh_from_db()
    assert an.status == "confirmed"


def test_the_page_lists_everyone_with_a_seat_and_the_count(coordinator_client, door):
    response = coordinator_client.get(check_in_address(door["event"]))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert people_listed(response) == ["Nguyễn Thị Dung", "Nguyễn Văn An", "Trần Thị Bình"]
    assert counts_text(response) == "1 of 3 people with a seat checked in"
    assert "Fundraising workshop" in response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("nguyen van", ["Nguyễn Văn An"]),
        ("NGUYỄN", ["Nguyễn Thị Dung", "Nguyễn Văn An"]),
        ("an.nguyen@", ["Nguyễn Văn An"]),
        ("tran binh", ["Trần Thị Bình"]),
        ("cuong", []),
        ("khanh", []),
        ("  ", ["Nguyễn Thị Dung", "Nguyễn Văn An", "Trần Thị Bình"]),
    ],
)
def test_search_finds_people_with_a_seat_without_accents(coordinator_client, door, query, expected):
    response = coordinator_client.get(check_in_address(door["event"]), {"q": query})
    assert people_listed(response) == expected


def test_one_tap_checks_someone_in_and_a_second_changes_nothing(coordinator_client, door):
    an, address = door["an"], check_in_address(door["event"])
    response = coordinator_client.post(
        address, {"registration": an.pk, "q": "nguyen van"}, follow=True
    )
    assert response.redirect_chain == [(f"{address}?q=nguyen+van", 302)]
    assert shown_messages(response) == ["Nguyễn Văn An is checked in."]
    assert counts_text(response) == "2 of 3 people with a seat checked in"
    soup = BeautifulSoup(response.content, "html.parser")
    row = soup.select_one(".checkin-person--done")
    assert "Nguyễn Văn An" in row.get_text() and "Checked in" in row.get_text()
    assert row.find("button") is None
    an.refresh_from_db()
    assert an.status == "attended"
    first_time = an.attended_at

    again = coordinator_client.post(address, {"registration": an.pk}, follow=True)
    local = timezone.localtime(first_time).strftime("%H:%M")
    assert shown_messages(again) == [
        f"Nguyễn Văn An was already checked in at {local}; nothing changed."
    ]
    an.refresh_from_db()
    assert an.attended_at == first_time
    assert counts_text(again) == "2 of 3 people with a seat checked in"


def test_people_without_a_seat_are_refused_with_a_message(coordinator_client, door):
    address = check_in_address(door["event"])
    for key, status in (("cuong", "on the waitlist"), ("hoa", "waiting for email confirmation")):
        response = coordinator_client.post(address, {"registration": door[key].pk}, follow=True)
        assert shown_messages(response) == [f"{door[key].name} has no confirmed seat ({status})."]
        door[key].refresh_from_db()
        assert door[key].attended_at is None


@pytest.mark.parametrize("registration", ["", "abc", "99999", "-1", "1 OR 1=1"])
def test_a_forged_person_gets_a_message_not_an_error(coordinator_client, door, registration):
    response = coordinator_client.post(
        check_in_address(door["event"]), {"registration": registration}, follow=True
    )
    assert response.status_code == 200
    assert shown_messages(response) == ["This person is not registered for this event."]


def test_someone_registered_for_another_event_is_not_checked_in_here(coordinator_client, door):
    stranger = RegistrationFactory(name="Võ Văn Tám")
    response = coordinator_client.post(
        check_in_address(door["event"]), {"registration": stranger.pk}, follow=True
    )
    assert shown_messages(response) == ["This person is not registered for this event."]
    stranger.refresh_from_db()
    assert stranger.status == "confirmed"


def test_bad_addresses_and_searches_are_handled(coordinator_client, door):
    assert coordinator_client.get("/en/events/khong-co/check-in/").status_code == 404
    assert coordinator_client.get("/en/events/r/forged-token/check-in/").status_code == 404
    response = coordinator_client.get(check_in_address(door["event"]), {"q": "x" * 300})
    assert response.status_code == 200
    assert coordinator_client.put(check_in_address(door["event"])).status_code == 405


def test_a_post_without_the_csrf_token_is_refused(door):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(UserFactory(groups=["Coordinators"]))
    response = strict.post(check_in_address(door["event"]), {"registration": door["an"].pk})
    assert response.status_code == 403
    door["an"].refresh_from_db()
    assert door["an"].status == "confirmed"


def test_nobody_is_checked_in_for_a_cancelled_event(coordinator_client, door):
    event = door["event"]
    event.status = "cancelled"
    event.save()
    page = coordinator_client.get(check_in_address(event))
    assert "This event has been cancelled; nobody can be checked in." in shown_messages(page)
    assert BeautifulSoup(page.content, "html.parser").select("button.checkin-person__button") == []
    response = coordinator_client.post(
        check_in_address(event), {"registration": door["an"].pk}, follow=True
    )
    assert "This event has been cancelled; nobody can be checked in." in shown_messages(response)
    door["an"].refresh_from_db()
    assert door["an"].status == "confirmed"


def test_the_qr_code_shows_the_person_and_checks_them_in(coordinator_client, door):
    an = door["an"]
    page = coordinator_client.get(code_address(an))
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one(".checkin-card__name").get_text(strip=True) == "Nguyễn Văn An"
    assert soup.select_one("[data-status]")["data-status"] == "confirmed"
    form = soup.select_one("form.checkin-person__form")
    assert form["action"] == code_address(an) and form.find("button")
    response = coordinator_client.post(code_address(an), follow=True)
    assert response.redirect_chain == [(code_address(an), 302)]
    assert shown_messages(response) == ["Nguyễn Văn An is checked in."]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("[data-status]")["data-status"] == "attended"
    assert soup.select("form.checkin-person__form") == []
    again = coordinator_client.post(code_address(an), follow=True)
    assert "already checked in" in shown_messages(again)[0]


def test_the_qr_code_of_someone_on_the_waitlist_says_so(coordinator_client, door):
    cuong = door["cuong"]
    page = coordinator_client.get(code_address(cuong))
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select("form.checkin-person__form") == []
    assert "has no confirmed seat" in page.content.decode()
    response = coordinator_client.post(code_address(cuong), follow=True)
    assert shown_messages(response) == ["Nguyễn Cường has no confirmed seat (on the waitlist)."]
    cuong.refresh_from_db()
    assert cuong.status == "waitlisted"


def test_the_pages_speak_vietnamese_without_the_prefix(coordinator_client, door):
    response = coordinator_client.get(check_in_address(door["event"], language="vi"))
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()
    assert "Hội thảo gọi vốn" in response.content.decode()


def test_the_page_takes_the_same_queries_for_5_or_50_people(coordinator_client):
    event = EventFactory(capacity=None)
    RegistrationFactory.create_batch(5, event=event)
    address = check_in_address(event)
    coordinator_client.get(address)
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(address, {"q": "example"})
    RegistrationFactory.create_batch(45, event=event)
    with CaptureQueriesContext(connection) as many:
        coordinator_client.get(address, {"q": "example"})
    assert len(many) == len(few)

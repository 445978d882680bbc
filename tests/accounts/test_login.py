from unittest import mock

import pytest
from allauth.core.internal import ratelimit

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = "/account/login/"


def login(client, email, password):
    return client.post(LOGIN_URL, {"login": email, "password": password})


def test_login_with_email_and_password(client, user):
    response = login(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert client.get("/account/").context["user"] == user


def test_login_lands_in_the_persons_preferred_language(client, user_factory):
    english_speaker = user_factory(preferred_language="en")
    response = login(client, english_speaker.email, PASSWORD)
    assert response["Location"] == "/en/account/"


def test_login_keeps_the_page_the_person_asked_for(client, user):
    response = client.post(LOGIN_URL + "?next=/admin/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/admin/"


def test_login_is_case_insensitive_for_the_email(client, user):
    response = login(client, user.email.upper(), PASSWORD)
    assert response.status_code == 302


def test_wrong_password_gets_a_message_not_a_crash(client, user):
    response = login(client, user.email, "sai-mat-khau")
    assert response.status_code == 200
    assert "không đúng" in response.content.decode()


def test_repeated_failed_logins_are_rate_limited_and_the_owner_gets_in_later(client, user):
    for _ in range(5):
        assert login(client, user.email, "sai-mat-khau").status_code == 200

    # Even the right password is refused while the limit holds.
    blocked = login(client, user.email, PASSWORD)
    assert blocked.status_code in {200, 429}
    assert "_auth_user_id" not in client.session
    assert "quá nhiều" in blocked.content.decode().lower()

    # Five minutes on, the real owner signs in.
    later = ratelimit.time.time() + 5 * 60 + 1
    with mock.patch.object(ratelimit.time, "time", return_value=later):
        response = login(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_admin_login_goes_through_the_portal_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/admin/"


def test_admin_accepts_a_coordinator(client, user_factory):
    coordinator = user_factory(groups=["Coordinators"])
    response = login(client, coordinator.email, PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_admin_turns_away_a_signed_in_member_without_admin_rights(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_logout_signs_out_and_returns_home_in_the_same_language(client, user):
    client.force_login(user)
    page = client.get("/en/account/").content.decode()
    assert '<input type="hidden" name="next" value="/en/">' in page
    response = client.post("/en/account/logout/", {"next": "/en/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "_auth_user_id" not in client.session


def test_logout_refuses_to_send_people_to_another_site(client, user):
    client.force_login(user)
    response = client.post("/account/logout/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"

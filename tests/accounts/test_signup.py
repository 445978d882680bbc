import re

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/account/signup/"


def signup(client, email, url=SIGNUP_URL, full_name="Nguyễn Thị Mai"):
    return client.post(
        url,
        {
            "full_name": full_name,
            "email": email,
            "password1": "Cà-phê-sữa-đá-2026",
            "password2": "Cà-phê-sữa-đá-2026",
        },
        follow=True,
    )


def visible_text(response):
    html = response.content.decode()
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    # The CSRF token differs on every page; nothing else may.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)


def test_signup_creates_an_unverified_account_and_sends_a_verification_email(client, mailoutbox):
    response = signup(client, "mai@example.com")

    assert response.status_code == 200
    user = User.objects.get(email="mai@example.com")
    assert user.full_name == "Nguyễn Thị Mai"
    assert user.preferred_language == "vi"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["mai@example.com"]
    assert "/account/confirm-email/" in mailoutbox[0].body
    # Signed up in Vietnamese, so the email is in Vietnamese.
    assert "Xác nhận" in mailoutbox[0].subject or "xác nhận" in mailoutbox[0].body


def test_signup_in_english_sets_english_as_preferred_language(client, mailoutbox):
    signup(client, "jane@example.com", url="/en/account/signup/", full_name="Jane Doe")
    assert User.objects.get(email="jane@example.com").preferred_language == "en"
    assert "Confirm" in mailoutbox[0].subject or "confirm" in mailoutbox[0].body


def test_signup_with_a_registered_email_looks_the_same_as_a_new_one(
    client, user_factory, mailoutbox
):
    user_factory(email="taken@example.com")

    new = signup(client, "fresh@example.com")
    client.logout()
    known = signup(client, "taken@example.com")

    assert known.status_code == new.status_code == 200
    assert known.redirect_chain == new.redirect_chain
    expected = visible_text(new).replace("fresh@example.com", "taken@example.com")
    assert visible_text(known) == expected
    assert User.objects.filter(email__iexact="taken@example.com").count() == 1
    # The owner of the address learns someone tried; nobody else does.
    assert [m.to for m in mailoutbox] == [["fresh@example.com"], ["taken@example.com"]]


def test_signup_with_the_same_email_in_other_case_does_not_create_a_second_account(
    client, user_factory
):
    user_factory(email="case@example.com")
    signup(client, "CASE@Example.com")
    assert User.objects.filter(email__iexact="case@example.com").count() == 1


def test_signup_asks_for_the_name_first(client):
    html = client.get(SIGNUP_URL).content.decode()
    fields = [html.index(f'for="id_{name}"') for name in ("full_name", "email", "password1")]
    assert fields == sorted(fields)


def test_signup_with_mismatched_passwords_keeps_the_other_fields(client):
    response = client.post(
        SIGNUP_URL,
        {
            "full_name": "Trần Văn Bình",
            "email": "binh@example.com",
            "password1": "Cà-phê-sữa-đá-2026",
            "password2": "something-else-2026",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Trần Văn Bình"' in html
    assert 'value="binh@example.com"' in html
    assert 'aria-invalid="true"' in html
    assert not User.objects.filter(email="binh@example.com").exists()


def test_unverified_account_cannot_sign_in_until_confirmed(client, user_factory, mailoutbox):
    user = user_factory(email="wait@example.com", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    response = client.post(
        "/account/login/", {"login": user.email, "password": "Mật-khẩu-thử-2026"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/account/confirm-email/")
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1

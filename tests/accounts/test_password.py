import re

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Bánh-mì-Phú-Quốc-2026"


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/account/password/reset/key/\S+/)", message.body).group(1)


def test_password_reset_end_to_end(client, user, mailoutbox):
    response = client.post("/account/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1

    link = reset_link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302

    assert (
        client.post("/account/login/", {"login": user.email, "password": PASSWORD}).status_code
        == 200
    )
    assert (
        client.post("/account/login/", {"login": user.email, "password": NEW_PASSWORD}).status_code
        == 302
    )


def test_password_reset_for_an_unknown_email_answers_the_same(client, user, mailoutbox):
    known = client.post("/account/password/reset/", {"email": user.email}, follow=True)
    unknown = client.post("/account/password/reset/", {"email": "nobody@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    # The page says nothing; the unknown address itself is told it has no account.
    assert [m.to for m in mailoutbox] == [[user.email], ["nobody@example.com"]]


def test_password_change(client, user):
    client.force_login(user)
    response = client.post(
        "/account/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_change_with_wrong_current_password_is_refused(client, user):
    client.force_login(user)
    response = client.post(
        "/account/password/change/",
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

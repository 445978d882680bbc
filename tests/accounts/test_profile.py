import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_account_page_needs_a_signed_in_person(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/account/"


def test_account_page_shows_the_profile(client, user):
    client.force_login(user)
    html = client.get("/account/").content.decode()
    assert user.email in html
    assert user.full_name in html
    assert "Tài khoản của tôi" in html


def test_saving_the_profile_in_english_moves_to_the_english_site(client, user):
    client.force_login(user)
    response = client.post(
        "/account/", {"full_name": "  Lê Văn Tâm ", "preferred_language": "en"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/en/account/"
    assert "Your profile has been saved." in response.content.decode()
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Lê Văn Tâm", "en")


def test_profile_with_an_empty_name_and_bad_language_is_refused_and_kept(client, user):
    client.force_login(user)
    response = client.post("/account/", {"full_name": "Tên mới", "preferred_language": "xx"})
    assert response.status_code == 200
    assert 'value="Tên mới"' in response.content.decode()
    user.refresh_from_db()
    assert user.preferred_language == "vi"


def test_two_factor_authentication_can_be_turned_on(client, user_factory):
    staff = user_factory(is_staff=True)
    client.post("/account/login/", {"login": staff.email, "password": PASSWORD})
    # Changing sign-in security asks for the password again first.
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/reauthenticate/")
    client.post(response["Location"], {"password": PASSWORD})
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="data:image/svg+xml' in html
    assert 'name="code"' in html


def test_council_members_find_their_reviews_from_the_account_page(client, user_factory):
    member = user_factory(groups=["Council members"])
    client.force_login(member)
    assert 'href="/review/"' in client.get("/account/").content.decode()


def test_people_outside_the_council_see_no_reviews_section(client, user):
    client.force_login(user)
    assert 'href="/review/"' not in client.get("/account/").content.decode()

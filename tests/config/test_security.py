"""Bad input from outside gets a clear 4xx, and every public response carries the
security headers."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_post_without_csrf_token_is_forbidden():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/account/login/", {"login": "someone@example.com", "password": "whatever"}
    )
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()


def test_unknown_host_is_bad_request(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_too_many_form_fields_is_bad_request(client):
    fields = {f"field{i}": "x" for i in range(2000)}
    response = client.post("/account/login/", fields)
    assert response.status_code == 400


def test_public_pages_forbid_inline_scripts_and_foreign_hosts(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "http" not in policy  # no other host is allowed for anything
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_admin_gets_the_looser_policy_wagtail_needs(client, user_factory):
    admin = user_factory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_https_responses_carry_hsts(client):
    response = client.get("/", secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_session_and_csrf_cookies_are_secure(client, user):
    response = client.post(
        "/account/login/", {"login": user.email, "password": "Mật-khẩu-thử-2026"}
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["secure"]
    assert response.cookies["sessionid"]["httponly"]

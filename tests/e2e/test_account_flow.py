"""A person signs up, confirms their email, signs in, switches to English and
signs out; someone who forgot their password resets it."""

import re

import pytest

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_PASSWORD = "Bánh-mì-Phú-Quốc-2026"


def link_in(message, path_fragment):
    match = re.search(r"https?://\S+" + re.escape(path_fragment) + r"\S*", message.body)
    assert match, message.body
    return match.group(0)


def test_sign_up_confirm_sign_in_change_language_sign_out(live_server, page, mailoutbox):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Đăng ký").first.click()

    page.get_by_label("Họ và tên").fill("Huỳnh Ngọc Trâm")
    page.get_by_label("Email").fill("tram@example.com")
    page.get_by_role("textbox", name="Mật khẩu", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Mật khẩu (nhập lại)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đăng ký").click()
    page.wait_for_url("**/account/confirm-email/")
    assert "xác nhận" in page.locator("main").inner_text().lower()

    assert len(mailoutbox) == 1
    page.goto(link_in(mailoutbox[0], "/account/confirm-email/"))
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url("**/account/login/")

    page.get_by_label("Email").fill("tram@example.com")
    page.get_by_label("Mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/account/")
    assert page.get_by_role("heading", name="Tài khoản của tôi").is_visible()
    assert "tram@example.com" in page.locator("main").inner_text()

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/account/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="My account").is_visible()

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r".*/en/$"))
    account_menu = page.get_by_role("navigation", name="Your account")
    assert account_menu.get_by_role("link", name="Sign in").is_visible()
    assert page.js_errors == []


def test_password_reset_end_to_end(live_server, page, mailoutbox):
    user = UserFactory(email="quen@example.com")

    page.goto(live_server.url + "/account/login/")
    page.get_by_role("link", name=re.compile("Quên mật khẩu")).click()
    page.get_by_label("Email").fill(user.email)
    page.get_by_role("button", name=re.compile("Đặt lại mật khẩu")).click()
    assert len(mailoutbox) == 1

    page.goto(link_in(mailoutbox[0], "/account/password/reset/key/"))
    page.get_by_role("textbox", name="Mật khẩu mới", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Mật khẩu mới (nhập lại)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    assert "đã được thay đổi" in page.locator("main").inner_text()

    page.goto(live_server.url + "/account/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    assert "không đúng" in page.locator("main").inner_text()

    page.get_by_label("Mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/account/")

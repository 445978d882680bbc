import pytest

from .accessibility import serious_violations
from .conftest import DESKTOP, PHONE

PAGES = ["/", "/en/", "/account/login/", "/en/account/login/", "/account/signup/"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(live_server, new_page, path, viewport):
    page = new_page(viewport=viewport)
    response = page.goto(live_server.url + path)
    assert response.status == 200
    assert serious_violations(page) == []
    # Nothing is wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.js_errors == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_form_errors_are_announced_and_tied_to_their_fields(live_server, page):
    page.goto(live_server.url + "/account/signup/")
    page.get_by_role("button", name="Đăng ký").click()
    assert page.get_by_role("alert").first.is_visible()
    email = page.get_by_label("Email")
    assert email.get_attribute("aria-invalid") == "true"
    assert serious_violations(page) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_skip_link_moves_focus_to_the_main_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Chuyển đến nội dung chính")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"

"""The self-service pages in a real browser: axe-core finds no serious or
critical problems on the registration form (before and after a failed submit)
and on the members page, on a phone and on a desktop."""

import re

import pytest
from django.conf import settings
from django.test import Client

from ecosystem.models import Membership
from tests.e2e.accessibility import serious_violations
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import StartupFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])


def signed_in_page(new_page, live_server, user, viewport):
    client = Client()
    client.force_login(user)
    page = new_page(viewport=viewport)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def assert_no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@VIEWPORTS
def test_the_registration_form_is_accessible_before_and_after_errors(
    live_server, new_page, viewport
):
    page = signed_in_page(new_page, live_server, UserFactory(), viewport)
    page.goto(live_server.url + "/en/account/organisations/register/startup/")
    assert page.get_by_role("heading", name="Register your startup").is_visible()
    assert serious_violations(page) == []
    assert_no_horizontal_scroll(page)

    page.get_by_label("Name").fill("Sen Xanh Đồng Tháp")
    page.get_by_role("button", name="Submit for verification").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").first.is_visible()
    tagline = page.get_by_role("textbox", name="Tagline")
    assert tagline.get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Name").input_value() == "Sen Xanh Đồng Tháp"
    assert serious_violations(page) == []
    assert_no_horizontal_scroll(page)
    assert page.js_errors == []


@VIEWPORTS
def test_the_members_page_is_accessible(live_server, new_page, viewport):
    owner = UserFactory(full_name="Nguyễn Văn An")
    startup = StartupFactory(owner=owner, name="Tôm Sạch Hà Tiên")
    Membership.objects.create(
        organisation=startup, user=UserFactory(full_name="Lê Thị Hoa"), role="member"
    )
    page = signed_in_page(new_page, live_server, owner, viewport)
    page.goto(live_server.url + f"/en/account/organisations/{startup.pk}/members/")
    page.get_by_label("Email address").fill("moi@example.com")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_load_state()
    assert "Invitation sent to moi@example.com" in page.locator("main").inner_text()
    invitations = page.get_by_role("region", name="Invitations waiting for an answer")
    assert invitations.get_by_text("moi@example.com", exact=True).is_visible()
    assert page.get_by_role("link", name=re.compile("Make owner.*Lê Thị Hoa")).is_visible()
    assert serious_violations(page) == []
    assert_no_horizontal_scroll(page)
    assert page.js_errors == []

"""The calls page and a call's page in a real browser: axe-core finds no serious
or critical problems, on a phone and on a desktop, for a founder who sees an
Apply button; nothing scrolls sideways; the filters work without JavaScript."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from cms.demo import seed_call_pages
from ecosystem.models import Stage
from tests.factories import CallFactory, ProgrammeFactory, StartupFactory, UserFactory

from .accessibility import serious_violations
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])


def seed_calls():
    now = timezone.now()
    founder = UserFactory()
    StartupFactory(name="Tôm Sạch Hà Tiên", owner=founder)
    StartupFactory(name="Rong Nho Sấy Kiên Giang", status="pending", owner=founder)
    open_call = CallFactory(
        title="Hỗ trợ thương mại hóa sản phẩm khởi nghiệp năm 2026",
        title_en="Support for bringing startup products to market 2026",
        programme=ProgrammeFactory(name_en="Commercialisation support", kind="grant"),
        closes_at=now + timedelta(days=3),
        required_documents_en="Business plan\nLatest financial statement",
    )
    upcoming = CallFactory(
        title_en="Technology transfer matching 2027",
        programme=ProgrammeFactory(kind="technology_transfer"),
        opens_at=now + timedelta(days=12),
        closes_at=now + timedelta(days=70),
        accepts_research_groups=True,
    )
    upcoming.eligible_stages.set([Stage.objects.get(slug="tang-truong")])
    CallFactory(
        title_en="Incubation, round 1",
        opens_at=now - timedelta(days=90),
        closes_at=now - timedelta(days=30),
    )
    seed_call_pages(lambda line: None)
    return founder, open_call


def signed_in_page(new_page, live_server, user, viewport):
    client = Client()
    client.force_login(user)
    page = new_page(viewport=viewport, locale="en-GB")
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


def assert_reads_well(page, viewport):
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.js_errors == []


@VIEWPORTS
def test_the_calls_page_is_accessible(live_server, new_page, viewport):
    founder, _ = seed_calls()
    page = signed_in_page(new_page, live_server, founder, viewport)

    page.goto(live_server.url + "/en/calls/")

    assert page.get_by_role("heading", name="3 calls").is_visible()
    assert page.locator(".call-card .badge").all_inner_texts() == [
        "Closing in 3 days",
        "Upcoming",
        "Closed",
    ]
    assert_reads_well(page, viewport)


@VIEWPORTS
def test_a_call_page_with_an_apply_button_is_accessible(live_server, new_page, viewport):
    founder, open_call = seed_calls()
    page = signed_in_page(new_page, live_server, founder, viewport)

    page.goto(live_server.url + f"/en/calls/{open_call.slug}/")

    apply = page.get_by_role("link", name="Apply as Tôm Sạch Hà Tiên")
    assert apply.is_visible()
    assert page.get_by_text("Rong Nho Sấy Kiên Giang cannot apply to this call:").is_visible()
    assert_reads_well(page, viewport)


@VIEWPORTS
def test_a_call_page_for_a_visitor_is_accessible(live_server, new_page, viewport):
    _, open_call = seed_calls()
    page = new_page(viewport=viewport)

    page.goto(live_server.url + f"/calls/{open_call.slug}/")

    assert page.locator(".call-apply a.button").is_visible()
    assert_reads_well(page, viewport)


def test_filtering_calls_through_the_form(live_server, new_page):
    seed_calls()
    page = new_page(viewport=PHONE)
    page.goto(live_server.url + "/en/calls/")

    page.get_by_label("State").select_option(label="Upcoming")
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**/en/calls/?*state=upcoming*")
    assert page.locator(".call-card__title").all_inner_texts() == [
        "Technology transfer matching 2027"
    ]

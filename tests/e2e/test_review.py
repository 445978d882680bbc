"""The council's review pages in a real browser: axe-core finds no serious or
critical problems on /review/, on the declaration step and on the review form
(before and after a failed submit), on a phone and on a desktop, and nothing
is wider than the screen."""

import pytest
from django.conf import settings
from django.test import Client

from ecosystem.models import Review
from tests.e2e.accessibility import serious_violations
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import ApplicationFactory, ReviewFactory, UserFactory

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


def assert_fits_and_is_accessible(page):
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.js_errors == []


@VIEWPORTS
def test_a_reviewer_declares_then_scores_with_accessible_pages(live_server, new_page, viewport):
    reviewer = UserFactory(groups=["Council members"], full_name="TS. Nguyễn Văn Bình")
    application = ApplicationFactory(
        status="in_review",
        answers={"product-name": "Rong nho sấy lạnh", "plan": "Mua máy sấy.", "team-size": 4},
    )
    review = ReviewFactory(application=application, reviewer=reviewer)
    ReviewFactory(application=ApplicationFactory(status="in_review"), reviewer=reviewer)
    page = signed_in_page(new_page, live_server, reviewer, viewport)

    page.goto(live_server.url + "/en/review/")
    assert page.get_by_role("heading", name="My reviews").is_visible()
    assert_fits_and_is_accessible(page)

    page.get_by_role("link", name=application.organisation.name).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="First, a declaration").is_visible()
    assert "Rong nho sấy lạnh" not in page.locator("main").inner_text()
    assert_fits_and_is_accessible(page)

    page.get_by_role("button", name="I have no conflict of interest").click()
    page.wait_for_load_state()
    assert page.get_by_text("Rong nho sấy lạnh").is_visible()
    assert_fits_and_is_accessible(page)

    # Submitting with a criterion unscored: errors announced and tied to the field.
    scores = page.get_by_role("spinbutton", name="Score (0 to 10)")
    scores.first.fill("8")
    page.get_by_role("button", name="Submit review").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").first.is_visible()
    assert scores.nth(1).get_attribute("aria-invalid") == "true"
    assert scores.first.input_value() == "8"
    assert_fits_and_is_accessible(page)

    scores.nth(1).fill("6")
    page.get_by_label("Comment for the applicant").fill("Cần làm rõ kênh phân phối.")
    page.get_by_role("button", name="Submit review").click()
    page.wait_for_load_state()
    assert "Your review is submitted" in page.locator("main").inner_text()
    assert Review.objects.get(pk=review.pk).status == "submitted"
    assert_fits_and_is_accessible(page)

"""Applying in a real browser: axe-core finds no serious or critical problems
on the application form (empty, and after a failed submit) and on the status
page, on a phone and on a desktop, and nothing scrolls sideways on a phone."""

import re

import pytest
from django.utils import timezone

from ecosystem.models import Application, Decision, InformationRequest
from ecosystem.services.applications import application_transition
from tests.e2e.accessibility import serious_violations
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.test_selfservice import assert_no_horizontal_scroll, signed_in_page
from tests.ecosystem.test_applying import ALL_KINDS
from tests.factories import (
    QUESTIONS,
    ApplicationFactory,
    CallFactory,
    ReviewFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
# Every kind of question: the factory's four (text, long text, number, file)
# and a choice, several choices and a date.
EVERY_KIND = QUESTIONS + ALL_KINDS[1:]


def founder_with_startup():
    founder = UserFactory(full_name="Nguyễn Văn An", preferred_language="en")
    startup = StartupFactory(owner=founder, name="Tôm Sạch Hà Tiên", team_size=7)
    return founder, startup


@VIEWPORTS
def test_the_application_form_is_accessible_before_and_after_a_failed_submit(
    live_server, new_page, viewport
):
    founder, startup = founder_with_startup()
    call = CallFactory(title_en="Incubation 2026", questions=EVERY_KIND)
    application = ApplicationFactory(call=call, organisation=startup, answers={})
    page = signed_in_page(new_page, live_server, founder, viewport)
    page.goto(f"{live_server.url}/en/account/applications/{application.pk}/edit/")
    assert page.get_by_role("heading", name="Application to Incubation 2026").is_visible()
    assert serious_violations(page) == []
    assert_no_horizontal_scroll(page)

    page.get_by_label("How will you use the support?").fill("x" * 1200)
    page.get_by_role("button", name="Submit application").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="problems to correct")
    assert summary.is_visible()
    assert page.get_by_role("textbox", name="Product name").get_attribute("aria-invalid") == "true"
    assert "1200 characters" in page.locator("main").inner_text()
    assert page.get_by_label("How will you use the support?").input_value() == "x" * 1200
    # Each line of the summary leads to its question.
    summary.get_by_role("link", name=re.compile("^Product name")).click()
    assert page.evaluate("document.activeElement.id") == "id_q-product-name"
    assert serious_violations(page) == []
    assert_no_horizontal_scroll(page)
    assert page.js_errors == []


@VIEWPORTS
def test_the_status_page_is_accessible(live_server, new_page, viewport):
    founder, startup = founder_with_startup()
    coordinator = UserFactory(groups=["Coordinators"])
    call = CallFactory(title_en="Incubation 2026", questions=EVERY_KIND)
    application = ApplicationFactory(
        call=call,
        organisation=startup,
        answers={
            "product-name": "Tôm khô sạch",
            "plan": "Mua máy sấy năng lượng mặt trời " * 20,
            "team-size": 7,
            "market": "xuat-khau",
            "channels": ["online", "cho"],
            "launch": "2027-03-15",
        },
    )
    application_transition(application=application, to="submitted", by=founder)
    application_transition(application=application, to="in_review", by=coordinator)
    application_transition(application=application, to="info_requested", by=coordinator)
    InformationRequest.objects.create(
        application=application,
        message="Vui lòng bổ sung kế hoạch.",
        question_keys=["plan"],
        resume_status="in_review",
        reply="Đã bổ sung.",
        replied_at=timezone.now(),
    )
    application_transition(application=application, to="in_review", by=founder)
    ReviewFactory(
        application=application,
        status="submitted",
        declared_at=timezone.now(),
        submitted_at=timezone.now(),
        comment_for_applicant="Thị trường xuất khẩu rõ ràng; cần làm rõ chi phí.",
    )
    application_transition(application=application, to="accepted", by=coordinator)
    Decision.objects.create(
        application=application,
        outcome="accepted",
        award_amount=150_000_000,
        rationale="Phù hợp mục tiêu chương trình.",
    )
    page = signed_in_page(new_page, live_server, founder, viewport)
    page.goto(f"{live_server.url}/en/account/applications/{application.pk}/")
    main = page.locator("main").inner_text()
    assert "150,000,000" in main and "Thị trường xuất khẩu rõ ràng" in main
    assert serious_violations(page) == []
    assert_no_horizontal_scroll(page)
    assert page.js_errors == []


def test_a_founder_starts_saves_resumes_and_submits(live_server, new_page):
    founder, startup = founder_with_startup()
    call = CallFactory(title_en="Incubation 2026")
    page = signed_in_page(new_page, live_server, founder, PHONE)
    page.goto(f"{live_server.url}/en/account/applications/new/{call.pk}/{startup.pk}/")
    # Pre-filled from the profile.
    assert page.get_by_label("Team size").input_value() == "7"
    page.get_by_label("Product name").fill("Tôm khô sạch")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    assert "Draft saved" in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/en/account/")
    page.get_by_role("link", name=re.compile("Continue the draft")).click()
    assert page.get_by_label("Product name").input_value() == "Tôm khô sạch"
    page.get_by_label("How will you use the support?").fill("Mua máy sấy.")
    page.get_by_label("Business plan").set_input_files(
        files=[{"name": "ke-hoach.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n"}]
    )
    page.get_by_role("button", name="Submit application").click()
    page.wait_for_load_state()
    application = Application.objects.get(call=call)
    assert application.status == "submitted"
    main = page.locator("main").inner_text()
    assert application.reference in main
    assert "ke-hoach.pdf" in main
    assert_no_horizontal_scroll(page)

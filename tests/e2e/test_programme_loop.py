"""The whole support-programme loop in a browser: a founder applies (pre-filled),
saves, resumes and submits; a coordinator screens the application and assigns
two reviewers; each declares no conflict and scores; the coordinator decides;
the founder sees the decision and the comments meant for them."""

import re

import pytest
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.models import CallIndexPage, CallPage, HomePage
from ecosystem.models import Application, Review
from tests.factories import CallFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Mật-khẩu-thử-2026"


def sign_in(page, base, user):
    page.goto(base + "/en/account/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def call_page_for(call):
    """The call's page, in Vietnamese and in its English translation."""
    home = HomePage.objects.get(locale__language_code="vi")
    index = home.add_child(instance=CallIndexPage(title="Kêu gọi", slug="calls"))
    page = index.add_child(instance=CallPage(title=call.title, slug=call.slug, call=call))
    english = Locale.objects.get(language_code="en")
    for original in (index, page):
        original.copy_for_translation(english).save_revision().publish()
    return page


def test_apply_screen_review_decide(live_server, new_page, mailoutbox):
    base = live_server.url
    founder_user = UserFactory(preferred_language="en")
    startup = StartupFactory(owner=founder_user, name="Rong Nho Xanh", team_size=7)
    call = CallFactory(title="Ươm tạo 2027", title_en="Incubation 2027")
    call_page_for(call)
    coordinator_user = english_admin(UserFactory(groups=["Coordinators"]))
    reviewers = [UserFactory(groups=["Council members"], preferred_language="en") for _ in range(2)]

    # The founder applies as their startup; the form starts pre-filled.
    founder = new_page()
    sign_in(founder, base, founder_user)
    founder.goto(base + f"/en/calls/{call.slug}/")
    founder.get_by_role("link", name=re.compile("Apply as Rong Nho Xanh")).click()
    founder.wait_for_load_state()
    assert founder.get_by_label("Team size").input_value() == "7"
    founder.get_by_label("Product name").fill("Rong nho tách nước")
    founder.get_by_role("button", name="Save draft").click()
    founder.wait_for_load_state()
    application = Application.objects.get(call=call, organisation=startup)
    assert application.status == "draft"

    # ...comes back later from their account page and submits.
    founder.goto(base + "/en/account/")
    founder.get_by_role("link", name=re.compile("Continue the draft")).last.click()
    founder.wait_for_load_state()
    assert founder.get_by_label("Product name").input_value() == "Rong nho tách nước"
    founder.get_by_label("How will you use the support?").fill("Mua máy sấy lạnh.")
    founder.get_by_role("button", name=re.compile("^Submit")).click()
    founder.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "submitted"

    # The coordinator screens it and assigns two reviewers.
    coordinator = new_page()
    sign_in(coordinator, base, coordinator_user)
    inspect_url = base + f"/admin/applications/inspect/{application.pk}/"
    coordinator.goto(inspect_url)
    coordinator.get_by_role("link", name="Eligible", exact=True).click()
    coordinator.get_by_role("button", name=re.compile("eligible", re.IGNORECASE)).click()
    coordinator.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "in_review"

    coordinator.goto(inspect_url)
    coordinator.get_by_role("link", name="Assign reviewers").click()
    for reviewer in reviewers:
        coordinator.get_by_label(re.compile(re.escape(reviewer.email))).check()
    coordinator.get_by_role("button", name=re.compile("Assign", re.IGNORECASE)).click()
    coordinator.wait_for_load_state()
    assert Review.objects.filter(application=application).count() == 2

    # Each reviewer declares no conflict and scores every criterion.
    for number, reviewer in enumerate(reviewers):
        page = new_page()
        sign_in(page, base, reviewer)
        page.goto(base + "/en/review/")
        page.get_by_role("link", name=re.compile("Rong Nho Xanh")).first.click()
        page.get_by_role("button", name=re.compile("I have no conflict of interest")).click()
        page.wait_for_load_state()
        for field in page.get_by_label("Score (0 to 10)").all():
            field.fill(str(7 + number))
        page.get_by_label("Comment for the applicant").fill(f"Góp ý số {number + 1}")
        page.get_by_label("Comment for the council").fill("Chỉ dành cho hội đồng")
        page.get_by_role("button", name="Submit review").click()
        page.wait_for_load_state()
    assert Review.objects.filter(application=application, status="submitted").count() == 2

    # The coordinator decides.
    coordinator.goto(inspect_url)
    coordinator.get_by_role("link", name="Decide").click()
    coordinator.get_by_role("radio", name="accepted", exact=True).check()
    coordinator.get_by_label("Award (VND)").fill("150000000")
    coordinator.get_by_label("Rationale").fill("Sản phẩm có thị trường rõ ràng.")
    coordinator.get_by_role("button", name=re.compile("Record the decision")).click()
    coordinator.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "accepted"
    assert any(m.to == [founder_user.email] and "accepted" in m.body for m in mailoutbox)

    # The founder sees the decision and the reviewers' comments for them, and
    # nothing of the council's.
    founder.goto(base + f"/en/account/applications/{application.pk}/")
    text = founder.locator("main").inner_text()
    assert "150,000,000" in text
    assert "Góp ý số 1" in text and "Góp ý số 2" in text
    assert "Chỉ dành cho hội đồng" not in text
    assert all(reviewer.full_name not in text for reviewer in reviewers)
    for page in (founder, coordinator):
        assert [e for e in page.js_errors if "404" not in e] == []

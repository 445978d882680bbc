"""The registry's whole loop in a browser: a new founder signs up and registers a
startup with a logo; a coordinator verifies it in the admin; it appears in the
directory under its sector; the owner invites a colleague, who accepts and
edits the profile."""

import io
import re

import pytest
from PIL import Image
from wagtail.users.models import UserProfile

from ecosystem.models import Startup
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FOUNDER_PASSWORD = "Rong-nho-Kien-Luong-2026"


def link_in(message, path_fragment):
    match = re.search(r"https?://\S+" + re.escape(path_fragment) + r"\S*", message.body)
    assert match, message.body
    return match.group(0)


def sign_in(page, base, email, password):
    page.goto(base + "/en/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_role("textbox", name="Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def logo_png(tmp_path):
    path = tmp_path / "rong-nho.png"
    picture = Image.new("RGB", (1200, 900), "#1d6b36")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_sign_up_register_verify_find_invite_and_edit(live_server, new_page, mailoutbox, tmp_path):
    base = live_server.url

    # A founder signs up (in English) and confirms the address.
    founder = new_page(locale="en-GB")
    founder.goto(base + "/en/account/signup/")
    founder.get_by_label("Full name").fill("Trần Ngọc Hân")
    founder.get_by_label("Email").fill("han@example.com")
    founder.get_by_role("textbox", name="Password", exact=True).fill(FOUNDER_PASSWORD)
    founder.get_by_role("textbox", name="Password (again)").fill(FOUNDER_PASSWORD)
    founder.get_by_role("button", name="Sign Up").click()
    founder.wait_for_url("**/account/confirm-email/")
    founder.goto(link_in(mailoutbox[-1], "/account/confirm-email/"))
    founder.get_by_role("button", name="Confirm").click()
    sign_in(founder, base, "han@example.com", FOUNDER_PASSWORD)

    # ...and registers a startup with a logo, then submits it for verification.
    founder.goto(base + "/en/account/")
    founder.get_by_role("link", name=re.compile("Register (your|a) startup")).click()
    founder.get_by_label("Name").fill("Rong Nho Kiên Lương")
    founder.get_by_label("Tagline").fill("Rong nho tươi từ biển Kiên Lương")
    founder.get_by_label("Description").fill("Nuôi và đóng gói rong nho cho siêu thị.")
    founder.get_by_label("Logo").set_input_files(str(logo_png(tmp_path)))
    founder.get_by_label("Aquaculture and fisheries").check()
    founder.get_by_label("Area").select_option(label="Kien Luong Commune")
    founder.get_by_label("Stage").select_option(label="Prototype")
    founder.get_by_label("Founded in").fill("2023")
    founder.get_by_role("button", name="Submit for verification").click()
    founder.wait_for_load_state()
    startup = Startup.objects.get(name="Rong Nho Kiên Lương")
    assert startup.status == "pending"
    assert startup.logo is not None and startup.logo.width <= 800

    # Not public yet.
    assert founder.request.get(base + f"/en/directory/startups/{startup.slug}/").status == 404

    # A coordinator verifies it in the admin.
    coordinator_user = UserFactory(email="dieu-phoi@example.com", groups=["Coordinators"])
    profile = UserProfile.get_for_user(coordinator_user)
    profile.preferred_language = "en"
    profile.save()
    coordinator = new_page(locale="en-GB")
    sign_in(coordinator, base, coordinator_user.email, PASSWORD)
    coordinator.goto(base + f"/admin/snippets/ecosystem/startup/edit/{startup.pk}/")
    coordinator.get_by_role("link", name="Verify", exact=True).first.click()
    coordinator.get_by_role("button", name="Verify").click()
    coordinator.wait_for_load_state()
    startup.refresh_from_db()
    assert startup.status == "verified"
    assert any(m.to == ["han@example.com"] for m in mailoutbox)

    # It appears in the directory, filtered by its sector.
    visitor = new_page(locale="en-GB")
    visitor.goto(base + "/en/directory/startups/")
    visitor.get_by_label("Sector").select_option(label="Aquaculture and fisheries")
    visitor.get_by_role("button", name="Apply filters").click()
    visitor.wait_for_load_state()
    assert "sector=" in visitor.url
    visitor.get_by_role("link", name="Rong Nho Kiên Lương").click()
    assert visitor.get_by_role("heading", name="Rong Nho Kiên Lương").is_visible()
    assert visitor.locator("main img").first.get_attribute("alt")

    # The owner invites a colleague, who accepts and edits the profile.
    colleague_user = UserFactory(email="dong-nghiep@example.com", preferred_language="en")
    founder.goto(base + f"/en/account/organisations/{startup.pk}/members/")
    founder.get_by_label("Email address").fill(colleague_user.email)
    founder.get_by_role("button", name=re.compile("invit", re.IGNORECASE)).click()
    founder.wait_for_load_state()
    invitation = [m for m in mailoutbox if m.to == [colleague_user.email]][-1]

    colleague = new_page(locale="en-GB")
    sign_in(colleague, base, colleague_user.email, PASSWORD)
    colleague.goto(link_in(invitation, "/account/organisations/invitations/"))
    colleague.get_by_role("button", name=re.compile("Accept|Join")).click()
    colleague.wait_for_load_state()
    colleague.goto(base + f"/en/account/organisations/{startup.pk}/edit/")
    colleague.get_by_label("Tagline").fill("Rong nho tươi, giao trong ngày")
    colleague.get_by_role("button", name=re.compile("Save")).first.click()
    colleague.wait_for_load_state()
    startup.refresh_from_db()
    assert startup.tagline == "Rong nho tươi, giao trong ngày"
    assert startup.status == "verified"
    for page in (founder, coordinator, visitor, colleague):
        assert page.js_errors == []

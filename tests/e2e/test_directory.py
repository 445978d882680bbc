"""The directory in a browser: accessible at phone and desktop widths, and
filtering works through the form, without JavaScript of our own."""

import pytest
from django.utils import translation

from ecosystem.models import Sector
from tests.factories import MembershipFactory, StartupFactory, UserFactory

from .accessibility import serious_violations
from .conftest import DESKTOP, PHONE

TRANSACTIONAL = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def seed_startups():
    aquaculture = Sector.objects.get(slug="thuy-san")
    tourism = Sector.objects.get(slug="du-lich-sinh-thai")
    shrimp = StartupFactory(
        name="Tôm Sạch Hà Tiên",
        tagline="Nuôi tôm tuần hoàn tiết kiệm nước, không kháng sinh",
        description="Nuôi tôm tuần hoàn.\n\nTruy xuất nguồn gốc bằng mã QR.",
        products="Tôm thẻ sạch",
        website="https://tomsach.example.vn",
        sectors=[aquaculture],
        seeks_investment=True,
        show_contact=True,
        team_size=8,
    )
    MembershipFactory(
        organisation=shrimp,
        user=UserFactory(full_name="Nguyễn Văn An", verified=False),
        role="owner",
        title="Nhà sáng lập",
    )
    StartupFactory(name="Kayak Rừng Tràm", sectors=[tourism])
    StartupFactory(name="Rong Biển Xanh", sectors=[aquaculture])
    return shrimp


@TRANSACTIONAL
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize(
    "path",
    [
        "/en/directory/startups/?sector=nong-nghiep&area=an-giang&seeking_investment=on",
        "/directory/startups/?q=tom&order=name",
        "/en/directory/startups/?sector=abc&founded_min=1e1000000",
        "detail",
    ],
    ids=["filtered list", "search (vi)", "list with errors", "detail"],
)
def test_directory_pages_are_accessible(live_server, new_page, path, viewport):
    shrimp = seed_startups()
    if path == "detail":
        with translation.override("en"):
            path = shrimp.get_absolute_url()
    page = new_page(viewport=viewport)

    response = page.goto(live_server.url + path)

    assert response.status == 200
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.js_errors == []


@TRANSACTIONAL
def test_filtering_by_sector_through_the_form(live_server, page):
    seed_startups()
    page.goto(live_server.url + "/en/directory/startups/")
    assert page.get_by_role("heading", name="3 startups").is_visible()

    page.get_by_label("Sector").select_option(label="Aquaculture and fisheries")
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**/en/directory/startups/?*sector=thuy-san*")
    assert page.get_by_role("heading", name="2 startups").is_visible()
    results = page.locator(".directory-list .org-card__title").all_inner_texts()
    assert results == ["Rong Biển Xanh", "Tôm Sạch Hà Tiên"]
    assert page.get_by_label("Sector").input_value() == "thuy-san"

    # The URL reproduces the view for someone else.
    other = page.context.new_page()
    other.goto(page.url)
    assert other.locator(".directory-list .org-card__title").all_inner_texts() == results

    page.get_by_role("link", name="Clear filters").first.click()
    assert page.get_by_role("heading", name="3 startups").is_visible()


@TRANSACTIONAL
def test_a_card_leads_to_the_profile(live_server, page):
    seed_startups()
    page.goto(live_server.url + "/en/directory/startups/?q=tom+sach")
    page.get_by_role("link", name="Tôm Sạch Hà Tiên").click()

    assert page.get_by_role("heading", level=1, name="Tôm Sạch Hà Tiên").is_visible()
    assert page.get_by_text("Nguyễn Văn An").is_visible()
    assert page.get_by_role("link", name="Startups").first.is_visible()

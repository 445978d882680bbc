"""The main menu and footer links coordinators edit in the navigation settings,
the header's search box, and what the menu costs in queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.models import FooterLink, MainMenuItem, NavigationSettings, StandardPage
from tests.cms.factories import home, translate

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu_links(response):
    return [
        (" ".join(link.get_text().split()), link["href"])
        for link in soup(response).select(".main-nav a")
    ]


def footer_links(response):
    return [
        (" ".join(link.get_text().split()), link["href"])
        for link in soup(response).select(".site-footer nav a")
    ]


@pytest.fixture
def navigation():
    return NavigationSettings.for_site(Site.objects.get(is_default_site=True))


def standard_page(title, slug, *, english=None):
    page = StandardPage(title=title, slug=slug)
    home("vi").add_child(instance=page)
    page.save_revision().publish()
    if english:
        translate(page, title=english, slug=slug)
    return page


def add_items(navigation, model, items):
    for order, fields in enumerate(items):
        model.objects.create(setting=navigation, sort_order=order, **fields)


def test_without_configured_items_the_menu_lists_pages_in_menus_and_the_sections(client):
    page = standard_page("Giới thiệu", "gioi-thieu")
    page.show_in_menus = True
    page.save_revision().publish()
    links = dict(menu_links(client.get("/")))
    assert links["Trang chủ"] == "/"
    assert links["Giới thiệu"] == "/gioi-thieu/"
    assert links["Danh bạ"] == "/directory/startups/"
    assert links["Sự kiện"] == "/events/"


def test_configured_menu_links_pages_sections_and_addresses_in_order(client, navigation):
    about = standard_page("Giới thiệu", "gioi-thieu", english="About")
    add_items(
        navigation,
        MainMenuItem,
        [
            {"page": about},
            {"section": "events", "label": "Lịch sự kiện", "label_en": "Calendar"},
            {"section": "directory"},
            {"url": "https://dost.example.gov.vn/", "label": "Sở KH&CN", "label_en": "DOST"},
        ],
    )
    assert menu_links(client.get("/")) == [
        ("Giới thiệu", "/gioi-thieu/"),
        ("Lịch sự kiện", "/events/"),
        ("Danh bạ", "/directory/startups/"),
        ("Sở KH&CN", "https://dost.example.gov.vn/"),
    ]


def test_on_english_pages_menu_items_go_to_the_translation(client, navigation):
    about = standard_page("Giới thiệu", "gioi-thieu", english="About")
    only_vi = standard_page("Hỏi đáp", "hoi-dap")
    add_items(
        navigation,
        MainMenuItem,
        [
            {"page": about},
            {"page": only_vi, "label": "Hỏi đáp", "label_en": "FAQ (in Vietnamese)"},
            {"section": "events", "label": "Lịch sự kiện", "label_en": "Calendar"},
        ],
    )
    assert menu_links(client.get("/en/")) == [
        ("About", "/en/gioi-thieu/"),
        ("FAQ (in Vietnamese)", "/hoi-dap/"),
        ("Calendar", "/en/events/"),
    ]


def test_unpublished_pages_are_left_out_of_the_menu(client, navigation):
    draft = standard_page("Bản nháp", "ban-nhap")
    draft.unpublish()
    add_items(navigation, MainMenuItem, [{"page": draft}, {"section": "events"}])
    assert [label for label, _url in menu_links(client.get("/"))] == ["Sự kiện"]


def test_the_current_section_is_marked(client, navigation):
    about = standard_page("Giới thiệu", "gioi-thieu")
    add_items(
        navigation, MainMenuItem, [{"page": home("vi")}, {"page": about}, {"section": "events"}]
    )
    current = soup(client.get("/gioi-thieu/")).select('.main-nav a[aria-current="page"]')
    assert [link["href"] for link in current] == ["/gioi-thieu/"]
    current = soup(client.get("/events/")).select('.main-nav a[aria-current="page"]')
    assert [link["href"] for link in current] == ["/events/"]


def test_footer_shows_the_configured_links(client, navigation):
    about = standard_page("Giới thiệu", "gioi-thieu", english="About")
    add_items(
        navigation,
        FooterLink,
        [
            {"page": about, "label": "Về chúng tôi"},
            {
                "url": "https://chinhphu.vn/",
                "label": "Cổng Chính phủ",
                "label_en": "Government portal",
            },
        ],
    )
    assert footer_links(client.get("/")) == [
        ("Về chúng tôi", "/gioi-thieu/"),
        ("Cổng Chính phủ", "https://chinhphu.vn/"),
    ]
    assert footer_links(client.get("/en/")) == [
        ("Về chúng tôi", "/en/gioi-thieu/"),
        ("Government portal", "https://chinhphu.vn/"),
    ]


def test_footer_without_links_has_no_links_list(client):
    assert footer_links(client.get("/")) == []


def test_header_has_a_labelled_search_box(client):
    page = soup(client.get("/en/"))
    form = page.select_one('header form[role="search"]')
    assert form["action"] == "/en/search/"
    search_input = form.select_one('input[name="q"]')
    assert search_input["type"] == "search"
    label = page.select_one(f'label[for="{search_input["id"]}"]')
    assert label.get_text(strip=True) == "Search the portal"


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_menu_size_does_not_change_the_query_count(client, navigation, path):
    pages = [standard_page(f"Trang {n}", f"trang-{n}", english=f"Page {n}") for n in range(12)]

    def configure(count):
        MainMenuItem.objects.all().delete()
        FooterLink.objects.all().delete()
        items = [{"page": page} for page in pages[:count]]
        items[-1] = {"section": "events"}
        add_items(navigation, MainMenuItem, items)
        add_items(navigation, FooterLink, items)

    configure(3)
    client.get(path)  # warm the site and settings caches
    small = count_queries(client, path)
    assert len(menu_links(client.get(path))) == 3
    configure(12)
    client.get(path)
    large = count_queries(client, path)
    assert len(menu_links(client.get(path))) == 12
    assert small == large

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.demo import seed_call_pages
from cms.home import compact_vnd, ecosystem_numbers
from cms.models import CallPage, HomePage, SiteSettings
from ecosystem.models import Decision
from tests.cms.factories import home, image, news_index, news_page, translate
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    EventFactory,
    MentorFactory,
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "language", "title", "sign_in"),
    [
        ("/", "vi", "Cổng thông tin khởi nghiệp đổi mới sáng tạo", "Đăng nhập"),
        ("/en/", "en", "Innovation startup portal", "Sign in"),
    ],
)
def test_home_in_vietnamese_without_prefix_and_in_english_under_en(
    client, path, language, title, sign_in
):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert title in html
    assert sign_in in html


def test_browser_language_does_not_move_vietnamese_urls_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()


def test_site_root_is_the_vietnamese_home_with_an_english_translation():
    root = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(root, HomePage)
    assert root.locale.language_code == "vi"
    english = root.get_translation(root.locale.__class__.objects.get(language_code="en"))
    assert english.live


def test_language_switcher_goes_to_the_translation(client):
    html = client.get("/").content.decode()
    assert 'href="/en/" lang="en" hreflang="en"' in html
    html = client.get("/en/").content.decode()
    assert 'href="/" lang="vi" hreflang="vi"' in html


def test_language_switcher_on_a_view_keeps_the_same_page(client):
    html = client.get("/account/login/").content.decode()
    assert 'href="/en/account/login/"' in html


def render_switcher(page, path):
    # Plain Wagtail pages have no template, so render the tag on its own.
    request = RequestFactory().get(path)
    template = Template("{% load site_tags %}{% language_switcher %}")
    with translation.override("vi"):  # as a request for a Vietnamese page would be
        return template.render(Context({"page": page, "request": request}))


def test_page_with_a_translation_switches_to_it():
    home = Page.objects.get(depth=2, locale__language_code="vi")
    about = home.add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu"))
    about.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english = about.get_translation(Locale.objects.get(language_code="en"))
    english.slug = "about"
    english.save_revision().publish()
    assert 'href="/en/about/"' in render_switcher(about, "/gioi-thieu/")


def test_page_without_translation_switches_to_the_other_home():
    home = Page.objects.get(depth=2, locale__language_code="vi")
    only_vi = home.add_child(instance=Page(title="Chỉ tiếng Việt", slug="chi-tieng-viet"))
    assert 'href="/en/"' in render_switcher(only_vi, "/chi-tieng-viet/")


def test_main_menu_lists_pages_shown_in_menus_in_the_current_language(client):
    home = Page.objects.get(depth=2, locale__language_code="vi")
    home.add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True))
    home.add_child(instance=Page(title="Ẩn", slug="an", show_in_menus=False))
    html = client.get("/").content.decode()
    assert ">Giới thiệu</a>" in html
    assert ">Ẩn</a>" not in html
    assert ">Giới thiệu</a>" not in client.get("/en/").content.decode()


def test_footer_shows_site_settings(client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "lienhe@example.org"
    settings.address = "Phường Rạch Giá"
    settings.address_en = "Rach Gia Ward"
    settings.facebook_url = "https://www.facebook.com/example"
    settings.save()
    vi = client.get("/").content.decode()
    en = client.get("/en/").content.decode()
    assert "lienhe@example.org" in vi and "Phường Rạch Giá" in vi
    assert "Rach Gia Ward" in en
    assert 'href="https://www.facebook.com/example"' in vi


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


# The home page's blocks: what a visitor sees, what hides itself, what it costs.

NO_LOG = lambda line: None  # noqa: E731


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def section_titles(page):
    return [text(title) for title in page.select(".home-section__title")]


def open_call(days_left, **fields):
    now = timezone.now()
    return CallFactory(
        opens_at=now - timedelta(days=10), closes_at=now + timedelta(days=days_left), **fields
    )


def today_local(hour, minute=0):
    return timezone.localtime().replace(hour=hour, minute=minute, second=0, microsecond=0)


@pytest.fixture
def picture():
    return image("tin.png", size=(1600, 900))


@pytest.fixture
def portal(picture):
    """Open and closed calls with their pages, events, verified and unverified
    partners, a mentor and an award: everything the home page draws on."""
    calls = [open_call(days) for days in (20, 3, 40, 9)]
    closed = CallFactory(
        opens_at=timezone.now() - timedelta(days=40), closes_at=timezone.now() - timedelta(days=1)
    )
    seed_call_pages(NO_LOG)
    events = [
        EventFactory(
            starts_at=today_local(0, 1) + timedelta(days=days),
            ends_at=today_local(23, 59) + timedelta(days=days),
        )
        for days in (5, 1, 9, 2)
    ]
    EventFactory(title="Hội thảo đã hủy", status="cancelled")
    EventFactory(title="Chỉ dành cho thành viên", visibility="members")
    partners = [
        PartnerFactory(name=f"Đối tác {n}", logo=image(f"logo-{n}.png", size=(400, 200)))
        for n in range(3)
    ]
    PartnerFactory(name="Đối tác không có logo")
    PartnerFactory(name="Đối tác chờ xác minh", status="pending", logo=picture)
    awarded, _other = StartupFactory.create_batch(2)
    StartupFactory(status="pending")
    MentorFactory()
    MentorFactory(status="pending")
    application = ApplicationFactory(call=calls[0], organisation=awarded, status="accepted")
    Decision.objects.create(
        application=application, outcome="accepted", award_amount=150_000_000, rationale="Tốt."
    )
    return {"calls": calls, "closed": closed, "events": events, "partners": partners}


def add_news(count, picture, start=0):
    news_index("en")  # so that articles can be translated
    for number in range(start, start + count):
        news_page(
            title=f"Tin số {number}",
            date=timezone.localdate() - timedelta(days=100 - number),
            hero_image=picture,
        )


def test_home_shows_every_block_drawn_from_the_portal(client, portal, picture):
    add_news(1, picture)
    translate(Page.objects.get(title="Tin số 0").specific, title="News 0")
    page = soup(client.get("/en/"))
    assert section_titles(page) == [
        "The ecosystem in numbers",
        "Open calls",
        "Upcoming events",
        "Latest news",
        "Our partners",
    ]


def test_open_calls_closing_soonest_first_and_only_open_ones(client, portal):
    page = soup(client.get("/en/"))
    titles = [text(title) for title in page.select(".call-card__title")]
    calls = portal["calls"]
    assert titles == [calls[1].title_en, calls[3].title_en, calls[0].title_en]
    assert portal["closed"].title_en not in str(page)
    link = page.select_one(".call-card__title a")["href"]
    assert link == CallPage.objects.get(call=calls[1], locale__language_code="en").url
    assert page.select_one('a.home-section__more[href="/en/calls/"]') is not None


def test_next_public_events_soonest_first(client, portal):
    page = soup(client.get("/"))
    titles = [text(title) for title in page.select(".event-card__title")]
    events = portal["events"]
    assert titles == [events[1].title, events[3].title, events[0].title]
    assert "Hội thảo đã hủy" not in str(page)
    assert "Chỉ dành cho thành viên" not in str(page)


def test_latest_news_in_the_page_language_newest_first(client, picture):
    add_news(6, picture)
    newest = Page.objects.get(title="Tin số 5").specific
    translate(newest, title="News number 5")
    page = soup(client.get("/"))
    titles = [text(title) for title in page.select(".news-card__title")]
    assert titles == ["Tin số 5", "Tin số 4", "Tin số 3", "Tin số 2"]
    assert page.select_one(".news-card img")["srcset"]
    english = soup(client.get("/en/"))
    assert [text(title) for title in english.select(".news-card__title")] == ["News number 5"]


def test_news_in_a_restricted_section_stays_off_the_home_page(client, picture):
    add_news(2, picture)
    secret = news_page(title="Tin nội bộ")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    titles = [text(title) for title in soup(client.get("/")).select(".news-card__title")]
    assert "Tin nội bộ" not in titles
    assert len(titles) == 2


def test_ecosystem_numbers(client, portal):
    page = soup(client.get("/en/"))
    numbers = [text(item) for item in page.select(".home-numbers__item")]
    year = timezone.localdate().year
    # Pending organisations and mentors are not counted; neither is the cancelled event.
    assert numbers == [
        "2 verified startups",
        "4 partners",
        "1 mentor",
        f"4 events in {year}",
        f"150 million ₫ support awarded in {year}",
    ]


def test_support_awarded_reads_as_a_headline():
    assert compact_vnd(1_075_000_000) == "1.08 billion ₫"
    assert compact_vnd(2_000_000_000) == "2 billion ₫"
    assert compact_vnd(150_000_000) == "150 million ₫"
    assert compact_vnd(500_000) == "500,000\u00a0₫"
    with translation.override("vi"):
        assert compact_vnd(1_075_000_000).startswith("1,08 ")


def test_ecosystem_numbers_are_counted_in_few_queries_and_cached(django_assert_num_queries):
    ResearchGroupFactory()
    with django_assert_num_queries(4):
        numbers = ecosystem_numbers(language="en")
    assert numbers["research_groups"] == 1
    assert numbers["partners"] == 1
    ResearchGroupFactory()
    with django_assert_num_queries(0):
        assert ecosystem_numbers(language="en")["research_groups"] == 1
    # Each language keeps its own copy.
    with django_assert_num_queries(4):
        assert ecosystem_numbers(language="vi")["research_groups"] == 2
    cache.clear()
    assert ecosystem_numbers(language="en")["research_groups"] == 2


def test_partner_logos_link_to_verified_partners(client, portal):
    page = soup(client.get("/en/"))
    logos = page.select(".home-partners__item a")
    assert [link.img["alt"] for link in logos] == ["Đối tác 0", "Đối tác 1", "Đối tác 2"]
    assert logos[0]["href"] == portal["partners"][0].get_absolute_url()
    assert "Đối tác chờ xác minh" not in str(page)


def test_every_block_hides_itself_when_empty(client):
    page = soup(client.get("/en/"))
    assert section_titles(page) == []
    assert page.select(".home-section") == []


def test_hero_is_editable(client, picture):
    about = home("vi").add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu"))
    root = home("vi")
    root.intro = "Kết nối khởi nghiệp trong tỉnh."
    root.hero_image = picture
    root.hero_cta_label = "Tìm hiểu thêm"
    root.hero_cta_page = about
    root.save_revision().publish()
    page = soup(client.get("/"))
    hero = page.select_one(".home-hero")
    assert "Kết nối khởi nghiệp trong tỉnh." in text(hero)
    assert hero.select_one('a.button[href="/gioi-thieu/"]').get_text() == "Tìm hiểu thêm"
    hero_image = hero.select_one("img")
    assert hero_image["width"] and hero_image["height"] and hero_image["srcset"]


def test_hero_button_on_the_english_home_goes_to_the_translation(client):
    about = home("vi").add_child(instance=Page(title="Giới thiệu", slug="gioi-thieu"))
    about.save_revision().publish()
    translate(about, title="About", slug="about")
    english_home = home("en")
    english_home.hero_cta_label = "Learn more"
    english_home.hero_cta_page = about
    english_home.save_revision().publish()
    hero = soup(client.get("/en/")).select_one(".home-hero")
    assert hero.select_one("a.button")["href"] == "/en/about/"


def count_queries(client, path):
    client.get(path)  # caches warm: site, settings, numbers, partner logos
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_home_query_count_is_small_and_does_not_grow_with_news(client, portal, picture, path):
    add_news(5, picture)
    for article in Page.objects.filter(title__startswith="Tin số").specific():
        translate(article, title=article.title.replace("Tin số", "News"))
    few = count_queries(client, path)
    assert len(soup(client.get(path)).select(".news-card")) == 4
    add_news(45, picture, start=5)
    many = count_queries(client, path)
    assert few == many, "the home page costs the same with 5 and 50 articles"
    assert many <= 20

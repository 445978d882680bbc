import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.models import HomePage, SiteSettings

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


def test_home_page_query_count_is_small(client, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(12):
        client.get("/")

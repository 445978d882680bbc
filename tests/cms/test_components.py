"""The shared components later pages are built from."""

import pytest
from django.core.paginator import Paginator
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation


def test_pagination_links_keep_the_query_and_mark_the_current_page():
    page_obj = Paginator(range(200), 20).page(5)
    with translation.override("vi"):
        html = render_to_string(
            "components/pagination.html", {"page_obj": page_obj, "query": "sector=3&q=lua"}
        )
    assert '<a href="?sector=3&amp;q=lua&amp;page=4" rel="prev">' in html
    assert '<a href="?sector=3&amp;q=lua&amp;page=6" rel="next">' in html
    assert '<span aria-current="page">5</span>' in html
    assert "Trang 5 / 10" in html


def test_pagination_is_absent_for_a_single_page():
    page_obj = Paginator(range(5), 20).page(1)
    assert render_to_string("components/pagination.html", {"page_obj": page_obj}).strip() == ""


def test_empty_state_offers_the_next_step():
    html = render_to_string(
        "components/empty_state.html",
        {"message": "Chưa có sự kiện", "action_url": "/su-kien/", "action_label": "Xem lịch"},
    )
    assert "Chưa có sự kiện" in html
    assert '<a class="button" href="/su-kien/">Xem lịch</a>' in html


def test_card_links_its_title():
    html = render_to_string(
        "components/card.html", {"title": "Tôm sạch Hà Tiên", "url": "/a/", "meta": "Thủy sản"}
    )
    assert '<a href="/a/">Tôm sạch Hà Tiên</a>' in html
    assert "Thủy sản" in html


def test_breadcrumbs_mark_the_current_page():
    with translation.override("en"):
        html = render_to_string(
            "components/breadcrumbs.html",
            {"crumbs": [("Home", "/en/")], "current": "Directory"},
        )
    assert 'aria-label="Breadcrumb"' in html
    assert '<span aria-current="page">Directory</span>' in html


@pytest.mark.django_db
def test_our_translations_do_not_replace_wagtails_in_the_admin(client, user_factory):
    client.force_login(user_factory(is_staff=True, is_superuser=True))
    html = client.get("/admin/").content.decode()
    assert "Phân trang" not in html
    assert "gravatar" not in html


@pytest.mark.django_db
def test_page_breadcrumbs_list_the_ancestors_below_the_site_root():
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="vi")
    news = home.add_child(instance=Page(title="Tin tức", slug="tin-tuc"))
    article = news.add_child(instance=Page(title="Ngày hội khởi nghiệp", slug="ngay-hoi"))
    html = Template("{% load site_tags %}{% page_breadcrumbs page %}").render(
        Context({"page": article, "request": RequestFactory().get("/tin-tuc/ngay-hoi/")})
    )
    assert '<a href="/">' in html and '<a href="/tin-tuc/">Tin tức</a>' in html
    assert '<span aria-current="page">Ngày hội khởi nghiệp</span>' in html

"""The news index and an article as a reader sees them, in Vietnamese and
English, and how many queries they take."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.cms import factories

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def titles(html: BeautifulSoup) -> list[str]:
    return [text(title) for title in html.select(".news-card__title")]


@pytest.fixture
def startups():
    return factories.category()


@pytest.fixture
def research():
    return factories.category(name="Nghiên cứu", slug="nghien-cuu", name_en="Research")


def test_the_index_lists_the_latest_articles_first(client):
    factories.news_page(title="Cũ", date=date(2025, 3, 1))
    factories.news_page(title="Mới nhất", date=date(2026, 5, 2))
    factories.news_page(title="Giữa", date=date(2026, 1, 10))

    html = soup(client.get("/news/"))

    assert titles(html) == ["Mới nhất", "Giữa", "Cũ"]
    assert html.html["lang"] == "vi"
    assert text(html.select_one(".news-count")).startswith("3 ")
    first = html.select_one(".news-card")
    assert first.select_one("time")["datetime"] == "2026-05-02"
    assert text(first.select_one("time")) == "02/05/2026"
    assert first.select_one(".news-card__title a")["href"].startswith("/news/bai-viet-")


def test_drafts_and_private_articles_stay_off_the_index(client):
    factories.news_page(title="Công khai")
    draft = factories.news_page(title="Bản nháp")
    draft.unpublish()
    private = factories.news_page(title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert titles(soup(client.get("/news/"))) == ["Công khai"]


def test_the_english_index_lists_the_english_translations(client):
    article = factories.news_page(title="Khởi nghiệp sáng tạo", date=date(2026, 3, 1))
    factories.news_page(title="Chỉ tiếng Việt")
    factories.news_index("en")
    factories.translate(article, title="Creative startups", summary="In English.")

    html = soup(client.get("/en/news/"))

    assert html.html["lang"] == "en"
    assert titles(html) == ["Creative startups"]
    card = html.select_one(".news-card")
    assert card.select_one("a")["href"] == "/en/news/" + article.slug + "/"
    assert text(card.select_one("time")) == "1 March 2026"
    assert "In English." in text(card)


def test_filter_by_category_tag_and_year(client, startups, research):
    one = factories.news_page(title="Một", date=date(2026, 2, 1))
    one.categories.add(startups)
    one.tags.add("gọi vốn")
    one.save_revision().publish()
    two = factories.news_page(title="Hai", date=date(2025, 6, 1))
    two.categories.add(startups)
    two.save_revision().publish()
    three = factories.news_page(title="Ba", date=date(2026, 4, 1))
    three.categories.add(research)
    three.save_revision().publish()

    assert titles(soup(client.get("/news/?category=khoi-nghiep"))) == ["Một", "Hai"]
    tag = one.tags.get().slug  # "goi-von" once taggit strips accents (see settings)
    assert titles(soup(client.get("/news/", {"tag": tag}))) == ["Một"]
    assert titles(soup(client.get("/news/?year=2026"))) == ["Ba", "Một"]
    assert titles(soup(client.get("/news/?year=2026&category=khoi-nghiep"))) == ["Một"]


def test_the_filters_offer_what_there_is_and_keep_what_was_chosen(client, startups):
    article = factories.news_page(date=date(2026, 2, 1))
    article.categories.add(startups)
    article.save_revision().publish()
    factories.news_page(date=date(2024, 2, 1))

    html = soup(client.get("/news/?year=2026"))

    form = html.select_one("form.news-filters")
    years = [option["value"] for option in form.select("select[name=year] option")]
    assert years == ["", "2026", "2024"]
    assert form.select_one("select[name=year] option[selected]")["value"] == "2026"
    categories = [
        (option["value"], text(option)) for option in form.select("select[name=category] option")
    ]
    assert categories[1:] == [("khoi-nghiep", "Khởi nghiệp")]
    assert form.select_one("a[href='/news/']")  # clear the filters


def test_an_unusable_filter_is_reported_and_the_others_still_apply(client):
    factories.news_page(title="Năm nay", date=date(2026, 1, 1))
    factories.news_page(title="Năm trước", date=date(2025, 1, 1))

    html = soup(client.get("/news/?year=2026&category=khong-co"))

    assert titles(html) == ["Năm nay"]
    assert html.select_one(".form-errors[role=alert]")
    assert html.select_one("select[name=category]").find_parent().select(".errorlist")


def test_empty_states(client):
    factories.news_index("en")

    html = soup(client.get("/en/news/"))
    assert "No news is published yet." in text(html.select_one(".empty-state"))
    assert not html.select(".news-card")

    for day, category in ((date(2026, 1, 1), None), (date(2025, 1, 1), factories.category())):
        english = factories.translate(factories.news_page(date=day), title=f"Of {day.year}")
        if category:
            english.categories.add(category)
            english.save_revision().publish()
    html = soup(client.get("/en/news/?year=2026&category=khoi-nghiep"))
    assert "No article matches these filters." in text(html.select_one(".empty-state"))
    assert html.select_one(".empty-state a")["href"] == "/en/news/"


def test_pagination(client):
    for day in range(1, 15):
        factories.news_page(title=f"Ngày {day:02d}", date=date(2026, 1, day))

    first = soup(client.get("/news/"))
    second = soup(client.get("/news/?page=2"))

    assert len(titles(first)) == 12
    assert titles(second) == ["Ngày 02", "Ngày 01"]
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    assert second.select_one("link[rel=canonical]")["href"].endswith("/news/?page=2")


def test_pagination_keeps_the_filters(client):
    for day in range(1, 15):
        factories.news_page(date=date(2026, 1, day))

    html = soup(client.get("/news/?year=2026"))

    assert html.select_one(".pagination a[rel=next]")["href"] == "?year=2026&page=2"


def _articles_with_images(count):
    for number in range(count):
        factories.news_page(
            title=f"Bài {number}",
            hero_image=factories.image(name=f"anh-{number}.png", size=(1000, 600)),
            hero_image_alt="Ảnh",
        )


def _queries(client, url) -> tuple[int, BeautifulSoup]:
    client.get(url)  # renditions are made on the first visit, and the chrome is cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), soup(response)


def test_the_index_takes_as_many_queries_for_5_articles_as_for_50(client, startups):
    _articles_with_images(5)
    with_5, html = _queries(client, "/news/")
    assert len(html.select(".news-card img[srcset]")) == 5

    _articles_with_images(45)
    with_50, html = _queries(client, "/news/")
    assert len(html.select(".news-card img[srcset]")) == 12

    assert with_5 == with_50


def test_an_article_shows_its_facts_topics_and_image(client, startups):
    index = factories.news_index("vi")
    article = factories.news_page(
        title="Ngày hội khởi nghiệp",
        date=date(2026, 3, 14),
        author="Phòng Quản lý khoa học",
        summary="Tóm tắt ngày hội.",
        hero_image=factories.image(size=(1600, 900)),
        hero_image_alt="Sân khấu ngày hội",
        body=[("paragraph", "<p>Nội dung bài viết.</p>")],
    )
    article.categories.add(startups)
    article.tags.add("Demo Day")
    article.save_revision().publish()

    html = soup(client.get(article.url))

    assert text(html.select_one("h1")) == "Ngày hội khởi nghiệp"
    meta = html.select_one(".news-article__meta")
    assert meta.time["datetime"] == "2026-03-14"
    assert text(meta.time) == "14/03/2026"
    assert "Phòng Quản lý khoa học" in text(meta)
    category = html.select_one(".news-article__header .news-topics a")
    assert text(category) == "Khởi nghiệp"
    assert category["href"] == f"{index.url}?category=khoi-nghiep"
    tag = html.select_one(".news-article__footer .news-topics a")
    assert text(tag) == "Demo Day"
    assert tag["href"] == f"{index.url}?tag=demo-day"
    hero = html.select_one(".news-article__hero img")
    assert hero["alt"] == "Sân khấu ngày hội"
    assert ".webp" in hero["srcset"]
    assert hero["width"] and hero["height"]
    assert not hero.has_attr("loading")  # the first thing on screen is not deferred
    assert "Nội dung bài viết." in text(html.select_one(".news-article__body"))
    crumbs = [text(item) for item in html.select(".breadcrumbs li")]
    assert crumbs[-2:] == ["Tin tức", "Ngày hội khởi nghiệp"]


def test_an_article_in_english(client, startups):
    article = factories.news_page(title="Ngày hội", date=date(2026, 3, 14))
    article.categories.add(startups)
    article.save_revision().publish()
    factories.news_index("en")
    english = factories.translate(article, title="Startup day", author="Science office")

    html = soup(client.get(english.url))

    assert english.url.startswith("/en/news/")
    assert text(html.select_one("h1")) == "Startup day"
    assert text(html.select_one(".news-article__meta time")) == "14 March 2026"
    assert "By Science office" in text(html.select_one(".news-article__meta"))
    category = html.select_one(".news-topics a")
    assert text(category) == "Startups"
    assert category["href"] == "/en/news/?category=khoi-nghiep"


def test_related_news_share_a_category_up_to_three(client, startups, research):
    article = factories.news_page(title="Bài chính", date=date(2026, 3, 1))
    article.categories.add(startups)
    article.save_revision().publish()
    for day in range(1, 6):
        other = factories.news_page(title=f"Cùng chủ đề {day}", date=date(2026, 2, day))
        other.categories.add(startups)
        other.save_revision().publish()
    unrelated = factories.news_page(title="Khác chủ đề", date=date(2026, 2, 28))
    unrelated.categories.add(research)
    unrelated.save_revision().publish()

    html = soup(client.get(article.url))

    related = [text(title) for title in html.select(".news-related .news-card__title")]
    assert related == ["Cùng chủ đề 5", "Cùng chủ đề 4", "Cùng chủ đề 3"]


def test_an_article_without_category_has_no_related_section(client):
    article = factories.news_page()
    factories.news_page()

    assert not soup(client.get(article.url)).select(".news-related")


def _body(blocks: int):
    kinds = [
        lambda n: ("heading", {"text": f"Mục {n}", "level": "h2"}),
        lambda n: ("paragraph", f'<p>Đoạn {n} <a href="https://example.org/{n}">liên kết</a></p>'),
        lambda n: (
            "image",
            {"image": factories.image(name=f"h{n}.png", size=(1000, 600)), "alt_text": "Ảnh"},
        ),
        lambda n: ("quote", {"quote": f"Trích dẫn {n}", "attribution": "Ai đó"}),
        lambda n: (
            "table",
            {"data": [["A", "B"], [str(n), "x"]], "first_row_is_table_header": True},
        ),
        lambda n: ("document", {"document": factories.document_file(f"d{n}.pdf"), "title": ""}),
    ]
    return [kinds[n % len(kinds)](n) for n in range(blocks)]


def _article(body, category):
    article = factories.news_page(
        hero_image=factories.image(size=(1600, 900)), body=body, author="Tác giả"
    )
    article.categories.add(category)
    article.tags.add("khoa học")
    article.save_revision().publish()
    related = factories.news_page(hero_image=factories.image(size=(400, 300)))
    related.categories.add(category)
    related.save_revision().publish()
    return article


def test_an_article_takes_as_many_queries_with_2_blocks_as_with_40(client, startups):
    # The two blocks are an image and a document, so both articles do the same
    # kinds of work; the forty add headings, text, quotes and tables.
    short = _article([_body(3)[2], _body(6)[5]], startups)
    long = _article(_body(40), startups)

    with_2, html = _queries(client, short.url)
    assert len(html.select(".news-article__body > *")) == 2
    with_40, html = _queries(client, long.url)
    assert len(html.select(".news-article__body > *")) == 40
    assert len(html.select(".news-article__body img[srcset]")) == 7

    assert with_2 == with_40


def test_an_editor_can_preview_an_article(startups):
    article = factories.news_page(title="Bản xem trước", hero_image=factories.image())
    article.categories.add(startups)
    article.title = "Bản xem trước đã sửa"

    response = article.make_preview_request()

    assert response.status_code == 200
    assert "Bản xem trước đã sửa" in response.content.decode()

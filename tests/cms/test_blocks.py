"""What the body blocks of an article look like on the page, that nothing an
article holds can run in a reader's browser, and the responsive image tag."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image

from cms.templatetags.image_tags import image_specs
from tests.cms import factories

pytestmark = pytest.mark.django_db


def article_html(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def body_of(html: BeautifulSoup):
    return html.select_one(".news-article__body")


def test_each_kind_of_block_shows_on_the_article(client):
    document = factories.document_file("ke-hoach.pdf")
    target = factories.news_page(title="Bài đích")
    page = factories.news_page(
        body=[
            ("heading", {"text": "Bối cảnh", "level": "h2"}),
            ("heading", {"text": "Chi tiết", "level": "h3"}),
            (
                "paragraph",
                '<p>Đoạn văn <b>đậm</b> và <a href="https://example.org/">liên kết</a>.</p>',
            ),
            (
                "image",
                {"image": factories.image(), "alt_text": "Ảnh hội thảo", "caption": "Hội thảo"},
            ),
            ("quote", {"quote": "Đổi mới là con đường.", "attribution": "Giám đốc Sở"}),
            (
                "table",
                {
                    "data": [["Năm", "Số dự án"], ["2025", "12"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Dự án được hỗ trợ",
                },
            ),
            ("document", {"document": document, "title": ""}),
            ("call_to_action", {"text": "Đọc thêm", "page": target, "url": ""}),
            (
                "call_to_action",
                {"text": "Trang ngoài", "page": None, "url": "https://example.org/"},
            ),
        ]
    )

    body = body_of(article_html(client, page))

    assert body.select_one("h2.block-heading").get_text() == "Bối cảnh"
    assert body.select_one("h3.block-heading").get_text() == "Chi tiết"
    assert body.select_one(".rich-text b").get_text() == "đậm"
    assert body.select_one(".rich-text a")["href"] == "https://example.org/"
    figure = body.select_one("figure.block-image")
    assert figure.img["alt"] == "Ảnh hội thảo"
    assert figure.figcaption.get_text() == "Hội thảo"
    assert "Đổi mới là con đường." in body.select_one("blockquote").get_text()
    assert "Giám đốc Sở" in body.select_one(".block-quote__attribution").get_text()
    table = body.select_one(".block-table table")
    assert table.caption.get_text() == "Dự án được hỗ trợ"
    assert [th.get_text() for th in table.select("thead th")] == ["Năm", "Số dự án"]
    assert [td.get_text() for td in table.select("tbody td")] == ["2025", "12"]
    link = body.select_one(".block-document__link")
    assert link.get_text() == "ke-hoach.pdf"
    assert link["href"] == document.url
    assert "PDF" in body.select_one(".block-document__info").get_text()
    buttons = body.select(".block-cta a.button")
    assert [(a.get_text(), a["href"]) for a in buttons] == [
        ("Đọc thêm", target.url),
        ("Trang ngoài", "https://example.org/"),
    ]


@pytest.mark.parametrize(
    "link",
    [
        '<a href="javascript:alert(1)">bấm</a>',
        '<a linktype="external" href="javascript:alert(1)">bấm</a>',
        '<a href=" JaVa\tScRiPt:alert(1)">bấm</a>',
        '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">bấm</a>',
    ],
)
def test_a_javascript_link_in_rich_text_is_inert(client, link):
    page = factories.news_page(body=[("paragraph", f"<p>Trước {link} sau.</p>")])

    paragraph = body_of(article_html(client, page)).select_one(".rich-text")

    anchor = paragraph.find("a")
    assert anchor.get_text() == "bấm"  # the words stay, the address goes
    assert not anchor.has_attr("href")
    assert "javascript" not in str(paragraph).lower()
    assert "data:" not in str(paragraph)


def test_scripts_and_event_handlers_in_rich_text_are_removed(client):
    page = factories.news_page(
        body=[
            (
                "paragraph",
                '<p onclick="alert(1)">Chữ<script>alert(1)</script>'
                '<img src="x" onerror="alert(2)"><iframe src="https://evil.example/"></iframe></p>',
            )
        ]
    )

    paragraph = body_of(article_html(client, page)).select_one(".rich-text")

    assert paragraph.get_text() == "Chữ"
    assert not paragraph.find("script")
    assert not paragraph.find("iframe")
    assert "onclick" not in str(paragraph)
    assert "onerror" not in str(paragraph)


def test_a_table_cell_with_a_script_shows_as_text(client):
    page = factories.news_page(
        body=[
            (
                "table",
                {
                    "data": [["<script>alert(1)</script>", "<b>đậm</b>"]],
                    "first_row_is_table_header": False,
                    "first_col_is_header": False,
                    "table_caption": "<i>chú thích</i>",
                },
            )
        ]
    )
    html = article_html(client, page)
    table = body_of(html).select_one("table")

    assert not html.select(".news-article__body script")
    assert not table.find("b")
    assert table.td.get_text() == "<script>alert(1)</script>"
    assert table.caption.get_text() == "<i>chú thích</i>"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in str(table)


def test_an_image_caption_with_html_shows_as_text(client):
    page = factories.news_page(
        body=[
            (
                "image",
                {
                    "image": factories.image(),
                    "alt_text": '"><script>alert(1)</script>',
                    "caption": '<img src=x onerror="alert(1)"><b>Chú thích</b>',
                },
            )
        ]
    )

    figure = body_of(article_html(client, page)).select_one("figure")

    assert figure.figcaption.get_text() == '<img src=x onerror="alert(1)"><b>Chú thích</b>'
    assert not figure.figcaption.find("img")
    assert not figure.find("script")
    assert figure.img["alt"] == '"><script>alert(1)</script>'


def test_a_call_to_action_to_a_javascript_address_is_left_out(client):
    page = factories.news_page(
        body=[("call_to_action", {"text": "Bấm", "page": None, "url": "javascript:alert(1)"})]
    )

    body = body_of(article_html(client, page))

    assert not body.select(".block-cta")
    assert "javascript" not in str(body)


def render(template: str, **context) -> str:
    return Template("{% load image_tags %}" + template).render(Context(context))


def test_responsive_image_is_a_webp_srcset_with_its_size_and_lazy_loading():
    photo = factories.image(size=(1200, 800))

    img = BeautifulSoup(
        render('{% responsive_image photo "card" alt="Hội thảo" class="photo" %}', photo=photo),
        "html.parser",
    ).img

    assert img["alt"] == "Hội thảo"
    assert img["class"] == ["photo"]
    assert img["loading"] == "lazy"
    assert img["decoding"] == "async"
    candidates = [part.split() for part in img["srcset"].split(", ")]
    assert [width for _, width in candidates] == ["320w", "480w", "640w", "960w"]
    assert all(url.endswith(".webp") for url, _ in candidates)
    assert img["src"] == candidates[-1][0]
    assert (img["width"], img["height"]) == ("960", "540")  # the card's 16:9
    assert img["sizes"]


def test_responsive_image_never_asks_for_more_than_the_original():
    small = factories.image(size=(500, 300))

    img = BeautifulSoup(
        render('{% responsive_image small widths="320,480,640,1280" %}', small=small),
        "html.parser",
    ).img

    assert [part.split()[1] for part in img["srcset"].split(", ")] == ["320w", "480w"]
    assert (img["width"], img["height"]) == ("480", "288")
    assert img["alt"] == small.title  # no alt given: the image's own description


def test_responsive_image_of_nothing_is_nothing():
    assert render('{% responsive_image photo "card" %}', photo=None) == ""


def test_responsive_image_costs_no_query_when_renditions_are_prefetched():
    photos = [factories.image(name=f"anh-{number}.png") for number in range(3)]
    template = '{% for photo in photos %}{% responsive_image photo "card" alt="" %}{% endfor %}'
    render(template, photos=photos)  # the renditions exist from now on

    prefetched = list(
        Image.objects.filter(pk__in=[photo.pk for photo in photos]).prefetch_renditions(
            *image_specs("card")
        )
    )
    with CaptureQueriesContext(connection) as queries:
        html = render(template, photos=prefetched)

    assert len(queries) == 0
    assert html.count("<img") == 3

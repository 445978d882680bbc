"""The website's demo content: the tier S articles made in bulk, the pictures
and the official documents' files."""

import io

import pytest
from django.db.models.signals import post_save
from PIL import Image as PILImage
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms import demo
from cms import demo_content as content
from cms.models import NewsPage
from tests.cms.factories import news_index

pytestmark = pytest.mark.django_db


def test_generated_articles_are_live_searchable_and_added_once(client):
    index = news_index()

    assert demo.seed_generated_news(index, 12) == 12
    assert demo.seed_generated_news(index, 12) == 0

    pages = NewsPage.objects.child_of(index).live()
    assert pages.count() == 12
    assert all(page.categories.count() == 1 and page.tags.count() == 1 for page in pages)
    assert Page.find_problems() == ([], [], [], [], [])
    # Indexed in one batch at the end; saves index themselves again afterwards.
    found = get_search_backend().search("ban bien tap", NewsPage.objects.live())
    assert len(list(found)) == 12
    assert post_save.has_listeners(NewsPage)
    # Saved without revisions, the articles still show.
    page = pages.order_by("-date").first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_pictures_are_wide_jpegs_with_distinct_colours():
    pictures = [
        PILImage.open(io.BytesIO(demo.draw_picture(article["colours"], article["motif"], seed=n)))
        for n, article in enumerate(content.NEWS[:6])
    ]
    assert {picture.size for picture in pictures} == {(1200, 675)}
    assert {picture.format for picture in pictures} == {"JPEG"}
    assert len({picture.resize((1, 1)).getpixel((0, 0)) for picture in pictures}) == 6


def test_the_2020_plan_file_holds_its_text():
    plan = next(spec for spec in content.DOCUMENTS if spec["number"] == "44/KH-UBND")
    header, lines = demo.document_lines(plan)
    assert header == ["ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG", "Số: 44/KH-UBND"]
    text = " ".join(line for _, line in lines)
    assert text.startswith("Kiên Giang, ngày 10 tháng 4 năm 2020 KẾ HOẠCH")
    assert "trước ngày 25 tháng 10" in text

    pdf = demo.render_pdf(header, lines)
    if pdf is None:
        pytest.skip("no DejaVu font here: the demo attaches the text as a .txt file instead")
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page\n") >= 4


def test_document_files_know_their_size_and_where_they_are_used():
    from wagtail.models import ReferenceIndex

    documents = demo.seed_documents()
    official = next(iter(documents.values()))
    assert official.document.file_size == official.document.file.size > 0
    usage = ReferenceIndex.get_grouped_references_to(official.document)
    assert [obj for obj, references in usage] == [official]

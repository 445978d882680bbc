"""Pages and documents for the CMS tests: a news index and articles (with their
English translations when asked), the documents page and official documents.

Shared by the CMS test modules; add builders here rather than in a module."""

import io
import itertools
from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from cms.models import (
    DocumentIndexPage,
    HomePage,
    IssuingBody,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    OfficialDocument,
)

_numbers = itertools.count(1)


def home(language_code="vi") -> HomePage:
    return HomePage.objects.get(locale__language_code=language_code)


def _child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def news_index(language_code="vi") -> NewsIndexPage:
    """The news index under that language's home page (created once)."""
    existing = NewsIndexPage.objects.filter(locale__language_code=language_code).first()
    if existing:
        return existing
    if language_code != "vi":
        vi_index = news_index("vi")
        translation = vi_index.copy_for_translation(Locale.objects.get(language_code="en"))
        translation.title = "News"
        translation.save_revision().publish()
        return NewsIndexPage.objects.get(pk=translation.pk)
    return _child(home("vi"), NewsIndexPage(title="Tin tức", slug="news"))


def image(name="anh.png", size=(1200, 800), color=(30, 120, 90)) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return Image.objects.create(title=name, file=ContentFile(buffer.getvalue(), name=name))


def news_page(*, title=None, summary="Tóm tắt bài viết.", body=None, parent=None, **fields):
    """A published Vietnamese article (or under `parent`)."""
    number = next(_numbers)
    title = title or f"Bài viết số {number}"
    page = NewsPage(
        title=title,
        slug=fields.pop("slug", f"bai-viet-{number}"),
        summary=summary,
        date=fields.pop("date", timezone.localdate()),
        body=body or [],
        **fields,
    )
    return _child(parent or news_index("vi"), page)


def translate(page, *, title, **fields):
    """Publish `page`'s English translation (its parent must be translated)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def category(name="Khởi nghiệp", slug="khoi-nghiep", name_en="Startups") -> NewsCategory:
    return NewsCategory.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name_en}
    )[0]


def documents_page(language_code="vi") -> DocumentIndexPage:
    existing = DocumentIndexPage.objects.filter(locale__language_code=language_code).first()
    if existing:
        return existing
    return _child(home("vi"), DocumentIndexPage(title="Văn bản", slug="documents"))


def issuing_body(
    name="Ủy ban nhân dân tỉnh", slug="ubnd-tinh", name_en="Provincial People's Committee"
):
    return IssuingBody.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name_en}
    )[0]


def document_file(name="van-ban.pdf") -> Document:
    pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    return Document.objects.create(title=name, file=ContentFile(pdf, name=name))


def official_document(**fields) -> OfficialDocument:
    number = next(_numbers)
    defaults = {
        "number": f"{number}/KH-UBND",
        "title": f"Kế hoạch số {number}",
        "doc_type": OfficialDocument.Type.PLAN,
        "date_issued": date(2020, 3, 1),
        "summary": "",
    }
    defaults.update(fields)
    defaults.setdefault("issuing_body", issuing_body())
    defaults.setdefault("document", document_file())
    return OfficialDocument.objects.create(**defaults)

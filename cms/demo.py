"""Demo content of the website itself: the Department's contact details, the
calls page with a page for each call, news with pictures drawn here, the
official documents with their files, the about and contact pages, the main menu
and the footer, all in Vietnamese and (where it says so) in English.

Idempotent: what exists already is left alone, so an editor's changes survive
a second run. Tier S adds 2,000 news articles, saved without revisions."""

import io
import math
import random
import time
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from django.core.files.base import ContentFile
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageColor, ImageDraw, ImageFont
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler

from accounts.demo import ascii_slug
from ecosystem.models import Call

from . import demo_content as content
from .models import (
    CallIndexPage,
    CallPage,
    DocumentIndexPage,
    FooterLink,
    FormField,
    FormPage,
    HomePage,
    IssuingBody,
    MainMenuItem,
    NavigationSettings,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    OfficialDocument,
    SiteSettings,
    StandardPage,
)

CALL_INDEX = {
    "vi": {
        "title": "Kêu gọi hồ sơ",
        "intro": "<p>Các chương trình hỗ trợ khởi nghiệp đổi mới sáng tạo, nhiệm vụ khoa học "
        "và công nghệ, ươm tạo và chuyển giao công nghệ đang và sắp nhận hồ sơ.</p>",
    },
    "en": {
        "title": "Calls for applications",
        "intro": "<p>Support programmes for innovation startups, S&amp;T tasks, incubation and "
        "technology transfer that are open or about to open.</p>",
    },
}

COORDINATORS_EMAIL = "coordinator@example.com"
DEPARTMENT_SITE = "https://sokhcn.angiang.gov.vn/"
GENERATED_NEWS = {"S": 2000}
GENERATED_SLUG = "tin-tong-hop-"
PICTURE_SIZE = (1200, 675)


def seed(*, tier: str, log) -> None:
    for site in Site.objects.all():
        SiteSettings.objects.update_or_create(
            site=site,
            defaults={
                "organisation_name": "Sở Khoa học và Công nghệ tỉnh An Giang",
                "organisation_name_en": "An Giang Department of Science and Technology",
                "address": "Số 320 đường Ngô Quyền, phường Rạch Giá, tỉnh An Giang",
                "address_en": "320 Ngo Quyen Street, Rach Gia Ward, An Giang Province",
                "email": "innohub@example.org",
                "phone": "0297 3862 000",
                "facebook_url": "https://www.facebook.com/example",
                "youtube_url": "https://www.youtube.com/@example",
                "zalo_url": "https://zalo.me/example",
            },
        )
    log("website: contact details and social links")
    seed_call_pages(log)

    started = time.monotonic()
    locales = {code: Locale.objects.filter(language_code=code).first() for code in ("vi", "en")}
    homes = {
        code: HomePage.objects.filter(locale=locale).first() for code, locale in locales.items()
    }
    if not all(homes.values()):
        log("website: no home page in both languages, news and pages skipped")
        return

    news_index = ensure_page(homes, NewsIndexPage, "news", content.NEWS_INDEX, show_in_menus=True)
    documents_page = ensure_page(
        homes, DocumentIndexPage, "documents", content.DOCUMENTS_PAGE, show_in_menus=True
    )
    calls_page = {
        code: CallIndexPage.objects.filter(locale=locales[code]).first() for code in homes
    }
    contact = seed_contact(homes)
    documents = seed_documents()
    about = seed_about(homes, contact, documents)
    links = {"calls": calls_page, "contact": contact}
    created, translated = seed_news(news_index, documents, links)
    seed_home_hero(homes, calls_page)
    seed_navigation(
        news=news_index["vi"],
        calls=calls_page["vi"],
        documents=documents_page["vi"],
        about=about["vi"],
        contact=contact["vi"],
    )
    log(
        f"website: news, documents, about and contact pages, menus; {created} articles and "
        f"{translated} translations added ({time.monotonic() - started:.1f} s)"
    )

    if tier in GENERATED_NEWS:
        started = time.monotonic()
        added = seed_generated_news(news_index["vi"], GENERATED_NEWS[tier])
        log(f"website: {added} generated news articles added ({time.monotonic() - started:.1f} s)")


def seed_call_pages(log) -> None:
    """The calls page under each home page, shown in the menu, and one page per
    call below it. Calls that have their page already are left alone."""
    indexes = {}
    translation_key = None
    for code in ("vi", "en"):
        locale = Locale.objects.filter(language_code=code).first()
        home = HomePage.objects.filter(locale=locale).first() if locale else None
        if home is None:
            continue
        index = CallIndexPage.objects.child_of(home).first()
        if index is None:
            page = CallIndexPage(
                title=CALL_INDEX[code]["title"],
                slug="calls",
                intro=CALL_INDEX[code]["intro"],
                show_in_menus=True,
                locale=locale,
            )
            if translation_key:
                page.translation_key = translation_key
            index = home.add_child(instance=page)
        translation_key = translation_key or index.translation_key
        indexes[code] = index

    created = 0
    for call in Call.objects.order_by("opens_at", "pk"):
        existing = {page.locale_id: page for page in CallPage.objects.filter(call=call)}
        # The English page is a translation of the Vietnamese one: one key for both.
        translation_key = next(iter(existing.values())).translation_key if existing else None
        for code, index in indexes.items():
            if index.locale_id in existing:
                continue
            page = CallPage(
                title=(call.title_en or call.title) if code == "en" else call.title,
                slug=call.slug,
                call=call,
                locale_id=index.locale_id,
            )
            if translation_key:
                page.translation_key = translation_key
            index.add_child(instance=page)
            translation_key = page.translation_key
            created += 1
    log(f"website: calls page, {created} call pages added")


# Pages -----------------------------------------------------------------------


def publish_child(parent: Page, page: Page) -> Page:
    """Add `page` below `parent` and publish it through a revision, as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def publish_translation(page: Page, locale: Locale, **fields) -> Page:
    """The page's translation into `locale` (its parent must have one), made with
    Wagtail's own copy for translation, then filled in and published."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def ensure_page(homes, model, slug, texts, *, show_in_menus: bool = False) -> dict:
    """A page with an introduction right below each home page, Vietnamese first."""
    vi = model.objects.child_of(homes["vi"]).filter(slug=slug).first()
    if vi is None:
        vi = publish_child(
            homes["vi"],
            model(
                slug=slug,
                title=texts["vi"]["title"],
                intro=texts["vi"]["intro"],
                show_in_menus=show_in_menus,
            ),
        )
    en = publish_translation(
        vi, homes["en"].locale, title=texts["en"]["title"], intro=texts["en"]["intro"]
    )
    return {"vi": vi, "en": en}


def paragraphs(texts) -> list:
    return [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in texts]


def seed_contact(homes) -> dict:
    vi = FormPage.objects.child_of(homes["vi"]).filter(slug="contact").first()
    if vi is None:
        texts = content.CONTACT["vi"]
        page = FormPage(
            slug="contact",
            title=texts["title"],
            intro=texts["intro"],
            thank_you_text=texts["thank_you_text"],
            to_address=COORDINATORS_EMAIL,
            from_address="innohub@example.org",
            subject=texts["subject"],
            show_in_menus=False,
        )
        page.form_fields = [
            FormField(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                help_text=help_text,
            )
            for order, (label, field_type, required, help_text) in enumerate(texts["fields"])
        ]
        vi = publish_child(homes["vi"], page)
    en = vi.get_translation_or_none(homes["en"].locale)
    if en is None:
        texts = content.CONTACT["en"]
        translation = vi.copy_for_translation(homes["en"].locale)
        fields = sorted(translation.form_fields.all(), key=lambda field: field.sort_order)
        # The English labels over the same fields: submissions in both languages
        # keep the same keys (clean_name comes from the Vietnamese label).
        for field, (label, _, _, help_text) in zip(fields, texts["fields"], strict=True):
            field.label = label
            field.help_text = help_text
        translation.form_fields = fields
        translation.title = texts["title"]
        translation.intro = texts["intro"]
        translation.thank_you_text = texts["thank_you_text"]
        translation.subject = texts["subject"]
        translation.save_revision().publish()
        en = FormPage.objects.get(pk=translation.pk)
    return {"vi": vi, "en": en.specific}


def about_body(texts, contact_page, plan) -> list:
    body = []
    for heading, texts_ in texts["sections"]:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.extend(paragraphs(texts_))
    if plan is not None:
        body.append(("document", {"document": plan.document, "title": texts["plan_link"]}))
    body.append(("call_to_action", {"text": texts["cta_text"], "page": contact_page, "url": ""}))
    return body


def seed_about(homes, contact, documents) -> dict:
    plan = documents.get("44/KH-UBND")
    vi = StandardPage.objects.child_of(homes["vi"]).filter(slug="about").first()
    if vi is None:
        texts = content.ABOUT["vi"]
        vi = publish_child(
            homes["vi"],
            StandardPage(
                slug="about",
                title=texts["title"],
                intro=texts["intro"],
                body=about_body(texts, contact["vi"], plan),
                show_in_menus=True,
            ),
        )
    texts = content.ABOUT["en"]
    en = publish_translation(
        vi,
        homes["en"].locale,
        title=texts["title"],
        intro=texts["intro"],
        body=about_body(texts, contact["en"], plan),
    )
    return {"vi": vi, "en": en}


def seed_home_hero(homes, calls_page) -> None:
    """A picture and a button to the calls on each home page, unless an editor
    has set them already."""
    picture = None
    for code, stale in homes.items():
        # Fresh from the database: publishing writes back the tree fields too, and
        # pages were added below this home since it was read.
        home = HomePage.objects.get(pk=stale.pk)
        if home.hero_image_id or home.hero_cta_page_id or calls_page.get(code) is None:
            continue
        if picture is None:
            picture = demo_picture(
                "Ảnh trang chủ",
                ("#0b4f6c", "#f2c14e"),
                "grid",
                "Minh họa: mạng lưới điểm kết nối trên nền xanh biển chuyển sang vàng",
                seed=99,
            )
        home.hero_image = picture
        home.hero_cta_label = "Xem các kêu gọi đang mở" if code == "vi" else "See the open calls"
        home.hero_cta_page = calls_page[code]
        home.save_revision().publish()


def seed_navigation(*, news, calls, documents, about, contact) -> None:
    """The main menu and the footer of each site, when they are still empty."""
    for site in Site.objects.all():
        navigation = NavigationSettings.for_site(site)
        if not navigation.main_menu_items.exists():
            items = [
                {"page": news},
                {"page": calls},
                {"page": documents},
                {"section": "directory"},
                {"section": "events"},
                {"section": "mentors"},
                {"page": about},
            ]
            MainMenuItem.objects.bulk_create(
                [
                    MainMenuItem(setting=navigation, sort_order=order, **item)
                    for order, item in enumerate(items)
                ]
            )
        if not navigation.footer_links.exists():
            links = [
                {"page": about},
                {"page": contact},
                {"page": documents},
                {
                    "url": DEPARTMENT_SITE,
                    "label": "Trang thông tin Sở Khoa học và Công nghệ",
                    "label_en": "Department of Science and Technology website",
                },
            ]
            FooterLink.objects.bulk_create(
                [
                    FooterLink(setting=navigation, sort_order=order, **link)
                    for order, link in enumerate(links)
                ]
            )


# Pictures --------------------------------------------------------------------


def collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def draw_picture(colours, motif: str, *, seed: int, size=PICTURE_SIZE) -> bytes:
    """A JPEG illustration: a gradient between two colours with a motif drawn on top."""
    rng = random.Random(seed)
    width, height = size
    top, bottom = (ImageColor.getrgb(colour) for colour in colours)
    mask = PILImage.linear_gradient("L").resize(size)
    picture = PILImage.composite(
        PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask
    ).convert("RGBA")
    overlay = PILImage.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    white = (255, 255, 255)
    if motif == "waves":
        for row in range(6):
            y0 = height * (0.35 + 0.1 * row)
            amplitude, period, phase = rng.randint(12, 30), rng.randint(90, 160), rng.random() * 6
            points = [
                (x, y0 + amplitude * math.sin(x / period + phase)) for x in range(0, width + 20, 12)
            ]
            draw.line(points, fill=(*white, 110 + row * 20), width=7)
    elif motif == "sun":
        cx, cy, radius = width * 0.68, height * 0.4, 110
        for ray in range(16):
            angle = ray * math.pi / 8
            draw.line(
                [
                    (cx + (radius + 30) * math.cos(angle), cy + (radius + 30) * math.sin(angle)),
                    (cx + (radius + 95) * math.cos(angle), cy + (radius + 95) * math.sin(angle)),
                ],
                fill=(*white, 200),
                width=10,
            )
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=(*white, 225))
    elif motif == "grid":
        points = [
            (60 + column * 100 + rng.randint(-25, 25), 55 + row * 95 + rng.randint(-20, 20))
            for row in range(7)
            for column in range(11)
        ]
        for index, (x, y) in enumerate(points):
            for other in (index + 1, index + 11):
                if other < len(points) and other % 11 != 0 and rng.random() < 0.55:
                    draw.line([(x, y), points[other]], fill=(*white, 90), width=3)
        for x, y in points:
            draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=(*white, 220))
    elif motif == "hills":
        for layer in range(4):
            shade = tuple(int(channel * (1.0 - 0.14 * layer)) for channel in top)
            centre = rng.randint(0, width)
            top_y = height * (0.45 + 0.12 * layer)
            draw.ellipse(
                [centre - width * 0.9, top_y, centre + width * 0.9, top_y + height * 1.2],
                fill=(*shade, 235),
            )
    elif motif == "bars":
        for bar in range(8):
            bar_height = height * (0.18 + 0.075 * bar + rng.uniform(-0.04, 0.04))
            left = 110 + bar * 125
            draw.rectangle(
                [left, height * 0.88 - bar_height, left + 80, height * 0.88],
                fill=(*white, 170),
            )
        draw.line([(80, height * 0.88), (width - 80, height * 0.88)], fill=(*white, 230), width=5)
    else:  # circles
        for _ in range(10):
            radius = rng.randint(60, 210)
            x, y = rng.randint(0, width), rng.randint(0, height)
            fill = (*white, rng.randint(50, 120)) if rng.random() < 0.6 else (*top, 150)
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)
    picture = PILImage.alpha_composite(picture, overlay).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=84, optimize=True)
    return buffer.getvalue()


def demo_picture(title: str, colours, motif: str, description: str, *, seed: int):
    """The Wagtail image of that title, drawn the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(
        title=title,
        description=description,
        collection=collection("Tin tức"),
        file=ContentFile(
            draw_picture(colours, motif, seed=seed), name=f"{file_slug(title)[:80]}.jpg"
        ),
    )
    image.save()
    return image


# Official documents ------------------------------------------------------------

TYPE_HEADINGS = {
    "plan": "KẾ HOẠCH",
    "decision": "QUYẾT ĐỊNH",
    "resolution": "NGHỊ QUYẾT",
    "directive": "CHỈ THỊ",
    "circular": "THÔNG TƯ",
    "guideline": "HƯỚNG DẪN",
    "notice": "THÔNG BÁO",
    "official_letter": "CÔNG VĂN",
    "report": "BÁO CÁO",
}
CENTRAL_BODIES = {"thu-tuong", "bo-chinh-tri", "bo-khcn"}
DEMO_NOTE = "(Tài liệu minh họa trong dữ liệu mẫu của cổng thông tin, không phải bản chính.)"


def document_lines(spec: dict) -> tuple[list[str], list[tuple[str, str]]]:
    """The document's header (issuing body and number, beside the national
    motto) and its text as (style, text) lines."""
    year, month, day = spec["date"]
    body = content.ISSUING_BODIES[spec["body"]][0]
    if spec["body"] in CENTRAL_BODIES:
        place = "Hà Nội"
    else:
        # The province merged into An Giang on 1 July 2025.
        place = "Kiên Giang" if (year, month) < (2025, 7) else "An Giang"
        body = f"{body} {place}"
    header = [body.upper(), f"Số: {spec['number']}"]
    if spec.get("file") == "reference":
        first, heading, title, *rest = content.PLAN_2020_PARAGRAPHS
        lines = [("right", first), ("center-bold", heading), ("center-bold", title)]
        lines += [("body", text) for text in rest]
    else:
        lines = [
            ("right", f"{place}, ngày {day} tháng {month} năm {year}"),
            ("center-bold", TYPE_HEADINGS[spec["type"]]),
            ("center-bold", spec["title"]),
            ("body", spec["summary"]),
            (
                "body",
                "(Tài liệu minh họa trong dữ liệu mẫu của cổng thông tin, không phải bản chính.)",
            ),
        ]
    return header, lines


def _font(name: str, size: int):
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return None


def _wrap(text: str, font, limit: float) -> list[str]:
    rows, row = [], ""
    for word in text.split():
        candidate = f"{row} {word}".strip()
        if row and font.getlength(candidate) > limit:
            rows.append(row)
            row = word
        else:
            row = candidate
    return [*rows, row] if row else rows


def render_pdf(header: list[str], lines: list[tuple[str, str]]) -> bytes | None:
    """An A4 PDF (150 dpi, black and white) of an official document, or None
    without a font that has the Vietnamese letters (DejaVu, on most Linux systems)."""
    regular = _font("DejaVuSans.ttf", 22)
    if regular is None:
        return None
    bold = _font("DejaVuSans-Bold.ttf", 22) or regular
    width, height, margin, leading = 1240, 1754, 105, 34
    half = (width - 2 * margin) // 2
    pages = [PILImage.new("L", (width, height), 255)]
    draw = ImageDraw.Draw(pages[0])

    # The header: the issuing body and the number on the left, the motto on the right.
    columns = [
        [(bold, header[0]), (regular, header[1])],
        [(bold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (bold, "Độc lập - Tự do - Hạnh phúc")],
    ]
    bottom = margin
    for number, column in enumerate(columns):
        y = margin
        for font, text in column:
            for row in _wrap(text, font, half - 10):
                x = margin + number * half + (half - font.getlength(row)) / 2
                draw.text((x, y), row, font=font, fill=0)
                y += leading
        bottom = max(bottom, y)

    y = bottom + leading
    for style, text in lines:
        font = bold if style.endswith("bold") else regular
        for row in _wrap(text, font, width - 2 * margin):
            if y + leading > height - margin:
                pages.append(PILImage.new("L", (width, height), 255))
                draw = ImageDraw.Draw(pages[-1])
                y = margin
            length = font.getlength(row)
            x = {"center": (width - length) / 2, "right": width - margin - length}.get(
                style.split("-")[0], margin
            )
            draw.text((x, y), row, font=font, fill=0)
            y += leading
        y += leading // 2
    # Black and white pages are stored compressed as fax images: small files.
    pages = [page.convert("1", dither=PILImage.Dither.NONE) for page in pages]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=150)
    return buffer.getvalue()


def file_slug(text: str) -> str:
    """'44/KH-UBND' -> '44-kh-ubnd'."""
    return slugify(ascii_slug(text.replace("/", " "), " "))


def document_file(spec: dict):
    """The document's file, a PDF (or its text, where no font can draw it)."""
    Document = get_document_model()
    title = f"{spec['number']} - {spec['title']}"[:255]
    header, lines = document_lines(spec)
    data = render_pdf(header, lines)
    extension = "pdf"
    if data is None:
        data = "\n\n".join([*header, *(text for _, text in lines)]).encode()
        extension = "txt"
    document = Document(
        title=title,
        collection=collection("Văn bản"),
        file=ContentFile(data, name=f"{file_slug(spec['number'])}.{extension}"),
        # What the admin's upload form records, so download links show the size.
        file_size=len(data),
    )
    document.save()
    return document


def seed_documents() -> dict:
    """The issuing bodies and the ten documents, each with its file; by number."""
    bodies = {
        slug: IssuingBody.objects.get_or_create(slug=slug, defaults={"name": vi, "name_en": en})[0]
        for slug, (vi, en) in content.ISSUING_BODIES.items()
    }
    documents = {}
    for spec in content.DOCUMENTS:
        body = bodies[spec["body"]]
        document = OfficialDocument.objects.filter(number=spec["number"], issuing_body=body).first()
        if document is None:
            document = OfficialDocument.objects.create(
                number=spec["number"],
                title=spec["title"],
                title_en=spec["title_en"],
                doc_type=spec["type"],
                issuing_body=body,
                date_issued=date(*spec["date"]),
                summary=spec["summary"],
                summary_en=spec["summary_en"],
                document=document_file(spec),
            )
        documents[spec["number"]] = document
    return documents


# News ------------------------------------------------------------------------


def seed_categories() -> dict:
    return {
        slug: NewsCategory.objects.get_or_create(slug=slug, defaults={"name": vi, "name_en": en})[0]
        for slug, (vi, en) in content.CATEGORIES.items()
    }


def tag(name: str) -> Tag:
    slug = ascii_slug(name, "-").replace("&", "")
    return Tag.objects.filter(slug=slug).first() or Tag.objects.create(name=name, slug=slug)


def article_body(
    text: dict, *, image, image_alt, caption, document, link, link_text: str = ""
) -> list:
    """Lead, sections with headings, a picture after the lead, the quote after the
    second section, then the table, the document and the call to action."""
    body = []
    for position, (heading, texts) in enumerate(text["sections"]):
        if heading:
            body.append(("heading", {"text": heading, "level": "h2"}))
        body.extend(paragraphs(texts))
        if position == 0 and image is not None:
            body.append(("image", {"image": image, "alt_text": image_alt, "caption": caption}))
        if position == min(1, len(text["sections"]) - 1) and text.get("quote"):
            quote, who = text["quote"]
            body.append(("quote", {"quote": quote, "attribution": who}))
    if text.get("table"):
        table_caption, rows = text["table"]
        body.append(
            (
                "table",
                {
                    "data": rows,
                    "table_caption": table_caption,
                    "table_header_choice": "row",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            )
        )
    if document is not None:
        body.append(("document", {"document": document.document, "title": link_text}))
    if link is not None:
        body.append(("call_to_action", {"text": text["cta_text"], "page": link, "url": ""}))
    return body


def published_at(day: date, minutes: int = 0) -> datetime:
    moment = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=minutes)
    return timezone.make_aware(moment)


def seed_news(news_index: dict, documents: dict, links: dict) -> tuple[int, int]:
    """The twenty articles with their pictures, half of them in English too."""
    categories = seed_categories()
    en_locale = news_index["en"].locale
    today = timezone.localdate()
    existing = {page.slug: page for page in NewsPage.objects.child_of(news_index["vi"])}
    pictures = [
        demo_picture(
            f"Ảnh minh họa: {article['title']}"[:255],
            article["colours"],
            article["motif"],
            article["alt"],
            seed=number,
        )
        for number, article in enumerate(content.NEWS)
    ]
    created = translated = 0
    added = []
    for number, article in enumerate(content.NEWS):
        # A second picture in the body: another article's, with its description
        # (in English too for the articles that have a translation).
        other = next(
            other
            for step in range(7, 7 + len(content.NEWS))
            if (other := (number + step) % len(content.NEWS)) != number
            and (content.NEWS[other].get("en") or not article.get("en"))
        )
        inline = pictures[other]
        document = documents.get(article.get("document"))
        cta = article.get("cta")
        day = today - timedelta(days=article["days_ago"])
        page = existing.get(article["slug"])
        if page is None:
            page = NewsPage(
                slug=article["slug"],
                title=article["title"],
                date=day,
                summary=article["summary"],
                author=article["author"],
                hero_image=pictures[number],
                hero_image_alt=article["alt"],
                first_published_at=published_at(day, number),
                body=article_body(
                    article,
                    image=inline,
                    image_alt=content.NEWS[other]["alt"],
                    caption="Ảnh minh họa",
                    document=document,
                    link_text=f"Xem văn bản số {document.number}" if document else "",
                    link=page_link(cta, "vi", links),
                ),
            )
            page.categories = [categories[slug] for slug in article["categories"]]
            page.tags.add(*(tag(name) for name in article["tags"]))
            page = publish_child(news_index["vi"], page)
            added.append(page.pk)
            created += 1
        english = article.get("en")
        if english and page.get_translation_or_none(en_locale) is None:
            translation = publish_translation(
                page,
                en_locale,
                title=english["title"],
                summary=english["summary"],
                hero_image_alt=english["alt"],
                first_published_at=published_at(day, number),
                body=article_body(
                    english,
                    image=inline,
                    image_alt=content.NEWS[other]["en"]["alt"],
                    caption="Illustration",
                    document=document,
                    link_text=f"Read document {document.number}" if document else "",
                    link=page_link(cta, "en", links),
                ),
            )
            added.append(translation.pk)
            translated += 1
    # Publishing stamps "now"; the articles were published on their own dates.
    NewsPage.objects.filter(pk__in=added).update(last_published_at=F("first_published_at"))
    return created, translated


def page_link(cta: str | None, code: str, links: dict):
    if cta in links:
        return links[cta].get(code)
    return None


# Tier S ----------------------------------------------------------------------


def seed_generated_news(index: NewsIndexPage, count: int) -> int:
    """`count` more Vietnamese articles, about one a day going back, sharing the
    twenty pictures. Saved straight into the tree without revisions (Wagtail
    shows such a page's live content in the editor) and indexed for search in
    batches, which is what makes thousands of pages take a minute, not ten."""
    existing = set(
        NewsPage.objects.child_of(index)
        .filter(slug__startswith=GENERATED_SLUG)
        .values_list("slug", flat=True)
    )
    missing = [n for n in range(1, count + 1) if f"{GENERATED_SLUG}{n}" not in existing]
    if not missing:
        return 0
    rng = random.Random(count)
    categories = list(seed_categories().values())
    pictures = list(
        get_image_model()
        .objects.filter(title__in=[f"Ảnh minh họa: {a['title']}"[:255] for a in content.NEWS])
        .order_by("pk")
    )
    tags = [tag(name) for name in ("khởi nghiệp", "chuyển đổi số", "thủy sản", "Phú Quốc")]
    today = timezone.localdate()
    through = NewsPage.categories.through
    links, tagged, pages = [], [], []
    with search_index_deferred(NewsPage):
        for n in missing:
            day = today - timedelta(days=n * 2000 // count)
            picture = pictures[n % len(pictures)] if pictures else None
            page = generated_article(n, day=day, rng=rng, picture=picture)
            index.add_child(instance=page)
            pages.append(page)
            links.append(through(newspage_id=page.pk, newscategory_id=rng.choice(categories).pk))
            tagged.append(NewsPageTag(content_object_id=page.pk, tag=rng.choice(tags)))
    through.objects.bulk_create(links, batch_size=1000)
    NewsPageTag.objects.bulk_create(tagged, batch_size=1000)
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(pages), 500):
            backend.add_bulk(NewsPage, pages[start : start + 500])
    return len(missing)


def generated_article(n: int, *, day: date, rng, picture) -> NewsPage:
    topic = rng.choice(content.GENERATED_TOPICS)
    place = rng.choice(content.GENERATED_PLACES)
    sections = [
        (
            None,
            [
                f"Sở Khoa học và Công nghệ phối hợp với các đơn vị tại {place} triển khai hoạt "
                f"động về {topic}, thu hút doanh nghiệp, nhóm nghiên cứu và người dân.",
            ],
        ),
        (
            "Kết quả và bước tiếp theo",
            [
                f"Các bên thống nhất tiếp tục hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo "
                f"trong lĩnh vực {topic}, kết nối chuyên gia cố vấn và nguồn vốn.",
            ],
        ),
    ]
    moment = published_at(day, n % 600)
    return NewsPage(
        slug=f"{GENERATED_SLUG}{n}",
        title=f"{rng.choice(content.GENERATED_KINDS)} {topic} tại {place}",
        date=day,
        summary=f"Hoạt động về {topic} tại {place}: kết quả và các bước tiếp theo.",
        author="Ban biên tập",
        hero_image=picture,
        hero_image_alt=picture.description if picture else "",
        body=article_body(
            {"sections": sections}, image=None, image_alt="", caption="", document=None, link=None
        ),
        live=True,
        has_unpublished_changes=False,
        first_published_at=moment,
        last_published_at=moment,
    )


@contextmanager
def search_index_deferred(model):
    """Saves of `model` that leave the search index to the caller, who indexes
    the new rows in one batch: a third of the time of a page saved one by one."""
    post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        post_save.connect(post_save_signal_handler, sender=model)

"""Demo content of the website itself: the Department's contact details, and the
calls page with a page for each call (in Vietnamese and in English)."""

from wagtail.models import Locale, Site

from ecosystem.models import Call

from .models import CallIndexPage, CallPage, HomePage, SiteSettings

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
            },
        )
    log("website: contact details and social links")
    seed_call_pages(log)


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

"""Replace Wagtail's placeholder page with our HomePage, in Vietnamese (the site
root) and in English (its translation, served under /en/)."""

import uuid

from django.db import migrations

TITLES = {
    "vi": "Cổng thông tin khởi nghiệp đổi mới sáng tạo",
    "en": "Innovation startup portal",
}
INTROS = {
    "vi": "Nơi kết nối doanh nghiệp khởi nghiệp, nhóm nghiên cứu, chuyên gia cố vấn "
    "và các đối tác của hệ sinh thái khởi nghiệp đổi mới sáng tạo của tỉnh.",
    "en": "Where the province's startups, research groups, mentors and partners "
    "of the innovation-startup ecosystem meet.",
}


def create_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")

    locales = {}
    for code in ("vi", "en"):
        locales[code], _ = Locale.objects.get_or_create(language_code=code)

    # Wagtail's own migration made a "Welcome" page; it has no content to keep.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()

    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    translation_key = uuid.uuid4()
    homes = {}
    for position, code in enumerate(("vi", "en"), start=2):
        homes[code] = HomePage.objects.create(
            title=TITLES[code],
            draft_title=TITLES[code],
            intro=INTROS[code],
            slug="home" if code == "vi" else "home-en",
            content_type=content_type,
            path=f"{root.path}{position:04d}",
            depth=2,
            numchild=0,
            url_path="/home/" if code == "vi" else "/home-en/",
            locale=locales[code],
            translation_key=translation_key,
            live=True,
        )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page_id = homes["vi"].pk
    site.site_name = "innohub"
    site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_pages, migrations.RunPython.noop)]

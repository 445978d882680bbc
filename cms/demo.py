"""Demo content of the website itself: the Department's contact details."""

from wagtail.models import Site

from .models import SiteSettings


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

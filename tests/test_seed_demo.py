import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page

from accounts.models import User
from cms.models import (
    FormPage,
    NavigationSettings,
    NewsPage,
    OfficialDocument,
    SiteSettings,
    StandardPage,
)
from ecosystem.models import (
    Application,
    Call,
    Interaction,
    Membership,
    Organisation,
    Review,
    TechnologyOffer,
)
from events.models import Event
from mentors.models import Booking, MentorProfile, OfficeHourSlot

pytestmark = pytest.mark.django_db


def seed(**kwargs):
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **kwargs)
    return out.getvalue()


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = False
    seed()

    def counts():
        return (
            [
                model.objects.count()
                for model in (User, EmailAddress, SiteSettings, Organisation, Membership)
            ]
            + [
                model.objects.count()
                for model in (TechnologyOffer, Interaction, Image, Application, Review, Event)
            ]
            + [model.objects.count() for model in (MentorProfile, OfficeHourSlot, Booking)]
            + [
                model.objects.count()
                for model in (Page, NewsPage, OfficialDocument, StandardPage, FormPage)
            ]
        )

    first = counts()
    seed()
    assert counts() == first
    assert User.objects.count() >= 30
    assert Organisation.objects.filter(kind="startup").count() == 40
    assert Organisation.objects.filter(kind="research_group").count() == 10
    assert Organisation.objects.filter(kind="partner").count() == 15
    assert Organisation.objects.public().count() > 55
    states = {call.state for call in Call.objects.all()}
    assert states == {"upcoming", "open", "closed"}
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == set(Application.Status.values)
    assert Review.objects.filter(status="submitted").exists()
    assert 25 <= Event.objects.count() <= 40
    assert Event.objects.filter(status="cancelled").exists()
    assert Event.objects.filter(series__isnull=False).count() >= 8
    assert Event.objects.filter(waitlist_count__gt=0, confirmed_count=F("capacity")).exists()
    assert MentorProfile.objects.public().count() == 15
    assert OfficeHourSlot.objects.filter(status="open", starts_at__gt=timezone.now()).count() > 60
    assert Booking.objects.filter(rating__isnull=False).exclude(notes="").count() >= 30
    assert any(" " in name for name in User.objects.values_list("full_name", flat=True))

    # The website: twenty articles, half of them translated, ten documents with
    # their files, the about and contact pages in both languages, menus.
    news = NewsPage.objects.live()
    assert news.filter(locale__language_code="vi").count() == 20
    assert news.filter(locale__language_code="en").count() == 10
    assert not news.filter(hero_image__isnull=True).exists()
    assert not news.filter(hero_image_alt="").exists()
    assert news.filter(title__startswith="Khởi nghiệp sáng tạo").exists()
    body_blocks = {block.block_type for page in news for block in page.body}
    assert {"heading", "paragraph", "image", "quote", "table", "document"} <= body_blocks
    assert OfficialDocument.objects.count() == 10
    assert OfficialDocument.objects.filter(number="44/KH-UBND", date_issued="2020-04-10").exists()
    assert all(document.document.file.size > 0 for document in OfficialDocument.objects.all())
    for model, slug in ((StandardPage, "about"), (FormPage, "contact")):
        languages = (
            model.objects.live().filter(slug=slug).values_list("locale__language_code", flat=True)
        )
        assert sorted(languages) == ["en", "vi"]
    assert FormPage.objects.filter(to_address="coordinator@example.com").count() == 2
    navigation = NavigationSettings.objects.get()
    assert navigation.main_menu_items.count() >= 5
    assert navigation.footer_links.count() >= 3
    # The page tree is consistent (numchild, depth, paths).
    assert Page.find_problems() == ([], [], [], [], [])


def test_seed_demo_in_debug_creates_an_admin_and_prints_the_login(settings, client):
    settings.DEBUG = True
    output = seed()
    assert "admin@example.com" in output
    password = output.split("admin@example.com")[1].split("/")[1].split()[0]
    response = client.post("/account/login/", {"login": "admin@example.com", "password": password})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_seed_demo_without_debug_makes_no_known_passwords(settings):
    settings.DEBUG = False
    output = seed()
    assert "admin@example.com" not in output
    assert not User.objects.filter(is_superuser=True).exists()
    assert not User.objects.get(email="coordinator@example.com").has_usable_password()

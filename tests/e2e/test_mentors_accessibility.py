"""The mentor pages in a real browser: axe-core finds no serious or critical
problems on the directory, a profile, the booking form (also after a failed
submit), a booking's page, a mentor's office hours and the suggestions, on a
phone and on a desktop, and nothing is wider than the screen."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from ecosystem.models import ExpertiseTag, Sector
from mentors import services
from mentors.models import Language, OfficeHourSlot
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

from .accessibility import serious_violations
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])


def photo():
    buffer = io.BytesIO()
    PILImage.new("RGB", (200, 200), "#0b5a7a").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Ảnh chân dung", file=ImageFile(buffer, name="chan-dung.png")
    )


def scene():
    """Two mentors (one with a photo and long texts), a founder with a booking
    that has taken place, and a free slot to book."""
    founder = UserFactory(full_name="Trần Văn Sáng")
    startup = StartupFactory(
        name="Công ty Cổ phần Công nghệ Nuôi trồng Thủy sản Tuần hoàn Hà Tiên",
        owner=founder,
        sectors=[Sector.objects.get(slug="thuy-san")],
    )
    mentor = MentorFactory(
        user=UserFactory(full_name="Nguyễn Thị Thanh Hương", groups=["Mentors"]),
        photo=photo(),
        organisation_name="Hiệp hội Chế biến và Xuất khẩu Thủy sản Việt Nam (VASEP)",
        job_title="Phó Tổng thư ký",
        years_of_experience=22,
        profile_url="https://linkedin.example.com/in/nguyen-thi-thanh-huong-chuyen-gia",
    )
    mentor.expertise.set(ExpertiseTag.objects.filter(slug__in=["xuat-khau", "goi-von"]))
    mentor.sectors.set(Sector.objects.filter(slug__in=["thuy-san", "che-bien-thuy-san"]))
    mentor.languages.set(Language.objects.filter(code__in=["vi", "en"]))
    MentorFactory(user=UserFactory(full_name="Lê Hoàng Phúc", groups=["Mentors"]))
    free = SlotFactory(
        mentor=mentor, location="Vườn ươm Doanh nghiệp Khởi nghiệp tỉnh, số 1 Lê Lợi"
    )
    taken = SlotFactory(
        mentor=mentor,
        starts_at=timezone.now() + timedelta(days=5),
        ends_at=timezone.now() + timedelta(days=5, hours=1),
        online_url="https://meet.example.org/phong-hop-rat-dai-cho-gio-tu-van-cua-chuyen-gia",
    )
    booking = services.booking_create(
        slot=taken, startup=startup, user=founder, agenda="Xuất khẩu tôm sang EU. " * 20
    )
    start = timezone.now() - timedelta(hours=3)
    OfficeHourSlot.objects.filter(pk=taken.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=1)
    )
    return {"founder": founder, "mentor": mentor, "free": free, "booking": booking}


def open_page(new_page, live_server, viewport, user=None):
    page = new_page(viewport=viewport, locale="en-GB")
    if user is not None:
        client = Client()
        client.force_login(user)
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    return page


def assert_accessible(page, viewport, *, refused=False):
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    # A refused form comes back with status 400, which the console reports.
    errors = [e for e in page.js_errors if not (refused and "status of 400" in e)]
    assert errors == []


@VIEWPORTS
def test_the_public_pages_are_accessible(live_server, new_page, viewport):
    data = scene()
    page = open_page(new_page, live_server, viewport)
    for path in ("/mentors/", "/en/mentors/?expertise=xuat-khau&has_free_slots=on",
                 f"/mentors/{data['mentor'].slug}/"):  # fmt: skip
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page, viewport)


@VIEWPORTS
def test_the_founders_pages_are_accessible(live_server, new_page, viewport):
    data = scene()
    page = open_page(new_page, live_server, viewport, data["founder"])
    mentor, free, booking = data["mentor"], data["free"], data["booking"]
    for path in (
        f"/en/mentors/{mentor.slug}/",
        f"/en/mentors/{mentor.slug}/book/{free.pk}/",
        f"/en/mentors/bookings/{booking.pk}/",
        "/en/mentors/suggestions/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page, viewport)

    # A failed submit: the error is announced and tied to its field.
    page.goto(f"{live_server.url}/en/mentors/{mentor.slug}/book/{free.pk}/")
    page.get_by_role("button", name="Book this slot").click()
    assert page.get_by_role("alert").first.is_visible()
    agenda = page.get_by_label("What do you want help with?")
    assert agenda.get_attribute("aria-invalid") == "true"
    assert_accessible(page, viewport, refused=True)


@VIEWPORTS
def test_the_mentors_pages_are_accessible(live_server, new_page, viewport):
    data = scene()
    page = open_page(new_page, live_server, viewport, data["mentor"].user)
    for path in ("/en/mentors/me/slots/", f"/en/mentors/bookings/{data['booking'].pk}/"):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page, viewport)
    page.goto(f"{live_server.url}/en/mentors/me/slots/")
    day = timezone.localtime() + timedelta(days=6)
    page.get_by_label("Date").fill(day.strftime("%Y-%m-%d"))
    page.get_by_label("Starts at").fill("14:30")
    page.get_by_label("Length in minutes").fill("600")
    page.get_by_role("button", name="Publish").click()
    minutes = page.get_by_label("Length in minutes")
    assert minutes.get_attribute("aria-invalid") == "true"
    assert page.locator(".errorlist", has_text="A slot lasts from 15 to 120 minutes.").is_visible()
    assert_accessible(page, viewport, refused=True)

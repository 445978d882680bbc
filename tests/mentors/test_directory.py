"""/mentors/: approved mentors only, their filters and search, and a query
count that does not grow with the number of mentors and slots."""

import io
import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from ecosystem.models import ExpertiseTag, Sector
from mentors.models import Language, OfficeHourSlot
from mentors.services import month_bounds
from tests.factories import MentorFactory, SlotFactory, UserFactory

pytestmark = pytest.mark.django_db
LIST = "/en/mentors/"


def names(response) -> list[str]:
    """Mentor names in the order the page lists them."""
    html = response.content.decode()
    return [
        unescape(n) for n in re.findall(r'class="mentor-card__name"><a [^>]*>([^<]+)</a>', html)
    ]


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def mentor(name, **fields):
    terms = {key: fields.pop(key) for key in ("expertise", "sectors", "languages") if key in fields}
    profile = MentorFactory(user=UserFactory(full_name=name, groups=["Mentors"]), **fields)
    for key, slugs in terms.items():
        model = {"expertise": ExpertiseTag, "sectors": Sector, "languages": Language}[key]
        lookup = "code__in" if key == "languages" else "slug__in"
        getattr(profile, key).set(model.objects.filter(**{lookup: slugs}))
    return profile


def this_month():
    """A moment later this month (local time), whatever today is."""
    now = timezone.now()
    _start, end = month_bounds(now)
    return now + (end - now) / 2


def test_only_approved_mentors_of_active_people_are_listed(client):
    mentor("Approved Mentor")
    mentor("Pending Mentor", status="pending")
    mentor("Invited Mentor", status="invited")
    mentor("Suspended Mentor", status="suspended")
    gone = mentor("Departed Mentor")
    gone.user.is_active = False
    gone.user.save()

    response = client.get(LIST)
    assert response.status_code == 200
    assert names(response) == ["Approved Mentor"]
    assert "1 mentor" in text(response)
    assert client.get(LIST, {"q": "pending"}).status_code == 200
    assert names(client.get(LIST, {"q": "pending"})) == []


def test_a_card_shows_headline_organisation_expertise_languages_and_free_slots(client):
    profile = mentor(
        "Nguyễn Thị Hương",
        headline="Chuyên gia xuất khẩu",
        headline_en="Export expert",
        organisation_name="Hiệp hội Thủy sản",
        job_title="Phó Tổng thư ký",
        expertise=["xuat-khau"],
        languages=["vi", "en"],
    )
    SlotFactory(mentor=profile)
    SlotFactory(
        mentor=profile,
        starts_at=timezone.now() + timedelta(days=5),
        ends_at=timezone.now() + timedelta(days=5, hours=1),
    )
    # Not counted: booked, withdrawn, past, or beyond four weeks.
    SlotFactory(mentor=profile, status=OfficeHourSlot.Status.BOOKED,
                starts_at=timezone.now() + timedelta(days=6),
                ends_at=timezone.now() + timedelta(days=6, hours=1))  # fmt: skip
    SlotFactory(mentor=profile, status=OfficeHourSlot.Status.WITHDRAWN,
                starts_at=timezone.now() + timedelta(days=7),
                ends_at=timezone.now() + timedelta(days=7, hours=1))  # fmt: skip
    SlotFactory(mentor=profile, starts_at=timezone.now() - timedelta(days=1),
                ends_at=timezone.now() - timedelta(hours=23))  # fmt: skip
    SlotFactory(mentor=profile, starts_at=timezone.now() + timedelta(days=40),
                ends_at=timezone.now() + timedelta(days=40, hours=1))  # fmt: skip
    mentor("Idle Mentor")

    page = text(client.get(LIST))
    assert "Export expert" in page
    assert "Phó Tổng thư ký, Hiệp hội Thủy sản" in page
    assert "Export" in page
    assert "Speaks: English, Vietnamese" in page
    assert "2 free slots in the next 4 weeks" in page
    assert "No free slots at the moment" in page
    assert f'href="/en/mentors/{profile.slug}/#slots"' in client.get(LIST).content.decode()

    vietnamese = text(client.get("/mentors/"))
    assert "Chuyên gia xuất khẩu" in vietnamese


def test_search_ignores_diacritics_and_case(client):
    mentor("Trần Minh Quân", headline="Gọi vốn giai đoạn đầu", headline_en="Early fundraising")
    mentor("Lê Hoàng Phúc", headline="Kỹ sư IoT", headline_en="IoT engineer")

    assert names(client.get(LIST, {"q": "goi von"})) == ["Trần Minh Quân"]
    assert names(client.get(LIST, {"q": "TRAN minh"})) == ["Trần Minh Quân"]
    assert names(client.get(LIST, {"q": "Phúc"})) == ["Lê Hoàng Phúc"]
    assert names(client.get(LIST, {"q": "iot engineer"})) == ["Lê Hoàng Phúc"]
    assert names(client.get(LIST, {"q": "nobody here"})) == []


def test_filters_by_expertise_sector_language_and_free_slots_this_month(client):
    exporter = mentor(
        "A Exporter", expertise=["xuat-khau"], sectors=["thuy-san"], languages=["vi", "en"]
    )
    mentor("B Fundraiser", expertise=["goi-von"], sectors=["chuyen-doi-so"], languages=["vi"])
    farmer = mentor("C Farmer", sectors=["nong-nghiep"], languages=["vi", "ja"])
    moment = this_month()
    SlotFactory(mentor=exporter, starts_at=moment, ends_at=moment + timedelta(minutes=30))
    next_month = month_bounds(timezone.now())[1] + timedelta(days=2, hours=9)
    SlotFactory(mentor=farmer, starts_at=next_month, ends_at=next_month + timedelta(hours=1))

    assert names(client.get(LIST, {"expertise": "xuat-khau"})) == ["A Exporter"]
    # A sector includes its sub-sectors (aquaculture is under agriculture).
    assert names(client.get(LIST, {"sector": "nong-nghiep"})) == ["A Exporter", "C Farmer"]
    assert names(client.get(LIST, {"sector": "thuy-san"})) == ["A Exporter"]
    assert names(client.get(LIST, {"language": "ja"})) == ["C Farmer"]
    assert names(client.get(LIST, {"has_free_slots": "on"})) == ["A Exporter"]
    assert names(client.get(LIST, {"language": "vi", "sector": "nong-nghiep"})) == [
        "A Exporter",
        "C Farmer",
    ]


def test_a_value_that_cannot_be_used_is_reported_and_left_out(client):
    mentor("A Exporter", expertise=["xuat-khau"], languages=["en"])
    mentor("B Other")

    response = client.get(LIST, {"expertise": "no-such-tag", "language": "en"})
    assert response.status_code == 200
    assert "This is not one of the choices, so this filter was left out." in text(response)
    assert names(response) == ["A Exporter"]
    long_search = client.get(LIST, {"q": "x" * 500})
    assert long_search.status_code == 200
    assert names(long_search) == ["A Exporter", "B Other"]


def test_the_list_is_paginated(client):
    for number in range(23):
        mentor(f"Mentor {number:02d}")
    first = client.get(LIST)
    assert len(names(first)) == 20
    assert "23 mentors" in text(first)
    second = client.get(LIST, {"page": 2})
    assert names(second) == ["Mentor 20", "Mentor 21", "Mentor 22"]
    assert client.get(LIST, {"page": "abc"}).status_code == 200
    assert names(client.get(LIST, {"page": 999})) == names(second)


def photo(number):
    buffer = io.BytesIO()
    PILImage.new("RGB", (24, 24), "#0b5a7a").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=f"Photo {number}", file=ImageFile(buffer, name=f"photo-{number}.png")
    )


def populate(count, start=0):
    """Mentors with a photo, terms and four free slots each."""
    tags = list(ExpertiseTag.objects.filter(slug__in=["iot", "xuat-khau"]))
    sectors = list(Sector.objects.filter(slug__in=["thuy-san", "nong-nghiep"]))
    languages = list(Language.objects.filter(code__in=["vi", "en"]))
    for number in range(start, start + count):
        profile = MentorFactory(photo=photo(number))
        profile.expertise.set(tags)
        profile.sectors.set(sectors)
        profile.languages.set(languages)
        for day in range(4):
            starts = timezone.now() + timedelta(days=day + 1)
            OfficeHourSlot.objects.create(
                mentor=profile,
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                online_url="https://meet.example.org/x",
            )


def count_queries(client, path) -> int:
    # The first request makes the photos' renditions; count the ones after it.
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "path",
    [
        LIST,
        LIST + "?expertise=iot&sector=nong-nghiep&language=en&has_free_slots=on",
        LIST + "?q=chuyen+gia",
    ],
)
def test_the_list_issues_the_same_queries_for_5_and_50_mentors(
    client, django_assert_num_queries, path
):
    populate(5)
    with_five = count_queries(client, path)
    populate(45, start=5)
    client.get(path)
    with django_assert_num_queries(with_five):
        response = client.get(path)
    assert len(names(response)) == 20
    assert with_five <= 16

"""/mentors/suggestions/: a startup's members see mentors ranked for it, with
the reasons, and can narrow by what they need help with."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecosystem.models import ExpertiseTag, Sector
from mentors.models import Language
from mentors.services import month_bounds
from tests.factories import MentorFactory, SlotFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db
PAGE = "/en/mentors/suggestions/"


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def names(response) -> list[str]:
    html = response.content.decode()
    return [
        unescape(n) for n in re.findall(r'class="mentor-card__name"><a [^>]*>([^<]+)</a>', html)
    ]


def later_this_month():
    now = timezone.now()
    return now + (month_bounds(now)[1] - now) / 2


def mentor(name, *, sectors=(), expertise=(), languages=(), slots=1, **fields):
    profile = MentorFactory(user=UserFactory(full_name=name, groups=["Mentors"]), **fields)
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    profile.expertise.set(ExpertiseTag.objects.filter(slug__in=expertise))
    profile.languages.set(Language.objects.filter(code__in=languages))
    start = later_this_month()
    for number in range(slots):
        moment = start + timedelta(minutes=40 * number)
        SlotFactory(mentor=profile, starts_at=moment, ends_at=moment + timedelta(minutes=30))
    return profile


@pytest.fixture
def founder():
    return UserFactory()


@pytest.fixture
def startup(founder):
    return StartupFactory(
        name="Tôm Sạch", owner=founder, sectors=[Sector.objects.get(slug="thuy-san")]
    )


def test_suggestions_are_for_signed_in_members(client, startup):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]

    client.force_login(UserFactory())
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Suggestions are for members of a startup." in text(page)
    # Someone else's startup is not found.
    assert client.get(PAGE, {"startup": startup.pk}).status_code == 404
    assert client.get(PAGE, {"startup": "abc"}).status_code == 404


def test_mentors_are_ranked_with_their_reasons(client, founder, startup):
    # Scores: B 3 + 1.5 = 4.5; A 3 + 1 - 2 = 2, or 6 with the need for export; C -2.
    mentor("A Exporter", sectors=["thuy-san"], expertise=["xuat-khau"], languages=["vi", "en"],
           slots=0)  # fmt: skip
    mentor("B Aquaculture", sectors=["thuy-san"], slots=3)
    mentor("C Tourism", sectors=["du-lich-sinh-thai"], slots=0)
    mentor("D Hidden", sectors=["thuy-san"], status="pending")
    client.force_login(founder)

    response = client.get(PAGE)
    assert response.status_code == 200
    assert names(response) == ["B Aquaculture", "A Exporter", "C Tourism"]
    page = text(response)
    assert "Mentors who fit Tôm Sạch" in page
    assert "Shares sector Aquaculture and fisheries" in page
    assert "No free slot this month" in page
    # The reader reads English, so a mentor speaking it says so.
    assert "Speaks English" in page

    needing_export = client.get(PAGE, {"startup": startup.pk, "needs": ["xuat-khau"]})
    assert names(needing_export) == ["A Exporter", "B Aquaculture", "C Tourism"]
    assert "Expertise Export matches your need" in text(needing_export)
    html = needing_export.content.decode()
    assert 'value="xuat-khau" id="id_needs_' in html and "checked" in html


def test_links_go_to_the_profile_and_its_slots(client, founder, startup):
    profile = mentor("A Exporter", sectors=["thuy-san"])
    idle = mentor("B Idle", slots=0)
    client.force_login(founder)
    html = client.get(PAGE).content.decode()
    assert f'href="/en/mentors/{profile.slug}/#slots"' in html
    assert f'href="/en/mentors/{idle.slug}/"' in html
    assert f'href="/en/mentors/{idle.slug}/#slots"' not in html


def test_a_founder_of_several_startups_picks_one(client, founder, startup):
    tourism = StartupFactory(
        name="Du Lịch Xanh", owner=founder, sectors=[Sector.objects.get(slug="du-lich-sinh-thai")]
    )
    mentor("A Aquaculture", sectors=["thuy-san"])
    mentor("B Tourism", sectors=["du-lich-sinh-thai"])
    client.force_login(founder)
    # The first startup by name is chosen until the founder picks another.
    page = client.get(PAGE)
    assert names(page) == ["B Tourism", "A Aquaculture"]
    assert "Tôm Sạch" in text(page)  # offered in the choice of startup
    assert names(client.get(PAGE, {"startup": startup.pk})) == ["A Aquaculture", "B Tourism"]
    assert names(client.get(PAGE, {"startup": tourism.pk})) == ["B Tourism", "A Aquaculture"]


def test_a_startup_that_is_not_verified_is_told_it_cannot_book_yet(client):
    member = UserFactory()
    StartupFactory(owner=member, status="pending")
    mentor("A Mentor")
    client.force_login(member)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Only verified startups can book office hours." in text(page)
    assert names(page) == ["A Mentor"]


def test_an_unknown_need_is_reported_and_left_out(client, founder, startup):
    mentor("A Mentor")
    client.force_login(founder)
    response = client.get(PAGE, {"needs": ["no-such-need"]})
    assert response.status_code == 200
    assert "This is not one of the choices, so it was left out." in text(response)
    assert names(response) == ["A Mentor"]


def test_the_page_issues_the_same_queries_for_5_and_30_mentors(
    client, founder, startup, django_assert_num_queries
):
    for number in range(5):
        mentor(f"Mentor {number:02d}", sectors=["thuy-san"], expertise=["xuat-khau"],
               languages=["en"], slots=2)  # fmt: skip
    client.force_login(founder)
    path = f"{PAGE}?startup={startup.pk}&needs=xuat-khau"
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    with_five = len(captured.captured_queries)
    for number in range(5, 30):
        mentor(f"Mentor {number:02d}", sectors=["thuy-san"], expertise=["xuat-khau"],
               languages=["en"], slots=2)  # fmt: skip
    with django_assert_num_queries(with_five):
        response = client.get(path)
    assert len(names(response)) == 10

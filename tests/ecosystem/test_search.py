"""Directory search ignores Vietnamese diacritics and case. The same tests run
on SQLite and on PostgreSQL (DATABASE_URL=postgres://...)."""

import re

import pytest
from django.db import connection

from ecosystem import search, selectors
from ecosystem.models import Organisation, Startup, TechnologyOffer
from tests.factories import (
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    TechnologyOfferFactory,
)

pytestmark = pytest.mark.django_db

STARTUPS = "/en/directory/startups/"


def listed_names(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="(?:org|offer)-card__title">(?:<a [^>]*>)?([^<]+)<', html)


@pytest.fixture
def startups():
    return {
        "khoi_nghiep": StartupFactory(
            name="Khởi nghiệp Xanh", tagline="Nông sản sạch", description="Rau an toàn."
        ),
        "dong_thap": StartupFactory(
            name="Sen Việt", tagline="Sen Đồng Tháp chế biến sâu", description="Trà sen."
        ),
        "described": StartupFactory(
            name="Cá Khô", tagline="Đặc sản", description="Sấy bằng điện mặt trời ở Hòn Sơn."
        ),
        "other": StartupFactory(name="Lúa Thông Minh", tagline="Cảm biến", description="Ruộng."),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("khoi nghiep", ["Khởi nghiệp Xanh"]),
        ("KHỞI NGHIỆP", ["Khởi nghiệp Xanh"]),
        ("Khoi Ngh", ["Khởi nghiệp Xanh"]),
        ("DONG THAP", ["Sen Việt"]),
        ("đồng tháp", ["Sen Việt"]),
        ("dien mat troi", ["Cá Khô"]),
        ("hon son", ["Cá Khô"]),
        ("khoi thap", []),
    ],
)
def test_search_ignores_diacritics_and_case_over_name_tagline_and_description(
    client, startups, query, expected
):
    response = client.get(STARTUPS, {"q": query})
    assert response.status_code == 200
    assert sorted(listed_names(response)) == expected


def test_the_selector_and_the_model_search_agree(startups):
    found = selectors.startup_directory().search("dong thap")
    assert [startup.name for startup in found] == ["Sen Việt"]
    assert list(Organisation.objects.public().search("khoi nghiep")) == [
        Organisation.objects.get(pk=startups["khoi_nghiep"].pk)
    ]


@pytest.mark.parametrize("status", ["draft", "pending", "rejected"])
def test_search_never_finds_unverified_organisations(client, status):
    StartupFactory(name="Khởi nghiệp Công khai")
    StartupFactory(name="Khởi nghiệp Ẩn", status=status)

    response = client.get(STARTUPS, {"q": "khoi nghiep"})

    assert listed_names(response) == ["Khởi nghiệp Công khai"]
    assert "Ẩn" not in response.content.decode()


def test_research_groups_and_partners_are_searched_too(client):
    ResearchGroupFactory(name="Nhóm Vật liệu Xanh", tagline="Gạch từ vỏ sò")
    PartnerFactory(name="Quỹ Đổi mới", tagline="Đầu tư hạt giống")

    groups = client.get("/en/directory/research-groups/", {"q": "vo so"})
    partners = client.get("/en/directory/partners/", {"q": "DAU TU"})

    assert listed_names(groups) == ["Nhóm Vật liệu Xanh"]
    assert listed_names(partners) == ["Quỹ Đổi mới"]


def test_technology_offers_are_searched_without_diacritics(client):
    TechnologyOfferFactory(title="Máy sấy năng lượng mặt trời", summary="Cho hải sản.")
    TechnologyOfferFactory(title="Giống tôm kháng bệnh", summary="Tôm thẻ chân trắng.")
    hidden = ResearchGroupFactory(status="pending")
    TechnologyOfferFactory(title="Máy sấy bí mật", research_group=hidden)

    response = client.get("/en/directory/technology-offers/", {"q": "MAY SAY"})

    assert listed_names(response) == ["Máy sấy năng lượng mặt trời"]
    assert [offer.title for offer in TechnologyOffer.objects.public().search("tom the")] == [
        "Giống tôm kháng bệnh"
    ]


def test_the_search_and_the_other_filters_combine(client, startups):
    response = client.get(STARTUPS, {"q": "sen", "sector": "du-lich"})
    assert listed_names(response) == []
    assert "Nothing matches these filters." in response.content.decode()


def test_best_match_comes_first_where_the_database_ranks_results(client, startups):
    StartupFactory(name="Trà Sen", tagline="Sen, sen và sen", description="Sen sen sen.")

    response = client.get(STARTUPS, {"q": "sen"})
    select = re.search(r'<select name="order".*?</select>', response.content.decode(), re.S)
    options = re.findall(r'<option value="([^"]*)"', select.group(0))

    if connection.vendor == "postgresql":
        # Ranked: the one that is most about "sen" comes first.
        assert options[0] == "relevance"
        assert listed_names(response) == ["Trà Sen", "Sen Việt"]
    else:
        # SQLite does not rank; "best match" is not offered.
        assert "relevance" not in options
        assert listed_names(response) == ["Sen Việt", "Trà Sen"]
    by_name = client.get(STARTUPS, {"q": "sen", "order": "name"})
    assert listed_names(by_name) == ["Sen Việt", "Trà Sen"]


def test_best_match_stays_accepted_after_the_search_is_cleared(client, startups):
    response = client.get(STARTUPS, {"q": "", "order": "relevance"})
    assert response.status_code == 200
    assert "form-errors" not in response.content.decode()
    assert len(listed_names(response)) == 4


def bulk_startups(count):
    """Many verified startups quickly, the way the bench seeds them."""
    parents = Organisation.objects.bulk_create(
        Organisation(
            kind=Organisation.Kind.STARTUP,
            status=Organisation.Status.VERIFIED,
            name=f"Doanh nghiệp {number}",
            slug=f"doanh-nghiep-{number}",
            search_document=search.document(f"Doanh nghiệp {number}", "Nông sản sạch"),
        )
        for number in range(count)
    )
    children = [Startup(organisation_ptr_id=parent.pk) for parent in parents]
    Startup.objects._insert(children, fields=Startup._meta.local_concrete_fields)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the GIN index organisation_search exists on PostgreSQL only",
)
def test_postgresql_search_uses_the_full_text_index():
    StartupFactory(name="Khởi nghiệp Đồng Tháp")
    bulk_startups(3000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE ecosystem_organisation")
        cursor.execute("ANALYZE ecosystem_startup")
        # With a few thousand rows a plain scan is cheaper; rule the plain scans
        # out, so the plan shows whether the search can use the GIN index at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")

    # The search condition alone: with other filters the planner may rightly
    # start from another index, which says nothing about this one.
    plan = Organisation.objects.search("dong thap").explain()
    assert "organisation_search" in plan, plan
    found = selectors.startup_directory().search("dong thap")
    assert [startup.name for startup in found] == ["Khởi nghiệp Đồng Tháp"]

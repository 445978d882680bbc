"""The public directory's lists: what is listed, filters, ordering, pagination
and what happens with input that cannot be used."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from ecosystem.models import Area, PartnerService, Sector, Stage
from tests.factories import (
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    TechnologyOfferFactory,
)

pytestmark = pytest.mark.django_db

LISTS = {
    "startups": "/en/directory/startups/",
    "research_groups": "/en/directory/research-groups/",
    "partners": "/en/directory/partners/",
    "offers": "/en/directory/technology-offers/",
}
UNPUBLISHED = ["draft", "pending", "rejected"]


def sector(slug):
    return Sector.objects.get(slug=slug)


def area(slug):
    return Area.objects.get(slug=slug)


def service(slug):
    return PartnerService.objects.get(slug=slug)


def listed_names(response) -> list[str]:
    """The titles of the results, in the order shown."""
    html = response.content.decode()
    return re.findall(r'class="(?:org|offer)-card__title">(?:<a [^>]*>)?([^<]+)<', html)


@translation.override("vi")
def test_the_urls_are_the_stable_public_ones():
    assert reverse("directory:startups") == "/directory/startups/"
    assert reverse("directory:research_groups") == "/directory/research-groups/"
    assert reverse("directory:partners") == "/directory/partners/"
    assert reverse("directory:offers") == "/directory/technology-offers/"
    assert reverse("directory:detail", args=["startups", "abc"]) == "/directory/startups/abc/"


@pytest.mark.parametrize(
    ("path", "factory"),
    [
        (LISTS["startups"], StartupFactory),
        (LISTS["research_groups"], ResearchGroupFactory),
        (LISTS["partners"], PartnerFactory),
    ],
)
def test_lists_show_verified_organisations_only(client, path, factory):
    factory(name="Công khai")
    for status in UNPUBLISHED:
        factory(name=f"Ẩn {status}", status=status)

    response = client.get(path)

    assert response.status_code == 200
    assert listed_names(response) == ["Công khai"]
    for status in UNPUBLISHED:
        assert f"Ẩn {status}" not in response.content.decode()


def test_lists_keep_each_kind_to_its_own_list(client):
    StartupFactory(name="Một startup")
    PartnerFactory(name="Một đối tác")
    assert "Một đối tác" not in listed_names(client.get(LISTS["startups"]))
    assert "Một startup" not in listed_names(client.get(LISTS["partners"]))


def test_offers_of_unverified_research_groups_are_not_listed(client):
    TechnologyOfferFactory(title="Công nghệ công khai")
    for status in UNPUBLISHED:
        TechnologyOfferFactory(
            title=f"Công nghệ ẩn {status}", research_group=ResearchGroupFactory(status=status)
        )

    response = client.get(LISTS["offers"])

    assert listed_names(response) == ["Công nghệ công khai"]


def test_a_sector_includes_its_sub_sectors_and_lists_each_startup_once(client):
    StartupFactory(name="Tôm", sectors=[sector("thuy-san")])
    StartupFactory(name="Tôm và lúa", sectors=[sector("thuy-san"), sector("lua-gao")])
    StartupFactory(name="Nông nghiệp chung", sectors=[sector("nong-nghiep")])
    StartupFactory(name="Du lịch", sectors=[sector("du-lich-sinh-thai")])

    agriculture = client.get(LISTS["startups"], {"sector": "nong-nghiep"})
    aquaculture = client.get(LISTS["startups"], {"sector": "thuy-san"})

    assert listed_names(agriculture) == ["Nông nghiệp chung", "Tôm", "Tôm và lúa"]
    assert "3 startups" in agriculture.content.decode()
    assert listed_names(aquaculture) == ["Tôm", "Tôm và lúa"]


def test_a_province_includes_its_wards_and_communes(client):
    province = area("an-giang")
    StartupFactory(name="Ở tỉnh", area=province)
    StartupFactory(name="Ở Hà Tiên", area=area("ha-tien"))
    StartupFactory(name="Ở Phú Quốc", area=area("phu-quoc"))
    StartupFactory(name="Không rõ", area=None)

    whole_province = client.get(LISTS["startups"], {"area": "an-giang"})
    one_ward = client.get(LISTS["startups"], {"area": "ha-tien"})

    assert listed_names(whole_province) == ["Ở Hà Tiên", "Ở Phú Quốc", "Ở tỉnh"]
    assert listed_names(one_ward) == ["Ở Hà Tiên"]


def test_startups_filter_by_stage_founding_years_and_investment(client):
    idea = Stage.objects.get(slug="y-tuong")
    StartupFactory(name="A 2015", founded_year=2015, stage=idea, seeks_investment=True)
    StartupFactory(name="B 2020", founded_year=2020, seeks_investment=True)
    StartupFactory(name="C 2024", founded_year=2024, seeks_investment=False)

    def names(**params):
        return listed_names(client.get(LISTS["startups"], params))

    assert names(stage="y-tuong") == ["A 2015"]
    assert names(founded_min=2016) == ["B 2020", "C 2024"]
    assert names(founded_max=2020) == ["A 2015", "B 2020"]
    assert names(founded_min=2016, founded_max=2021) == ["B 2020"]
    assert names(seeking_investment="on") == ["A 2015", "B 2020"]


def test_two_facets_combine(client):
    StartupFactory(name="Tôm Hà Tiên", sectors=[sector("thuy-san")], area=area("ha-tien"))
    StartupFactory(name="Tôm Rạch Giá", sectors=[sector("thuy-san")], area=area("rach-gia"))
    StartupFactory(name="Du lịch Hà Tiên", sectors=[sector("du-lich")], area=area("ha-tien"))

    response = client.get(LISTS["startups"], {"sector": "nong-nghiep", "area": "ha-tien"})

    assert listed_names(response) == ["Tôm Hà Tiên"]
    assert "1 startup<" in response.content.decode()


def test_partners_filter_by_type_and_service(client):
    fund = PartnerFactory(name="Quỹ", partner_type="fund")
    fund.services.set([service("tai-chinh")])
    lawyers = PartnerFactory(name="Luật", partner_type="service_provider")
    lawyers.services.set([service("so-huu-tri-tue"), service("phap-ly")])
    PartnerFactory(name="Trường", partner_type="university")

    def names(**params):
        return listed_names(client.get(LISTS["partners"], params))

    assert names(partner_type="fund") == ["Quỹ"]
    assert names(service="so-huu-tri-tue") == ["Luật"]
    assert names(sector="", service="phap-ly", partner_type="service_provider") == ["Luật"]


def test_research_groups_filter_by_host_institution_among_verified_hosts(client):
    university = PartnerFactory(name="Đại học Kiên Giang", slug="dai-hoc-kien-giang")
    hidden_host = PartnerFactory(name="Viện chưa duyệt", slug="vien-chua-duyet", status="pending")
    ResearchGroupFactory(name="Nhóm Thủy sản", host_institution=university)
    ResearchGroupFactory(name="Nhóm Vật liệu", host_institution=hidden_host)

    response = client.get(LISTS["research_groups"], {"host_institution": "dai-hoc-kien-giang"})
    unverified = client.get(LISTS["research_groups"], {"host_institution": "vien-chua-duyet"})

    assert listed_names(response) == ["Nhóm Thủy sản"]
    assert 'value="dai-hoc-kien-giang" selected' in response.content.decode()
    # An unverified host is neither offered as a choice nor accepted.
    assert "Viện chưa duyệt" not in unverified.content.decode()
    assert listed_names(unverified) == ["Nhóm Thủy sản", "Nhóm Vật liệu"]
    assert "This is not one of the choices" in unverified.content.decode()


def test_offers_filter_by_readiness_ip_sector_and_text(client):
    aquaculture_group = ResearchGroupFactory(sectors=[sector("thuy-san")])
    TechnologyOfferFactory(
        title="Chế phẩm vi sinh", trl=7, ip_status="granted", research_group=aquaculture_group
    )
    TechnologyOfferFactory(
        title="Cảm biến mực nước",
        trl=4,
        ip_status="none",
        research_group=ResearchGroupFactory(sectors=[sector("chuyen-doi-so")]),
    )

    def names(**params):
        return sorted(listed_names(client.get(LISTS["offers"], params)))

    assert names(trl_min=5) == ["Chế phẩm vi sinh"]
    assert names(trl_max=5) == ["Cảm biến mực nước"]
    assert names(trl_min=4, trl_max=7) == ["Chế phẩm vi sinh", "Cảm biến mực nước"]
    assert names(ip_status="granted") == ["Chế phẩm vi sinh"]
    assert names(sector="nong-nghiep") == ["Chế phẩm vi sinh"]
    assert names(q="cam bien") == ["Cảm biến mực nước"]


def test_offers_link_to_the_research_group_that_offers_them(client):
    offer = TechnologyOfferFactory()
    response = client.get(LISTS["offers"])
    with translation.override("en"):
        group_url = offer.research_group.get_absolute_url()
    assert f'href="{group_url}#offer-{offer.pk}"' in response.content.decode()


def test_ordering_by_name_and_by_newest(client):
    StartupFactory(name="Bình Minh")
    StartupFactory(name="An Phú")
    StartupFactory(name="Cửu Long")

    by_name = listed_names(client.get(LISTS["startups"]))
    newest = listed_names(client.get(LISTS["startups"], {"order": "newest"}))

    assert by_name == ["An Phú", "Bình Minh", "Cửu Long"]
    assert newest == ["Cửu Long", "An Phú", "Bình Minh"]


def test_an_unknown_ordering_gives_a_message_and_the_usual_order(client):
    StartupFactory(name="Bình Minh")
    StartupFactory(name="An Phú")

    response = client.get(LISTS["startups"], {"order": "-password"})

    assert response.status_code == 200
    assert "This is not one of the sort orders" in response.content.decode()
    assert listed_names(response) == ["An Phú", "Bình Minh"]


def test_twenty_per_page_with_the_total_count(client):
    for number in range(45):
        StartupFactory(name=f"Startup {number:02d}")

    first = client.get(LISTS["startups"])
    third = client.get(LISTS["startups"], {"page": 3})

    assert "45 startups" in first.content.decode()
    assert listed_names(first) == [f"Startup {number:02d}" for number in range(20)]
    assert listed_names(third) == [f"Startup {number:02d}" for number in range(40, 45)]
    assert "Page 3 of 3" in third.content.decode()


# Paginator.get_page: what is not a number is the first page, a number out of
# range the last one.
@pytest.mark.parametrize(
    ("page", "first_shown"), [("abc", 0), ("1e1000000", 0), ("-1", 40), ("0", 40), ("99999", 40)]
)
def test_a_page_out_of_range_shows_a_real_page(client, page, first_shown):
    for number in range(45):
        StartupFactory(name=f"Startup {number:02d}")

    response = client.get(LISTS["startups"], {"page": page})

    assert response.status_code == 200
    assert listed_names(response)[0] == f"Startup {first_shown:02d}"


def test_pagination_links_keep_the_filters(client):
    for number in range(25):
        StartupFactory(name=f"Startup {number:02d}", sectors=[sector("thuy-san")])

    response = client.get(LISTS["startups"], {"sector": "thuy-san", "page": 1})

    assert 'href="?sector=thuy-san&amp;page=2"' in response.content.decode()


def test_the_filters_are_a_get_form_that_shows_the_current_choices(client):
    StartupFactory(sectors=[sector("thuy-san")])

    response = client.get(
        LISTS["startups"], {"sector": "thuy-san", "q": "tôm", "founded_min": "2020"}
    )
    html = response.content.decode()

    assert re.search(r'<form method="get" action="/en/directory/startups/"', html)
    assert 'value="thuy-san" selected' in html
    assert 'name="q" value="tôm"' in html
    assert 'name="founded_min" value="2020"' in html


def test_sub_sectors_are_grouped_under_their_sector(client):
    html = client.get(LISTS["startups"]).content.decode()
    group = re.search(r'<optgroup label="Agriculture">(.*?)</optgroup>', html, re.S)
    assert group is not None
    assert 'value="nong-nghiep"' in group.group(1)
    assert "All of Agriculture" in group.group(1)
    assert 'value="thuy-san"' in group.group(1)


def test_a_clear_empty_state_when_nothing_matches(client):
    StartupFactory(sectors=[sector("thuy-san")])

    response = client.get(LISTS["startups"], {"sector": "du-lich"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "0 startups" in html
    assert "Nothing matches these filters." in html
    assert 'href="/en/directory/startups/">Clear filters' in html


def test_an_empty_directory_says_so_without_a_clear_filters_link(client):
    html = client.get(LISTS["startups"]).content.decode()
    assert "Nothing is listed here yet." in html
    assert "Clear filters" not in html


def test_the_sub_navigation_links_the_four_lists(client):
    html = client.get(LISTS["partners"]).content.decode()
    nav = re.search(r'<nav class="directory-nav".*?</nav>', html, re.S).group(0)
    for path in LISTS.values():
        assert f'href="{path}"' in nav
    assert 'href="/en/directory/partners/" aria-current="page"' in nav


def test_the_vietnamese_lists_have_no_prefix(client):
    StartupFactory(name="Tôm Sạch")
    response = client.get("/directory/startups/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    assert "Tôm Sạch" in listed_names(response)


def test_the_directory_root_leads_to_the_startups(client):
    response = client.get("/directory/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/directory/startups/"


BAD_INPUT = {
    "sector": ({"sector": "abc"}, "This is not one of the choices"),
    "area": ({"area": "'; DROP TABLE ecosystem_area; --"}, "This is not one of the choices"),
    "stage": ({"stage": "\x00"}, "This is not one of the choices"),
    "huge year": ({"founded_min": "1e1000000"}, "Enter a whole number"),
    "long digits": ({"founded_max": "9" * 5000}, "Enter a whole number"),
    "year too early": ({"founded_min": "1800"}, "greater than or equal to 1900"),
    "year in the future": ({"founded_max": "3000"}, "less than or equal to"),
    "long search": ({"q": "khởi nghiệp " * 1000}, "Search for at most 200 characters"),
    "null in search": ({"q": "tôm\x00"}, "Null characters are not allowed"),
    "ordering": ({"order": "-password"}, "This is not one of the sort orders"),
}


@pytest.mark.parametrize("params", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_unusable_filters_are_reported_and_left_out(client, params):
    query, message = params
    StartupFactory(name="Tôm Sạch", founded_year=2020)
    StartupFactory(name="Lúa Xanh", founded_year=2021)

    response = client.get(LISTS["startups"], query)
    html = response.content.decode()

    assert response.status_code == 200
    assert message in html
    assert 'class="form-errors" role="alert"' in html
    assert listed_names(response) == ["Lúa Xanh", "Tôm Sạch"]


def test_a_bad_filter_does_not_cancel_the_good_ones(client):
    StartupFactory(name="Tôm", sectors=[sector("thuy-san")])
    StartupFactory(name="Du lịch", sectors=[sector("du-lich")])

    response = client.get(LISTS["startups"], {"sector": "thuy-san", "founded_min": "abc"})

    assert listed_names(response) == ["Tôm"]
    assert "Enter a whole number" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (LISTS["research_groups"], {"host_institution": "abc", "sector": "1"}),
        (LISTS["partners"], {"partner_type": "bank", "service": "abc"}),
        (LISTS["offers"], {"trl_min": "0", "trl_max": "10", "ip_status": "stolen"}),
        (LISTS["offers"], {"trl_min": "1e1000000", "order": "price"}),
        (LISTS["offers"], {"q": "x" * 10_000, "page": "-1"}),
    ],
)
def test_every_list_reports_unusable_filters_instead_of_failing(client, path, query):
    TechnologyOfferFactory()
    PartnerFactory()

    response = client.get(path, query)

    assert response.status_code == 200
    assert 'class="form-errors" role="alert"' in response.content.decode()
    assert listed_names(response)


def test_a_search_with_nothing_searchable_lists_everything(client):
    StartupFactory(name="Tôm Sạch")
    response = client.get(LISTS["startups"], {"q": "&|!():* <>"})
    assert response.status_code == 200
    assert listed_names(response) == ["Tôm Sạch"]

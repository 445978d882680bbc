"""The registry in the Wagtail admin: coordinators list, filter, search and
export organisations and keep the taxonomies; editors see none of it."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from ecosystem.models import Area, Invitation, Organisation, Sector, Stage
from tests.factories import (
    InteractionFactory,
    MembershipFactory,
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    TechnologyOfferFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

STARTUPS = "/admin/snippets/ecosystem/startup/"


def english_admin(person):
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator_client(client):
    client.force_login(english_admin(UserFactory(groups=["Coordinators"])))
    return client


@pytest.fixture
def editor_client():
    editor = Client()
    editor.force_login(english_admin(UserFactory(groups=["Editors"])))
    return editor


def names(response):
    return {organisation.name for organisation in response.context["object_list"]}


def sector(slug):
    return Sector.objects.get(slug=slug)


@pytest.fixture
def registry():
    """Startups across statuses, sectors, stages and areas of the seeded taxonomies."""
    province = Area.objects.filter(kind=Area.Kind.PROVINCE).first()
    commune = province.children.first()
    other_commune = province.children.exclude(pk=commune.pk).first()
    return {
        "shrimp": StartupFactory(
            name="Tôm Sạch Hà Tiên",
            tagline="Nuôi tôm tuần hoàn",
            status="verified",
            sectors=[sector("thuy-san")],
            stage=Stage.objects.get(slug="tang-truong"),
            area=commune,
        ),
        "rice": StartupFactory(
            name="Lúa Thông Minh",
            tagline="Cảm biến mực nước ruộng",
            status="pending",
            sectors=[sector("lua-gao")],
            stage=Stage.objects.get(slug="san-pham-mau"),
            area=other_commune,
        ),
        "solar": StartupFactory(
            name="Nắng Biển Solar",
            tagline="Khởi nghiệp điện mặt trời",
            status="rejected",
            rejection_reason="Thiếu mã số doanh nghiệp",
            sectors=[sector("dien-mat-troi")],
            stage=Stage.objects.get(slug="y-tuong"),
            area=None,
        ),
        "province": province,
        "commune": commune,
    }


def test_the_startup_list_shows_name_stage_area_and_verification(coordinator_client, registry):
    response = coordinator_client.get(STARTUPS)
    assert response.status_code == 200
    html = response.content.decode()
    assert names(response) == {"Tôm Sạch Hà Tiên", "Lúa Thông Minh", "Nắng Biển Solar"}
    for heading in ("Stage", "Area", "Verification", "Registered"):
        assert heading in html
    assert "waiting for verification" in html
    with translation.override("en"):
        assert str(registry["commune"]) in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "pending"}, {"Lúa Thông Minh"}),
        ({"status": "verified"}, {"Tôm Sạch Hà Tiên"}),
        # A top-level sector includes its sub-sectors.
        ({"sector": "nong-nghiep"}, {"Tôm Sạch Hà Tiên", "Lúa Thông Minh"}),
        ({"sector": "thuy-san"}, {"Tôm Sạch Hà Tiên"}),
        ({"stage": "y-tuong"}, {"Nắng Biển Solar"}),
        ({"area": "commune"}, {"Tôm Sạch Hà Tiên"}),
        # A province includes its communes and wards.
        ({"area": "province"}, {"Tôm Sạch Hà Tiên", "Lúa Thông Minh"}),
        ({"status": "pending", "sector": "nong-nghiep"}, {"Lúa Thông Minh"}),
    ],
)
def test_the_startup_list_filters(coordinator_client, registry, params, expected):
    lookups = {
        "sector": lambda slug: sector(slug).pk,
        "stage": lambda slug: Stage.objects.get(slug=slug).pk,
        "area": lambda key: registry[key].pk,
    }
    query = {key: lookups.get(key, lambda value: value)(value) for key, value in params.items()}
    assert names(coordinator_client.get(STARTUPS, query)) == expected


def test_the_startup_list_filters_by_registration_date(coordinator_client, registry):
    long_ago = timezone.now() - timedelta(days=400)
    Organisation.objects.filter(pk=registry["rice"].pk).update(created_at=long_ago)
    since = (timezone.now() - timedelta(days=30)).date().isoformat()
    response = coordinator_client.get(STARTUPS, {"created_at_from": since})
    assert names(response) == {"Tôm Sạch Hà Tiên", "Nắng Biển Solar"}
    until = (timezone.now() - timedelta(days=300)).date().isoformat()
    assert names(coordinator_client.get(STARTUPS, {"created_at_to": until})) == {"Lúa Thông Minh"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lúa", {"Lúa Thông Minh"}),
        ("lua thong", {"Lúa Thông Minh"}),  # no diacritics, as people type
        ("KHỞI NGHIỆP", {"Nắng Biển Solar"}),  # in the tagline
        ("cảm biến", {"Lúa Thông Minh"}),
        ("không có", set()),
    ],
)
def test_the_startup_list_searches_names_and_taglines(
    coordinator_client, registry, query, expected
):
    assert names(coordinator_client.get(STARTUPS, {"q": query})) == expected


def test_partners_filter_by_type_and_research_groups_by_status(coordinator_client):
    PartnerFactory(name="Vườn ươm Kiên Giang", partner_type="incubator")
    PartnerFactory(name="Quỹ Đổi mới", partner_type="fund")
    ResearchGroupFactory(name="Nhóm Vi sinh", status="pending")
    ResearchGroupFactory(name="Nhóm Vật liệu", status="verified")
    partners = coordinator_client.get(
        "/admin/snippets/ecosystem/partner/", {"partner_type": "fund"}
    )
    assert names(partners) == {"Quỹ Đổi mới"}
    groups = coordinator_client.get(
        "/admin/snippets/ecosystem/researchgroup/", {"status": "pending"}
    )
    assert names(groups) == {"Nhóm Vi sinh"}


def test_the_filtered_list_downloads_as_csv(coordinator_client, registry):
    response = coordinator_client.get(
        STARTUPS, {"sector": sector("nong-nghiep").pk, "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert 'filename="startups.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {"Tôm Sạch Hà Tiên", "Lúa Thông Minh"}
    assert by_name["Lúa Thông Minh"]["Verification"] == "waiting for verification"
    with translation.override("en"):
        assert by_name["Tôm Sạch Hà Tiên"]["Sectors"] == str(sector("thuy-san"))
    shrimp = registry["shrimp"]
    assert by_name[shrimp.name]["Public address"] == (
        f"http://testserver/directory/startups/{shrimp.slug}/"
    )


def test_the_filtered_list_downloads_as_xlsx(coordinator_client, registry):
    response = coordinator_client.get(STARTUPS, {"status": "verified", "export": "xlsx"})
    assert response.status_code == 200
    assert 'filename="startups.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert header[:4] == ("Name", "Verification", "Tagline", "Sectors")
    assert [row[0] for row in data] == ["Tôm Sạch Hà Tiên"]
    record = dict(zip(header, data[0], strict=True))
    assert record["Verification"] == "verified"
    with translation.override("en"):
        assert record["Stage"] == str(registry["shrimp"].stage)
    assert record["Looking for investment"] == "no"


def test_the_search_carries_into_the_export(coordinator_client, registry):
    response = coordinator_client.get(STARTUPS, {"q": "nang bien", "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Name"] for row in rows] == ["Nắng Biển Solar"]


def list_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [STARTUPS, "/admin/snippets/ecosystem/interaction/"])
def test_lists_take_the_same_queries_for_5_or_25_rows(coordinator_client, url):
    def add(count):
        for _ in range(count):
            owner = UserFactory()
            InteractionFactory(organisation=StartupFactory(owner=owner), follow_up_owner=owner)

    add(5)
    list_queries(coordinator_client, url)
    with_five = list_queries(coordinator_client, url)
    add(20)
    assert list_queries(coordinator_client, url) == with_five


def test_the_edit_screen_groups_the_form_and_offers_the_coordinators_actions(
    coordinator_client,
):
    startup = StartupFactory(status="pending")
    html = coordinator_client.get(f"{STARTUPS}edit/{startup.pk}/").content.decode()
    for tab in ("Profile", "Contact and links", "Verification", "CRM log"):
        assert tab in html
    assert 'name="status"' in html and 'name="rejection_reason"' in html
    for action in ("verify", "reject", "merge"):
        assert f"{STARTUPS}{action}/{startup.pk}/" in html
    inspect = coordinator_client.get(f"{STARTUPS}inspect/{startup.pk}/").content.decode()
    assert f"{STARTUPS}verify/{startup.pk}/" in inspect


@pytest.mark.parametrize(
    "path",
    [
        "startup/",
        "researchgroup/",
        "partner/",
        "technologyoffer/",
        "interaction/",
        "membership/",
        "invitation/",
        "sector/",
        "stage/",
        "area/",
        "expertisetag/",
        "partnerservice/",
    ],
)
def test_coordinators_open_every_registry_list(coordinator_client, path):
    StartupFactory(owner=UserFactory())
    TechnologyOfferFactory()
    InteractionFactory()
    assert coordinator_client.get(f"/admin/snippets/ecosystem/{path}").status_code == 200


def test_the_menu_has_an_ecosystem_and_a_taxonomies_group(coordinator_client, editor_client):
    home = coordinator_client.get("/admin/").content.decode()
    for label in ("Ecosystem", "Taxonomies", STARTUPS, "/admin/snippets/ecosystem/sector/"):
        assert label in home
    editor_home = editor_client.get("/admin/").content.decode()
    assert STARTUPS not in editor_home
    assert "/admin/snippets/ecosystem/sector/" not in editor_home


def test_memberships_and_invitations_are_listed_for_coordinators(coordinator_client):
    owner = UserFactory(email="chu-so-huu@example.com")
    startup = StartupFactory(name="Rong Biển Xanh", owner=owner)
    Invitation.objects.create(organisation=startup, email="thanh-vien-moi@example.com")
    memberships = coordinator_client.get("/admin/snippets/ecosystem/membership/")
    assert "chu-so-huu@example.com" in memberships.content.decode()
    invitations = coordinator_client.get("/admin/snippets/ecosystem/invitation/", {"state": "open"})
    assert "thanh-vien-moi@example.com" in invitations.content.decode()
    assert "Rong Biển Xanh" in invitations.content.decode()


def test_a_coordinator_fixes_a_membership(coordinator_client):
    membership = MembershipFactory(title="")
    url = f"/admin/snippets/ecosystem/membership/edit/{membership.pk}/"
    response = coordinator_client.post(
        url,
        {
            "organisation": membership.organisation_id,
            "user": membership.user_id,
            "role": "member",
            "title": "Giám đốc kỹ thuật",
        },
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.title == "Giám đốc kỹ thuật"


def test_a_second_owner_is_refused_with_a_message(coordinator_client):
    startup = StartupFactory(owner=UserFactory())
    membership = MembershipFactory(organisation=startup)
    response = coordinator_client.post(
        f"/admin/snippets/ecosystem/membership/edit/{membership.pk}/",
        {
            "organisation": startup.pk,
            "user": membership.user_id,
            "role": "owner",
            "title": "",
        },
    )
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.role == "member"


def test_the_person_chooser_searches_people_for_coordinators_only(
    coordinator_client, editor_client
):
    UserFactory(full_name="Nguyễn Thị Hoa", email="hoa@example.com")
    found = coordinator_client.get("/admin/ecosystem/choose-person/results/", {"q": "hoa@"})
    assert "hoa@example.com" in found.content.decode()
    assert_refused(editor_client.get("/admin/ecosystem/choose-person/"))


def test_the_organisation_chooser_searches_without_diacritics(coordinator_client):
    StartupFactory(name="Khởi nghiệp Đồng Xanh")
    StartupFactory(name="Biển Bạc")
    found = coordinator_client.get(
        "/admin/ecosystem/choose-organisation/results/", {"q": "dong xanh"}
    ).content.decode()
    assert "Khởi nghiệp Đồng Xanh" in found
    assert "Biển Bạc" not in found


def editor_urls():
    startup_urls = [
        "",
        "add/",
        "edit/{pk}/",
        "inspect/{pk}/",
        "history/{pk}/",
        "verify/{pk}/",
        "reject/{pk}/",
        "merge/{pk}/",
        "merge/{pk}/{other}/",
        "?export=csv",
        "?export=xlsx",
    ]
    return [
        *(f"{STARTUPS}{url}" for url in startup_urls),
        "/admin/snippets/ecosystem/researchgroup/",
        "/admin/snippets/ecosystem/partner/",
        "/admin/snippets/ecosystem/technologyoffer/",
        "/admin/snippets/ecosystem/interaction/",
        "/admin/snippets/ecosystem/interaction/add/",
        "/admin/snippets/ecosystem/membership/",
        "/admin/snippets/ecosystem/invitation/",
        "/admin/snippets/ecosystem/sector/",
        "/admin/snippets/ecosystem/area/",
        "/admin/bulk/ecosystem/startup/verify/?id={pk}",
        "/admin/bulk/ecosystem/startup/reject/?id={pk}",
    ]


def assert_refused(response):
    """Wagtail sends people with admin access but not this right back to the
    dashboard with an error; a request from a script gets a plain 403."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == "/admin/"


@pytest.mark.parametrize("url", editor_urls())
def test_editors_are_refused_every_registry_screen(editor_client, url):
    startup, other = StartupFactory(status="pending"), StartupFactory()
    url = url.format(pk=startup.pk, other=other.pk)
    assert_refused(editor_client.get(url))
    assert_refused(editor_client.get(url, headers={"x-requested-with": "XMLHttpRequest"}))
    if "verify" in url or "reject" in url or "merge" in url:
        assert_refused(editor_client.post(url, {"reason": "x", "duplicate": other.pk}))
    startup.refresh_from_db()
    assert startup.status == "pending"
    assert Organisation.objects.filter(pk=other.pk).exists()


def test_people_who_are_not_signed_in_are_sent_to_sign_in(client):
    startup = StartupFactory()
    for url in (STARTUPS, f"{STARTUPS}verify/{startup.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response.url


def test_a_coordinator_adds_a_verified_partner_and_it_is_logged(coordinator_client):
    form = coordinator_client.get("/admin/snippets/ecosystem/partner/add/")
    assert "Save the organisation first" in form.content.decode()
    response = coordinator_client.post(
        "/admin/snippets/ecosystem/partner/add/",
        {
            "name": "Trung tâm Ứng dụng Tiến bộ KH&CN",
            "slug": "trung-tam-ung-dung",
            "partner_type": "service_provider",
            "status": "verified",
            "rejection_reason": "",
        },
    )
    assert response.status_code == 302
    partner = Organisation.objects.get(slug="trung-tam-ung-dung")
    assert (partner.kind, partner.status) == ("partner", "verified")
    assert partner.verified_at is not None
    assert ModelLogEntry.objects.filter(object_id=str(partner.pk), action="wagtail.create").exists()

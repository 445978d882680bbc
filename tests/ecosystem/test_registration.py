"""A signed-in person registers a startup or research group, saves it as a draft,
comes back to it, submits it for verification, and keeps its profile up to date."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from ecosystem.exceptions import RegistryError
from ecosystem.models import Area, Membership, Organisation, ResearchGroup, Sector, Stage, Startup
from ecosystem.services import registration
from tests.factories import (
    MembershipFactory,
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REGISTER_STARTUP = "/en/account/organisations/register/startup/"
REGISTER_RESEARCH_GROUP = "/en/account/organisations/register/research-group/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def complete_startup(**changes):
    data = {
        "name": "Khởi nghiệp Đồng Tháp Xanh",
        "tagline": "Sen sấy khô cho xuất khẩu",
        "description": "Chế biến hạt sen sấy lạnh, đóng gói hút chân không.",
        "sectors": [Sector.objects.get(slug="dac-san-dia-phuong").pk],
        "area": Area.objects.get(slug="long-xuyen").pk,
        "stage": Stage.objects.get(slug="y-tuong").pk,
        "founded_year": "2024",
        "team_size": "4",
        "enterprise_code": "",
        "products": "Hạt sen sấy",
        "website": "https://senxanh.example.vn",
        "contact_email": "lienhe@senxanh.example.vn",
        "contact_phone": "0909 000 111",
        "show_contact": "on",
        "action": "submit",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def edit_url(organisation):
    return f"/en/account/organisations/{organisation.pk}/edit/"


def form_errors(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def log_entries(organisation):
    content_type = ContentType.objects.get_for_model(organisation, for_concrete_model=False)
    return ModelLogEntry.objects.filter(
        content_type=content_type, object_id=str(organisation.pk)
    ).order_by("timestamp", "pk")


@pytest.mark.parametrize(
    "path",
    [
        "/account/organisations/register/startup/",
        "/account/organisations/register/research-group/",
        "/account/organisations/1/edit/",
        "/account/organisations/1/members/",
        "/account/organisations/1/offers/",
        "/account/organisations/invitations/abc/",
    ],
)
def test_self_service_pages_ask_anonymous_visitors_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next={path}"


@pytest.mark.parametrize("kind", ["partner", "partners", "anything"])
def test_only_startups_and_research_groups_register_here(client, user, kind):
    client.force_login(user)
    assert client.get(f"/account/organisations/register/{kind}/").status_code == 404


def test_a_draft_needs_only_a_name_and_the_creator_owns_it(client, user):
    client.force_login(user)
    response = client.post(
        REGISTER_STARTUP, {"name": "Khởi nghiệp Đồng Tháp Xanh", "action": "save"}, follow=True
    )
    startup = Startup.objects.get()
    assert startup.status == Organisation.Status.DRAFT
    assert startup.submitted_at is None
    assert startup.slug == "khoi-nghiep-dong-thap-xanh"
    assert Membership.objects.get(organisation=startup).user == user
    assert Membership.objects.get(organisation=startup).role == Membership.Role.OWNER
    assert response.redirect_chain[-1][0] == edit_url(startup)
    assert "Draft saved" in response.content.decode()
    assert [entry.action for entry in log_entries(startup)] == ["wagtail.create"]
    assert log_entries(startup).get().user == user


def test_a_draft_without_a_name_is_refused_and_nothing_is_stored(client, user):
    client.force_login(user)
    response = client.post(REGISTER_STARTUP, {"tagline": "Giữ lại", "action": "save"})
    assert response.status_code == 200
    assert "name" in form_errors(response)
    assert 'value="Giữ lại"' in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_draft_is_resumed_and_submitted_for_verification(client, user):
    client.force_login(user)
    client.post(REGISTER_STARTUP, {"name": "Sen Xanh", "action": "save"})
    startup = Startup.objects.get()
    page = client.get("/en/account/")
    assert edit_url(startup) in page.content.decode()
    assert "Continue the draft" in page.content.decode()

    response = client.post(edit_url(startup), complete_startup(name="Sen Xanh"), follow=True)
    startup.refresh_from_db()
    assert startup.status == Organisation.Status.PENDING
    assert startup.submitted_at is not None
    assert startup.founded_year == 2024
    assert list(startup.sectors.values_list("slug", flat=True)) == ["dac-san-dia-phuong"]
    assert response.redirect_chain[-1][0] == "/en/account/"
    assert "submitted for verification" in response.content.decode()
    assert "Waiting for verification" in response.content.decode()


def test_registering_and_submitting_at_once_makes_it_pending(client, user):
    client.force_login(user)
    client.post(REGISTER_STARTUP, complete_startup())
    startup = Startup.objects.get()
    assert startup.status == Organisation.Status.PENDING
    assert startup.show_contact is True
    assert startup.contact_email == "lienhe@senxanh.example.vn"


@pytest.mark.parametrize(
    "missing", ["tagline", "description", "sectors", "area", "stage", "founded_year"]
)
def test_submitting_needs_what_verification_needs(client, user, missing):
    client.force_login(user)
    response = client.post(REGISTER_STARTUP, complete_startup(**{missing: None}))
    assert response.status_code == 200
    assert list(form_errors(response)) == [missing]
    assert not Organisation.objects.exists()
    # The rest of what the person typed is still there.
    assert "Khởi nghiệp Đồng Tháp Xanh" in response.content.decode()


def test_submitting_a_draft_with_gaps_marks_them_and_keeps_it_a_draft(client, user):
    owner = user
    startup = StartupFactory(owner=owner, status="draft", tagline="", stage=None)
    client.force_login(owner)
    response = client.post(edit_url(startup), complete_startup(tagline="", stage=""))
    assert sorted(form_errors(response)) == ["stage", "tagline"]
    startup.refresh_from_db()
    assert startup.status == Organisation.Status.DRAFT
    assert startup.name != "Khởi nghiệp Đồng Tháp Xanh"


def test_a_research_group_needs_a_host_institution_or_a_lead_researcher(client, user):
    client.force_login(user)
    host = PartnerFactory(name="Trường Đại học An Giang")
    data = complete_startup(name="Nhóm Vi sinh Biển", stage=None, founded_year=None)
    response = client.post(REGISTER_RESEARCH_GROUP, data)
    assert list(form_errors(response)) == ["host_institution"]

    client.post(REGISTER_RESEARCH_GROUP, {**data, "lead_researcher": "TS. Trần Thị Hoa"})
    group = ResearchGroup.objects.get()
    assert group.status == Organisation.Status.PENDING
    assert group.lead_researcher == "TS. Trần Thị Hoa"

    client.post(REGISTER_RESEARCH_GROUP, {**data, "host_institution": host.pk})
    assert ResearchGroup.objects.get(host_institution=host).status == "pending"


def test_an_unverified_partner_cannot_be_chosen_as_host(client, user):
    client.force_login(user)
    hidden = PartnerFactory(status="pending")
    data = complete_startup(stage=None, founded_year=None, host_institution=hidden.pk)
    response = client.post(REGISTER_RESEARCH_GROUP, data)
    assert "host_institution" in form_errors(response)
    assert not ResearchGroup.objects.exists()


def test_slugs_drop_vietnamese_diacritics_and_stay_unique(client, user):
    client.force_login(user)
    for _ in range(3):
        client.post(REGISTER_STARTUP, {"name": "Đặc sản Phú Quốc", "action": "save"})
    assert sorted(Startup.objects.values_list("slug", flat=True)) == [
        "dac-san-phu-quoc",
        "dac-san-phu-quoc-2",
        "dac-san-phu-quoc-3",
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0312345678", "0312345678"),
        ("0312345678001", "0312345678-001"),
        ("0312345678-001", "0312345678-001"),
        (" 0312 345 678 ", "0312345678"),
    ],
)
def test_enterprise_codes_accept_the_dash_form(client, user, typed, stored):
    client.force_login(user)
    client.post(REGISTER_STARTUP, complete_startup(enterprise_code=typed))
    assert Startup.objects.get().enterprise_code == stored


@pytest.mark.parametrize("typed", ["12345", "03123456780012", "abcdefghij", "0312345678-01"])
def test_a_malformed_enterprise_code_is_a_form_error(client, user, typed):
    client.force_login(user)
    response = client.post(REGISTER_STARTUP, complete_startup(enterprise_code=typed))
    assert list(form_errors(response)) == ["enterprise_code"]
    assert not Startup.objects.exists()


def test_a_registered_enterprise_code_is_a_form_error_not_a_crash(client, user):
    StartupFactory(enterprise_code="0312345678-001")
    client.force_login(user)
    response = client.post(REGISTER_STARTUP, complete_startup(enterprise_code="0312345678001"))
    assert response.status_code == 200
    assert form_errors(response) == {
        "enterprise_code": ["A startup with this enterprise code is already registered."]
    }
    assert Startup.objects.count() == 1


def test_losing_the_race_for_an_enterprise_code_is_a_clear_error(user, monkeypatch):
    """Two people submit the same code at once: both pass the checks, and the
    database's unique constraint turns the second into a message, not a 500."""
    StartupFactory(enterprise_code="0312345678")
    checks = iter([None])
    real_check = registration._duplicate_enterprise_code
    monkeypatch.setattr(
        registration,
        "_duplicate_enterprise_code",
        lambda organisation: next(checks, None) or real_check(organisation),
    )
    with pytest.raises(RegistryError) as error:
        registration.organisation_register(
            kind="startup",
            owner=user,
            fields={"name": "Trùng mã", "enterprise_code": "0312345678"},
        )
    assert error.value.field == "enterprise_code"
    assert Startup.objects.count() == 1
    assert not Membership.objects.filter(user=user).exists()


def test_status_and_slug_cannot_be_set_from_the_form(client, user):
    client.force_login(user)
    client.post(
        REGISTER_STARTUP,
        {"name": "Tự xác minh", "status": "verified", "slug": "chon-slug", "action": "save"},
    )
    startup = Startup.objects.get()
    assert (startup.status, startup.slug) == ("draft", "tu-xac-minh")
    with pytest.raises(ValueError):
        registration.organisation_update(
            organisation=startup, user=user, fields={"status": "verified"}
        )


def test_members_edit_every_public_field_and_the_change_is_logged(client, user):
    startup = StartupFactory(status="pending", show_contact=False)
    member = UserFactory()
    Membership.objects.create(organisation=startup, user=member, role="member")
    client.force_login(member)
    response = client.post(
        edit_url(startup),
        complete_startup(
            name=startup.name,
            tagline="Tôm sạch tuần hoàn",
            description=startup.description,
            sectors=[Sector.objects.get(slug="thuy-san").pk],
            area=startup.area_id,
            stage=startup.stage_id,
            founded_year=str(startup.founded_year),
            facebook_url="https://facebook.com/tomsach",
            linkedin_url="https://linkedin.com/company/tomsach",
            contact_email="hello@tomsach.example.vn",
            website="",
            team_size="",
            products="",
            action="save",
        ),
        follow=True,
    )
    assert "have been saved" in response.content.decode()
    startup.refresh_from_db()
    assert startup.tagline == "Tôm sạch tuần hoàn"
    assert startup.facebook_url == "https://facebook.com/tomsach"
    assert startup.show_contact is True
    assert startup.status == Organisation.Status.PENDING
    entry = log_entries(startup).get()
    assert (entry.action, entry.user) == ("wagtail.edit", member)
    assert set(entry.data["fields"]) == {
        "tagline",
        "facebook_url",
        "linkedin_url",
        "contact_email",
        "contact_phone",
        "show_contact",
    }


def test_saving_without_changes_logs_nothing(client, user):
    startup = StartupFactory(owner=user, status="draft")
    client.force_login(user)
    form = client.get(edit_url(startup)).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None and value is not False
    }
    data["sectors"] = [sector.pk for sector in data["sectors"]]
    data["action"] = "save"
    client.post(edit_url(startup), data)
    assert not log_entries(startup).exists()


def test_a_verified_organisation_stays_verified_when_edited(client, user):
    startup = StartupFactory(owner=user, status="verified")
    client.force_login(user)
    data = complete_startup(name=startup.name, tagline="Mới", action="submit")
    response = client.post(edit_url(startup), data, follow=True)
    startup.refresh_from_db()
    assert startup.status == Organisation.Status.VERIFIED
    assert startup.tagline == "Mới"
    assert "Submit for verification" not in response.content.decode()


def test_a_submitted_profile_cannot_lose_what_verification_needs(client, user):
    startup = StartupFactory(owner=user, status="verified")
    client.force_login(user)
    response = client.post(edit_url(startup), complete_startup(description="", action="save"))
    assert list(form_errors(response)) == ["description"]
    startup.refresh_from_db()
    assert startup.description


def test_a_rejected_organisation_shows_the_reason_and_can_be_resubmitted(client, user):
    startup = StartupFactory(
        owner=user, status="rejected", rejection_reason="Thiếu mô tả sản phẩm chính."
    )
    client.force_login(user)
    account = client.get("/en/account/").content.decode()
    assert "Thiếu mô tả sản phẩm chính." in account
    assert "Rejected" in account
    page = client.get(edit_url(startup)).content.decode()
    assert "Thiếu mô tả sản phẩm chính." in page
    assert "Resubmit for verification" in page

    client.post(edit_url(startup), complete_startup(name=startup.name, products="Tôm thẻ"))
    startup.refresh_from_db()
    assert startup.status == Organisation.Status.PENDING
    assert startup.products == "Tôm thẻ"
    statuses = [entry.data.get("status") for entry in log_entries(startup)]
    assert ["rejected", "pending"] in statuses


def test_the_account_page_lists_every_organisation_with_its_state(client, user):
    startup = StartupFactory(owner=user, status="verified", name="Tôm Sạch Hà Tiên")
    group = ResearchGroupFactory(name="Nhóm Vi sinh", status="pending")
    Membership.objects.create(organisation=group, user=user, role="member")
    StartupFactory(name="Không phải của tôi")
    client.force_login(user)
    html = client.get("/en/account/").content.decode()
    assert "Tôm Sạch Hà Tiên" in html
    assert "Nhóm Vi sinh" in html
    assert "Không phải của tôi" not in html
    assert "badge--success" in html and "badge--warning" in html
    for url in [
        edit_url(startup),
        f"/en/account/organisations/{startup.pk}/members/",
        f"/en/account/organisations/{group.pk}/offers/",
        REGISTER_STARTUP,
        REGISTER_RESEARCH_GROUP,
    ]:
        assert f'href="{url}"' in html
    assert f"/en/account/organisations/{startup.pk}/offers/" not in html


def test_someone_elses_organisation_is_not_found(client, user):
    startup = StartupFactory(owner=UserFactory())
    client.force_login(user)
    assert client.get(edit_url(startup)).status_code == 404
    assert client.post(edit_url(startup), complete_startup()).status_code == 404
    startup.refresh_from_db()
    assert startup.name != "Khởi nghiệp Đồng Tháp Xanh"


def test_partners_profiles_stay_with_the_coordinators(client, user):
    partner = PartnerFactory(name="Vườn ươm Sáng tạo An Giang")
    MembershipFactory(organisation=partner, user=user, role="owner")
    client.force_login(user)
    account = client.get("/en/account/").content.decode()
    assert "Vườn ươm Sáng tạo An Giang" in account
    assert edit_url(partner) not in account
    response = client.post(edit_url(partner), {"name": "Đổi tên"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/en/account/organisations/{partner.pk}/members/"
    assert "coordinators keep partners" in response.content.decode()
    partner.refresh_from_db()
    assert partner.name == "Vườn ươm Sáng tạo An Giang"

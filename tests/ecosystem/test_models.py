import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from ecosystem.models import Area, Organisation, Sector, Startup
from ecosystem.models.organisations import normalize_enterprise_code
from tests.factories import MembershipFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0312345678", "0312345678"),
        ("0312345678001", "0312345678-001"),
        ("0312345678-001", "0312345678-001"),
        (" 0312.345.678 ", "0312345678"),
        ("", ""),
    ],
)
def test_enterprise_codes_accept_the_dash_form(raw, stored):
    assert normalize_enterprise_code(raw) == stored


@pytest.mark.parametrize("raw", ["12345", "03123456780", "0312345678-01", "abcdefghij"])
def test_enterprise_codes_of_the_wrong_length_are_refused(raw):
    with pytest.raises(ValidationError):
        normalize_enterprise_code(raw)


def test_a_kind_is_set_by_the_model_and_the_specific_row_is_reachable():
    startup = StartupFactory()
    organisation = Organisation.objects.get(pk=startup.pk)
    assert organisation.kind == "startup"
    assert organisation.specific == startup


def test_search_document_ignores_diacritics_and_case():
    startup = StartupFactory(name="Khởi nghiệp Đồng Xanh", tagline="Nước mắm Phú Quốc")
    assert "khoi nghiep dong xanh" in startup.search_document
    assert "nuoc mam phu quoc" in startup.search_document


def test_sectors_have_two_levels():
    child = Sector.objects.get(slug="thuy-san")
    grandchild = Sector(name="Tôm", slug="tom", parent=child)
    with pytest.raises(ValidationError):
        grandchild.full_clean()


def test_an_area_below_a_province_needs_the_province():
    ward = Area(name="Phường Mới", slug="phuong-moi", kind="ward")
    with pytest.raises(ValidationError):
        ward.full_clean()


def test_one_owner_per_organisation_is_enforced_by_the_database():
    startup = StartupFactory(owner=UserFactory())
    with pytest.raises(IntegrityError):
        MembershipFactory(organisation=startup, role="owner")


def test_sector_filter_includes_sub_sectors():
    agriculture = Sector.objects.get(slug="nong-nghiep")
    shrimp = StartupFactory(sectors=[Sector.objects.get(slug="thuy-san")])
    tourism = StartupFactory(sectors=[Sector.objects.get(slug="du-lich-sinh-thai")])
    found = set(Startup.objects.in_sector(agriculture))
    assert shrimp in found and tourism not in found

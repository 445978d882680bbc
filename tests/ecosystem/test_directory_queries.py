"""The directory's pages issue a fixed, small number of queries: the same with
5 organisations as with 50, each with a logo, sectors and members."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model

from accounts.models import User
from ecosystem.models import (
    ExpertiseTag,
    Membership,
    Partner,
    PartnerService,
    ResearchGroup,
    Sector,
    Startup,
)
from tests.factories import (
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    TechnologyOfferFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12

LIST_PAGES = [
    "/en/directory/startups/",
    "/en/directory/startups/?sector=nong-nghiep&area=an-giang&stage=san-pham-mau",
    "/en/directory/startups/?q=khoi+nghiep&order=newest&founded_min=2000",
    "/en/directory/startups/?page=2",
    "/en/directory/research-groups/",
    "/en/directory/research-groups/?sector=nong-nghiep&host_institution=dai-hoc-1",
    "/en/directory/partners/",
    "/en/directory/partners/?partner_type=university&service=so-huu-tri-tue",
    "/en/directory/technology-offers/",
    "/en/directory/technology-offers/?trl_min=3&sector=nong-nghiep&q=che+pham",
]


def logo(number):
    buffer = io.BytesIO()
    PILImage.new("RGB", (24, 24), "#1d6b36").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=f"Logo {number}", file=ImageFile(buffer, name=f"logo-{number}.png")
    )


def add_members(organisation, count, *, with_owner=True):
    # Bulk-created people: password hashing would make the test crawl.
    start = User.objects.count()
    people = User.objects.bulk_create(
        User(email=f"thanh-vien-{start + n}@example.com", full_name=f"Thành viên {start + n}")
        for n in range(count)
    )
    Membership.objects.bulk_create(
        Membership(
            user=person,
            organisation=organisation,
            role="owner" if with_owner and n == 0 else "member",
            title="Kỹ sư" if n % 2 else "",
        )
        for n, person in enumerate(people)
    )


def populate(count, start=0):
    """`count` startups, research groups with offers, and partners, each with a
    logo, two sectors and two members."""
    sectors = [Sector.objects.get(slug="thuy-san"), Sector.objects.get(slug="lua-gao")]
    services = list(PartnerService.objects.all()[:2])
    tags = list(ExpertiseTag.objects.all()[:2])
    for number in range(start, start + count):
        host = PartnerFactory(
            slug=f"dai-hoc-{number}", logo=logo(f"p{number}"), partner_type="university"
        )
        host.sectors.set(sectors)
        host.services.set(services)
        group = ResearchGroupFactory(
            host_institution=host, logo=logo(f"g{number}"), sectors=sectors
        )
        group.research_fields.set(tags)
        for _ in range(2):
            TechnologyOfferFactory(research_group=group).expertise.set(tags)
        startup = StartupFactory(
            name=f"Khởi nghiệp {number}", logo=logo(f"s{number}"), sectors=sectors
        )
        for organisation in (host, group, startup):
            add_members(organisation, 2)


def count_queries(client, path) -> int:
    # The first request makes the logos' renditions; count the ones after it.
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_pages_issue_the_same_few_queries_for_5_and_50_organisations(
    client, django_assert_num_queries, path
):
    populate(5)
    with_five = count_queries(client, path)
    populate(45, start=5)
    client.get(path)

    with django_assert_num_queries(with_five):
        response = client.get(path)

    assert response.status_code == 200
    assert with_five <= MAX_QUERIES


FIRST_OF_KIND = {"startup": Startup, "research group": ResearchGroup, "partner": Partner}


@pytest.mark.parametrize("kind", FIRST_OF_KIND)
def test_profiles_issue_the_same_few_queries_however_much_they_show(
    client, django_assert_num_queries, kind
):
    populate(5)
    organisation = FIRST_OF_KIND[kind].objects.order_by("pk").first()
    with translation.override("en"):
        path = organisation.get_absolute_url()
    with_five = count_queries(client, path)

    # Fifty more organisations; this one gains members and sectors, and the
    # offers or research groups it shows.
    populate(45, start=5)
    add_members(organisation, 20, with_owner=False)
    organisation.sectors.set(Sector.objects.all()[:8])
    for _ in range(10):
        if kind == "research group":
            TechnologyOfferFactory(research_group=organisation)
        if kind == "partner":
            ResearchGroupFactory(host_institution=organisation)
    client.get(path)

    with django_assert_num_queries(with_five):
        response = client.get(path)

    assert response.status_code == 200
    assert with_five <= MAX_QUERIES

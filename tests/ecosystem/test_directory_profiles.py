"""Public profiles in the directory: what they show, what they never show, and
what search engines and link previews read from them."""

import io
import json
import re

import pytest
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model

from ecosystem.models import ExpertiseTag, PartnerService, Sector
from tests.factories import (
    MembershipFactory,
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    TechnologyOfferFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

UNPUBLISHED = ["draft", "pending", "rejected"]


def make_logo(title="Logo"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 200), "#0b5a7a").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="logo.png"))


def english(organisation) -> str:
    with translation.override("en"):
        return organisation.get_absolute_url()


def vietnamese(organisation) -> str:
    with translation.override("vi"):
        return organisation.get_absolute_url()


def json_ld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block is not None, "no JSON-LD block"
    return json.loads(block.group(1))


def meta(html: str, prop: str) -> str | None:
    found = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def test_a_startup_profile_shows_what_is_public(client):
    startup = StartupFactory(
        name="Tôm Sạch Hà Tiên",
        tagline="Tôm sạch từ Hà Tiên",
        description="Nuôi tôm tuần hoàn.",
        founded_year=2021,
        team_size=12,
        products="Tôm thẻ sạch",
        seeks_investment=True,
        website="https://tomsach.example.vn",
        facebook_url="https://facebook.com/tomsach",
        sectors=[Sector.objects.get(slug="thuy-san")],
    )

    response = client.get(english(startup))
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1" in html and "Tôm Sạch Hà Tiên" in html
    for text in [
        "Tôm sạch từ Hà Tiên",
        "Nuôi tôm tuần hoàn.",
        "Prototype",
        "2021",
        "12 people",
        "Tôm thẻ sạch",
        "Looking for investment",
        "Aquaculture and fisheries",
        "Ha Tien Ward, An Giang Province",
    ]:
        assert text in html, text
    assert '<a href="https://tomsach.example.vn" rel="noopener">' in html
    assert '<a href="https://facebook.com/tomsach" rel="noopener">' in html


def test_a_research_group_profile_shows_its_host_lead_fields_and_offers(client):
    host = PartnerFactory(name="Trường Đại học Kiên Giang")
    group = ResearchGroupFactory(
        host_institution=host, lead_researcher="PGS.TS. Lê Văn Hòa", members_count=7
    )
    group.research_fields.set([ExpertiseTag.objects.get(slug="cong-nghe-sinh-hoc")])
    offer = TechnologyOfferFactory(
        research_group=group, title="Chế phẩm vi sinh", trl=7, ip_status="granted"
    )

    html = client.get(english(group)).content.decode()

    assert f'<a href="{english(host)}">Trường Đại học Kiên Giang</a>' in html
    assert "PGS.TS. Lê Văn Hòa" in html
    assert "Biotechnology" in html
    assert f'id="offer-{offer.pk}"' in html
    assert "Chế phẩm vi sinh" in html
    assert "TRL 7 of 9" in html
    assert "Patent or utility solution granted" in html
    assert offer.licensing_terms in html


def test_an_unverified_host_institution_is_not_shown(client):
    group = ResearchGroupFactory(host_institution=PartnerFactory(name="Viện ẩn", status="pending"))
    html = client.get(english(group)).content.decode()
    assert "Viện ẩn" not in html


def test_a_partner_profile_shows_its_type_services_and_verified_research_groups(client):
    partner = PartnerFactory(partner_type="service_provider")
    partner.services.set([PartnerService.objects.get(slug="so-huu-tri-tue")])
    ResearchGroupFactory(name="Nhóm công khai", host_institution=partner)
    ResearchGroupFactory(name="Nhóm chưa duyệt", host_institution=partner, status="pending")

    html = client.get(english(partner)).content.decode()

    assert "S&amp;T service provider" in html
    assert "Intellectual property" in html
    assert "Nhóm công khai" in html
    assert "Nhóm chưa duyệt" not in html


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_an_unverified_profile_is_not_found(client, status):
    startup = StartupFactory(status=status)
    assert client.get(vietnamese(startup)).status_code == 404
    assert client.get(english(startup)).status_code == 404


def test_a_slug_under_another_kind_is_not_found(client):
    startup = StartupFactory(slug="tom-sach")
    partner = PartnerFactory(slug="dai-hoc")
    group = ResearchGroupFactory(slug="nhom-sinh-hoc")

    assert client.get("/directory/partners/tom-sach/").status_code == 404
    assert client.get("/directory/research-groups/tom-sach/").status_code == 404
    assert client.get("/directory/startups/dai-hoc/").status_code == 404
    assert client.get("/directory/partners/nhom-sinh-hoc/").status_code == 404
    assert client.get("/directory/technology-offers/tom-sach/").status_code == 404
    assert client.get("/directory/people/tom-sach/").status_code == 404
    assert client.get("/directory/startups/khong-co/").status_code == 404
    for organisation in (startup, partner, group):
        assert client.get(vietnamese(organisation)).status_code == 200


def test_contact_details_appear_only_when_the_owner_opts_in(client):
    hidden = StartupFactory(
        contact_email="an@bimat.example.com", contact_phone="0909 111 222", show_contact=False
    )
    shown = StartupFactory(
        contact_email="lienhe@congkhai.example.com",
        contact_phone="0909 333 444",
        show_contact=True,
    )

    hidden_html = client.get(english(hidden)).content.decode()
    shown_html = client.get(english(shown)).content.decode()

    assert "an@bimat.example.com" not in hidden_html
    assert "0909 111 222" not in hidden_html
    assert '"email"' not in json.dumps(json_ld(hidden_html))
    assert '<a href="mailto:lienhe@congkhai.example.com">' in shown_html
    assert '<a href="tel:0909333444">0909 333 444</a>' in shown_html
    assert json_ld(shown_html)["email"] == "lienhe@congkhai.example.com"


def test_private_contact_details_never_appear_on_public_pages(client):
    startup = StartupFactory(
        name="Bí Mật",
        contact_email="an@bimat.example.com",
        contact_phone="0909 111 222",
        show_contact=False,
    )
    pages = [
        english(startup),
        vietnamese(startup),
        "/en/directory/startups/",
        "/directory/startups/?q=bi+mat",
        "/sitemap.xml",
    ]
    for path in pages:
        html = client.get(path).content.decode()
        assert "an@bimat.example.com" not in html, path
        assert "0909 111 222" not in html, path


def test_members_show_their_names_and_titles_but_never_their_emails(client):
    startup = StartupFactory()
    founder = UserFactory(full_name="Nguyễn Văn An", email="an.nguyen@riengtu.example.com")
    engineer = UserFactory(full_name="Trần Thị Bình", email="binh.tran@riengtu.example.com")
    nameless = UserFactory(full_name="", email="khongten@riengtu.example.com")
    MembershipFactory(organisation=startup, user=engineer, title="Kỹ sư trưởng")
    MembershipFactory(organisation=startup, user=founder, role="owner", title="Nhà sáng lập")
    MembershipFactory(organisation=startup, user=nameless)

    html = client.get(english(startup)).content.decode()

    assert "riengtu.example.com" not in html
    people = re.search(r'<ul class="people-list">(.*?)</ul>', html, re.S).group(1)
    names = re.findall(r'people-list__name">([^<]+)<', people)
    assert names == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert "Nhà sáng lập" in people and "Kỹ sư trưởng" in people


def test_breadcrumbs_lead_back_to_the_list(client):
    group = ResearchGroupFactory(name="Nhóm Giống Thủy sản")
    html = client.get(english(group)).content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert 'href="/en/"' in crumbs
    assert '<a href="/en/directory/research-groups/">Research groups</a>' in crumbs
    assert '<span aria-current="page">Nhóm Giống Thủy sản</span>' in crumbs


def test_json_ld_describes_the_organisation(client):
    startup = StartupFactory(
        name="Tôm Sạch",
        tagline="Tôm sạch từ Hà Tiên",
        founded_year=2021,
        website="https://tomsach.example.vn",
        logo=make_logo(),
    )

    data = json_ld(client.get(english(startup)).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Tôm Sạch"
    assert data["url"] == "http://testserver" + english(startup)
    assert data["description"] == "Tôm sạch từ Hà Tiên"
    assert data["foundingDate"] == "2021"
    assert data["sameAs"] == ["https://tomsach.example.vn"]
    assert data["logo"].startswith("http://testserver/media/images/")
    assert data["address"]["addressCountry"] == "VN"


def test_json_ld_cannot_be_broken_out_of(client):
    startup = StartupFactory(name="</script><script>alert(1)</script>", tagline="A & B <i>")

    html = client.get(english(startup)).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)

    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003C/script\\u003E" in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)</script>" not in html


def test_open_graph_tags_and_canonical_link(client):
    startup = StartupFactory(name="Tôm Sạch", tagline="Tôm sạch từ Hà Tiên", logo=make_logo())

    html = client.get(english(startup)).content.decode()
    url = "http://testserver" + english(startup)

    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "og:title") == "Tôm Sạch"
    assert meta(html, "og:description") == "Tôm sạch từ Hà Tiên"
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:url") == url
    image = meta(html, "og:image")
    assert image.startswith("http://testserver/media/images/") and image.endswith(".png")
    assert client.get(english(startup)).status_code == 200


def test_without_a_logo_there_is_no_og_image_and_initials_stand_in(client):
    startup = StartupFactory(name="Tôm Sạch", logo=None)
    html = client.get(english(startup)).content.decode()
    assert meta(html, "og:image") is None
    assert '<span class="org-card__initials" aria-hidden="true">TS</span>' in html


def test_logos_are_renditions_with_size_and_alt_text(client):
    StartupFactory(name="Tôm Sạch", logo=make_logo())

    listing = client.get("/en/directory/startups/").content.decode()
    img = re.search(r"<img [^>]*>", listing.split('class="directory-list"')[1]).group(0)

    assert 'alt="Logo of Tôm Sạch"' in img
    assert 'loading="lazy"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert ".max-160x160." in img


def test_only_web_links_are_rendered(client):
    startup = StartupFactory(
        website="javascript:alert(1)", facebook_url="https://facebook.com/tomsach"
    )
    html = client.get(english(startup)).content.decode()
    assert "javascript:" not in html
    assert "https://facebook.com/tomsach" in html


def test_the_sitemap_lists_verified_organisations_only(client):
    public = StartupFactory(slug="cong-khai")
    partner = PartnerFactory(slug="doi-tac-cong-khai")
    hidden = [StartupFactory(slug=f"an-{status}", status=status) for status in UNPUBLISHED]

    xml = client.get("/sitemap.xml").content.decode()

    assert f"http://testserver{vietnamese(public)}" in xml
    assert f"http://testserver{vietnamese(partner)}" in xml
    for startup in hidden:
        assert startup.slug not in xml

"""Research-group members keep their technology offers: add, edit, delete."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from ecosystem.models import ExpertiseTag, Membership, TechnologyOffer
from tests.factories import (
    ResearchGroupFactory,
    StartupFactory,
    TechnologyOfferFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(user):
    research_group = ResearchGroupFactory(name="Nhóm Vi sinh Biển")
    Membership.objects.create(organisation=research_group, user=user, role="member")
    return research_group


def offers_url(group):
    return f"/en/account/organisations/{group.pk}/offers/"


def offer_data(**changes):
    return {
        "title": "Chế phẩm vi sinh xử lý đáy ao",
        "summary": "Giảm khí độc H₂S trong ao nuôi tôm.",
        "trl": "7",
        "ip_status": "granted",
        "licensing_terms": "Không độc quyền, 5 năm.",
        "expertise": [
            ExpertiseTag.objects.get(slug="cong-nghe-sinh-hoc").pk,
            ExpertiseTag.objects.get(slug="xu-ly-nuoc").pk,
        ],
        **changes,
    }


def offer_log(offer_pk):
    content_type = ContentType.objects.get_for_model(TechnologyOffer)
    return list(
        ModelLogEntry.objects.filter(content_type=content_type, object_id=str(offer_pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_a_member_adds_an_offer(client, user, group):
    client.force_login(user)
    empty = client.get(offers_url(group)).content.decode()
    assert "No technology offers yet." in empty
    response = client.post(offers_url(group) + "new/", offer_data(), follow=True)
    assert response.redirect_chain[-1][0] == offers_url(group)
    html = response.content.decode()
    assert "has been saved" in html
    assert "Chế phẩm vi sinh xử lý đáy ao" in html
    offer = TechnologyOffer.objects.get()
    assert (offer.research_group_id, offer.trl, offer.ip_status) == (group.pk, 7, "granted")
    assert offer.licensing_terms == "Không độc quyền, 5 năm."
    assert sorted(offer.expertise.values_list("slug", flat=True)) == [
        "cong-nghe-sinh-hoc",
        "xu-ly-nuoc",
    ]
    assert offer_log(offer.pk) == ["wagtail.create"]


def test_a_member_edits_an_offer(client, user, group):
    offer = TechnologyOfferFactory(research_group=group, trl=4)
    client.force_login(user)
    url = f"{offers_url(group)}{offer.pk}/"
    assert offer.title in client.get(url).content.decode()
    client.post(url, offer_data(title=offer.title, trl="5"))
    offer.refresh_from_db()
    assert offer.trl == 5
    assert offer_log(offer.pk) == ["wagtail.edit"]


def test_a_member_deletes_an_offer_after_confirming(client, user, group):
    offer = TechnologyOfferFactory(research_group=group)
    client.force_login(user)
    url = f"{offers_url(group)}{offer.pk}/delete/"
    assert "This cannot be undone" in client.get(url).content.decode()
    assert TechnologyOffer.objects.exists()
    response = client.post(url, follow=True)
    assert "has been deleted" in response.content.decode()
    assert not TechnologyOffer.objects.exists()
    assert offer_log(offer.pk) == ["wagtail.delete"]


@pytest.mark.parametrize("trl", ["0", "10", "-1", "seven", ""])
def test_trl_runs_from_1_to_9(client, user, group, trl):
    client.force_login(user)
    response = client.post(offers_url(group) + "new/", offer_data(trl=trl))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["trl"]
    assert 'value="Chế phẩm vi sinh xử lý đáy ao"' in response.content.decode()
    assert not TechnologyOffer.objects.exists()


def test_an_unknown_ip_status_is_a_form_error(client, user, group):
    client.force_login(user)
    response = client.post(offers_url(group) + "new/", offer_data(ip_status="stolen"))
    assert list(response.context["form"].errors) == ["ip_status"]


def test_non_members_find_no_offers_pages(client, group):
    offer = TechnologyOfferFactory(research_group=group)
    client.force_login(UserFactory())
    for url in [
        offers_url(group),
        offers_url(group) + "new/",
        f"{offers_url(group)}{offer.pk}/",
        f"{offers_url(group)}{offer.pk}/delete/",
    ]:
        assert client.get(url).status_code == 404
        assert client.post(url, offer_data(title="Hacked")).status_code == 404
    offer.refresh_from_db()
    assert offer.title != "Hacked"


def test_another_groups_offer_cannot_be_reached_through_your_own_group(client, user, group):
    elsewhere = TechnologyOfferFactory()
    client.force_login(user)
    for suffix in ("", "delete/"):
        url = f"{offers_url(group)}{elsewhere.pk}/{suffix}"
        assert client.post(url, offer_data(title="Hacked")).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.title != "Hacked"


def test_startups_have_no_offers_pages(client, user):
    startup = StartupFactory(owner=user)
    client.force_login(user)
    assert client.get(offers_url(startup)).status_code == 404
    assert client.get(offers_url(startup) + "new/").status_code == 404

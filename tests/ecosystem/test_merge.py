"""Merging two records of the same organisation: everything moves to the
survivor, nothing is lost, and the duplicate is gone."""

import threading

import pytest
from django.db import connection, connections
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from ecosystem.exceptions import RegistryError
from ecosystem.models import (
    Interaction,
    Invitation,
    Membership,
    Organisation,
    ResearchGroup,
    Sector,
    Startup,
    TechnologyOffer,
)
from ecosystem.services.merge import organisation_merge, organisation_merge_preview
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


@pytest.fixture
def coordinator():
    person = UserFactory(groups=["Coordinators"])
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def pair():
    """The same startup registered twice: once fully by its founder, once
    half-filled by a co-founder, with people, invitations and contacts on both."""
    founder, cofounder, both = UserFactory(), UserFactory(), UserFactory()
    survivor = StartupFactory(
        name="Tôm Sạch Hà Tiên",
        status="verified",
        owner=founder,
        sectors=[Sector.objects.get(slug="thuy-san")],
        team_size=None,
        contact_phone="",
    )
    duplicate = StartupFactory(
        name="Tom Sach Ha Tien",
        status="pending",
        owner=cofounder,
        sectors=[Sector.objects.get(slug="thuy-san"), Sector.objects.get(slug="logistics")],
        team_size=12,
        contact_phone="0297 3851 234",
        enterprise_code="1701234567",
        tagline="Nuôi tôm tuần hoàn",
    )
    MembershipFactory(organisation=survivor, user=both, title="")
    MembershipFactory(organisation=duplicate, user=both, title="Kỹ sư trưởng")
    MembershipFactory(organisation=duplicate, user=UserFactory())
    Invitation.objects.create(organisation=duplicate, email="moi@example.com", invited_by=cofounder)
    InteractionFactory(organisation=survivor)
    InteractionFactory.create_batch(2, organisation=duplicate)
    return survivor, duplicate, {"founder": founder, "cofounder": cofounder, "both": both}


def test_merging_moves_people_invitations_interactions_and_sectors_and_deletes_the_duplicate(
    pair, coordinator
):
    survivor, duplicate, people = pair
    people_before = set(
        Membership.objects.filter(organisation__in=[survivor, duplicate]).values_list(
            "user_id", flat=True
        )
    )
    interactions_before = Interaction.objects.filter(organisation__in=[survivor, duplicate]).count()

    result = organisation_merge(survivor=survivor, duplicate=duplicate, by=coordinator)

    assert result.pk == survivor.pk
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    memberships = Membership.objects.filter(organisation=survivor)
    assert set(memberships.values_list("user_id", flat=True)) == people_before
    assert memberships.count() == len(people_before) == 4
    assert memberships.get(role="owner").user == people["founder"]
    assert memberships.get(user=people["cofounder"]).role == "member"
    assert memberships.get(user=people["both"]).title == "Kỹ sư trưởng"
    assert Interaction.objects.filter(organisation=survivor).count() == interactions_before == 3
    assert Invitation.objects.get(email="moi@example.com").organisation_id == survivor.pk
    assert set(survivor.sectors.values_list("slug", flat=True)) == {"thuy-san", "logistics"}


def test_merging_fills_the_survivors_empty_details_and_keeps_its_own(pair, coordinator):
    survivor, duplicate, _ = pair
    organisation_merge(survivor=survivor, duplicate=duplicate, by=coordinator)
    survivor = Startup.objects.get(pk=survivor.pk)
    assert survivor.team_size == 12
    assert survivor.contact_phone == "0297 3851 234"
    # Unique to one startup: taken over once the duplicate is gone.
    assert survivor.enterprise_code == "1701234567"
    assert (survivor.name, survivor.status, survivor.tagline) == (
        "Tôm Sạch Hà Tiên",
        "verified",
        "Tôm sạch từ Hà Tiên",
    )


def test_the_merge_is_logged_on_the_survivor_naming_the_duplicate(pair, coordinator):
    survivor, duplicate, _ = pair
    duplicate_pk = duplicate.pk
    organisation_merge(survivor=survivor, duplicate=duplicate, by=coordinator)
    entry = ModelLogEntry.objects.get(object_id=str(survivor.pk), action="ecosystem.merge")
    assert entry.user == coordinator
    assert entry.data["duplicate"] == {
        "id": duplicate_pk,
        "name": "Tom Sach Ha Tien",
        "slug": duplicate.slug,
    }
    assert entry.data["moved"]["ecosystem.interaction"] == 2
    assert "team_size" in entry.data["filled"]
    with translation.override("en"):
        assert entry.message == "Merged 'Tom Sach Ha Tien' into this organisation"
    assert ModelLogEntry.objects.filter(
        object_id=str(duplicate_pk), action="wagtail.delete"
    ).exists()


def test_a_survivor_without_an_owner_takes_the_duplicates_owner(coordinator):
    survivor = StartupFactory()
    owner = UserFactory()
    duplicate = StartupFactory(owner=owner)
    organisation_merge(survivor=survivor, duplicate=duplicate, by=coordinator)
    assert Membership.objects.get(organisation=survivor, user=owner).role == "owner"


def test_research_groups_merge_with_their_technology_offers(coordinator):
    survivor = ResearchGroupFactory(lead_researcher="")
    duplicate = ResearchGroupFactory(lead_researcher="PGS.TS. Lê Văn Hòa")
    TechnologyOfferFactory(research_group=survivor)
    TechnologyOfferFactory.create_batch(2, research_group=duplicate)

    organisation_merge(survivor=survivor, duplicate=duplicate, by=coordinator)

    assert TechnologyOffer.objects.filter(research_group=survivor).count() == 3
    assert TechnologyOffer.objects.count() == 3
    assert ResearchGroup.objects.get(pk=survivor.pk).lead_researcher == "PGS.TS. Lê Văn Hòa"


def test_links_found_through_the_model_move_too(coordinator):
    """A research group's host institution is not named anywhere in the merge:
    it is found through the partner's relations, as later apps' links will be."""
    survivor, duplicate = PartnerFactory(), PartnerFactory()
    hosted = ResearchGroupFactory(host_institution=duplicate)
    organisation_merge(survivor=survivor, duplicate=duplicate, by=coordinator)
    hosted.refresh_from_db()
    assert hosted.host_institution_id == survivor.pk


def test_an_organisation_cannot_be_merged_into_itself(coordinator):
    startup = StartupFactory()
    with pytest.raises(RegistryError, match="cannot be merged into itself"):
        organisation_merge(survivor=startup, duplicate=startup, by=coordinator)
    assert Organisation.objects.filter(pk=startup.pk).exists()


def test_organisations_of_different_kinds_are_not_merged(coordinator):
    startup, partner = StartupFactory(), PartnerFactory()
    with pytest.raises(RegistryError, match="Only organisations of the same kind"):
        organisation_merge(survivor=startup, duplicate=partner, by=coordinator)
    assert Organisation.objects.filter(pk__in=[startup.pk, partner.pk]).count() == 2


def test_the_preview_lists_what_will_move_without_changing_anything(pair):
    survivor, duplicate, people = pair
    with translation.override("en"):
        preview = organisation_merge_preview(survivor=survivor, duplicate=duplicate)
    assert preview.memberships_moved == 2
    assert preview.people_in_both == [people["both"]]
    assert preview.owner_becomes_member == people["cofounder"]
    assert dict(preview.relations_moved) == {"interactions": 2, "invitations": 1}
    assert dict(preview.terms_added)["sectors"] == ["Digital technology › Logistics"]  # noqa: RUF001
    assert dict(preview.fields_filled)["team size"] == "12"
    assert Organisation.objects.filter(pk=duplicate.pk).exists()


def test_merging_from_the_admin_choose_review_confirm(pair, coordinator_client):
    survivor, duplicate, _ = pair
    edit = coordinator_client.get(f"{STARTUPS}edit/{survivor.pk}/").content.decode()
    merge_url = f"{STARTUPS}merge/{survivor.pk}/"
    assert merge_url in edit

    chosen = coordinator_client.post(merge_url, {"duplicate": duplicate.pk})
    confirm_url = f"{STARTUPS}merge/{survivor.pk}/{duplicate.pk}/"
    assert chosen.status_code == 302 and chosen.url == confirm_url

    review = coordinator_client.get(confirm_url).content.decode()
    assert "Tom Sach Ha Tien</strong> will be merged into" in review
    assert "Interactions: 2" in review
    assert "0297 3851 234" in review

    done = coordinator_client.post(confirm_url, follow=True)
    assert done.redirect_chain[-1][0] == f"{STARTUPS}edit/{survivor.pk}/"
    assert "has been merged into" in done.content.decode()
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()


def test_the_admin_refuses_to_merge_an_organisation_into_itself(coordinator_client):
    startup = StartupFactory()
    response = coordinator_client.post(f"{STARTUPS}merge/{startup.pk}/", {"duplicate": startup.pk})
    assert response.status_code == 200
    assert "Choose another startup, not this one." in response.content.decode()

    review = coordinator_client.get(f"{STARTUPS}merge/{startup.pk}/{startup.pk}/", follow=True)
    assert "cannot be merged into itself" in review.content.decode()


def test_the_admin_refuses_to_merge_across_kinds(coordinator_client):
    startup, partner = StartupFactory(), PartnerFactory()
    response = coordinator_client.post(f"{STARTUPS}merge/{startup.pk}/", {"duplicate": partner.pk})
    assert "Choose another startup" in response.content.decode()

    review = coordinator_client.get(f"{STARTUPS}merge/{startup.pk}/{partner.pk}/", follow=True)
    assert "Only organisations of the same kind can be merged" in review.content.decode()
    post = coordinator_client.post(f"{STARTUPS}merge/{startup.pk}/{partner.pk}/", follow=True)
    assert "Only organisations of the same kind can be merged" in post.content.decode()
    assert Organisation.objects.filter(pk__in=[startup.pk, partner.pk]).count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coordinators_merging_crosswise_at_once_keep_one_organisation():
    """A into B and B into A at the same moment: the rows are locked in the same
    order, so one merge wins and the other finds its duplicate gone."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time anyway")
    first, second = StartupFactory(owner=UserFactory()), StartupFactory(owner=UserFactory())
    coordinators = [UserFactory(groups=["Coordinators"]) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def merge(survivor, duplicate, person):
        try:
            barrier.wait()
            organisation_merge(survivor=survivor, duplicate=duplicate, by=person)
            outcomes.append("merged")
        except RegistryError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=merge, args=(first, second, coordinators[0])),
        threading.Thread(target=merge, args=(second, first, coordinators[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["merged", "refused"]
    [remaining] = Organisation.objects.filter(pk__in=[first.pk, second.pk])
    assert Membership.objects.filter(organisation=remaining).count() == 2
    assert Membership.objects.filter(organisation=remaining, role="owner").count() == 1

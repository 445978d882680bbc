"""Owners invite members by email, withdraw invitations, remove members and hand
over ownership; members edit but do not manage; invitation links work once,
for seven days, for the person they were sent to."""

import re
import threading

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import OutboundEmail
from ecosystem.exceptions import RegistryError
from ecosystem.models import Invitation, Membership
from ecosystem.services import memberships
from tests.factories import ResearchGroupFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture
def owner():
    return UserFactory(full_name="Nguyễn Văn An")


@pytest.fixture
def startup(owner):
    return StartupFactory(owner=owner, name="Tôm Sạch Hà Tiên")


@pytest.fixture
def member(startup):
    person = UserFactory(full_name="Lê Thị Hoa")
    Membership.objects.create(organisation=startup, user=person, role="member")
    return person


def members_url(organisation):
    return f"/en/account/organisations/{organisation.pk}/members/"


def invitation_link(message) -> str:
    match = re.search(r"https?://testserver(/\S*account/organisations/invitations/\S+/)", message)
    assert match, message
    return match.group(1)


def accept_link(invitation) -> str:
    token = memberships.invitation_token(invitation=invitation)
    return f"/en/account/organisations/invitations/{token}/"


def invite(client, organisation, email, capture):
    with capture(execute=True):
        return client.post(
            f"/en/account/organisations/{organisation.pk}/members/invite/",
            {"email": email},
            follow=True,
        )


def roles(organisation):
    return dict(
        Membership.objects.filter(organisation=organisation).values_list("user__email", "role")
    )


def test_the_owner_invites_by_email_and_the_invitee_joins_and_edits(
    client, owner, startup, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    response = invite(client, startup, " Hoa@Example.com ", django_capture_on_commit_callbacks)
    assert "Invitation sent to hoa@example.com" in response.content.decode()
    assert [message.to for message in mailoutbox] == [["hoa@example.com"]]
    assert "Tôm Sạch Hà Tiên" in mailoutbox[0].subject
    assert "Nguyễn Văn An" in mailoutbox[0].body
    link = invitation_link(mailoutbox[0].body)
    # No account under that address: the email is in the inviter's language.
    assert link.startswith("/en/")
    assert OutboundEmail.objects.get().language == "en"
    assert "hoa@example.com" in client.get(members_url(startup)).content.decode()

    invitee = UserFactory(email="hoa@example.com")
    client.force_login(invitee)
    page = client.get(link)
    assert page.status_code == 200
    assert "Accept the invitation" in page.content.decode()
    response = client.post(link, follow=True)
    assert "Welcome to Tôm Sạch Hà Tiên" in response.content.decode()
    assert roles(startup) == {owner.email: "owner", "hoa@example.com": "member"}
    invitation = Invitation.objects.get()
    assert (invitation.accepted_by, invitation.is_open) == (invitee, False)

    edit = client.post(
        f"/en/account/organisations/{startup.pk}/edit/",
        {
            "name": startup.name,
            "tagline": "Do thành viên mới sửa",
            "description": startup.description,
            "sectors": list(startup.sectors.values_list("pk", flat=True)),
            "area": startup.area_id,
            "stage": startup.stage_id,
            "founded_year": startup.founded_year,
        },
    )
    assert edit.status_code == 302
    startup.refresh_from_db()
    assert startup.tagline == "Do thành viên mới sửa"


def test_the_email_is_in_the_invitees_language_when_they_have_an_account(
    client, owner, startup, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="tam@example.com", preferred_language="vi")
    client.force_login(owner)
    invite(client, startup, "tam@example.com", django_capture_on_commit_callbacks)
    email = OutboundEmail.objects.get()
    assert email.language == "vi"
    assert invitation_link(email.body).startswith("/account/organisations/invitations/")


def test_a_link_works_once(client, owner, startup, django_capture_on_commit_callbacks):
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@example.com", site_url=SITE
    )
    link = accept_link(invitation)
    invitee = UserFactory(email="hoa@example.com")
    client.force_login(invitee)
    client.post(link)
    again = client.post(link)
    assert again.status_code == 400
    assert "already been used" in again.content.decode()
    assert Membership.objects.filter(user=invitee).count() == 1


def test_an_expired_link_is_refused(client, owner, startup):
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@example.com", site_url=SITE
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=Invitation.VALID_DAYS, minutes=1)
    )
    client.force_login(UserFactory(email="hoa@example.com"))
    link = accept_link(invitation)
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        assert "This invitation expired on" in response.content.decode()
    assert Membership.objects.filter(organisation=startup).count() == 1


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "OTk5:" + token.split(":", 1)[1],
        lambda token: token.split(":")[0],
        lambda token: "nonsense",
    ],
    ids=["signature", "other-id", "unsigned", "garbage"],
)
def test_a_tampered_link_is_refused(client, owner, startup, tamper):
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@example.com", site_url=SITE
    )
    client.force_login(UserFactory(email="hoa@example.com"))
    token = tamper(memberships.invitation_token(invitation=invitation))
    response = client.post(f"/en/account/organisations/invitations/{token}/")
    assert response.status_code == 400
    assert "This invitation link is not valid" in response.content.decode()
    assert Membership.objects.filter(organisation=startup).count() == 1


def test_a_link_for_another_address_names_the_address_to_sign_in_with(client, owner, startup):
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@example.com", site_url=SITE
    )
    client.force_login(UserFactory(email="someone-else@example.com"))
    link = accept_link(invitation)
    response = client.post(link)
    assert response.status_code == 400
    assert "This invitation was sent to hoa@example.com" in response.content.decode()
    assert Membership.objects.filter(organisation=startup).count() == 1
    assert Invitation.objects.get().is_open


def test_a_verified_second_address_is_enough_but_an_unverified_one_is_not(owner, startup):
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@work.example.com", site_url=SITE
    )
    person = UserFactory(email="hoa@home.example.com")
    address = EmailAddress.objects.create(user=person, email="hoa@work.example.com")
    token = memberships.invitation_token(invitation=invitation)
    with pytest.raises(RegistryError):
        memberships.invitation_accept(token=token, user=person)
    address.verified = True
    address.save()
    membership = memberships.invitation_accept(token=token, user=person)
    assert membership.organisation_id == startup.pk


def test_the_owner_withdraws_an_invitation_and_its_link_stops_working(client, owner, startup):
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@example.com", site_url=SITE
    )
    client.force_login(owner)
    response = client.post(
        f"/en/account/organisations/{startup.pk}/invitations/{invitation.pk}/withdraw/",
        follow=True,
    )
    assert "has been withdrawn" in response.content.decode()
    assert "No invitations are waiting." in response.content.decode()
    assert Invitation.objects.get().revoked_at is not None
    client.force_login(UserFactory(email="hoa@example.com"))
    link = accept_link(invitation)
    assert "withdrawn" in client.post(link).content.decode()
    assert Membership.objects.filter(organisation=startup).count() == 1


def test_inviting_again_replaces_the_earlier_invitation(owner, startup):
    first = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@example.com", site_url=SITE
    )
    memberships.invitation_send(
        organisation=startup, inviter=owner, email="HOA@example.com", site_url=SITE
    )
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 1


def test_inviting_a_current_member_is_a_form_error(client, owner, startup, member):
    client.force_login(owner)
    response = client.post(
        f"/en/account/organisations/{startup.pk}/members/invite/", {"email": member.email}
    )
    assert response.status_code == 400
    assert "already belongs to" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_bad_email_address_is_a_form_error(client, owner, startup):
    client.force_login(owner)
    response = client.post(
        f"/en/account/organisations/{startup.pk}/members/invite/", {"email": "not an email"}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_member_cannot_invite(client, startup, member, mailoutbox):
    client.force_login(member)
    members_page = client.get(members_url(startup)).content.decode()
    assert "Invite a member" not in members_page
    response = client.post(
        f"/en/account/organisations/{startup.pk}/members/invite/", {"email": "x@example.com"}
    )
    assert "Only the owner" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_the_owner_removes_a_member_after_confirming(client, owner, startup, member):
    client.force_login(owner)
    membership = Membership.objects.get(user=member)
    url = f"/en/account/organisations/{startup.pk}/members/{membership.pk}/remove/"
    confirm = client.get(url)
    assert "Remove Lê Thị Hoa?" in confirm.content.decode()
    assert roles(startup)[member.email] == "member"
    response = client.post(url, follow=True)
    assert "Lê Thị Hoa has been removed." in response.content.decode()
    assert member.email not in roles(startup)
    client.force_login(member)
    assert client.get(f"/en/account/organisations/{startup.pk}/edit/").status_code == 404


def test_the_owner_cannot_remove_themselves(client, owner, startup):
    client.force_login(owner)
    own = Membership.objects.get(user=owner)
    response = client.post(
        f"/en/account/organisations/{startup.pk}/members/{own.pk}/remove/", follow=True
    )
    assert "Hand over ownership to a member first" in response.content.decode()
    assert roles(startup) == {owner.email: "owner"}


def test_the_owner_hands_over_ownership_and_stays_a_member(client, owner, startup, member):
    client.force_login(owner)
    membership = Membership.objects.get(user=member)
    url = f"/en/account/organisations/{startup.pk}/members/{membership.pk}/make-owner/"
    assert "Hand over ownership to Lê Thị Hoa?" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "Lê Thị Hoa is now the owner" in response.content.decode()
    assert roles(startup) == {owner.email: "member", member.email: "owner"}
    content_type = ContentType.objects.get_for_model(startup)
    entry = ModelLogEntry.objects.get(content_type=content_type, object_id=str(startup.pk))
    assert entry.user == owner
    assert entry.data["ownership"] == [owner.email, member.email]
    # The former owner no longer manages members.
    assert "Invite a member" not in response.content.decode()


def test_a_member_cannot_hand_over_ownership(client, owner, startup, member):
    other = UserFactory()
    other_membership = Membership.objects.create(organisation=startup, user=other)
    client.force_login(member)
    for target in (Membership.objects.get(user=member), other_membership):
        url = f"/en/account/organisations/{startup.pk}/members/{target.pk}/make-owner/"
        response = client.get(url, follow=True)
        assert "Only the owner" in response.content.decode()
        response = client.post(url, follow=True)
        assert "Only the owner" in response.content.decode()
    assert roles(startup) == {owner.email: "owner", member.email: "member", other.email: "member"}
    with pytest.raises(RegistryError):
        memberships.ownership_transfer(
            organisation=startup, actor=member, membership=other_membership
        )


def test_a_member_cannot_remove_members_or_withdraw_invitations(client, owner, startup, member):
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email="hoa@example.com", site_url=SITE
    )
    client.force_login(member)
    owner_membership = Membership.objects.get(user=owner)
    client.post(f"/en/account/organisations/{startup.pk}/members/{owner_membership.pk}/remove/")
    client.post(f"/en/account/organisations/{startup.pk}/invitations/{invitation.pk}/withdraw/")
    assert roles(startup) == {owner.email: "owner", member.email: "member"}
    assert Invitation.objects.get().is_open
    members_page = client.get(members_url(startup)).content.decode()
    assert "Make owner" not in members_page
    assert "Lê Thị Hoa" in members_page and "Nguyễn Văn An" in members_page


def test_memberships_of_another_organisation_cannot_be_reached(client, owner, startup):
    elsewhere = Membership.objects.create(
        organisation=StartupFactory(owner=UserFactory()), user=UserFactory()
    )
    client.force_login(owner)
    for action in ("remove", "make-owner"):
        url = f"/en/account/organisations/{startup.pk}/members/{elsewhere.pk}/{action}/"
        assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk, role="member").exists()


def test_a_non_members_members_page_is_not_found(client, startup):
    client.force_login(UserFactory())
    assert client.get(members_url(startup)).status_code == 404
    response = client.post(
        f"/en/account/organisations/{startup.pk}/members/invite/", {"email": "x@example.com"}
    )
    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_a_person_can_belong_to_several_organisations(client, owner, startup):
    group = ResearchGroupFactory(name="Nhóm Vi sinh Biển")
    Membership.objects.create(organisation=group, user=UserFactory(), role="owner")
    group_owner = group.memberships.get().user
    invitation = memberships.invitation_send(
        organisation=group, inviter=group_owner, email=owner.email, site_url=SITE
    )
    memberships.invitation_accept(
        token=memberships.invitation_token(invitation=invitation), user=owner
    )
    client.force_login(owner)
    html = client.get("/en/account/").content.decode()
    assert "Tôm Sạch Hà Tiên" in html and "Nhóm Vi sinh Biển" in html
    assert client.get(members_url(group)).status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_accepts_make_one_membership():
    """Both requests pass the checks; the lock on the invitation (and the
    one-membership constraint) let only one through."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time anyway")
    owner = UserFactory()
    startup = StartupFactory(owner=owner)
    invitee = UserFactory(email="hoa@example.com")
    invitation = memberships.invitation_send(
        organisation=startup, inviter=owner, email=invitee.email, site_url=SITE
    )
    token = memberships.invitation_token(invitation=invitation)
    barrier = threading.Barrier(2)
    outcomes = []

    def accept():
        try:
            barrier.wait()
            memberships.invitation_accept(token=token, user=invitee)
            outcomes.append("joined")
        except RegistryError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["joined", "refused"]
    assert Membership.objects.filter(user=invitee).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_hand_overs_leave_exactly_one_owner():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time anyway")
    owner = UserFactory()
    startup = StartupFactory(owner=owner)
    first, second = (
        Membership.objects.create(organisation=startup, user=UserFactory()) for _ in range(2)
    )
    barrier = threading.Barrier(2)
    outcomes = []

    def hand_over(membership):
        try:
            barrier.wait()
            memberships.ownership_transfer(organisation=startup, actor=owner, membership=membership)
            outcomes.append("handed over")
        except RegistryError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hand_over, args=(m,)) for m in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["handed over", "refused"]
    assert Membership.objects.filter(organisation=startup, role="owner").count() == 1
    assert not Membership.objects.filter(user=owner, role="owner").exists()

"""Inviting mentors: a coordinator's email with a signed link; the invited
person signs in (or up) through it, gets a draft profile in the Mentors group,
fills it in and sends it for approval; coordinators approve it, and only then
is it public. Expired, used, altered and misaddressed links say so."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from accounts.models import OutboundEmail
from mentors import invitations
from mentors.models import MentorProfile
from tests.factories import MentorFactory, UserFactory

pytestmark = pytest.mark.django_db

MENTORS = "/admin/snippets/mentors/mentorprofile/"
PROFILE_EDIT = "/en/mentors/me/profile/"


@pytest.fixture
def coordinator():
    person = UserFactory(groups=["Coordinators"], full_name="Trần Thu Hà")
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


def invite(client, coordinator, **data):
    client.force_login(coordinator)
    form = {"email": "lan@example.com", "name": "Nguyễn Thị Lan", "language": "en", **data}
    response = client.post(f"{MENTORS}invite/", form)
    client.logout()
    return response


def invitation_link(email="lan@example.com") -> str:
    body = OutboundEmail.objects.filter(template="mentors/emails/invitation", to=email).last().body
    return re.search(r"http://testserver(/\S+/invitations/\S+/)", body).group(1)


def link_for(email="lan@example.com", name="Nguyễn Thị Lan", **kwargs) -> str:
    inviter = UserFactory(full_name="Trần Thu Hà")
    token = invitations.invitation_token(email=email, name=name, invited_by=inviter, **kwargs)
    return f"/en/mentors/invitations/{token}/"


def test_a_coordinator_invites_a_mentor_by_email(client, coordinator):
    form = client.force_login(coordinator) or client.get(f"{MENTORS}invite/")
    assert form.status_code == 200 and "Invite a mentor" in form.content.decode()
    response = invite(client, coordinator, message="Chị Lan ơi, mời chị tham gia!")
    assert response.status_code == 302
    email = OutboundEmail.objects.get(template="mentors/emails/invitation")
    assert email.to == "lan@example.com" and email.language == "en"
    assert "Trần Thu Hà invites you" in email.body
    assert "Chị Lan ơi, mời chị tham gia!" in email.body
    assert "/en/mentors/invitations/" in invitation_link()


def test_the_whole_way_from_the_email_to_a_public_profile(client, coordinator):
    invite(client, coordinator)
    link = invitation_link()
    # Someone without an account first sees who invites them, and where to sign in.
    anonymous = client.get(link)
    assert anonymous.status_code == 200
    page = anonymous.content.decode()
    assert "Trần Thu Hà" in page and "lan@example.com" in page
    assert f"/account/login/?next={quote(link)}" in page
    assert f"/account/signup/?next={quote(link)}" in page

    lan = UserFactory(email="lan@example.com", full_name="")
    client.force_login(lan)
    assert "Accept the invitation" in client.get(link).content.decode()
    accepted = client.post(link)
    assert accepted.status_code == 302 and accepted.url.endswith("/mentors/me/profile/")
    lan.refresh_from_db()
    mentor = MentorProfile.objects.get(user=lan)
    assert lan.full_name == "Nguyễn Thị Lan"
    assert lan.groups.filter(name="Mentors").exists()
    assert mentor.status == "invited" and mentor.slug == "nguyen-thi-lan"
    assert mentor not in MentorProfile.objects.public()

    # She fills in her profile and sends it: it waits for approval, not public yet.
    edit = client.get(PROFILE_EDIT)
    assert edit.status_code == 200 and "Nguyễn Thị Lan" in edit.content.decode()
    sent = client.post(PROFILE_EDIT, profile_form(action="submit"))
    assert sent.status_code == 302
    mentor.refresh_from_db()
    assert mentor.status == "pending" and mentor.headline == "Xuất khẩu nông sản"
    assert mentor not in MentorProfile.objects.public()

    client.force_login(coordinator)
    approved = client.post(f"{MENTORS}approve/{mentor.pk}/")
    assert approved.status_code == 302
    assert mentor in MentorProfile.objects.public()
    email = OutboundEmail.objects.get(template="mentors/emails/invitation_approved")
    assert email.to == "lan@example.com" and "/mentors/nguyen-thi-lan/" in email.body


def profile_form(**overrides):
    from ecosystem.models import ExpertiseTag

    return {
        "full_name": "Nguyễn Thị Lan",
        "headline": "Xuất khẩu nông sản",
        "headline_en": "",
        "bio": "Mười lăm năm đưa nông sản Kiên Giang sang Nhật.",
        "bio_en": "",
        "organisation_name": "",
        "job_title": "",
        "expertise": [ExpertiseTag.objects.first().pk],
        "years_of_experience": "15",
        "profile_url": "",
        "monthly_hours_cap": "6",
        "accepting_new_startups": "on",
        "action": "save",
        **overrides,
    }


def test_sending_for_approval_needs_a_headline_an_introduction_and_expertise(client):
    mentor = MentorFactory(status="invited", headline="", bio="")
    client.force_login(mentor.user)
    response = client.post(
        PROFILE_EDIT, profile_form(action="submit", headline="", bio="", expertise=[])
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count("Fill this in to send the profile for approval.") == 3
    mentor.refresh_from_db()
    assert (mentor.status, mentor.monthly_hours_cap, mentor.years_of_experience) == (
        "invited",
        8,
        None,
    )


def test_a_draft_saves_without_being_sent(client):
    mentor = MentorFactory(status="invited", headline="", bio="")
    client.force_login(mentor.user)
    response = client.post(PROFILE_EDIT, profile_form(headline="", bio="", expertise=[]))
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert (mentor.status, mentor.monthly_hours_cap) == ("invited", 6)


def test_an_approved_mentor_edits_and_stays_public(client):
    mentor = MentorFactory()
    client.force_login(mentor.user)
    page = client.get(PROFILE_EDIT).content.decode()
    assert "Send for approval" not in page and "Save changes" in page
    assert (
        client.post(PROFILE_EDIT, profile_form(headline="Chuyên gia logistics")).status_code == 302
    )
    mentor.refresh_from_db()
    assert mentor.headline == "Chuyên gia logistics" and mentor.status == "approved"


def test_the_profile_page_is_for_mentors_only(client):
    assert "/login/" in client.get(PROFILE_EDIT).url
    client.force_login(UserFactory())
    assert client.get(PROFILE_EDIT).status_code == 404


def test_a_declined_mentor_can_send_the_profile_again(client, coordinator):
    mentor = MentorFactory(status="pending")
    client.force_login(coordinator)
    client.post(f"{MENTORS}reject/{mentor.pk}/", {"reason": "Thiếu phần giới thiệu."})
    mentor.refresh_from_db()
    assert mentor.status == "suspended" and mentor not in MentorProfile.objects.public()
    email = OutboundEmail.objects.get(template="mentors/emails/invitation_declined")
    assert "Thiếu phần giới thiệu." in email.body
    client.force_login(mentor.user)
    client.post(PROFILE_EDIT, profile_form(action="submit"))
    mentor.refresh_from_db()
    assert mentor.status == "pending"


@pytest.mark.parametrize("signed_in", [False, True])
def test_an_altered_link_says_it_is_not_valid(client, signed_in):
    if signed_in:
        client.force_login(UserFactory(email="lan@example.com"))
    link = link_for()
    token = link.split("/")[-2]
    for broken in (token[:-3] + "abc", token[:20], "hello", token.replace(":", "", 1)):
        response = client.get(f"/en/mentors/invitations/{broken}/")
        assert response.status_code == 400
        assert "This invitation link is not valid" in response.content.decode()
    assert not MentorProfile.objects.exists()


@pytest.mark.parametrize("signed_in", [False, True])
def test_an_expired_link_says_when_it_expired(client, signed_in):
    if signed_in:
        client.force_login(UserFactory(email="lan@example.com"))
    link = link_for(now=timezone.now() - timedelta(days=15))
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        assert "This invitation expired on" in response.content.decode()
    assert not MentorProfile.objects.exists()


def test_a_link_still_works_on_its_last_day(client):
    client.force_login(UserFactory(email="lan@example.com"))
    link = link_for(now=timezone.now() - timedelta(days=13, hours=23))
    assert client.post(link).status_code == 302
    assert MentorProfile.objects.count() == 1


def test_a_used_link_says_so(client):
    link = link_for()
    lan = UserFactory(email="lan@example.com")
    client.force_login(lan)
    assert client.post(link).status_code == 302
    # Lan again: straight to her profile.
    again = client.get(link)
    assert again.status_code == 302 and again.url.endswith("/mentors/me/profile/")
    # Someone else, or nobody signed in: the link is spent.
    client.force_login(UserFactory(email="someone@example.com"))
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        assert "This invitation has already been used." in response.content.decode()
    client.logout()
    response = client.get(link)
    assert response.status_code == 400
    assert "This invitation has already been used." in response.content.decode()
    assert MentorProfile.objects.count() == 1


def test_only_the_invited_address_can_accept(client):
    link = link_for()
    client.force_login(UserFactory(email="other@example.com"))
    response = client.post(link)
    assert response.status_code == 400
    assert "This invitation was sent to lan@example.com" in response.content.decode()
    assert not MentorProfile.objects.exists()
    assert not Group.objects.get(name="Mentors").user_set.exists()


def test_an_unverified_address_is_not_enough(client):
    client.force_login(UserFactory(email="lan@example.com", verified=False))
    assert client.post(link_for()).status_code == 400
    assert not MentorProfile.objects.exists()


def test_a_mentor_already_on_file_is_not_invited_again(client, coordinator):
    MentorFactory(user__email="lan@example.com")
    response = invite(client, coordinator)
    assert response.status_code == 400
    assert "lan@example.com already has a mentor profile." in response.content.decode()
    assert not OutboundEmail.objects.filter(template="mentors/emails/invitation").exists()


@pytest.mark.parametrize(
    "data, error",
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"name": ""}, "This field is required."),
        ({"message": "x" * 2001}, "Ensure this value has at most 2000 characters"),
        ({"language": "fr"}, "Select a valid choice."),
    ],
)
def test_a_bad_invitation_form_says_what_is_wrong(client, coordinator, data, error):
    response = invite(client, coordinator, **data)
    assert response.status_code == 400 and error in response.content.decode()
    assert not OutboundEmail.objects.filter(template="mentors/emails/invitation").exists()


def test_two_people_called_the_same_get_their_own_addresses(client):
    for email in ("lan@example.com", "lan2@example.com"):
        client.force_login(UserFactory(email=email, full_name=""))
        assert client.post(link_for(email=email)).status_code == 302
    slugs = sorted(MentorProfile.objects.values_list("slug", flat=True))
    assert slugs == ["nguyen-thi-lan", "nguyen-thi-lan-2"]


@pytest.mark.parametrize("name", ["Suggestions", "Me", "Bookings", "Invitations"])
def test_a_mentor_never_gets_the_slug_of_one_of_the_portals_own_addresses(name):
    from django.core.exceptions import ValidationError

    slug = invitations._unique_slug(name)
    assert slug == f"{name.lower()}-2"
    mentor = MentorFactory()
    mentor.slug = name.lower()
    with pytest.raises(ValidationError) as refused:
        mentor.full_clean()
    assert "slug" in refused.value.message_dict

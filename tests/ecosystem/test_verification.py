"""Coordinators verify and reject organisations: one at a time from the
organisation's screen or many at once from a list; members hear about it by
email in their own language, and the history says who did it."""

import threading

import pytest
from django.db import connection, connections
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.models import OutboundEmail
from ecosystem.exceptions import RegistryError
from ecosystem.models import Organisation, Startup
from ecosystem.services.verification import organisation_reject, organisation_verify
from tests.factories import (
    MembershipFactory,
    PartnerFactory,
    ResearchGroupFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

STARTUPS = "/admin/snippets/ecosystem/startup/"


@pytest.fixture
def coordinator():
    person = UserFactory(groups=["Coordinators"], full_name="Trần Thị Thu Hà")
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def pending_startup():
    """Owned by a Vietnamese speaker, with an English-speaking member."""
    startup = StartupFactory(
        name="Tôm Sạch Hà Tiên", status="pending", owner=UserFactory(preferred_language="vi")
    )
    MembershipFactory(organisation=startup, user=UserFactory(preferred_language="en"))
    return startup


def logs(organisation, action):
    return ModelLogEntry.objects.filter(
        object_id=str(organisation.pk), action=action
    ).select_related("user")


def emails_by_language(organisation):
    return {
        email.language: email
        for email in OutboundEmail.objects.filter(to__in=organisation.members.values("email"))
    }


def test_verifying_makes_it_public_logs_it_and_emails_each_member_in_their_language(
    pending_startup, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert organisation_verify(organisation=pending_startup, by=coordinator) is True

    pending_startup.refresh_from_db()
    assert pending_startup.status == Organisation.Status.VERIFIED
    assert pending_startup.verified_at is not None
    assert Startup.objects.public().filter(pk=pending_startup.pk).exists()
    [entry] = logs(pending_startup, "ecosystem.verify")
    assert entry.user == coordinator
    assert entry.content_type.model == "startup"

    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        pending_startup.members.values_list("email", flat=True)
    )
    by_language = emails_by_language(pending_startup)
    assert set(by_language) == {"vi", "en"}
    english = by_language["en"]
    assert english.subject == "Tôm Sạch Hà Tiên is verified and listed in the directory"
    assert "has verified Tôm Sạch Hà Tiên" in english.body
    assert "http://127.0.0.1:8000/en/account/" in english.body
    assert "http://127.0.0.1:8000/account/" in by_language["vi"].body


def test_verifying_an_already_verified_organisation_changes_nothing_and_emails_nobody(
    coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    startup = StartupFactory(status="verified", owner=UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        assert organisation_verify(organisation=startup, by=coordinator) is False
    assert not logs(startup, "ecosystem.verify").exists()
    assert mailoutbox == []


def test_rejecting_records_the_reason_logs_it_and_emails_it_to_the_members(
    pending_startup, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    reason = "Please add your enterprise code and a description of the product."
    with django_capture_on_commit_callbacks(execute=True):
        assert organisation_reject(organisation=pending_startup, by=coordinator, reason=reason)

    pending_startup.refresh_from_db()
    assert pending_startup.status == Organisation.Status.REJECTED
    assert pending_startup.rejection_reason == reason
    assert not Startup.objects.public().filter(pk=pending_startup.pk).exists()
    [entry] = logs(pending_startup, "ecosystem.reject")
    assert (entry.user, entry.data["reason"]) == (coordinator, reason)

    assert len(mailoutbox) == 2
    english = emails_by_language(pending_startup)["en"]
    assert english.subject == "Tôm Sạch Hà Tiên could not be verified"
    assert reason in english.body
    assert "/en/account/" in english.body


def test_a_rejection_needs_a_reason(pending_startup, coordinator):
    with pytest.raises(RegistryError):
        organisation_reject(organisation=pending_startup, by=coordinator, reason="   ")
    pending_startup.refresh_from_db()
    assert pending_startup.status == Organisation.Status.PENDING


def test_the_verify_button_on_the_edit_screen_verifies_and_says_so(
    coordinator_client, pending_startup, mailoutbox, django_capture_on_commit_callbacks
):
    edit_url = f"{STARTUPS}edit/{pending_startup.pk}/"
    verify_url = f"{STARTUPS}verify/{pending_startup.pk}/"
    assert verify_url in coordinator_client.get(edit_url).content.decode()

    confirmation = coordinator_client.get(verify_url)
    assert confirmation.status_code == 200
    assert "will be public in the directory" in confirmation.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(verify_url, follow=True)
    assert response.redirect_chain[-1][0] == edit_url
    assert "is verified and public" in response.content.decode()
    pending_startup.refresh_from_db()
    assert pending_startup.status == Organisation.Status.VERIFIED
    assert len(mailoutbox) == 2

    again = coordinator_client.post(verify_url, follow=True)
    assert "was already verified; nothing changed" in again.content.decode()
    assert logs(pending_startup, "ecosystem.verify").count() == 1


def test_the_reject_screen_asks_for_the_reason(
    coordinator_client, pending_startup, mailoutbox, django_capture_on_commit_callbacks
):
    reject_url = f"{STARTUPS}reject/{pending_startup.pk}/"
    empty = coordinator_client.post(reject_url, {"reason": ""})
    assert empty.status_code == 200
    assert "This field is required" in empty.content.decode()
    pending_startup.refresh_from_db()
    assert pending_startup.status == Organisation.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reject_url, {"reason": "Không có mã số doanh nghiệp."}, follow=True
        )
    assert "is rejected" in response.content.decode()
    pending_startup.refresh_from_db()
    assert pending_startup.rejection_reason == "Không có mã số doanh nghiệp."
    assert len(mailoutbox) == 2


def bulk_url(kind, action, *organisations):
    """As the listing's bulk bar builds it: the chosen ids and the way back."""
    ids = "&".join(f"id={organisation.pk}" for organisation in organisations)
    return f"/admin/bulk/ecosystem/{kind}/{action}/?{ids}&next=/admin/snippets/ecosystem/{kind}/"


@pytest.mark.parametrize(
    ("kind", "factory"),
    [
        ("startup", StartupFactory),
        ("researchgroup", ResearchGroupFactory),
        ("partner", PartnerFactory),
    ],
)
def test_bulk_verify_on_each_list(
    kind, factory, coordinator_client, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = factory(status="pending"), factory(status="pending")
    for organisation in (first, second):
        MembershipFactory(organisation=organisation, role="owner", user=UserFactory())
    already = factory(status="verified")

    listing = coordinator_client.get(f"/admin/snippets/ecosystem/{kind}/")
    assert f"/admin/bulk/ecosystem/{kind}/verify/" in listing.content.decode()
    url = bulk_url(kind, "verify", first, second, already)
    confirmation = coordinator_client.get(url)
    assert confirmation.status_code == 200
    assert first.name in confirmation.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url, follow=True)

    html = response.content.decode()
    assert "2 organisations verified" in html
    assert "1 was already verified" in html
    assert set(
        Organisation.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    ) == {"verified"}
    assert logs(first, "ecosystem.verify").get().user == coordinator
    assert not logs(already, "ecosystem.verify").exists()
    assert len(mailoutbox) == 2


def test_bulk_reject_asks_for_one_reason_and_sends_it_to_each_organisation(
    coordinator_client, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    first = StartupFactory(status="pending", owner=UserFactory(preferred_language="en"))
    second = StartupFactory(status="verified", owner=UserFactory(preferred_language="en"))
    url = bulk_url("startup", "reject", first, second)

    without_reason = coordinator_client.post(url, {"reason": ""})
    assert without_reason.status_code == 200
    assert "This field is required" in without_reason.content.decode()
    assert Organisation.objects.get(pk=second.pk).status == "verified"

    reason = "Hồ sơ trùng với một doanh nghiệp đã đăng ký."
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url, {"reason": reason}, follow=True)
    assert "2 organisations rejected" in response.content.decode()
    for organisation in (first, second):
        organisation.refresh_from_db()
        assert (organisation.status, organisation.rejection_reason) == ("rejected", reason)
        assert organisation.verified_at is None
        assert logs(organisation, "ecosystem.reject").get().data == {"reason": reason}
    assert len(mailoutbox) == 2
    assert all(reason in message.body for message in mailoutbox)


def test_the_history_of_an_organisation_shows_verification_with_who_and_why(
    coordinator_client, coordinator, pending_startup
):
    organisation_reject(organisation=pending_startup, by=coordinator, reason="Thiếu mô tả.")
    organisation_verify(organisation=pending_startup, by=coordinator)
    html = coordinator_client.get(f"{STARTUPS}history/{pending_startup.pk}/").content.decode()
    assert "Verified" in html
    assert "Rejected" in html
    assert "Thiếu mô tả." in html
    assert "Trần Thị Thu Hà" in html


def test_changes_in_the_edit_form_are_logged_and_keep_the_verification_consistent(
    coordinator_client, pending_startup
):
    url = f"{STARTUPS}edit/{pending_startup.pk}/"
    form = coordinator_client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data.update(
        sectors=[sector.pk for sector in pending_startup.sectors.all()],
        stage=pending_startup.stage_id,
        area=pending_startup.area_id,
        status="rejected",
        rejection_reason="",
        tagline="Tôm sạch, nước sạch",
    )
    data = {name: value for name, value in data.items() if value is not None}
    refused = coordinator_client.post(url, data)
    assert refused.status_code == 200
    assert "Write the reason for the rejection" in refused.content.decode()

    data.update(status="verified")
    assert coordinator_client.post(url, data).status_code == 302
    pending_startup.refresh_from_db()
    assert (pending_startup.status, pending_startup.tagline) == ("verified", "Tôm sạch, nước sạch")
    assert pending_startup.verified_at is not None
    assert logs(pending_startup, "wagtail.edit").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coordinators_verifying_at_once_send_one_round_of_emails():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time anyway")
    startup = StartupFactory(status="pending", owner=UserFactory())
    coordinators = [UserFactory(groups=["Coordinators"]) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def verify(person):
        try:
            barrier.wait()
            outcomes.append(organisation_verify(organisation=startup, by=person))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=verify, args=(person,)) for person in coordinators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False, True]
    assert logs(startup, "ecosystem.verify").count() == 1
    assert OutboundEmail.objects.filter(template="ecosystem/emails/verified").count() == 1

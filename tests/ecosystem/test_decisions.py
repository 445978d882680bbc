"""Coordinators decide: accepted with an award no higher than the call's maximum,
or not accepted with no award; the applicant's members are emailed."""

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from ecosystem.exceptions import RegistryError
from ecosystem.formatting import format_vnd
from ecosystem.models import ApplicationTransition, Decision
from ecosystem.services.decisions import application_decide
from tests.factories import ApplicationFactory, MembershipFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    person = UserFactory(groups=["Coordinators"])
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator_client(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


@pytest.fixture
def application():
    startup = StartupFactory(name="Mắm Tôm Chà Hà Tiên")
    MembershipFactory(
        organisation=startup,
        user=UserFactory(email="chu@example.com", preferred_language="vi"),
        role="owner",
    )
    MembershipFactory(
        organisation=startup, user=UserFactory(email="member@example.com", preferred_language="en")
    )
    return ApplicationFactory(status="shortlisted", organisation=startup)


def test_accepting_records_the_decision_the_award_and_the_history(application, coordinator):
    decision = application_decide(
        application=application,
        by=coordinator,
        outcome="accepted",
        award_amount=150_000_000,
        rationale="Sản phẩm có thị trường rõ ràng.",
    )
    application.refresh_from_db()
    assert application.status == "accepted"
    assert (decision.outcome, decision.award_amount, decision.decided_by) == (
        "accepted",
        150_000_000,
        coordinator,
    )
    assert ApplicationTransition.objects.filter(
        application=application, to_status="accepted", by=coordinator
    ).exists()


def test_an_award_above_the_calls_maximum_is_refused(application, coordinator):
    with pytest.raises(RegistryError) as refused:
        application_decide(
            application=application,
            by=coordinator,
            outcome="accepted",
            award_amount=200_000_001,
            rationale="Xuất sắc.",
        )
    assert refused.value.field == "award_amount"
    assert "200,000,000\u00a0₫" in refused.value.message
    application.refresh_from_db()
    assert application.status == "shortlisted"
    assert not Decision.objects.exists()


def test_the_maximum_itself_is_allowed(application, coordinator):
    application_decide(
        application=application,
        by=coordinator,
        outcome="accepted",
        award_amount=200_000_000,
        rationale="Tối đa.",
    )
    assert Decision.objects.get().award_amount == 200_000_000


@pytest.mark.parametrize(
    ("outcome", "award", "field"),
    [
        ("accepted", None, "award_amount"),
        ("accepted", -5, "award_amount"),
        ("rejected", 10_000_000, "award_amount"),
        ("maybe", None, "outcome"),
    ],
)
def test_awards_must_fit_the_outcome(application, coordinator, outcome, award, field):
    with pytest.raises(RegistryError) as refused:
        application_decide(
            application=application,
            by=coordinator,
            outcome=outcome,
            award_amount=award,
            rationale="Lý do.",
        )
    assert refused.value.field == field
    assert not Decision.objects.exists()


def test_a_rejection_has_no_award_and_needs_a_rationale(application, coordinator):
    with pytest.raises(RegistryError) as no_reason:
        application_decide(
            application=application,
            by=coordinator,
            outcome="rejected",
            award_amount=None,
            rationale="  ",
        )
    assert no_reason.value.field == "rationale"
    decision = application_decide(
        application=application,
        by=coordinator,
        outcome="rejected",
        award_amount=None,
        rationale="Chưa có khách hàng thử nghiệm.",
    )
    assert (decision.outcome, decision.award_amount) == ("rejected", None)
    application.refresh_from_db()
    assert application.status == "rejected"


def test_a_call_without_a_maximum_still_refuses_an_absurd_award(coordinator):
    application = ApplicationFactory(status="in_review", call__max_award=None)
    with pytest.raises(RegistryError) as refused:
        application_decide(
            application=application,
            by=coordinator,
            outcome="accepted",
            award_amount=10**19,
            rationale="Lỗi gõ phím.",
        )
    assert refused.value.field == "award_amount"


def test_an_application_is_decided_once(application, coordinator):
    application_decide(
        application=application,
        by=coordinator,
        outcome="rejected",
        award_amount=None,
        rationale="A",
    )
    with pytest.raises(RegistryError):
        application_decide(
            application=application,
            by=coordinator,
            outcome="accepted",
            award_amount=1,
            rationale="B",
        )
    assert Decision.objects.get().outcome == "rejected"


def test_an_application_not_yet_reviewed_cannot_be_decided(coordinator):
    submitted = ApplicationFactory(status="submitted")
    with pytest.raises(RegistryError, match="cannot become"):
        application_decide(
            application=submitted,
            by=coordinator,
            outcome="accepted",
            award_amount=1,
            rationale="Quá sớm.",
        )


def test_the_members_are_emailed_the_decision_in_their_language(
    application, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application_decide(
            application=application,
            by=coordinator,
            outcome="accepted",
            award_amount=150_000_000,
            rationale="Sản phẩm có thị trường rõ ràng.",
        )
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {"chu@example.com", "member@example.com"}
    english = by_recipient["member@example.com"]
    assert english.subject.endswith(f"Application {application.reference} is accepted")
    assert "150,000,000\u00a0₫" in english.body
    assert "Sản phẩm có thị trường rõ ràng." in english.body
    assert f"/en/account/applications/{application.pk}/" in english.body
    vietnamese = by_recipient["chu@example.com"]
    assert "150.000.000\u00a0₫" in vietnamese.body
    assert "/en/" not in vietnamese.body


def test_vnd_amounts_are_written_the_way_each_language_writes_them():
    from django.utils import translation

    with translation.override("vi"):
        assert format_vnd(50_000_000) == "50.000.000\u00a0₫"
    with translation.override("en"):
        assert format_vnd(50_000_000) == "50,000,000\u00a0₫"


def test_coordinators_decide_from_the_admin_and_see_errors_next_to_the_field(
    application, coordinator_client
):
    url = f"/admin/applications/decide/{application.pk}/"
    page = coordinator_client.get(url)
    assert page.status_code == 200
    assert "200,000,000\u00a0₫" in page.content.decode()
    too_much = coordinator_client.post(
        url, {"outcome": "accepted", "award_amount": 300_000_000, "rationale": "Rất tốt."}
    )
    assert too_much.status_code == 200
    assert "cannot be more than the call&#x27;s maximum" in too_much.content.decode()
    assert not Decision.objects.exists()
    garbage = coordinator_client.post(
        url, {"outcome": "accepted", "award_amount": "nhiều", "rationale": "Rất tốt."}
    )
    assert garbage.status_code == 200
    done = coordinator_client.post(
        url, {"outcome": "accepted", "award_amount": 120_000_000, "rationale": "Rất tốt."}
    )
    assert done.status_code == 302
    assert Decision.objects.get().award_amount == 120_000_000
    # Decided: the form is no longer offered.
    again = coordinator_client.get(url)
    assert again.status_code == 302


def test_a_missing_application_is_a_404_in_the_admin(coordinator_client):
    assert coordinator_client.get("/admin/applications/decide/999999/").status_code == 404
    assert coordinator_client.get("/admin/applications/inspect/999999/").status_code == 404
    assert coordinator_client.get("/admin/applications/ranking/999999/").status_code == 404

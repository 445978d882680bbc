"""Coordinators assign council members to applications, by hand or automatically:
conflicts of interest are flagged and refused unless overridden with a reason,
the load is balanced, and each reviewer gets one email per batch."""

import threading

import pytest
from django.db import connection, connections  # noqa: F401 - `connection` is read by skipif
from django.test import Client
from wagtail.users.models import UserProfile

from ecosystem.exceptions import RegistryError
from ecosystem.models import Review
from ecosystem.services.reviews import (
    ConflictError,
    review_assign,
    review_assign_automatically,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    ResearchGroupFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ASSIGN = "/admin/bulk/ecosystem/application/assign/"
AUTO = "/admin/bulk/ecosystem/application/assign_auto/"


def council_member(**kwargs):
    return UserFactory(groups=["Council members"], **kwargs)


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


def in_review(**kwargs):
    return ApplicationFactory(status="in_review", **kwargs)


def test_assigning_by_hand_creates_one_review_per_pair_and_one_email_per_reviewer(
    coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    call = CallFactory()
    first, second = in_review(call=call), in_review(call=call)
    hoa = council_member(email="hoa@example.com", preferred_language="en")
    minh = council_member(email="minh@example.com", preferred_language="vi")
    with django_capture_on_commit_callbacks(execute=True):
        result = review_assign(applications=[first, second], reviewers=[hoa, minh], by=coordinator)
    assert len(result.created) == 4
    assert set(Review.objects.values_list("application_id", "reviewer_id", "status")) == {
        (first.pk, hoa.pk, "assigned"),
        (second.pk, hoa.pk, "assigned"),
        (first.pk, minh.pk, "assigned"),
        (second.pk, minh.pk, "assigned"),
    }
    assert sorted(message.to[0] for message in mailoutbox) == [
        "hoa@example.com",
        "minh@example.com",
    ]
    english = next(message for message in mailoutbox if message.to == ["hoa@example.com"])
    assert "2 applications to review" in english.subject
    assert first.reference in english.body and second.reference in english.body
    assert "/en/review/" in english.body


def test_assigning_again_leaves_existing_reviews_and_emails_nobody_about_them(
    coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    application = in_review()
    reviewer = council_member()
    review_assign(applications=[application], reviewers=[reviewer], by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        result = review_assign(applications=[application], reviewers=[reviewer], by=coordinator)
    assert (len(result.created), result.already_assigned) == (0, 1)
    assert Review.objects.count() == 1
    assert mailoutbox == []


def test_a_member_of_the_applicant_is_flagged_and_refused(coordinator):
    application = in_review()
    colleague = council_member(full_name="Lê Văn Tâm")
    MembershipFactory(organisation=application.organisation, user=colleague)
    other = council_member()
    with pytest.raises(ConflictError) as refused:
        review_assign(applications=[application], reviewers=[colleague, other], by=coordinator)
    assert "Lê Văn Tâm" in refused.value.message
    assert application.organisation.name in refused.value.message
    assert [conflict.reviewer for conflict in refused.value.conflicts] == [colleague]
    # All or nothing: the reviewer without a conflict is not assigned either.
    assert not Review.objects.exists()


def test_a_conflict_can_be_overridden_with_a_reason_kept_on_the_review(coordinator):
    group = ResearchGroupFactory()
    application = in_review(organisation=group)
    lecturer = council_member()
    MembershipFactory(organisation=group.host_institution, user=lecturer)
    review_assign(
        applications=[application],
        reviewers=[lecturer],
        by=coordinator,
        override_reason="Chuyên gia duy nhất về vi sinh thủy sản trong hội đồng.",
    )
    review = Review.objects.get()
    assert review.conflicts and "host institution" in review.conflicts[0]
    assert review.override_by == coordinator
    assert review.override_reason == "Chuyên gia duy nhất về vi sinh thủy sản trong hội đồng."


def test_only_council_members_and_applications_in_review_can_be_assigned(coordinator):
    outsider = UserFactory()
    with pytest.raises(RegistryError, match="council members"):
        review_assign(applications=[in_review()], reviewers=[outsider], by=coordinator)
    submitted = ApplicationFactory(status="submitted")
    with pytest.raises(RegistryError, match="in review"):
        review_assign(applications=[submitted], reviewers=[council_member()], by=coordinator)
    assert not Review.objects.exists()


def test_the_assign_form_shows_the_conflict_and_assigns_nothing_without_an_override(
    coordinator_client,
):
    application = in_review()
    colleague = council_member(full_name="Lê Văn Tâm")
    MembershipFactory(organisation=application.organisation, user=colleague)
    url = f"{ASSIGN}?id={application.pk}&next=/admin/applications/"
    refused = coordinator_client.post(url, {"reviewers": [colleague.pk]})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Conflicts of interest found" in page
    assert "Lê Văn Tâm" in page and "is a member of" in page
    assert not Review.objects.exists()

    no_reason = coordinator_client.post(url, {"reviewers": [colleague.pk], "override": "on"})
    assert no_reason.status_code == 200
    assert not Review.objects.exists()

    accepted = coordinator_client.post(
        url,
        {
            "reviewers": [colleague.pk],
            "override": "on",
            "override_reason": "Đã báo cáo lãnh đạo Sở.",
        },
    )
    assert accepted.status_code == 302
    assert Review.objects.get().override_reason == "Đã báo cáo lãnh đạo Sở."


def test_the_assign_form_assigns_several_applications_at_once(coordinator_client):
    first, second = in_review(), in_review()
    reviewer = council_member()
    url = f"{ASSIGN}?id={first.pk}&id={second.pk}&next=/admin/applications/"
    response = coordinator_client.post(url, {"reviewers": [reviewer.pk]})
    assert response.status_code == 302
    assert Review.objects.filter(reviewer=reviewer).count() == 2


def test_automatic_assignment_balances_the_load_across_the_council(coordinator):
    call = CallFactory()
    applications = [in_review(call=call) for _ in range(3)]
    busy, free_one, free_two = council_member(), council_member(), council_member()
    # `busy` already reviews two other applications of this call.
    for _ in range(2):
        ReviewFactory(application=in_review(call=call), reviewer=busy)
    result = review_assign_automatically(
        applications=applications, by=coordinator, per_application=2
    )
    assert len(result.created) == 6
    new = {
        person: Review.objects.filter(reviewer=person, application__in=applications).count()
        for person in (busy, free_one, free_two)
    }
    in_call = {
        person: Review.objects.filter(reviewer=person, application__call=call).count()
        for person in (busy, free_one, free_two)
    }
    # 8 reviews in the call over 3 people: nobody has more than one more than another,
    # and the one who was busy already got the fewest new ones.
    assert sorted(in_call.values()) == [2, 3, 3]
    assert new[busy] == min(new.values()) == 1
    for application in applications:
        assert application.reviews.count() == 2


def test_automatic_assignment_skips_conflicts_and_counts_existing_reviewers(coordinator):
    application = in_review()
    colleague, first, second = council_member(), council_member(), council_member()
    MembershipFactory(organisation=application.organisation, user=colleague)
    ReviewFactory(application=application, reviewer=first)
    result = review_assign_automatically(
        applications=[application], by=coordinator, per_application=2
    )
    assert [review.reviewer for review in result.created] == [second]
    assert set(application.reviews.values_list("reviewer", flat=True)) == {first.pk, second.pk}
    assert colleague.pk not in application.reviews.values_list("reviewer", flat=True)


def test_automatic_assignment_reports_applications_it_cannot_fill(coordinator):
    application = in_review()
    only = council_member()
    colleague = council_member()
    MembershipFactory(organisation=application.organisation, user=colleague)
    result = review_assign_automatically(
        applications=[application], by=coordinator, per_application=3
    )
    assert [review.reviewer for review in result.created] == [only]
    assert result.shortfalls == [(application, 2)]
    assert [conflict.reviewer for conflict in result.skipped] == [colleague]


def test_a_recused_reviewer_is_not_asked_again_and_is_replaced(coordinator):
    application = in_review()
    recused, replacement = council_member(), council_member()
    ReviewFactory(application=application, reviewer=recused, status="recused")
    review_assign_automatically(applications=[application], by=coordinator, per_application=1)
    assert application.reviews.get(status="assigned").reviewer == replacement


def test_the_automatic_assignment_form_reports_shortfalls(coordinator_client):
    application = in_review()
    council_member()
    url = f"{AUTO}?id={application.pk}&next=/admin/applications/"
    response = coordinator_client.post(url, {"per_application": 2}, follow=True)
    page = response.content.decode()
    assert "1 review assigned" in page
    assert "1 reviewer short" in page
    bad = coordinator_client.post(url, {"per_application": 99})
    assert bad.status_code == 200
    assert application.reviews.count() == 1


def test_editors_and_council_members_cannot_assign(client):
    application = in_review()
    reviewer = council_member()
    for group in ("Editors", "Council members"):
        person = UserFactory(groups=[group])
        client.force_login(person)
        response = client.post(f"{ASSIGN}?id={application.pk}", {"reviewers": [reviewer.pk]})
        assert response.status_code in (302, 403)
    assert not Review.objects.exists()


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="row locks are PostgreSQL's; SQLite runs one writer at a time anyway",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coordinators_assigning_automatically_at_once_do_not_overshoot():
    application = in_review()
    for _ in range(4):
        council_member()
    coordinators = [UserFactory(groups=["Coordinators"]) for _ in range(2)]
    barrier = threading.Barrier(2)

    def assign(person):
        try:
            barrier.wait()
            review_assign_automatically(applications=[application], by=person, per_application=2)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=assign, args=(person,)) for person in coordinators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert application.reviews.count() == 2

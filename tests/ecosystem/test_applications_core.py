"""The rules every part of the applications loop relies on: the status machine,
who may apply to a call, the call's state from the clock, conflicts of interest."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError

from ecosystem.conflicts import conflicts_between
from ecosystem.models import Application, ApplicationTransition, Area, Sector, Stage
from ecosystem.services.applications import (
    TransitionError,
    application_transition,
    call_eligibility,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    ResearchGroupFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_call_is_upcoming_open_and_closed_by_the_clock_to_the_second():
    call = CallFactory(
        opens_at=datetime(2026, 12, 1, 8, 0, tzinfo=LOCAL),
        closes_at=datetime(2026, 12, 31, 17, 0, tzinfo=LOCAL),
    )
    assert call.state_at(datetime(2026, 12, 1, 7, 59, 59, tzinfo=LOCAL)) == "upcoming"
    assert call.state_at(datetime(2026, 12, 1, 8, 0, tzinfo=LOCAL)) == "open"
    assert call.state_at(datetime(2026, 12, 31, 16, 59, 59, tzinfo=LOCAL)) == "open"
    assert call.state_at(datetime(2026, 12, 31, 17, 0, 0, tzinfo=LOCAL)) == "closed"


def test_questions_are_stored_with_their_keys():
    call = CallFactory()
    assert list(call.question_map()) == ["product-name", "plan", "team-size", "business-plan"]


def test_every_status_change_is_recorded():
    application = ApplicationFactory()
    founder = UserFactory()
    application_transition(application=application, to="submitted", by=founder)
    application_transition(application=application, to="withdrawn", by=founder, note="Đổi ý")
    assert list(
        ApplicationTransition.objects.filter(application=application).values_list(
            "from_status", "to_status", "note"
        )
    ) == [("draft", "submitted", ""), ("submitted", "withdrawn", "Đổi ý")]
    application.refresh_from_db()
    assert application.submitted_at is not None


def test_an_illegal_transition_is_a_clear_error_and_changes_nothing():
    application = ApplicationFactory(status="withdrawn")
    with pytest.raises(TransitionError, match="cannot become"):
        application_transition(application=application, to="accepted", by=UserFactory())
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert not ApplicationTransition.objects.exists()


def test_one_application_per_organisation_per_call_is_enforced_by_the_database():
    application = ApplicationFactory()
    with pytest.raises(IntegrityError):
        Application.objects.create(call=application.call, organisation=application.organisation)


def test_a_verified_startup_in_the_right_sector_may_apply():
    call = CallFactory()
    call.eligible_sectors.set([Sector.objects.get(slug="nong-nghiep")])
    startup = StartupFactory(sectors=[Sector.objects.get(slug="thuy-san")])
    assert call_eligibility(call=call, organisation=startup) == []


@pytest.mark.parametrize(
    "change",
    ["unverified", "research_group", "stage", "sector", "area"],
)
def test_ineligible_organisations_are_told_why(change):
    call = CallFactory()
    organisation = StartupFactory()
    if change == "unverified":
        organisation = StartupFactory(status="pending")
    elif change == "research_group":
        organisation = ResearchGroupFactory()
    elif change == "stage":
        call.eligible_stages.set([Stage.objects.get(slug="tang-truong")])
    elif change == "sector":
        call.eligible_sectors.set([Sector.objects.get(slug="du-lich")])
    elif change == "area":
        call.eligible_areas.set([Area.objects.get(slug="phu-quoc")])
    problems = call_eligibility(call=call, organisation=organisation)
    assert len(problems) == 1


def test_a_province_includes_its_wards_for_eligibility():
    call = CallFactory()
    call.eligible_areas.set([Area.objects.get(slug="an-giang")])
    assert call_eligibility(call=call, organisation=StartupFactory()) == []


def test_members_of_the_applicant_and_of_its_host_institution_are_in_conflict():
    group = ResearchGroupFactory()
    colleague, host_staff, stranger = UserFactory(), UserFactory(), UserFactory()
    MembershipFactory(user=colleague, organisation=group)
    MembershipFactory(user=host_staff, organisation=group.host_institution)
    assert len(conflicts_between(reviewer=colleague, organisation=group)) == 1
    assert len(conflicts_between(reviewer=host_staff, organisation=group)) == 1
    assert conflicts_between(reviewer=stranger, organisation=group) == []

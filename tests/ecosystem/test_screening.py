"""Coordinators screen submitted applications (eligible or not, one by one and in
bulk) and send them back with "more information requested"."""

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from ecosystem.exceptions import RegistryError
from ecosystem.models import Application, ApplicationTransition, InformationRequest
from ecosystem.services.screening import application_screen, information_request
from tests.factories import ApplicationFactory, MembershipFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db

BULK = "/admin/bulk/ecosystem/application/{action}/"


def english_admin(person):
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator():
    return english_admin(UserFactory(groups=["Coordinators"]))


@pytest.fixture
def coordinator_client(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


@pytest.fixture
def applicant():
    """A startup with a Vietnamese-speaking owner and an English-speaking member."""
    startup = StartupFactory(name="Rong Nho Hà Tiên")
    owner = UserFactory(email="chu@example.com", preferred_language="vi")
    member = UserFactory(email="member@example.com", preferred_language="en")
    MembershipFactory(organisation=startup, user=owner, role="owner")
    MembershipFactory(organisation=startup, user=member)
    return startup


def submitted(**kwargs):
    return ApplicationFactory(status="submitted", **kwargs)


def test_an_eligible_application_goes_into_review_and_the_change_is_logged(coordinator):
    application = submitted()
    application_screen(application=application, by=coordinator, eligible=True)
    application.refresh_from_db()
    assert application.status == "in_review"
    assert ApplicationTransition.objects.filter(
        application=application, from_status="submitted", to_status="in_review", by=coordinator
    ).exists()


def test_not_eligible_emails_the_members_the_reason_in_their_language(
    coordinator, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    application = submitted(organisation=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        application_screen(
            application=application,
            by=coordinator,
            eligible=False,
            reason="Doanh nghiệp chưa đủ 12 tháng hoạt động.",
        )
    application.refresh_from_db()
    assert application.status == "ineligible"
    assert application.transitions.get().note == "Doanh nghiệp chưa đủ 12 tháng hoạt động."
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {"chu@example.com", "member@example.com"}
    for message in mailoutbox:
        assert "Doanh nghiệp chưa đủ 12 tháng hoạt động." in message.body
        assert application.reference in message.subject
    assert "not eligible" in by_recipient["member@example.com"].subject


def test_not_eligible_needs_a_reason(coordinator):
    application = submitted()
    with pytest.raises(RegistryError) as refused:
        application_screen(application=application, by=coordinator, eligible=False, reason=" ")
    assert refused.value.field == "reason"
    application.refresh_from_db()
    assert application.status == "submitted"


def test_only_submitted_applications_are_screened(coordinator):
    application = ApplicationFactory(status="accepted")
    with pytest.raises(RegistryError, match="only submitted applications"):
        application_screen(application=application, by=coordinator, eligible=True)


def test_coordinators_mark_several_applications_eligible_at_once(coordinator_client):
    first, second = submitted(), ApplicationFactory(status="screening")
    decided = ApplicationFactory(status="accepted")
    url = BULK.format(action="eligible")
    query = f"?id={first.pk}&id={second.pk}&id={decided.pk}&next=/admin/applications/"
    confirmation = coordinator_client.get(url + query)
    assert confirmation.status_code == 200
    assert first.reference in confirmation.content.decode()
    response = coordinator_client.post(url + query, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/applications/"
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "in_review", second.pk: "in_review", decided.pk: "accepted"}
    page = response.content.decode()
    assert "2 applications are eligible" in page
    assert "1 application was not waiting for screening" in page


def test_coordinators_mark_applications_not_eligible_in_bulk_with_one_reason(
    coordinator_client, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = submitted(organisation=applicant), submitted()
    url = BULK.format(action="ineligible") + f"?id={first.pk}&id={second.pk}&next=/admin/"
    without_reason = coordinator_client.post(url, {"reason": ""})
    assert without_reason.status_code == 200
    assert set(Application.objects.values_list("status", flat=True)) == {"submitted"}
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(url, {"reason": "Hồ sơ ngoài lĩnh vực của đợt kêu gọi."})
    assert set(Application.objects.values_list("status", flat=True)) == {"ineligible"}
    # The second startup has no members: only the first one's two people hear of it.
    assert sorted(message.to[0] for message in mailoutbox) == [
        "chu@example.com",
        "member@example.com",
    ]


def test_the_select_all_of_a_filtered_list_acts_only_on_what_the_list_shows(
    coordinator_client,
):
    wanted = submitted()
    other_call = submitted()
    url = BULK.format(action="eligible") + f"?id=all&call={wanted.call_id}&next=/admin/"
    coordinator_client.post(url)
    wanted.refresh_from_db()
    other_call.refresh_from_db()
    assert (wanted.status, other_call.status) == ("in_review", "submitted")


def test_an_information_request_reopens_the_named_answers_and_emails_the_applicant(
    coordinator, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(status="in_review", organisation=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        request = information_request(
            application=application,
            by=coordinator,
            message="Vui lòng bổ sung kế hoạch chi tiết.",
            question_keys=["plan", "team-size"],
        )
    application.refresh_from_db()
    assert application.status == "info_requested"
    request = InformationRequest.objects.get(pk=request.pk)
    assert request.resume_status == "in_review"
    assert request.question_keys == ["plan", "team-size"]
    assert request.requested_by == coordinator
    english = next(message for message in mailoutbox if message.to == ["member@example.com"])
    vietnamese = next(message for message in mailoutbox if message.to == ["chu@example.com"])
    # Question labels in each recipient's language.
    assert "How will you use the support?" in english.body
    assert "Kế hoạch sử dụng kinh phí" in vietnamese.body
    assert "Vui lòng bổ sung kế hoạch chi tiết." in english.body
    assert f"/en/account/applications/{application.pk}/" in english.body


def test_an_information_request_refuses_unknown_questions_and_an_empty_message(coordinator):
    application = submitted()
    with pytest.raises(RegistryError) as unknown:
        information_request(
            application=application, by=coordinator, message="Bổ sung", question_keys=["nope"]
        )
    assert unknown.value.field == "question_keys"
    with pytest.raises(RegistryError) as empty:
        information_request(application=application, by=coordinator, message="", question_keys=[])
    assert empty.value.field == "message"
    application.refresh_from_db()
    assert application.status == "submitted"
    assert not InformationRequest.objects.exists()


def test_a_second_request_while_one_is_open_is_refused(coordinator):
    application = submitted()
    information_request(application=application, by=coordinator, message="Một", question_keys=[])
    with pytest.raises(RegistryError, match="cannot become"):
        information_request(
            application=application, by=coordinator, message="Hai", question_keys=[]
        )
    assert InformationRequest.objects.count() == 1


def test_coordinators_request_information_from_the_admin(coordinator_client):
    application = ApplicationFactory(status="screening")
    url = f"/admin/applications/request-information/{application.pk}/"
    form = coordinator_client.get(url)
    assert form.status_code == 200
    # The call's questions, by their English labels.
    assert "How will you use the support?" in form.content.decode()
    response = coordinator_client.post(
        url, {"message": "Gửi thêm báo cáo tài chính.", "question_keys": ["business-plan"]}
    )
    assert response.status_code == 302
    assert response.url == f"/admin/applications/inspect/{application.pk}/"
    assert application.information_requests.get().question_keys == ["business-plan"]


def test_an_information_request_form_with_a_bad_question_stays_on_the_form(coordinator_client):
    application = submitted()
    url = f"/admin/applications/request-information/{application.pk}/"
    response = coordinator_client.post(url, {"message": "x", "question_keys": ["../../etc"]})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == "submitted"


def test_a_select_all_with_a_nonsense_filter_acts_on_nothing(coordinator_client):
    application = submitted()
    url = BULK.format(action="eligible") + "?id=all&call=not-a-call&next=/admin/"
    assert coordinator_client.post(url).status_code == 404
    application.refresh_from_db()
    assert application.status == "submitted"

"""More information requested: the applicant changes only the answers the
coordinator named, writes a reply, and the application goes back to where it
was; the request and the reply are kept, even after the call's deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ecosystem.exceptions import RegistryError
from ecosystem.models import ApplicationFile, InformationRequest
from ecosystem.services import applying
from ecosystem.services.applications import application_transition
from tests.ecosystem.test_application_files import PDF, upload
from tests.ecosystem.test_applying import text, visible
from tests.factories import ApplicationFactory, CallFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder():
    return UserFactory(full_name="Nguyễn Văn An", preferred_language="en")


@pytest.fixture
def coordinator():
    return UserFactory(groups=["Coordinators"], full_name="Trần Điều Phối", preferred_language="en")


@pytest.fixture
def closed_call():
    now = timezone.now()
    return CallFactory(opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=1))


def asked(application, coordinator, keys, message="Vui lòng bổ sung kế hoạch chi tiết."):
    """The coordinator's side, as the review part records it."""
    application_transition(application=application, to="info_requested", by=coordinator)
    return InformationRequest.objects.create(
        application=application,
        message=message,
        question_keys=keys,
        resume_status="in_review",
        requested_by=coordinator,
    )


@pytest.fixture
def application(founder, coordinator, closed_call):
    application = ApplicationFactory(
        call=closed_call, organisation=StartupFactory(owner=founder), created_by=founder
    )
    application_transition(application=application, to="submitted", by=founder)
    application_transition(application=application, to="in_review", by=coordinator)
    return application


@pytest.fixture
def founder_client(client, founder):
    client.force_login(founder)
    return client


def reply_url(application):
    return f"/en/account/applications/{application.pk}/reply/"


def test_the_reply_page_offers_only_the_named_answers(founder_client, application, coordinator):
    asked(application, coordinator, ["plan", "business-plan"])
    page = text(founder_client.get(reply_url(application)))
    assert "Vui lòng bổ sung kế hoạch chi tiết." in page
    assert 'name="q-plan"' in page and 'name="q-business-plan"' in page
    assert 'name="q-product-name"' not in page and 'name="q-team-size"' not in page
    assert "Mua máy sấy." in page  # the current answer, to change


def test_replying_changes_the_named_answers_keeps_the_reply_and_resumes_after_the_deadline(
    founder_client,
    application,
    founder,
    coordinator,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    request = asked(application, coordinator, ["plan", "business-plan"])
    with django_capture_on_commit_callbacks(execute=True):
        response = founder_client.post(
            reply_url(application),
            {
                "q-plan": "Kế hoạch chi tiết theo quý.",
                "q-business-plan": upload("ke-hoach.pdf", PDF),
                # Not asked about: ignored, whatever the page was made to send.
                "q-product-name": "Tên khác",
                "reply-message": "Đã bổ sung kế hoạch theo quý.",
            },
        )
    assert response["Location"] == f"/en/account/applications/{application.pk}/"
    application.refresh_from_db()
    request.refresh_from_db()
    assert application.status == "in_review"
    assert application.answers["plan"] == "Kế hoạch chi tiết theo quý."
    assert application.answers["product-name"] == "Rong nho sấy"
    assert application.answers["business-plan"] == [ApplicationFile.objects.get().pk]
    assert request.reply == "Đã bổ sung kế hoạch theo quý."
    assert request.replied_at is not None
    last = application.transitions.last()
    assert (last.from_status, last.to_status, last.by) == ("info_requested", "in_review", founder)
    # The coordinator who asked hears about it.
    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert application.reference in mailoutbox[0].subject
    assert "Đã bổ sung kế hoạch theo quý." in mailoutbox[0].body
    assert f"/admin/applications/inspect/{application.pk}/" in mailoutbox[0].body
    # Both stay on the status page.
    page = visible(founder_client.get(f"/en/account/applications/{application.pk}/"))
    assert "Vui lòng bổ sung kế hoạch chi tiết." in page
    assert "Đã bổ sung kế hoạch theo quý." in page
    assert "Reply to the request" not in page


def test_a_named_required_answer_cannot_be_emptied(founder_client, application, coordinator):
    asked(application, coordinator, ["plan"])
    page = text(founder_client.post(reply_url(application), {"q-plan": "", "reply-message": ""}))
    assert "Your reply: This field is required." not in page
    assert "How will you use the support?: This field is required." in page
    application.refresh_from_db()
    assert application.status == "info_requested"


def test_a_request_naming_no_answers_needs_a_reply_message(
    founder_client, application, coordinator
):
    asked(application, coordinator, [], message="Xin gửi xác nhận của đơn vị chủ quản.")
    page = text(founder_client.post(reply_url(application), {"reply-message": " "}))
    assert "Your reply: This field is required." in page
    founder_client.post(reply_url(application), {"reply-message": "Đã gửi qua email."})
    application.refresh_from_db()
    assert application.status == "in_review"


def test_the_service_refuses_answers_that_were_not_asked_about(application, founder, coordinator):
    asked(application, coordinator, ["plan"])
    with pytest.raises(RegistryError, match="Only the answers the coordinator asked about"):
        applying.information_reply(
            application=application, by=founder, reply="", answers={"product-name": "Khác"}
        )
    application.refresh_from_db()
    assert application.status == "info_requested"
    assert application.answers["product-name"] == "Rong nho sấy"


def test_there_is_nothing_to_reply_to_unless_information_was_requested(
    founder_client, application, founder
):
    response = founder_client.get(reply_url(application), follow=True)
    assert "No information is waiting for a reply" in text(response)
    with pytest.raises(applying.NotEditable):
        applying.information_reply(application=application, by=founder, reply="x", answers={})


def test_a_second_reply_is_refused(application, founder, coordinator):
    asked(application, coordinator, ["plan"])
    applying.information_reply(
        application=application, by=founder, reply="", answers={"plan": "Mới."}
    )
    with pytest.raises(applying.NotEditable):
        applying.information_reply(
            application=application, by=founder, reply="", answers={"plan": "Mới hơn."}
        )
    assert InformationRequest.objects.get().reply == ""


def test_only_members_can_reply(client, application, coordinator):
    asked(application, coordinator, ["plan"])
    client.force_login(UserFactory())
    assert client.post(reply_url(application), {"q-plan": "x"}).status_code == 404
    with pytest.raises(RegistryError):
        applying.information_reply(
            application=application, by=coordinator, reply="", answers={"plan": "x"}
        )

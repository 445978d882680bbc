"""Applying to a call, as a member of an organisation: start a pre-filled
draft, save it, submit it before the deadline (to the second), get a
confirmation email, follow the status page, withdraw."""

import re
import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, connections
from django.utils import timezone

from accounts.models import OutboundEmail
from ecosystem.models import (
    Application,
    ApplicationTransition,
    Decision,
    InformationRequest,
    Membership,
    Review,
    Score,
)
from ecosystem.services import applying
from ecosystem.services.applications import application_transition
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    ResearchGroupFactory,
    ReviewFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ALL_KINDS = [
    (
        "short_text",
        {
            "key": "product-name",
            "label": "Tên sản phẩm",
            "label_en": "Product name",
            "help_text": "",
            "help_text_en": "",
            "required": True,
        },
    ),
    (
        "choice",
        {
            "key": "market",
            "label": "Thị trường chính",
            "label_en": "Main market",
            "help_text": "",
            "help_text_en": "",
            "required": True,
            "options": [
                {"value": "tinh", "label": "Trong tỉnh", "label_en": "In the province"},
                {"value": "xuat-khau", "label": "Xuất khẩu", "label_en": "Export"},
            ],
        },
    ),
    (
        "multiple_choice",
        {
            "key": "channels",
            "label": "Kênh bán",
            "label_en": "Sales channels",
            "help_text": "",
            "help_text_en": "",
            "required": False,
            "options": [
                {"value": "online", "label": "Trực tuyến", "label_en": "Online"},
                {"value": "cho", "label": "Chợ", "label_en": "Markets"},
                {"value": "sieu-thi", "label": "Siêu thị", "label_en": "Supermarkets"},
            ],
        },
    ),
    (
        "date",
        {
            "key": "launch",
            "label": "Ngày ra mắt",
            "label_en": "Launch date",
            "help_text": "<b>Dự kiến</b>",
            "help_text_en": "<b>Planned</b>",
            "required": False,
        },
    ),
]


@pytest.fixture
def founder():
    return UserFactory(full_name="Nguyễn Văn An", preferred_language="en")


@pytest.fixture
def startup(founder):
    return StartupFactory(owner=founder, name="Tôm Sạch Hà Tiên", team_size=7)


@pytest.fixture
def call():
    return CallFactory(title_en="Incubation 2026")


@pytest.fixture
def founder_client(client, founder):
    client.force_login(founder)
    return client


def start_url(call, organisation):
    return f"/en/account/applications/new/{call.pk}/{organisation.pk}/"


def edit_url(application):
    return f"/en/account/applications/{application.pk}/edit/"


def detail_url(application):
    return f"/en/account/applications/{application.pk}/"


def answers(**overrides):
    """A complete POST of CallFactory's questions (no file), with changes."""
    data = {
        "q-product-name": "Tôm khô sạch",
        "q-plan": "Mua máy sấy năng lượng mặt trời.",
        "q-team-size": "7",
        "action": "submit",
    }
    data.update({f"q-{key}" if key != "action" else key: value for key, value in overrides.items()})
    return data


def draft(call, organisation, founder, **fields):
    return ApplicationFactory(call=call, organisation=organisation, created_by=founder, **fields)


def text(response) -> str:
    """The HTML with runs of white space made one space (a no-break space stays)."""
    return re.sub(r"[ \t\r\n]+", " ", response.content.decode())


def visible(response) -> str:
    """The words on the page, without the markup."""
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


# Starting


def test_a_member_starts_a_draft_prefilled_from_the_profile_and_earlier_answers(
    founder_client, founder, startup, call
):
    earlier_call = CallFactory(
        opens_at=timezone.now() - timedelta(days=400),
        closes_at=timezone.now() - timedelta(days=300),
    )
    ApplicationFactory(
        call=earlier_call,
        organisation=startup,
        status="rejected",
        answers={"product-name": "Tôm khô Hà Tiên", "plan": "Mở rộng ao nuôi.", "team-size": 3},
    )
    response = founder_client.get(start_url(call, startup))
    application = Application.objects.get(call=call, organisation=startup)
    assert response.status_code == 302
    assert response["Location"] == edit_url(application)
    assert application.status == "draft"
    assert application.created_by == founder
    # team-size from the profile (kept up to date), the rest from the earlier application.
    assert application.answers == {
        "product-name": "Tôm khô Hà Tiên",
        "plan": "Mở rộng ao nuôi.",
        "team-size": 7,
    }
    page = text(founder_client.get(edit_url(application)))
    assert 'value="Tôm khô Hà Tiên"' in page
    assert "Mở rộng ao nuôi." in page


def test_a_research_group_gets_its_number_of_researchers_as_team_size(client):
    member = UserFactory()
    group = ResearchGroupFactory(members_count=12)
    MembershipFactory(organisation=group, user=member)
    call = CallFactory(accepts_research_groups=True)
    application, created = applying.application_start(call=call, organisation=group, by=member)
    assert created
    assert application.answers == {"team-size": 12}


def test_earlier_answers_that_no_longer_fit_the_question_are_not_carried_over(founder, startup):
    call = CallFactory(questions=ALL_KINDS)
    ApplicationFactory(
        organisation=startup,
        answers={"market": "ca-nuoc", "channels": ["online", "tivi"], "launch": "2027-02-01"},
    )
    application, _ = applying.application_start(call=call, organisation=startup, by=founder)
    assert application.answers == {"channels": ["online"], "launch": "2027-02-01"}


def test_starting_again_goes_to_the_existing_application(founder_client, founder, startup, call):
    application = draft(call, startup, founder, status="submitted")
    response = founder_client.post(start_url(call, startup))
    assert response["Location"] == detail_url(application)
    assert Application.objects.filter(call=call).count() == 1


def test_a_start_that_loses_the_race_returns_the_application_made_first(
    founder, startup, call, monkeypatch
):
    first = draft(call, startup, founder)
    # The other request's row is not there when this one looks, only when it inserts.
    monkeypatch.setattr(applying, "_existing_application", lambda **kwargs: None)
    application, created = applying.application_start(call=call, organisation=startup, by=founder)
    assert (application, created) == (first, False)
    assert Application.objects.filter(call=call).count() == 1


def test_only_members_can_start_and_others_get_a_404(client, startup, call):
    client.force_login(UserFactory())
    assert client.get(start_url(call, startup)).status_code == 404
    assert not Application.objects.exists()


def test_signing_in_is_needed_to_apply(client, startup, call):
    response = client.get(start_url(call, startup))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("opens", "closes", "reason"),
    [(-30, -1, "This call closed at"), (2, 30, "This call opens at")],
    ids=["closed", "upcoming"],
)
def test_a_call_that_is_not_open_explains_why_and_creates_nothing(
    founder_client, startup, opens, closes, reason
):
    now = timezone.now()
    call = CallFactory(opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes))
    response = founder_client.get(start_url(call, startup))
    assert response.status_code == 403
    assert reason in text(response)
    assert not Application.objects.exists()


def test_an_ineligible_organisation_is_told_why(client, call):
    member = UserFactory()
    group = ResearchGroupFactory(status="pending")
    MembershipFactory(organisation=group, user=member)
    client.force_login(member)
    page = text(client.get(start_url(call, group)))
    assert "Only verified organisations can apply." in page
    assert "This call is not open to research group." in page
    assert not Application.objects.exists()


# The form


def test_the_form_asks_the_calls_questions_in_the_active_language(founder_client, founder):
    startup = StartupFactory(owner=founder)
    application = draft(CallFactory(questions=ALL_KINDS), startup, founder, answers={})
    page = text(founder_client.get(edit_url(application)))
    for label in ("Product name", "Main market", "In the province", "Sales channels", "Online"):
        assert label in page
    assert 'type="date"' in page
    # Coordinators' help text is shown as text, never as markup.
    assert "&lt;b&gt;Planned&lt;/b&gt;" in page


def test_a_draft_saves_without_required_answers(founder_client, founder, startup, call):
    application = draft(call, startup, founder, answers={})
    response = founder_client.post(
        edit_url(application), {"q-product-name": "Tôm khô", "action": "save"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers == {"product-name": "Tôm khô"}
    assert application.status == "draft"
    assert "Draft saved" in text(founder_client.get(edit_url(application)))


def test_saving_an_empty_answer_removes_it(founder_client, founder, startup, call):
    application = draft(call, startup, founder)
    founder_client.post(edit_url(application), answers(**{"team-size": "", "action": "save"}))
    application.refresh_from_db()
    assert "team-size" not in application.answers


def test_submitting_shows_every_problem_next_to_its_field_and_in_a_summary(
    founder_client, founder, startup, call
):
    application = draft(call, startup, founder, answers={})
    response = founder_client.post(
        edit_url(application),
        answers(**{"product-name": "", "plan": "x" * 1200, "team-size": "600"}),
    )
    assert response.status_code == 200
    page = text(response)
    assert "There are 3 problems to correct" in page
    assert '<a href="#id_q-product-name">Product name: This field is required.</a>' in page
    assert "This answer has 1200 characters; it can have at most 1000." in page
    assert "Ensure this value is less than or equal to 500." in page
    assert page.count('aria-invalid="true"') == 3
    # What was typed stays on the page; nothing was stored or submitted.
    assert "x" * 1200 in page
    application.refresh_from_db()
    assert application.status == "draft"
    assert application.answers == {}


def test_line_breaks_count_as_one_character(founder_client, founder, startup, call):
    application = draft(call, startup, founder, answers={})
    plan = "\r\n".join(["x" * 99] * 10)  # 999 characters as the browser counts them
    response = founder_client.post(edit_url(application), answers(plan=plan))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers["plan"] == plan.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("market", "ca-nuoc", "Select a valid choice."),
        ("channels", "tivi", "Select a valid choice."),
        ("launch", "mai", "Enter a valid date."),
    ],
)
def test_only_the_defined_choices_and_real_dates_are_accepted(
    founder_client, founder, field, value, message
):
    startup = StartupFactory(owner=founder)
    application = draft(CallFactory(questions=ALL_KINDS), startup, founder, answers={})
    data = {"q-product-name": "Tôm", "q-market": "tinh", "action": "save", f"q-{field}": value}
    page = text(founder_client.post(edit_url(application), data))
    assert message in page
    application.refresh_from_db()
    assert application.answers == {}


def test_choices_and_dates_are_stored_as_their_values(founder_client, founder):
    startup = StartupFactory(owner=founder)
    application = draft(CallFactory(questions=ALL_KINDS), startup, founder, answers={})
    founder_client.post(
        edit_url(application),
        {
            "q-product-name": "Tôm",
            "q-market": "xuat-khau",
            "q-channels": ["online", "sieu-thi"],
            "q-launch": "2027-03-15",
            "action": "submit",
        },
    )
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.answers == {
        "product-name": "Tôm",
        "market": "xuat-khau",
        "channels": ["online", "sieu-thi"],
        "launch": "2027-03-15",
    }
    page = text(founder_client.get(detail_url(application)))
    assert "Export" in page and "Supermarkets" in page and "15/03/2027" in page


# Submitting


def test_submitting_records_who_and_emails_the_submitter_and_the_owner_in_their_language(
    client, startup, call, founder, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = UserFactory(full_name="Lê Thị Hoa", preferred_language="vi")
    MembershipFactory(organisation=startup, user=colleague)
    application = draft(call, startup, colleague)
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(application), answers())
    assert response["Location"] == detail_url(application)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.submitted_at is not None
    transition = ApplicationTransition.objects.get(application=application)
    assert (transition.from_status, transition.to_status, transition.by) == (
        "draft",
        "submitted",
        colleague,
    )
    emails = {email.to: email for email in OutboundEmail.objects.all()}
    assert set(emails) == {colleague.email, founder.email}
    assert emails[colleague.email].language == "vi"
    assert emails[founder.email].language == "en"
    # The call's title in each reader's language, the reference in both.
    assert call.title in emails[colleague.email].subject
    assert "Incubation 2026" in emails[founder.email].subject
    for email in emails.values():
        assert application.reference in email.subject
        assert application.reference in email.body
    assert "Lê Thị Hoa has submitted the application of Tôm Sạch Hà Tiên" in (
        emails[founder.email].body
    )
    assert sorted(message.to[0] for message in mailoutbox) == sorted(emails)
    assert f"reference number is {application.reference}" in text(
        client.get(detail_url(application))
    )


def test_the_owner_submitting_gets_one_email(
    founder_client, founder, startup, call, django_capture_on_commit_callbacks, mailoutbox
):
    application = draft(call, startup, founder)
    with django_capture_on_commit_callbacks(execute=True):
        founder_client.post(edit_url(application), answers())
    assert [message.to for message in mailoutbox] == [[founder.email]]
    assert "You have submitted the application" in mailoutbox[0].body


def _deadline_call():
    # 17:00 local time, three days from now: close enough that a session made
    # now is still valid when the clock is moved there.
    local = timezone.localtime() + timedelta(days=3)
    closes_at = local.replace(hour=17, minute=0, second=0, microsecond=0)
    return CallFactory(opens_at=closes_at - timedelta(days=30), closes_at=closes_at)


def test_submitting_at_165959_local_time_is_accepted(founder_client, founder, startup, monkeypatch):
    call = _deadline_call()
    application = draft(call, startup, founder)
    moment = call.closes_at - timedelta(seconds=1)
    assert timezone.localtime(moment).strftime("%H:%M:%S") == "16:59:59"
    monkeypatch.setattr(timezone, "now", lambda: moment)
    founder_client.post(edit_url(application), answers())
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.submitted_at == moment


def test_submitting_at_170000_local_time_is_refused_and_the_draft_keeps_everything(
    founder_client, founder, startup, monkeypatch
):
    call = _deadline_call()
    application = draft(call, startup, founder, answers={})
    monkeypatch.setattr(timezone, "now", lambda: call.closes_at)
    response = founder_client.post(
        edit_url(application), answers(**{"product-name": "Tôm khô mới", "plan": ""})
    )
    assert response["Location"] == edit_url(application)
    application.refresh_from_db()
    assert application.status == "draft"
    assert application.answers == {"product-name": "Tôm khô mới", "team-size": 7}
    assert not ApplicationTransition.objects.exists()
    page = text(founder_client.get(edit_url(application)))
    assert "Your application was not submitted. This call closed at 17:00" in page
    assert "Your answers are saved in the draft." in page
    assert 'value="Tôm khô mới"' in page
    # The form says so before anyone tries again, and offers no Submit button.
    assert "This call is closed" in page
    assert 'value="submit"' not in page


def test_two_submit_posts_give_one_submitted_application(
    founder_client, founder, startup, call, mailoutbox, django_capture_on_commit_callbacks
):
    application = draft(call, startup, founder)
    with django_capture_on_commit_callbacks(execute=True):
        first = founder_client.post(edit_url(application), answers())
        second = founder_client.post(edit_url(application), answers(), follow=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert "has been submitted; it can no longer be edited" in text(second)
    assert ApplicationTransition.objects.filter(to_status="submitted").count() == 1
    assert len(mailoutbox) == 1


def test_a_second_submission_in_the_service_is_a_friendly_refusal(founder, startup, call):
    application = draft(call, startup, founder)
    stale = Application.objects.get(pk=application.pk)
    applying.application_submit(application=application, by=founder, answers={})
    with pytest.raises(applying.NotEditable, match="already been submitted"):
        applying.application_submit(application=stale, by=founder, answers={})
    assert ApplicationTransition.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_submissions_give_one_submitted_application():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time anyway")
    founder = UserFactory()
    startup = StartupFactory(owner=founder)
    application = ApplicationFactory(organisation=startup)
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        try:
            barrier.wait()
            applying.application_submit(
                application=Application.objects.get(pk=application.pk), by=founder, answers={}
            )
            outcomes.append("submitted")
        except applying.NotEditable:
            outcomes.append("already submitted")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already submitted", "submitted"]
    assert ApplicationTransition.objects.filter(application=application).count() == 1
    assert OutboundEmail.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_starts_make_one_application():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time anyway")
    founder = UserFactory()
    startup = StartupFactory(owner=founder)
    call = CallFactory()
    barrier = threading.Barrier(2)
    results = []

    def start():
        try:
            barrier.wait()
            results.append(applying.application_start(call=call, organisation=startup, by=founder))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(created for _, created in results) == [False, True]
    assert len({application.pk for application, _ in results}) == 1
    assert Application.objects.count() == 1


def test_a_submitted_application_cannot_be_edited(founder_client, founder, startup, call):
    application = draft(call, startup, founder, status="submitted")
    response = founder_client.post(edit_url(application), answers(plan="Khác"))
    assert response["Location"] == detail_url(application)
    application.refresh_from_db()
    assert application.answers["plan"] == "Mua máy sấy."


def test_the_organisation_may_no_longer_apply_once_unverified(
    founder_client, founder, startup, call
):
    application = draft(call, startup, founder)
    startup.status = "rejected"
    startup.save()
    founder_client.post(edit_url(application), answers(plan="Kế hoạch mới"))
    application.refresh_from_db()
    assert application.status == "draft"
    assert application.answers["plan"] == "Kế hoạch mới"


def test_database_refuses_a_second_application_even_without_the_service(founder, startup, call):
    draft(call, startup, founder)
    with pytest.raises(IntegrityError):
        Application.objects.create(call=call, organisation=startup)


# The status page


@pytest.fixture
def coordinator():
    return UserFactory(groups=["Coordinators"], full_name="Trần Điều Phối")


def test_the_status_page_shows_the_answers_read_only_and_the_history_by_role(
    founder_client, founder, startup, call, coordinator
):
    application = draft(call, startup, founder)
    application_transition(application=application, to="submitted", by=founder)
    application_transition(
        application=application, to="screening", by=coordinator, note="Hồ sơ thiếu chữ ký"
    )
    response = founder_client.get(detail_url(application))
    page = text(response)
    assert response.status_code == 200
    assert "Mua máy sấy." in page and "Rong nho sấy" in page
    assert "<input" not in page.split("<main", 1)[1].split("Withdraw the application")[0]
    words = visible(response)
    assert "Submitted · by Nguyễn Văn An" in words
    assert "Screening · by Department of Science and Technology" in words
    # Coordinators are not named, and their internal notes are not shown.
    assert "Trần Điều Phối" not in page
    assert "Hồ sơ thiếu chữ ký" not in page
    local = timezone.localtime(application.transitions.last().at)
    assert local.strftime("%H:%M %d/%m/%Y") in page
    assert application.reference in page


def test_the_reason_for_ineligibility_is_shown(founder_client, founder, startup, call, coordinator):
    application = draft(call, startup, founder)
    application_transition(application=application, to="submitted", by=founder)
    application_transition(
        application=application, to="ineligible", by=coordinator, note="Không đúng lĩnh vực."
    )
    page = visible(founder_client.get(detail_url(application)))
    assert "Not eligible · by Department of Science and Technology" in page
    assert "Không đúng lĩnh vực." in page
    assert "Withdraw the application" not in page


@pytest.fixture
def decided(founder, startup, call, coordinator):
    application = draft(call, startup, founder)
    application_transition(application=application, to="submitted", by=founder)
    application_transition(application=application, to="in_review", by=coordinator)
    now = timezone.now()
    for name, for_applicant in [("Phạm Thẩm Định", "Thị trường rõ ràng."), ("Võ Chuyên Gia", "")]:
        review = ReviewFactory(
            application=application,
            reviewer=UserFactory(full_name=name, groups=["Council members"]),
            status="submitted",
            declared_at=now,
            submitted_at=now,
            comment_for_applicant=for_applicant,
            comment_for_council="Nội bộ: đội ngũ còn mỏng.",
        )
        Score.objects.create(review=review, criterion=call.criteria.first(), value=9)
    ReviewFactory(
        application=application,
        reviewer=UserFactory(groups=["Council members"]),
        status="draft",
        declared_at=now,
        comment_for_applicant="Bản nháp chưa nộp.",
    )
    application_transition(application=application, to="accepted", by=coordinator)
    Decision.objects.create(
        application=application,
        outcome="accepted",
        award_amount=150_000_000,
        rationale="Phù hợp mục tiêu chương trình.",
        decided_by=coordinator,
    )
    return application


def test_the_decision_and_the_reviewers_comments_for_the_applicant_are_shown(
    founder_client, decided
):
    page = text(founder_client.get(detail_url(decided)))
    assert "Decision" in page
    assert "Accepted" in page
    assert "150,000,000\u00a0₫" in page
    assert "Phù hợp mục tiêu chương trình." in page
    assert "Thị trường rõ ràng." in page


def test_reviewers_names_scores_council_comments_and_unsubmitted_reviews_are_never_shown(
    founder_client, decided, call
):
    page = text(founder_client.get(detail_url(decided)))
    for hidden in (
        "Phạm Thẩm Định",
        "Võ Chuyên Gia",
        "Nội bộ",
        "Bản nháp chưa nộp.",
        call.criteria.first().name,
    ):
        assert hidden not in page
    assert Review.objects.filter(application=decided).count() == 3


def test_the_award_is_written_the_vietnamese_way_in_vietnamese(client, founder, decided):
    client.force_login(founder)
    page = text(client.get(f"/account/applications/{decided.pk}/"))
    assert "150.000.000\u00a0₫" in page


def test_comments_are_shown_only_once_there_is_a_decision(founder_client, decided):
    Decision.objects.filter(application=decided).delete()
    page = text(founder_client.get(detail_url(decided)))
    assert "Thị trường rõ ràng." not in page


# Withdrawing


def test_withdrawing_takes_a_confirmation_and_is_recorded(founder_client, founder, startup, call):
    application = draft(call, startup, founder, status="submitted")
    url = f"/en/account/applications/{application.pk}/withdraw/"
    assert "Withdraw the application" in text(founder_client.get(detail_url(application)))
    confirm = founder_client.get(url)
    assert confirm.status_code == 200
    application.refresh_from_db()
    assert application.status == "submitted"
    response = founder_client.post(url, {"reason": "Đã nhận hỗ trợ khác."})
    assert response["Location"] == detail_url(application)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    transition = application.transitions.get()
    assert (transition.to_status, transition.by, transition.note) == (
        "withdrawn",
        founder,
        "Đã nhận hỗ trợ khác.",
    )
    page = text(founder_client.get(detail_url(application)))
    assert "Đã nhận hỗ trợ khác." in page
    assert "Withdraw the application" not in page


def test_nothing_can_be_withdrawn_after_the_decision(founder_client, decided):
    url = f"/en/account/applications/{decided.pk}/withdraw/"
    assert "Withdraw the application" not in text(founder_client.get(detail_url(decided)))
    founder_client.post(url, {"reason": ""})
    decided.refresh_from_db()
    assert decided.status == "accepted"


def test_the_service_refuses_to_withdraw_a_decided_application(founder, decided):
    with pytest.raises(applying.NotEditable, match="can no longer be withdrawn"):
        applying.application_withdraw(application=decided, by=founder)


# My account


def test_my_account_lists_the_applications_with_status_and_links(
    founder_client, founder, startup, call
):
    other = StartupFactory(name="Rong Nho Phú Quốc")
    Membership.objects.create(organisation=other, user=founder, role="member")
    in_progress = draft(call, startup, founder)
    sent = draft(CallFactory(title_en="Grants 2026"), other, founder, status="submitted")
    ApplicationFactory(call=call)  # someone else's
    page = text(founder_client.get("/en/account/"))
    assert "My applications" in page
    assert page.count('class="application-item"') == 2
    assert "Incubation 2026" in page and "Grants 2026" in page
    assert "Tôm Sạch Hà Tiên" in page and "Rong Nho Phú Quốc" in page
    assert f'href="{edit_url(in_progress)}">Continue the draft' in page
    assert f'href="{detail_url(sent)}">View the application' in page
    assert '<span class="badge badge--progress">Submitted</span>' in page


def test_my_account_says_when_there_are_no_applications(founder_client):
    assert "No applications yet." in text(founder_client.get("/en/account/"))


def test_my_account_takes_few_queries_however_many_applications(
    founder_client, founder, startup, django_assert_max_num_queries
):
    for _ in range(2):
        draft(CallFactory(), startup, founder)
    # Every app adds its section to /account/ (organisations, applications,
    # reviews, events, mentoring): a few queries each, none per row.
    with django_assert_max_num_queries(22) as few:
        founder_client.get("/en/account/")
    for _ in range(10):
        draft(CallFactory(), startup, founder)
    with django_assert_max_num_queries(len(few.captured_queries)):
        founder_client.get("/en/account/")


def test_the_status_page_takes_a_fixed_number_of_queries(
    founder_client, founder, decided, coordinator, django_assert_max_num_queries
):
    with django_assert_max_num_queries(22) as few:
        founder_client.get(detail_url(decided))
    for _ in range(5):
        InformationRequest.objects.create(
            application=decided,
            message="Bổ sung",
            resume_status="in_review",
            requested_by=coordinator,
        )
        ApplicationTransition.objects.create(
            application=decided, from_status="in_review", to_status="in_review", by=founder
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        founder_client.get(detail_url(decided))


def test_a_draft_is_not_withdrawn_so_the_organisation_can_still_apply(
    founder_client, founder, startup, call
):
    application = draft(call, startup, founder)
    assert "Withdraw the application" not in text(founder_client.get(detail_url(application)))
    response = founder_client.post(f"/en/account/applications/{application.pk}/withdraw/")
    assert response["Location"] == detail_url(application)
    with pytest.raises(applying.NotEditable, match="draft"):
        applying.application_withdraw(application=application, by=founder)
    application.refresh_from_db()
    assert application.status == "draft"


def test_a_draft_of_a_call_moved_later_says_when_it_opens(founder_client, founder, startup, call):
    application = draft(call, startup, founder)
    call.opens_at = timezone.now() + timedelta(days=2)
    call.save()
    page = text(founder_client.get(edit_url(application)))
    assert "This call is not open yet" in page
    assert 'value="submit"' not in page

"""Council members review on the public site under /review/: only their own
reviews, a declaration before any content, recusal, scoring with drafts and a
final submission, other reviewers' numbers hidden until then; and reminders."""

import io
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, connections  # noqa: F401 - `connection` is read by skipif
from django.utils import timezone

from accounts.models import OutboundEmail
from ecosystem.exceptions import RegistryError
from ecosystem.models import Review, Score
from ecosystem.services.reviews import review_reminders_send, review_save
from ecosystem.tasks import send_review_reminders
from tests.factories import ApplicationFactory, CallFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET_ANSWER = "Máy sấy rong nho năng lượng mặt trời"


def council_member(**kwargs):
    return UserFactory(groups=["Council members"], preferred_language="en", **kwargs)


@pytest.fixture
def reviewer():
    return council_member(full_name="TS. Nguyễn Văn Bình")


@pytest.fixture
def review(reviewer):
    application = ApplicationFactory(
        status="in_review",
        answers={"product-name": SECRET_ANSWER, "plan": "Mua máy.", "team-size": 4},
    )
    return ReviewFactory(application=application, reviewer=reviewer)


@pytest.fixture
def declared(review):
    review.declared_at = timezone.now()
    review.save()
    return review


@pytest.fixture
def signed_in(client, reviewer):
    client.force_login(reviewer)
    return client


def url(review, action=""):
    return f"/en/review/{review.pk}/{action + '/' if action else ''}"


def criteria(review):
    return list(review.application.call.criteria.all())


def scores_post(review, values, action="submit", **extra):
    data = {"action": action, **extra}
    for criterion, value in zip(criteria(review), values, strict=True):
        data[f"score_{criterion.pk}"] = value
        data[f"comment_{criterion.pk}"] = f"Nhận xét {criterion.name}"
    return data


def test_the_index_lists_my_reviews_by_call_and_nobody_elses(signed_in, review, reviewer):
    other_call = CallFactory(title_en="Technology transfer 2026")
    mine_elsewhere = ReviewFactory(
        application=ApplicationFactory(status="in_review", call=other_call), reviewer=reviewer
    )
    someone_elses = ReviewFactory()
    page = signed_in.get("/en/review/").content.decode()
    assert review.application.call.title_en in page
    assert "Technology transfer 2026" in page
    assert url(review) in page and url(mine_elsewhere) in page
    assert url(someone_elses) not in page
    assert "due by" in page


def test_the_index_is_for_council_members_only(client):
    assert client.get("/en/review/").status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert client.get("/en/review/").status_code == 404
    client.force_login(council_member())
    empty = client.get("/en/review/")
    assert empty.status_code == 200
    assert "No reviews are assigned to you yet." in empty.content.decode()


def test_someone_elses_review_is_a_404_even_for_a_council_member(client, declared):
    client.force_login(council_member())
    for action in ("", "declare", "recuse"):
        method = client.get if not action else client.post
        assert method(url(declared, action)).status_code == 404
    assert client.get("/en/review/999999/").status_code == 404


def test_nothing_of_the_application_shows_before_the_declaration(signed_in, review):
    page = signed_in.get(url(review)).content.decode()
    assert review.application.organisation.name in page
    assert "I have no conflict of interest with" in page
    assert SECRET_ANSWER not in page
    assert "Save draft" not in page
    # Scores cannot be sent before declaring either.
    refused = signed_in.post(url(review), scores_post(review, [7, 8], action="draft"))
    assert refused.status_code == 200
    assert not Score.objects.exists()


def test_declaring_no_conflict_opens_the_application_and_the_form(signed_in, review):
    response = signed_in.post(url(review, "declare"))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.declared_at is not None
    page = signed_in.get(url(review)).content.decode()
    assert SECRET_ANSWER in page
    assert "Save draft" in page and "Submit review" in page


def test_a_reviewer_recuses_themselves_with_a_reason(signed_in, review):
    without_reason = signed_in.post(url(review, "recuse"), {"reason": ""})
    assert without_reason.status_code == 400
    review.refresh_from_db()
    assert review.status == "assigned"
    signed_in.post(url(review, "recuse"), {"reason": "Tôi là cố vấn của nhóm này."})
    review.refresh_from_db()
    assert review.status == "recused"
    assert review.recusal_reason == "Tôi là cố vấn của nhóm này."
    page = signed_in.get(url(review)).content.decode()
    assert "You recused yourself" in page
    assert SECRET_ANSWER not in page


def test_a_draft_keeps_partial_scores_and_is_shown_again(signed_in, declared):
    data = scores_post(declared, [7, ""], action="draft", comment_for_council="Chưa xong")
    response = signed_in.post(url(declared), data)
    assert response.status_code == 302
    declared.refresh_from_db()
    assert declared.status == "draft"
    assert list(declared.scores.values_list("value", flat=True)) == [7]
    page = signed_in.get(url(declared)).content.decode()
    assert 'value="7"' in page and "Chưa xong" in page


@pytest.mark.parametrize("bad", ["11", "-1", "7.5", "mười"])
def test_scores_are_whole_numbers_from_0_to_10(signed_in, declared, bad):
    response = signed_in.post(url(declared), scores_post(declared, [bad, 5], action="draft"))
    assert response.status_code == 200
    assert "Please correct the errors below." in response.content.decode()
    assert not Score.objects.exists()


def test_submitting_needs_every_criterion(signed_in, declared):
    response = signed_in.post(url(declared), scores_post(declared, [8, ""]))
    assert response.status_code == 200
    assert "Score this criterion before you submit." in response.content.decode()
    declared.refresh_from_db()
    assert declared.status == "assigned"


def test_a_submitted_review_is_read_only(signed_in, declared):
    data = scores_post(declared, [8, 6], comment_for_applicant="Thị trường rõ ràng.")
    assert signed_in.post(url(declared), data).status_code == 302
    declared.refresh_from_db()
    assert declared.status == "submitted" and declared.submitted_at is not None
    page = signed_in.get(url(declared)).content.decode()
    assert "It can no longer change." in page and "8 out of 10" in page
    assert "Submit review" not in page
    again = signed_in.post(url(declared), scores_post(declared, [1, 1]))
    assert again.status_code == 200
    assert sorted(declared.scores.values_list("value", flat=True)) == [6, 8]


def test_a_double_submission_gives_one_submitted_review_and_a_clear_refusal(declared, reviewer):
    scores = {criterion.pk: (9, "") for criterion in criteria(declared)}
    review_save(review=declared, by=reviewer, scores=scores, submit=True)
    with pytest.raises(RegistryError, match="submitted this review already"):
        review_save(review=declared, by=reviewer, scores=scores, submit=True)
    assert Score.objects.count() == 2


def test_other_reviewers_scores_stay_hidden_until_mine_is_submitted(signed_in, declared):
    other = ReviewFactory(
        application=declared.application,
        status="submitted",
        declared_at=timezone.now(),
        submitted_at=timezone.now(),
        comment_for_council="Bình luận bí mật của thành viên khác",
        reviewer=council_member(full_name="PGS. Trần Thị Cúc"),
    )
    for criterion in criteria(declared):
        Score.objects.create(review=other, criterion=criterion, value=3, comment="Điểm 3 bí mật")
    before = signed_in.get(url(declared)).content.decode()
    for secret in ("Trần Thị Cúc", "Bình luận bí mật", "Điểm 3 bí mật", "3.00", "council so far"):
        assert secret not in before
    signed_in.post(url(declared), scores_post(declared, [9, 6]))
    after = signed_in.get(url(declared)).content.decode()
    # Afterwards: the anonymous range of weighted totals, never names or comments.
    assert "2 of 2 reviews submitted." in after
    assert "3.00" in after and "8.00" in after  # (9*2 + 6*1) / 3 = 8
    assert "Trần Thị Cúc" not in after and "bí mật" not in after


def test_a_withdrawn_application_closes_the_form(signed_in, declared):
    declared.application.status = "withdrawn"
    declared.application.save()
    page = signed_in.get(url(declared)).content.decode()
    assert "its reviews are closed" in page
    assert "Submit review" not in page
    signed_in.post(url(declared), scores_post(declared, [5, 5]))
    assert not Score.objects.exists()


def test_recusing_discards_draft_scores(signed_in, declared):
    signed_in.post(url(declared), scores_post(declared, [5, 5], action="draft"))
    signed_in.post(url(declared, "recuse"), {"reason": "Xung đột lợi ích phát hiện muộn."})
    declared.refresh_from_db()
    assert declared.status == "recused"
    assert not declared.scores.exists()


def overdue(review, days=12):
    Review.objects.filter(pk=review.pk).update(assigned_at=timezone.now() - timedelta(days=days))


def test_reminders_go_once_per_reviewer_listing_every_review_due(
    mailoutbox, django_capture_on_commit_callbacks
):
    reviewer = council_member(email="binh@example.com")
    due = [ReviewFactory(reviewer=reviewer) for _ in range(2)]
    for review in due:
        overdue(review)
    recent = ReviewFactory(reviewer=reviewer)
    finished = ReviewFactory(reviewer=reviewer, status="submitted")
    overdue(finished)
    with django_capture_on_commit_callbacks(execute=True):
        assert review_reminders_send() == 1
    assert [message.to for message in mailoutbox] == [["binh@example.com"]]
    body = mailoutbox[0].body
    assert "Reminder: 2 reviews are due" in mailoutbox[0].subject
    for review in due:
        assert f"/en/review/{review.pk}/" in body
    assert f"/en/review/{recent.pk}/" not in body
    assert f"/en/review/{finished.pk}/" not in body


def test_reminders_are_not_sent_twice_even_if_the_task_runs_twice(
    mailoutbox, django_capture_on_commit_callbacks
):
    review = ReviewFactory(reviewer=council_member())
    overdue(review)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_review_reminders.call() == 1
        assert send_review_reminders.call() == 0
        call_command("send_review_reminders", stdout=io.StringIO())
    assert len(mailoutbox) == 1
    # Three days later the reviewer, still late, is reminded again.
    with django_capture_on_commit_callbacks(execute=True):
        assert review_reminders_send(now=timezone.now() + timedelta(days=3, minutes=1)) == 1
    assert len(mailoutbox) == 2


def run_at_once(*actions):
    """Run the actions in threads released together; returns what each returned
    (or the exception it raised)."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="row locks are PostgreSQL's; SQLite runs one writer at a time anyway",
)


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reminder_runs_at_once_remind_each_reviewer_once():
    reviewer = council_member()
    for _ in range(3):
        overdue(ReviewFactory(reviewer=reviewer))
    outcomes = run_at_once(review_reminders_send, review_reminders_send)
    assert sorted(outcomes) == [0, 1]
    assert OutboundEmail.objects.filter(template="ecosystem/emails/review_reminder").count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_submissions_at_once_give_one_submitted_review():
    reviewer = council_member()
    review = ReviewFactory(reviewer=reviewer, declared_at=timezone.now())
    scores = {criterion.pk: (7, "") for criterion in criteria(review)}

    def submit():
        return review_save(
            review=Review.objects.get(pk=review.pk), by=reviewer, scores=scores, submit=True
        )

    outcomes = run_at_once(submit, submit)
    assert sum(isinstance(outcome, Review) for outcome in outcomes) == 1
    assert sum(isinstance(outcome, RegistryError) for outcome in outcomes) == 1
    assert Score.objects.filter(review=review).count() == 2

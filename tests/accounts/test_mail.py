import pytest
from django.db import transaction

from accounts.mail import email_send
from accounts.models import OutboundEmail
from accounts.tasks import deliver_email

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def email_templates(settings, tmp_path):
    (tmp_path / "hello_subject.txt").write_text(
        "{% load i18n %}{% translate 'Hello' %} {{ name }}\n"
    )
    (tmp_path / "hello_body.txt").write_text("{% load i18n %}{% translate 'Home' %}: {{ name }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]


def test_email_is_recorded_in_the_recipients_language_and_sent_after_commit(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = email_send(
            to="an@example.com", template="hello", context={"name": "An"}, language="vi"
        )
        assert mailoutbox == []  # not before the transaction commits

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.body == "Trang chủ: An"
    assert [m.to for m in mailoutbox] == [["an@example.com"]]
    assert mailoutbox[0].subject == "[innohub] Hello An"


def test_nothing_is_sent_for_work_that_is_rolled_back(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                email_send(to="an@example.com", template="hello", context={"name": "An"})
                raise RuntimeError("the action failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mailoutbox == []
    assert not OutboundEmail.objects.exists()


def test_a_second_run_of_the_task_sends_nothing(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = email_send(to="an@example.com", template="hello", context={"name": "An"})
    deliver_email.enqueue(email.pk)
    assert len(mailoutbox) == 1


def test_attachments_are_sent(mailoutbox, django_capture_on_commit_callbacks):
    ics = {"filename": "event.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}
    with django_capture_on_commit_callbacks(execute=True):
        email_send(to="an@example.com", template="hello", context={}, attachments=[ics])
    assert mailoutbox[0].attachments[0][0] == "event.ics"

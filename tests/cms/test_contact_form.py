"""The contact form: a message is kept and emailed to the coordinators; bots
that fill in the honeypot get the thank-you page and nothing else; one
address may send only a few messages in ten minutes."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.forms.models import FormSubmission

from cms.models import FormField, FormPage
from cms.models.standard import CONTACT_LIMIT, HONEYPOT_FIELD
from tests.cms.factories import home, translate

pytestmark = pytest.mark.django_db

COORDINATORS = ["dieuphoi@example.gov.vn", "lanhdao@example.gov.vn"]


@pytest.fixture
def contact_page():
    page = FormPage(
        title="Liên hệ",
        slug="lien-he",
        to_address=", ".join(COORDINATORS),
        subject="Liên hệ từ cổng thông tin",
    )
    home("vi").add_child(instance=page)
    for order, (label, field_type) in enumerate(
        [("Họ và tên", "singleline"), ("Email", "email"), ("Nội dung", "multiline")]
    ):
        FormField.objects.create(
            page=page, sort_order=order, label=label, field_type=field_type, required=True
        )
    page.save_revision().publish()
    # Tests read the English page: its messages are the source strings.
    return translate(page, title="Contact", slug="contact")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (emails are sent then)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


MESSAGE = {
    "ho_va_ten": "Nguyễn Văn An",
    "email": "an@example.com",
    "noi_dung": "Xin tư vấn ươm tạo.",
}


def post(client, data, **extra):
    return client.post("/en/contact/", data, **extra)


def test_the_form_shows_the_fields_and_a_hidden_honeypot(client, contact_page):
    page = BeautifulSoup(client.get("/en/contact/").content, "html.parser")
    form = page.select_one("form.contact-form")
    assert form.select_one('input[name="ho_va_ten"]') is not None
    assert form.select_one('textarea[name="noi_dung"]') is not None
    trap = form.select_one(f'input[name="{HONEYPOT_FIELD}"]')
    assert trap["tabindex"] == "-1"
    wrapper = trap.find_parent("div")
    assert "visually-hidden" in wrapper["class"]
    assert wrapper["aria-hidden"] == "true"


def test_a_message_is_kept_emailed_to_coordinators_and_thanked(
    client, contact_page, commit, mailoutbox
):
    response = commit(lambda: post(client, MESSAGE))
    assert response.status_code == 200
    assert "Thank you, your message has been sent." in response.content.decode()

    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data == MESSAGE
    assert HONEYPOT_FIELD not in submission.form_data

    assert sorted(mail.to[0] for mail in mailoutbox) == COORDINATORS
    mail = mailoutbox[0]
    assert "Liên hệ từ cổng thông tin" in mail.subject
    assert "Nguyễn Văn An" in mail.body and "Xin tư vấn ươm tạo." in mail.body
    assert f"/admin/forms/submissions/{contact_page.pk}/" in mail.body


def test_a_filled_honeypot_looks_like_success_but_keeps_and_sends_nothing(
    client, contact_page, commit, mailoutbox
):
    response = commit(lambda: post(client, {**MESSAGE, HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 200
    assert "Thank you, your message has been sent." in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


def test_a_form_with_errors_says_what_is_wrong(client, contact_page):
    response = post(client, {**MESSAGE, "email": "khong-phai-email"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the errors below." in html
    assert "Enter a valid email address." in html
    assert FormSubmission.objects.count() == 0


def test_too_many_messages_from_one_address_are_refused_for_a_while(
    client, contact_page, commit, mailoutbox
):
    for _number in range(CONTACT_LIMIT):
        assert commit(lambda: post(client, MESSAGE)).status_code == 200
    response = commit(lambda: post(client, MESSAGE))
    assert response.status_code == 429
    assert "Please wait 10 minutes and send your message again." in response.content.decode()
    assert FormSubmission.objects.count() == CONTACT_LIMIT
    assert len(mailoutbox) == CONTACT_LIMIT * len(COORDINATORS)

    # Someone else, from another address, is not held up.
    other = post(client, MESSAGE, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


def test_honeypot_hits_count_towards_the_limit(client, contact_page):
    for _number in range(CONTACT_LIMIT):
        post(client, {**MESSAGE, HONEYPOT_FIELD: "x"})
    assert post(client, MESSAGE).status_code == 429
    assert FormSubmission.objects.count() == 0

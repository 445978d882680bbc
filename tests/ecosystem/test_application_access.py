"""Who can reach an application and its files: the applicant organisation's
members; for files also the Department's coordinators and the reviewers who
have declared no conflict. Everyone else, guessing ids or file URLs, gets a 404."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from ecosystem.models import ApplicationFile
from ecosystem.selectors_applications import application_files_viewable, reviewer_has_access
from tests.factories import (
    ApplicationFactory,
    MembershipFactory,
    ReviewFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def founder():
    return UserFactory()


@pytest.fixture
def application(founder):
    return ApplicationFactory(organisation=StartupFactory(owner=founder), status="in_review")


def add_file(application, name="Kế hoạch kinh doanh.pdf") -> ApplicationFile:
    application_file = ApplicationFile(
        application=application,
        question_key="business-plan",
        original_name=name,
        content_type="application/pdf",
        size=len(PDF),
    )
    application_file.file.save("ignored", ContentFile(PDF), save=False)
    application_file.save()
    application.answers["business-plan"] = [application_file.pk]
    application.save()
    return application_file


@pytest.fixture
def application_file(application):
    return add_file(application)


def file_url(application_file, application=None):
    application_id = application.pk if application else application_file.application_id
    return f"/en/account/applications/{application_id}/files/{application_file.pk}/"


def pages(application):
    base = f"/en/account/applications/{application.pk}/"
    return [base, base + "edit/", base + "reply/", base + "withdraw/"]


def test_members_download_the_file_as_an_attachment_under_its_name(
    client, application_file, founder
):
    client.force_login(founder)
    response = client.get(file_url(application_file))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "K%E1%BA%BF%20ho%E1%BA%A1ch%20kinh%20doanh.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_another_member_of_the_organisation_may_download(client, application, application_file):
    colleague = UserFactory()
    MembershipFactory(organisation=application.organisation, user=colleague)
    client.force_login(colleague)
    assert client.get(file_url(application_file)).status_code == 200


def test_another_applicant_guessing_ids_gets_404_everywhere(client, application, application_file):
    other = UserFactory()
    own = ApplicationFactory(organisation=StartupFactory(owner=other), call=application.call)
    own_file = add_file(own, "cua-toi.pdf")
    client.force_login(other)
    for url in pages(application):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"action": "submit"}).status_code == 404, url
    assert client.get(file_url(application_file)).status_code == 404
    # Their own application's id with someone else's file id, and the reverse.
    assert client.get(file_url(application_file, application=own)).status_code == 404
    assert client.get(file_url(own_file, application=application)).status_code == 404
    assert client.get(file_url(own_file)).status_code == 200
    application.refresh_from_db()
    assert application.status == "in_review"


def test_the_applicants_list_holds_only_their_own_applications(client, application):
    other = UserFactory()
    StartupFactory(owner=other)
    client.force_login(other)
    page = client.get("/en/account/").content.decode()
    assert application.reference not in page


def test_anonymous_visitors_get_404_for_files_and_the_sign_in_page_for_applications(
    client, application, application_file
):
    assert client.get(file_url(application_file)).status_code == 404
    response = client.get(f"/en/account/applications/{application.pk}/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_missing_file_is_a_404_not_an_error(client, founder, application_file):
    application_file.file.storage.delete(application_file.file.name)
    client.force_login(founder)
    assert client.get(file_url(application_file)).status_code == 404


def test_coordinators_may_download_but_the_applicants_pages_stay_the_applicants(
    client, application, application_file
):
    coordinator = UserFactory(groups=["Coordinators"])
    client.force_login(coordinator)
    assert client.get(file_url(application_file)).status_code == 200
    assert client.get(f"/en/account/applications/{application.pk}/").status_code == 404


def test_other_staff_without_the_permission_get_404(client, application_file):
    client.force_login(UserFactory(groups=["Editors"], is_staff=True))
    assert client.get(file_url(application_file)).status_code == 404


@pytest.mark.parametrize(
    ("status", "declared", "may"),
    [
        ("assigned", False, False),
        ("draft", True, True),
        ("submitted", True, True),
        ("recused", True, False),
    ],
)
def test_a_reviewer_may_download_only_once_they_declared_no_conflict_and_did_not_recuse(
    client, application, application_file, status, declared, may
):
    review = ReviewFactory(
        application=application,
        status=status,
        declared_at=timezone.now() if declared else None,
    )
    client.force_login(review.reviewer)
    assert client.get(file_url(application_file)).status_code == (200 if may else 404)
    assert reviewer_has_access(user=review.reviewer, application=application) is may
    assert application_files_viewable(user=review.reviewer, application=application) is may


def test_a_reviewer_of_another_application_gets_404(client, application, application_file):
    review = ReviewFactory(declared_at=timezone.now())
    client.force_login(review.reviewer)
    assert client.get(file_url(application_file)).status_code == 404


def test_downloads_are_read_only(client, founder, application_file):
    client.force_login(founder)
    assert client.post(file_url(application_file)).status_code == 405

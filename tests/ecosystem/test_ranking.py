"""The coordinators' ranking of a call: weighted totals, mean and spread, reviews
done/assigned, outliers, sorting and CSV/XLSX export, in a fixed number of
queries; and the applications admin is for coordinators only."""

import csv
import io

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from ecosystem.models import Application, Organisation, Review, Score
from ecosystem.selectors_ranking import OUTLIER_POINTS, call_ranking
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    ReviewFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def english_admin(person):
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator_client():
    client = Client()
    client.force_login(english_admin(UserFactory(groups=["Coordinators"])))
    return client


def ranking_url(call, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/admin/applications/ranking/{call.pk}/" + (f"?{query}" if query else "")


def scored(application, novelty, market, *, status="submitted", name=""):
    """A review of the factory call's two criteria: novelty (weight 2), market (weight 1)."""
    reviewer = UserFactory(groups=["Council members"], full_name=name or "Thành viên")
    review = ReviewFactory(
        application=application,
        reviewer=reviewer,
        status=status,
        submitted_at=timezone.now() if status == "submitted" else None,
    )
    novelty_criterion, market_criterion = application.call.criteria.order_by("sort_order")
    Score.objects.create(review=review, criterion=novelty_criterion, value=novelty)
    Score.objects.create(review=review, criterion=market_criterion, value=market)
    return review


@pytest.fixture
def hand_checked():
    """Worked out on paper (weights: novelty 2, market 1):

    A: (8,5) -> 21/3 = 7; (6,9) -> 21/3 = 7; (4,4) -> 4; a draft (10,10) and a
       recusal do not count. Mean 6, spread 3, novelty mean 6, market mean 6.
       The (4,4) review is 3 points from the others' mean of 7: an outlier; the
       others are 1.5 from (7+4)/2 = 5.5: not.
    B: (9,9) -> 9; (10,7) -> 27/3 = 9. Mean 9, spread 0. Rank 1.
    C: (5,8) -> 18/3 = 6. Mean 6, like A: both rank 2.
    D: in review, nothing submitted: no rank.
    """
    call = CallFactory()
    apps = {
        key: ApplicationFactory(
            call=call, status=status, organisation=StartupFactory(name=f"Công ty {key}")
        )
        for key, status in [
            ("A", "in_review"),
            ("B", "shortlisted"),
            ("C", "in_review"),
            ("D", "in_review"),
            ("E", "withdrawn"),
            ("F", "submitted"),
        ]
    }
    scored(apps["A"], 8, 5, name="Lan")
    scored(apps["A"], 6, 9, name="Minh")
    scored(apps["A"], 4, 4, name="Khoa")
    scored(apps["A"], 10, 10, status="draft")
    ReviewFactory(application=apps["A"], status="recused")
    scored(apps["B"], 9, 9)
    scored(apps["B"], 10, 7)
    scored(apps["C"], 5, 8)
    ReviewFactory(application=apps["D"])
    scored(apps["E"], 10, 10)
    return call, apps


def test_the_ranking_numbers_match_the_hand_checked_example(hand_checked):
    call, apps = hand_checked
    ranking = call_ranking(call=call)
    rows = {row.application.organisation.name[-1]: row for row in ranking.rows}
    assert set(rows) == {"A", "B", "C", "D"}  # withdrawn and not yet screened are left out
    a = rows["A"]
    assert a.total == pytest.approx(6.0)
    assert a.spread == pytest.approx(3.0)
    assert a.criterion_means == [pytest.approx(6.0), pytest.approx(6.0)]
    assert (a.done, a.assigned, a.recused) == (3, 4, 1)
    assert [(outlier.review.reviewer.full_name, outlier.total) for outlier in a.outliers] == [
        ("Khoa", pytest.approx(4.0))
    ]
    assert a.outliers[0].others_mean == pytest.approx(7.0)
    assert (rows["B"].total, rows["B"].spread, rows["B"].rank) == (9.0, 0.0, 1)
    assert (rows["A"].rank, rows["C"].rank) == (2, 2)
    assert rows["C"].total == pytest.approx(6.0)
    assert (rows["D"].rank, rows["D"].total, rows["D"].done, rows["D"].assigned) == (
        None,
        None,
        0,
        1,
    )
    assert [row.application for row in ranking.rows] == [apps[k] for k in "BACD"]
    assert OUTLIER_POINTS == 2.5


def test_two_reviews_far_apart_are_both_flagged():
    application = ApplicationFactory(status="in_review")
    scored(application, 9, 9)
    scored(application, 3, 6)  # (6 + 6) / 3 = 4: 5 points apart
    (row,) = call_ranking(call=application.call).rows
    assert len(row.outliers) == 2
    assert row.spread == pytest.approx(5.0)


def test_the_ranking_page_shows_the_numbers_and_the_rule(coordinator_client, hand_checked):
    call, apps = hand_checked
    response = coordinator_client.get(ranking_url(call))
    assert response.status_code == 200
    page = response.content.decode()
    assert "6.00" in page and "3.00" in page and "9.00" in page
    assert "Khoa: 4.00" in page and "others 7.00" in page
    assert "2.5 points or more" in page
    assert "3/4" in page
    assert apps["E"].reference not in page and apps["F"].reference not in page


def test_the_ranking_sorts_by_any_column_with_unranked_rows_last(coordinator_client, hand_checked):
    call, apps = hand_checked

    def order(sort):
        response = coordinator_client.get(ranking_url(call, sort=sort))
        return [row.application for row in response.context["ranking"].rows]

    assert order("-total") == [apps[k] for k in "BACD"]
    assert order("total") == [apps[k] for k in "ACBD"]
    assert order("-spread") == [apps[k] for k in "ABCD"]
    assert order("-organisation") == [apps[k] for k in "DCBA"]
    # Nonsense falls back to the rank, never a 500.
    assert order("'; DROP TABLE") == [apps[k] for k in "BACD"]


def test_the_ranking_exports_to_csv_and_xlsx(coordinator_client, hand_checked):
    call, apps = hand_checked
    response = coordinator_client.get(ranking_url(call, export="csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    heading = rows[0]
    assert heading[:8] == [
        "Rank",
        "Reference",
        "Organisation",
        "Status",
        "Reviews submitted",
        "Reviews assigned",
        "Weighted total (mean)",
        "Spread (highest minus lowest)",
    ]
    a = next(row for row in rows if row[1] == apps["A"].reference)
    assert a[0] == "2" and a[6] == "6.0" and a[7] == "3.0"
    assert "Khoa: 4.00" in a[heading.index("Outlier reviews")]

    workbook = response = coordinator_client.get(ranking_url(call, export="xlsx"))
    assert "spreadsheetml" in workbook["Content-Type"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][1] == "Reference"
    b = next(row for row in values if row[1] == apps["B"].reference)
    assert (b[0], b[6], b[7]) == (1, 9.0, 0.0)


def bulk_call(size: int, reviews_per_application: int = 3):
    """A call with `size` applications in review and three submitted reviews each,
    written in bulk."""
    call = CallFactory()
    criteria = list(call.criteria.all())
    reviewers = [UserFactory(groups=["Council members"]) for _ in range(reviews_per_application)]
    organisations = Organisation.objects.bulk_create(
        Organisation(kind="startup", name=f"Khởi nghiệp {n}", slug=f"kn-{call.pk}-{n}")
        for n in range(size)
    )
    applications = Application.objects.bulk_create(
        Application(call=call, organisation=organisation, status="in_review")
        for organisation in organisations
    )
    reviews = Review.objects.bulk_create(
        Review(application=application, reviewer=reviewer, status="submitted")
        for application in applications
        for reviewer in reviewers
    )
    Score.objects.bulk_create(
        Score(review=review, criterion=criterion, value=(review.pk + criterion.pk) % 11)
        for review in reviews
        for criterion in criteria
    )
    return call


def test_the_ranking_of_500_applications_and_1500_reviews_takes_at_most_15_queries(
    coordinator_client, django_assert_max_num_queries, django_assert_num_queries
):
    small, large = bulk_call(5), bulk_call(500)
    assert Review.objects.filter(application__call=large).count() == 1500
    coordinator_client.get(ranking_url(small))  # warm the session and permission caches
    with django_assert_max_num_queries(15) as small_queries:
        response = coordinator_client.get(ranking_url(small))
    assert response.status_code == 200
    # The same number of queries for 5 applications as for 500.
    with django_assert_num_queries(len(small_queries.captured_queries)):
        response = coordinator_client.get(ranking_url(large))
    assert len(response.context["ranking"].rows) == 500
    with django_assert_max_num_queries(15):
        coordinator_client.get(ranking_url(large, export="xlsx"))


@pytest.fixture
def someone_else(request):
    return english_admin(UserFactory(groups=[request.param]))


@pytest.mark.parametrize("someone_else", ["Editors", "Council members"], indirect=True)
def test_the_applications_admin_is_for_coordinators_only(client, someone_else):
    application = ApplicationFactory(status="in_review")
    client.force_login(someone_else)
    urls = [
        "/admin/applications/",
        f"/admin/applications/inspect/{application.pk}/",
        ranking_url(application.call),
        ranking_url(application.call, export="csv"),
        f"/admin/applications/decide/{application.pk}/",
        f"/admin/applications/request-information/{application.pk}/",
        f"/admin/bulk/ecosystem/application/eligible/?id={application.pk}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.startswith(("/admin/", "/account/login/")), url
    response = client.post(
        f"/admin/applications/decide/{application.pk}/",
        {"outcome": "accepted", "award_amount": 1, "rationale": "x"},
    )
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == "in_review"


def test_coordinators_filter_the_list_by_call_status_and_kind(coordinator_client):
    call = CallFactory()
    wanted = ApplicationFactory(call=call, status="submitted")
    ApplicationFactory(call=call, status="in_review")
    ApplicationFactory(status="submitted")
    draft = ApplicationFactory(call=call, status="draft")
    by_call = coordinator_client.get("/admin/applications/", {"call": call.pk})
    listed = set(by_call.context["object_list"])
    assert wanted in listed and draft not in listed and len(listed) == 2
    assert f"/admin/applications/ranking/{call.pk}/" in by_call.content.decode()
    by_status = coordinator_client.get(
        "/admin/applications/", {"call": call.pk, "status": "submitted", "kind": "startup"}
    )
    assert list(by_status.context["object_list"]) == [wanted]
    by_kind = coordinator_client.get("/admin/applications/", {"kind": "research_group"})
    assert list(by_kind.context["object_list"]) == []


def test_coordinators_search_applications_by_name_or_reference(coordinator_client):
    application = ApplicationFactory(
        status="submitted", organisation=StartupFactory(name="Đặc sản Khóm Tắc Cậu")
    )
    ApplicationFactory(status="submitted")
    by_name = coordinator_client.get("/admin/applications/", {"q": "khom tac cau"})
    assert list(by_name.context["object_list"]) == [application]
    by_reference = coordinator_client.get("/admin/applications/", {"q": application.reference})
    assert list(by_reference.context["object_list"]) == [application]


def test_the_inspect_screen_shows_answers_reviews_and_history(coordinator_client):
    application = ApplicationFactory(status="in_review")
    application.transitions.create(from_status="submitted", to_status="in_review")
    review = scored(application, 7, 4, name="PGS. Hoàng Yến")
    review.comment_for_council = "Nhóm có năng lực."
    review.save()
    page = coordinator_client.get(f"/admin/applications/inspect/{application.pk}/")
    assert page.status_code == 200
    content = page.content.decode()
    for text in ("Rong nho sấy", "PGS. Hoàng Yến", "Nhóm có năng lực.", "In review", "6.00"):
        assert text.lower() in content.lower(), text
    assert "/admin/applications/decide/" in content

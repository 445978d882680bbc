"""The ranking of a call's applications from the council's submitted reviews.

How the numbers are made (the ranking screen says the same):

- A review's **total** is its weighted mean: sum(score * weight) / sum(weight) over
  the criteria it scored, on the 0 to 10 scale of the scores.
- An application's **total** is the mean of its submitted reviews' totals; its
  **spread** is the highest review total minus the lowest (0 with one review).
- Per criterion, the **mean** of the submitted scores.
- A submitted review is an **outlier** when its total is OUTLIER_POINTS (2.5) or
  more away from the mean of the other submitted reviews of the same application.
  With two reviews this flags both: they disagree, and neither is the majority.
- Reviews **done/assigned**: submitted reviews / reviews not recused.

Drafts and recusals never count. Everything comes from four queries, whatever
the size of the call: criteria, applications, reviews, and all submitted scores.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

from ecosystem.models import Application, Call, Criterion, Review, Score

OUTLIER_POINTS = 2.5

# Applications the council has looked at, or is looking at.
RANKED_STATUSES = (
    Application.Status.IN_REVIEW,
    Application.Status.INFO_REQUESTED,
    Application.Status.SHORTLISTED,
    Application.Status.ACCEPTED,
    Application.Status.REJECTED,
)


@dataclass
class ReviewTotal:
    review: Review
    total: float
    others_mean: float | None = None
    is_outlier: bool = False


@dataclass
class RankingRow:
    """One application's numbers, computed once (the page shows 500 of them)."""

    application: Application
    reviews: list[Review] = field(default_factory=list)
    totals: list[ReviewTotal] = field(default_factory=list)
    criterion_means: list[float | None] = field(default_factory=list)
    total: float | None = None
    spread: float | None = None
    rank: int | None = None
    done: int = 0
    assigned: int = 0
    recused: int = 0
    outliers: list[ReviewTotal] = field(default_factory=list)
    decision: object = None


@dataclass
class CallRanking:
    call: Call
    criteria: list[Criterion]
    rows: list[RankingRow]

    @property
    def total_weight(self) -> int:
        return sum(criterion.weight for criterion in self.criteria)


def _sort_key(name):
    keys = {
        "rank": lambda row: row.rank,
        "total": lambda row: row.total,
        "spread": lambda row: row.spread,
        "done": lambda row: row.done,
        "reference": lambda row: row.application.pk,
        "organisation": lambda row: row.application.organisation.name.casefold(),
        "status": lambda row: row.application.status,
    }
    return keys.get(name)


SORTS = ("rank", "total", "spread", "done", "reference", "organisation", "status")
DEFAULT_SORT = "rank"


def call_ranking(
    *, call: Call, sort: str = DEFAULT_SORT, criteria: list[Criterion] | None = None
) -> CallRanking:
    """Every application of the call that reached the council, with its numbers,
    ranked by total (1 is best; equal totals share a rank) and sorted by `sort`
    (one of SORTS, "-" in front for descending). Rows without a number for the
    sort key come last either way. `criteria` may be passed when the caller has
    them already."""
    if criteria is None:
        criteria = list(call.criteria.all())
    weights = {criterion.pk: criterion.weight for criterion in criteria}
    applications = list(
        Application.objects.filter(call=call, status__in=RANKED_STATUSES)
        .select_related("organisation", "decision")
        # The answers and the organisation's texts are large and not shown here.
        .only(
            "pk",
            "status",
            "created_at",
            "organisation__name",
            "organisation__kind",
            "organisation__slug",
            "decision__outcome",
            "decision__award_amount",
        )
        .order_by("pk")
    )
    rows = {application.pk: RankingRow(application=application) for application in applications}
    reviews = (
        Review.objects.filter(application__call=call, application__status__in=RANKED_STATUSES)
        .select_related("reviewer")
        .only(
            "pk",
            "application_id",
            "status",
            "conflicts",
            "override_reason",
            "recusal_reason",
            "submitted_at",
            "reviewer__full_name",
            "reviewer__email",
        )
        .order_by("pk")
    )
    for review in reviews:
        rows[review.application_id].reviews.append(review)
    scores = defaultdict(dict)
    for review_id, criterion_id, value in Score.objects.filter(
        review__application__call=call,
        review__application__status__in=RANKED_STATUSES,
        review__status=Review.Status.SUBMITTED,
    ).values_list("review_id", "criterion_id", "value"):
        if criterion_id in weights:
            scores[review_id][criterion_id] = value

    for row in rows.values():
        by_criterion = defaultdict(list)
        for review in row.reviews:
            if review.status != Review.Status.SUBMITTED or not scores.get(review.pk):
                continue
            given = scores[review.pk]
            row.totals.append(ReviewTotal(review=review, total=weighted_total(given, weights)))
            for criterion_id, value in given.items():
                by_criterion[criterion_id].append(value)
        row.criterion_means = [
            fmean(by_criterion[criterion.pk]) if by_criterion[criterion.pk] else None
            for criterion in criteria
        ]
        row.done = len(row.totals)
        row.recused = sum(review.status == Review.Status.RECUSED for review in row.reviews)
        row.assigned = len(row.reviews) - row.recused
        row.decision = getattr(row.application, "decision", None)
        if row.totals:
            values = [review_total.total for review_total in row.totals]
            row.total = fmean(values)
            row.spread = max(values) - min(values)
            for review_total in row.totals:
                others = [other.total for other in row.totals if other is not review_total]
                if others:
                    review_total.others_mean = fmean(others)
                    review_total.is_outlier = (
                        abs(review_total.total - review_total.others_mean) >= OUTLIER_POINTS
                    )
            row.outliers = [review_total for review_total in row.totals if review_total.is_outlier]

    ranked = sorted(
        (row for row in rows.values() if row.total is not None), key=lambda row: -row.total
    )
    previous_total, previous_rank = None, 0
    for position, row in enumerate(ranked, start=1):
        # Rounded, so totals that are equal on paper are not split by float noise.
        total = round(row.total, 9)
        if total != previous_total:
            previous_rank = position
        row.rank, previous_total = previous_rank, total
    return CallRanking(call=call, criteria=criteria, rows=sort_rows(list(rows.values()), sort))


def weighted_total(given: dict[int, int], weights: dict[int, int]) -> float:
    """sum(score * weight) / sum(weight) over the criteria scored (criterion id -> score)."""
    weight = sum(weights[criterion_id] for criterion_id in given)
    return sum(value * weights[criterion_id] for criterion_id, value in given.items()) / weight


def application_review_totals(*, application: Application) -> list[float]:
    """The totals of the application's submitted reviews, lowest first, without
    who gave them: what a reviewer may see once their own review is in."""
    weights = dict(application.call.criteria.values_list("pk", "weight"))
    scores = defaultdict(dict)
    for review_id, criterion_id, value in Score.objects.filter(
        review__application=application, review__status=Review.Status.SUBMITTED
    ).values_list("review_id", "criterion_id", "value"):
        if criterion_id in weights:
            scores[review_id][criterion_id] = value
    return sorted(weighted_total(given, weights) for given in scores.values())


def sort_rows(rows: list[RankingRow], sort: str) -> list[RankingRow]:
    descending = sort.startswith("-")
    key = _sort_key(sort.lstrip("-")) or _sort_key(DEFAULT_SORT)
    with_value = [row for row in rows if key(row) is not None]
    without = [row for row in rows if key(row) is None]
    # Stable: equal values stay in application order.
    with_value.sort(key=key, reverse=descending)
    return with_value + without

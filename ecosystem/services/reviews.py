"""The advisory council's reviews: assignment (by hand or balanced automatically,
never to a reviewer in conflict unless a coordinator overrides it with a reason),
the reviewer's declaration or recusal, scoring, and reminders.

Assignment locks the applications it touches, so two coordinators assigning at
once cannot give one application the same reviewer twice or overshoot the
number wanted; the unique constraint on (application, reviewer) backs that up.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.mail import email_send, language_for
from ecosystem.conflicts import conflicts_between
from ecosystem.exceptions import RegistryError
from ecosystem.models import Application, Review, Score

User = get_user_model()
Status = Review.Status

COUNCIL_GROUP = "Council members"
# Reviewers are assigned to applications the council is looking at.
ASSIGNABLE = {Application.Status.IN_REVIEW, Application.Status.SHORTLISTED}
# While the applicant adds information the reviewer may keep working on a draft.
SCORABLE = {
    Application.Status.IN_REVIEW,
    Application.Status.SHORTLISTED,
    Application.Status.INFO_REQUESTED,
}
OPEN = (Status.ASSIGNED, Status.DRAFT)
MAX_PER_APPLICATION = 10

# A review is due two weeks after it is assigned. Reminders start three days
# before that and repeat at most every three days until it is submitted.
REVIEW_PERIOD = timedelta(days=14)
REMIND_BEFORE_DUE = timedelta(days=3)
REMIND_EVERY = timedelta(days=3)


def council_members():
    return (
        User.objects.filter(groups__name=COUNCIL_GROUP, is_active=True)
        .distinct()
        .order_by("full_name", "email")
    )


def is_council_member(user) -> bool:
    return user.is_authenticated and user.groups.filter(name=COUNCIL_GROUP).exists()


def review_due_at(review: Review):
    return review.assigned_at + REVIEW_PERIOD


@dataclass
class Conflict:
    application: Application
    reviewer: object
    reasons: list[str]

    def __str__(self):
        return _("%(reviewer)s %(reasons)s (%(reference)s)") % {
            "reviewer": self.reviewer,
            "reasons": "; ".join(self.reasons),
            "reference": self.application.reference,
        }


class ConflictError(RegistryError):
    """Some reviewers are in conflict with some applicants; nothing was assigned."""

    def __init__(self, message, *, conflicts: list[Conflict], field: str | None = None):
        super().__init__(message, field=field)
        self.conflicts = conflicts


@dataclass
class AssignmentResult:
    created: list[Review] = field(default_factory=list)
    # Pairs asked for that existed already (left as they were).
    already_assigned: int = 0
    # Automatic assignment: conflicts it stepped around, applications it could not fill.
    skipped: list[Conflict] = field(default_factory=list)
    shortfalls: list[tuple[Application, int]] = field(default_factory=list)


def review_assign(
    *,
    applications: Iterable[Application],
    reviewers: Iterable,
    by,
    override_reason: str = "",
) -> AssignmentResult:
    """Assign each of the reviewers to each of the applications. A reviewer in
    conflict with an applicant (a member of it, of its host institution…) is
    refused, and nothing is assigned, unless `override_reason` says why they
    should review it anyway; the reason and who gave it are kept on the review.
    Each reviewer gets one email listing their new reviews."""
    reviewers = _unique(reviewers)
    override_reason = (override_reason or "").strip()
    if not reviewers:
        raise RegistryError(_("Choose at least one council member."), field="reviewers")
    _check_council(reviewers)
    result = AssignmentResult()
    with transaction.atomic():
        locked = _lock_assignable(applications)
        existing = set(
            Review.objects.filter(application__in=locked, reviewer__in=reviewers).values_list(
                "application_id", "reviewer_id"
            )
        )
        pairs = [
            (application, reviewer)
            for application in locked
            for reviewer in reviewers
            if (application.pk, reviewer.pk) not in existing
        ]
        result.already_assigned = len(locked) * len(reviewers) - len(pairs)
        conflicts = {}
        for application, reviewer in pairs:
            reasons = conflicts_between(reviewer=reviewer, organisation=application.organisation)
            if reasons:
                conflicts[application.pk, reviewer.pk] = Conflict(application, reviewer, reasons)
        if conflicts and not override_reason:
            raise ConflictError(
                _(
                    "Conflict of interest: %(conflicts)s. Nothing was assigned. To assign "
                    "them anyway, tick the override and write why."
                )
                % {"conflicts": "; ".join(str(conflict) for conflict in conflicts.values())},
                conflicts=list(conflicts.values()),
                field="reviewers",
            )
        new_reviews = []
        for application, reviewer in pairs:
            conflict = conflicts.get((application.pk, reviewer.pk))
            new_reviews.append(
                Review(
                    application=application,
                    reviewer=reviewer,
                    assigned_by=by,
                    conflicts=conflict.reasons if conflict else [],
                    override_by=by if conflict else None,
                    override_reason=override_reason if conflict else "",
                )
            )
        result.created = _create_and_notify(new_reviews)
    return result


def review_assign_automatically(
    *,
    applications: Iterable[Application],
    by,
    per_application: int,
    pool: Iterable | None = None,
) -> AssignmentResult:
    """Give each application `per_application` reviewers (counting those it
    has, except recusals), choosing the council members with the fewest reviews
    in the same calls first, then the fewest open reviews overall. Reviewers in
    conflict are skipped, never overridden; applications left short are reported."""
    if not isinstance(per_application, int) or not 1 <= per_application <= MAX_PER_APPLICATION:
        raise RegistryError(
            _("Choose between 1 and %(max)d reviewers per application.")
            % {"max": MAX_PER_APPLICATION},
            field="per_application",
        )
    pool = _unique(council_members() if pool is None else pool)
    if not pool:
        raise RegistryError(
            _("There are no council members to assign. Add people to the group first."),
            field="reviewers",
        )
    _check_council(pool)
    result = AssignmentResult()
    with transaction.atomic():
        locked = _lock_assignable(applications)
        taken = defaultdict(set)
        active = Counter()
        for application_id, reviewer_id, status in Review.objects.filter(
            application__in=locked
        ).values_list("application_id", "reviewer_id", "status"):
            # A recused reviewer is not asked again, and no longer counts.
            taken[application_id].add(reviewer_id)
            if status != Status.RECUSED:
                active[application_id] += 1
        pool_ids = [reviewer.pk for reviewer in pool]
        load_in_calls = _count_by_reviewer(
            Review.objects.filter(
                reviewer__in=pool_ids,
                application__call_id__in={application.call_id for application in locked},
            ).exclude(status=Status.RECUSED)
        )
        open_load = _count_by_reviewer(
            Review.objects.filter(reviewer__in=pool_ids, status__in=OPEN)
        )
        new_reviews = []
        for application in locked:
            needed = per_application - active[application.pk]
            candidates = sorted(
                (reviewer for reviewer in pool if reviewer.pk not in taken[application.pk]),
                key=lambda reviewer: (
                    load_in_calls[reviewer.pk],
                    open_load[reviewer.pk],
                    reviewer.pk,
                ),
            )
            for reviewer in candidates:
                if needed <= 0:
                    break
                reasons = conflicts_between(
                    reviewer=reviewer, organisation=application.organisation
                )
                if reasons:
                    result.skipped.append(Conflict(application, reviewer, reasons))
                    continue
                new_reviews.append(
                    Review(application=application, reviewer=reviewer, assigned_by=by)
                )
                load_in_calls[reviewer.pk] += 1
                open_load[reviewer.pk] += 1
                needed -= 1
            if needed > 0:
                result.shortfalls.append((application, needed))
        result.created = _create_and_notify(new_reviews)
    return result


def review_declare_no_conflict(*, review: Review, by) -> Review:
    """The reviewer states they have no conflict of interest with the applicant,
    which opens the application to them."""
    with transaction.atomic():
        locked = _lock_own(review, by)
        if locked.status == Status.RECUSED:
            raise RegistryError(_("You recused yourself from this review."))
        if locked.declared_at is None:
            locked.declared_at = timezone.now()
            locked.save(update_fields=["declared_at"])
    review.declared_at, review.status = locked.declared_at, locked.status
    return review


def review_recuse(*, review: Review, by, reason: str) -> Review:
    """The reviewer steps back from this review; coordinators see the reason.
    Any draft scores are discarded: they must not count in the ranking."""
    reason = (reason or "").strip()
    if not reason:
        raise RegistryError(
            _("Write why you recuse yourself; the coordinators will read it."),
            field="reason",
        )
    with transaction.atomic():
        locked = _lock_own(review, by)
        if locked.status == Status.SUBMITTED:
            raise RegistryError(_("You have submitted this review already."))
        if locked.status != Status.RECUSED:
            locked.status = Status.RECUSED
            locked.recusal_reason = reason
            locked.save(update_fields=["status", "recusal_reason"])
            locked.scores.all().delete()
    review.status, review.recusal_reason = locked.status, locked.recusal_reason
    return review


def review_save(
    *,
    review: Review,
    by,
    scores: Mapping[int, tuple[int | None, str]],
    comment_for_applicant: str = "",
    comment_for_council: str = "",
    submit: bool = False,
) -> Review:
    """Save the reviewer's scores (criterion id -> (0 to 10 or None, comment)) and
    comments as a draft, or submit them: every criterion scored, then read-only.
    Two submissions racing give one submitted review and one clear refusal."""
    with transaction.atomic():
        locked = _lock_own(review, by)
        if locked.status == Status.SUBMITTED:
            raise RegistryError(_("You have submitted this review already; it cannot change."))
        if locked.status == Status.RECUSED:
            raise RegistryError(_("You recused yourself from this review."))
        if locked.declared_at is None:
            raise RegistryError(_("Declare first that you have no conflict of interest."))
        application = locked.application
        if application.status not in SCORABLE:
            raise RegistryError(
                _("This application is %(status)s: its reviews are closed.")
                % {"status": application.get_status_display()}
            )
        criteria = list(application.call.criteria.all())
        known = {criterion.pk for criterion in criteria}
        unknown = set(scores) - known
        if unknown:
            raise RegistryError(_("A score was given for a criterion this call does not have."))
        for criterion_id, (value, _comment) in scores.items():
            if value is not None and not (
                isinstance(value, int) and 0 <= value <= 10 and not isinstance(value, bool)
            ):
                raise RegistryError(
                    _("Each score is a whole number from 0 to 10."), field=f"score_{criterion_id}"
                )
        if submit:
            missing = [
                str(criterion)
                for criterion in criteria
                if scores.get(criterion.pk, (None, ""))[0] is None
            ]
            if missing:
                raise RegistryError(
                    _("Score every criterion before you submit: %(criteria)s.")
                    % {"criteria": ", ".join(missing)}
                )
        _store_scores(locked, scores)
        locked.comment_for_applicant = (comment_for_applicant or "").strip()
        locked.comment_for_council = (comment_for_council or "").strip()
        locked.status = Status.SUBMITTED if submit else Status.DRAFT
        if submit:
            locked.submitted_at = timezone.now()
        locked.save(
            update_fields=[
                "comment_for_applicant",
                "comment_for_council",
                "status",
                "submitted_at",
            ]
        )
    for name in ("status", "submitted_at", "comment_for_applicant", "comment_for_council"):
        setattr(review, name, getattr(locked, name))
    return review


def review_reminders_send(*, now=None) -> int:
    """Email each reviewer once about their open reviews that are due within
    REMIND_BEFORE_DUE or overdue, unless reminded in the last REMIND_EVERY.
    Each review is claimed by a conditional update on its own row first, so
    two runs at once (or a retried task) never remind anyone twice.
    Returns the number of emails sent."""
    now = now or timezone.now()
    not_recently = Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - REMIND_EVERY)
    candidates = list(
        Review.objects.filter(
            not_recently,
            status__in=OPEN,
            assigned_at__lte=now + REMIND_BEFORE_DUE - REVIEW_PERIOD,
            application__status__in=SCORABLE,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        claimed = [
            pk
            for pk in candidates
            if Review.objects.filter(not_recently, pk=pk, status__in=OPEN).update(reminded_at=now)
        ]
        by_reviewer = defaultdict(list)
        for review in (
            Review.objects.filter(pk__in=claimed)
            .select_related("reviewer", "application__call", "application__organisation")
            .order_by("assigned_at", "pk")
        ):
            by_reviewer[review.reviewer].append(review)
        for reviewer, reviews in by_reviewer.items():
            _email_reviewer(
                reviewer,
                template="ecosystem/emails/review_reminder",
                reviews=reviews,
                now=now,
            )
    return len(by_reviewer)


def _unique(people) -> list:
    seen, unique = set(), []
    for person in people:
        if person.pk not in seen:
            seen.add(person.pk)
            unique.append(person)
    return unique


def _check_council(reviewers) -> None:
    members = set(
        council_members()
        .filter(pk__in=[reviewer.pk for reviewer in reviewers])
        .values_list("pk", flat=True)
    )
    outsiders = [str(reviewer) for reviewer in reviewers if reviewer.pk not in members]
    if outsiders:
        raise RegistryError(
            _("Only active council members can review: %(people)s.")
            % {"people": ", ".join(outsiders)},
            field="reviewers",
        )


def _lock_assignable(applications: Iterable[Application]) -> list[Application]:
    ids = sorted({application.pk for application in applications})
    if not ids:
        raise RegistryError(_("Choose at least one application."))
    locked = list(
        Application.objects.select_for_update(of=("self",))
        .select_related("organisation", "call")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    closed = [application for application in locked if application.status not in ASSIGNABLE]
    if closed:
        raise RegistryError(
            _("Reviewers can be assigned only to applications in review. Not in review: %(list)s.")
            % {
                "list": ", ".join(
                    f"{application.reference} ({application.get_status_display()})"
                    for application in closed
                )
            }
        )
    return locked


def _lock_own(review: Review, by) -> Review:
    locked = (
        Review.objects.select_for_update(of=("self",))
        .select_related("application__call")
        .get(pk=review.pk)
    )
    if locked.reviewer_id != getattr(by, "pk", None):
        raise RegistryError(_("This review is assigned to someone else."))
    return locked


def _count_by_reviewer(reviews) -> Counter:
    return Counter(dict(reviews.values_list("reviewer_id").annotate(count=Count("pk")).order_by()))


def _store_scores(review: Review, scores: Mapping[int, tuple[int | None, str]]) -> None:
    existing = {score.criterion_id: score for score in review.scores.all()}
    cleared = []
    for criterion_id, (value, comment) in scores.items():
        comment = (comment or "").strip()
        score = existing.get(criterion_id)
        if value is None:
            if score:
                cleared.append(score.pk)
        elif score is None:
            Score.objects.create(
                review=review, criterion_id=criterion_id, value=value, comment=comment
            )
        elif (score.value, score.comment) != (value, comment):
            score.value, score.comment = value, comment
            score.save(update_fields=["value", "comment"])
    if cleared:
        Score.objects.filter(pk__in=cleared).delete()


def _create_and_notify(new_reviews: list[Review]) -> list[Review]:
    created = Review.objects.bulk_create(new_reviews)
    by_reviewer = defaultdict(list)
    for review in created:
        by_reviewer[review.reviewer].append(review)
    for reviewer, reviews in by_reviewer.items():
        _email_reviewer(reviewer, template="ecosystem/emails/review_assigned", reviews=reviews)
    return created


def _email_reviewer(reviewer, *, template: str, reviews: list[Review], now=None) -> None:
    language = language_for(reviewer)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(language):
        index_url = base + reverse("review:index")
        items = [
            {
                "review": review,
                "application": review.application,
                "url": base + reverse("review:detail", args=[review.pk]),
                "due_at": (review.assigned_at or timezone.now()) + REVIEW_PERIOD,
            }
            for review in reviews
        ]
    email_send(
        to=reviewer.email,
        template=template,
        context={"person": reviewer, "items": items, "index_url": index_url, "now": now},
        language=language,
    )

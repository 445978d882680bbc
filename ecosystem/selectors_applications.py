"""Reads for applicants: their applications, what the Department tells them
about one, and who may open its files.

What an applicant sees of the review: the decision (outcome, award, rationale)
and the reviewers' comments written for the applicant, once a decision is made.
Never reviewers' names, their scores, or their comments for the council. In the
history, people of the applicant organisation are named; the Department's staff
appear as "the Department" (see transition_actor).
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ecosystem.blocks import localized
from ecosystem.formatting import format_vnd
from ecosystem.forms_applications import FILE, format_number, stored_to_initial
from ecosystem.models import (
    Application,
    ApplicationFile,
    ApplicationTransition,
    Decision,
    InformationRequest,
    Membership,
    Review,
)

Status = Application.Status
COORDINATOR_PERMISSION = "ecosystem.view_application"


def applications_for_member(user) -> QuerySet:
    """Every application of every organisation the person belongs to, the
    most recently changed first."""
    return (
        Application.objects.filter(organisation__memberships__user=user)
        .select_related("call", "call__programme", "organisation")
        .order_by("-updated_at", "-pk")
    )


def reviewer_has_access(*, user, application: Application) -> bool:
    """Whether the person is a reviewer of this application who may see it:
    assigned, not recused, and having declared no conflict of interest."""
    if not user.is_authenticated:
        return False
    return (
        Review.objects.filter(application=application, reviewer=user, declared_at__isnull=False)
        .exclude(status=Review.Status.RECUSED)
        .exists()
    )


def application_files_viewable(*, user, application: Application) -> bool:
    """Whether the person may download this application's files: a member of
    the applicant organisation, a coordinator (ecosystem.view_application), or
    a reviewer with access (reviewer_has_access)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if Membership.objects.filter(organisation_id=application.organisation_id, user=user).exists():
        return True
    if user.has_perm(COORDINATOR_PERMISSION):
        return True
    return reviewer_has_access(user=user, application=application)


@dataclass
class AnswerRow:
    key: str
    question: str
    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    files: list[ApplicationFile] = field(default_factory=list)
    value: object = None

    @property
    def answered(self) -> bool:
        return bool(self.text or self.items or self.files or self.value)


@dataclass
class HistoryRow:
    at: object
    from_status: str
    to_status: str
    status_label: str
    actor: str
    note: str


@dataclass
class ApplicationPage:
    """Everything the applicant's page shows about one application."""

    application: Application
    answers: list[AnswerRow]
    history: list[HistoryRow]
    requests: list[InformationRequest]
    open_request: InformationRequest | None
    decision: Decision | None
    comments: list[str]
    award: str

    @property
    def can_withdraw(self) -> bool:
        # A draft has not been sent; withdrawing it would only use up the
        # organisation's one application to the call.
        status = self.application.status
        return status != Status.DRAFT and not self.application.is_final and self.decision is None


def application_answers(*, application: Application, files=None) -> list[AnswerRow]:
    """The answers in the call's question order, ready to show."""
    if files is None:
        files = list(ApplicationFile.objects.filter(application=application))
    files_by_key: dict[str, list[ApplicationFile]] = {}
    for application_file in files:
        files_by_key.setdefault(application_file.question_key, []).append(application_file)
    rows = []
    for block in application.call.questions:
        value, block_type = block.value, block.block_type
        key = value["key"]
        stored = application.answers.get(key)
        row = AnswerRow(key=key, question=localized(value, "label"), kind=block_type)
        if block_type == FILE:
            row.files = files_by_key.get(key, [])
        elif block_type in ("choice", "multiple_choice"):
            labels = {option["value"]: localized(option, "label") for option in value["options"]}
            chosen = stored if isinstance(stored, list) else [stored] if stored else []
            row.items = [labels.get(choice, choice) for choice in chosen]
        elif block_type == "number" and stored is not None:
            number = stored_to_initial("number", stored)
            row.text = format_number(number) if number is not None else str(stored)
        elif block_type == "date" and stored:
            row.value = stored_to_initial("date", stored)
        elif stored:
            row.text = str(stored)
        rows.append(row)
    return rows


def transition_actor(transition: ApplicationTransition, member_ids: set[int]) -> str:
    """Who made a change, as the applicant sees it: a colleague by name, the
    Department's staff only as the Department. Applications are decided by the
    Department as an institution; naming its officers would invite lobbying of
    one person, and would sit oddly beside reviewers, who are never named."""
    if transition.by_id is None:
        return _("unknown")
    if transition.by_id in member_ids:
        return transition.by.get_full_name()
    return _("Department of Science and Technology")


def application_page(*, application: Application) -> ApplicationPage:
    """The applicant's view of one application, in a fixed number of queries."""
    member_ids = set(
        Membership.objects.filter(organisation_id=application.organisation_id).values_list(
            "user_id", flat=True
        )
    )
    history = []
    for transition in ApplicationTransition.objects.filter(application=application).select_related(
        "by"
    ):
        by_member = transition.by_id in member_ids
        # A colleague's own reason, and why the application was found not
        # eligible, are for the applicant; other notes are the Department's.
        shown = by_member or transition.to_status == Status.INELIGIBLE
        history.append(
            HistoryRow(
                at=transition.at,
                from_status=transition.from_status,
                to_status=transition.to_status,
                status_label=Status(transition.to_status).label,
                actor=transition_actor(transition, member_ids),
                note=transition.note if shown else "",
            )
        )
    requests = list(InformationRequest.objects.filter(application=application))
    open_request = next(
        (request for request in reversed(requests) if request.replied_at is None), None
    )
    decision = Decision.objects.filter(application=application).first()
    comments = []
    if decision is not None:
        comments = list(
            Review.objects.filter(application=application, status=Review.Status.SUBMITTED)
            .exclude(comment_for_applicant="")
            .order_by("pk")
            .values_list("comment_for_applicant", flat=True)
        )
    return ApplicationPage(
        application=application,
        answers=application_answers(application=application),
        history=history,
        requests=requests,
        open_request=open_request if application.status == Status.INFO_REQUESTED else None,
        decision=decision,
        comments=comments,
        award=format_vnd(decision.award_amount) if decision else "",
    )


def current_files(*, application: Application) -> dict[str, ApplicationFile]:
    """The file currently answering each file question, by key."""
    current = {}
    for application_file in ApplicationFile.objects.filter(application=application).order_by(
        "uploaded_at", "pk"
    ):
        current[application_file.question_key] = application_file
    return current

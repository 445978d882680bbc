"""Applying to a call, for the members of an organisation: start a draft
pre-filled from what the portal already knows, save it, submit it before the
deadline, answer a request for more information, withdraw.

Every write locks the application's row first, so a double click, two members
at once or a coordinator acting at the same moment give one outcome and a clear
refusal, never a half-done change. Status changes go through
application_transition, which checks and records them.

What a new draft is pre-filled with is decided in ecosystem.services.prefill;
answers and files are stored by ecosystem.services.application_answers.
"""

from collections.abc import Collection, Mapping

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.mail import email_send, language_for
from ecosystem.blocks import localized
from ecosystem.exceptions import RegistryError
from ecosystem.forms_applications import FILE
from ecosystem.models import (
    Application,
    ApplicationFile,
    Call,
    Decision,
    InformationRequest,
    Membership,
    Organisation,
)
from ecosystem.services.application_answers import (
    answers_store,
    files_removed_on_failure,
    has_answer,
)
from ecosystem.services.applications import application_transition, call_eligibility
from ecosystem.services.prefill import prefill_answers
from ecosystem.uploads import CheckedUpload

Status = Application.Status


class ApplyRefused(RegistryError):
    """The organisation may not start an application to this call; `reasons` says why."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


class NotEditable(RegistryError):
    """The application is no longer in a state where this change can be made."""


class SubmissionRefused(RegistryError):
    """Not submitted (the deadline passed, or the organisation may no longer
    apply); the answers sent with it were kept in the draft."""


def application_start_problems(*, call: Call, organisation: Organisation, at=None) -> list[str]:
    """Why this organisation cannot start or submit an application to this
    call now; an empty list means it can."""
    moment = at or timezone.now()
    problems = []
    state = call.state_at(moment)
    if state == Call.State.UPCOMING:
        problems.append(_("This call opens at %(time)s.") % {"time": local_time(call.opens_at)})
    elif state == Call.State.CLOSED:
        problems.append(
            _("This call closed at %(time)s; it no longer accepts applications.")
            % {"time": local_time(call.closes_at)}
        )
    return problems + call_eligibility(call=call, organisation=organisation)


def application_start(*, call: Call, organisation: Organisation, by) -> tuple[Application, bool]:
    """This organisation's application to this call: the existing one, or a new
    draft pre-filled from its profile and earlier answers. Returns it and
    whether it was created; raises ApplyRefused when none can be started."""
    _require_member(organisation_id=organisation.pk, user=by)
    existing = _existing_application(call=call, organisation=organisation)
    if existing is not None:
        return existing, False
    problems = application_start_problems(call=call, organisation=organisation)
    if problems:
        raise ApplyRefused(problems)
    try:
        with files_removed_on_failure() as written, transaction.atomic():
            application = Application.objects.create(
                call=call, organisation=organisation, created_by=by
            )
            application.answers = prefill_answers(
                application=application, organisation=organisation, by=by, written=written
            )
            application.save(update_fields=["answers", "updated_at"])
    except IntegrityError:
        # Another request (a double click, a colleague) created it first.
        return Application.objects.get(call=call, organisation=organisation), False
    return application, True


def application_save(
    *,
    application: Application,
    by,
    answers: Mapping[str, object],
    uploads: Mapping[str, CheckedUpload] | None = None,
    removals: Collection[str] = (),
) -> Application:
    """Save a draft: the answers given (None removes one), new files in place of
    the old ones, and files removed. Nothing is required of a draft."""
    with files_removed_on_failure() as written, transaction.atomic():
        locked = _lock(application=application, by=by)
        _require_draft(locked)
        answers_store(
            locked,
            by=by,
            answers=answers,
            uploads=uploads or {},
            removals=removals,
            written=written,
        )
    return locked


def application_submit(
    *,
    application: Application,
    by,
    answers: Mapping[str, object],
    uploads: Mapping[str, CheckedUpload] | None = None,
    removals: Collection[str] = (),
) -> Application:
    """Save the answers and submit the application, if the call is still open
    at this moment and every required question is answered; then email the
    person who submitted and the organisation's owner.

    When the deadline has passed (or the organisation may no longer apply) the
    answers are still saved in the draft, and SubmissionRefused says why."""
    refusal = []
    with files_removed_on_failure() as written, transaction.atomic():
        locked = _lock(application=application, by=by)
        _require_draft(locked)
        answers_store(
            locked,
            by=by,
            answers=answers,
            uploads=uploads or {},
            removals=removals,
            written=written,
        )
        now = timezone.now()
        refusal = application_start_problems(
            call=locked.call, organisation=locked.organisation, at=now
        )
        if not refusal:
            missing = application_missing_answers(application=locked)
            if missing:
                raise RegistryError(
                    _("Answer every required question before submitting: %(questions)s.")
                    % {"questions": ", ".join(missing.values())}
                )
            application_transition(application=locked, to=Status.SUBMITTED, by=by, at=now)
            _email_submitted(application=locked, by=by)
    if refusal:
        raise SubmissionRefused(
            " ".join(
                [
                    _("Your application was not submitted."),
                    *refusal,
                    _("Your answers are saved in the draft."),
                ]
            )
        )
    return locked


def application_withdraw(*, application: Application, by, reason: str = "") -> Application:
    """Withdraw a submitted application, at any time before a decision is made.
    A draft is not withdrawn: it was never sent, and withdrawing it would use up
    the organisation's one application to the call."""
    with transaction.atomic():
        locked = _lock(application=application, by=by)
        if locked.status == Status.DRAFT:
            raise NotEditable(_("This application is a draft: it has not been sent to anyone."))
        if locked.is_final or Decision.objects.filter(application=locked).exists():
            raise NotEditable(
                _("This application is %(status)s; it can no longer be withdrawn.")
                % {"status": locked.get_status_display()}
            )
        application_transition(application=locked, to=Status.WITHDRAWN, by=by, note=reason.strip())
    return locked


def information_reply(
    *,
    application: Application,
    by,
    reply: str,
    answers: Mapping[str, object],
    files: Mapping[str, CheckedUpload] | None = None,
    removals: Collection[str] = (),
) -> Application:
    """Answer a coordinator's request for more information: change the answers
    it names (and only those), keep the reply with the request, and send the
    application back to where it was. Allowed after the call's deadline."""
    with files_removed_on_failure() as written, transaction.atomic():
        locked = _lock(application=application, by=by)
        if locked.status != Status.INFO_REQUESTED:
            raise NotEditable(
                _("No information is waiting for a reply on this application; it is %(status)s.")
                % {"status": locked.get_status_display()}
            )
        request = open_information_request(application=locked)
        if request is None:
            raise NotEditable(_("No information is waiting for a reply on this application."))
        files = files or {}
        allowed = set(request.question_keys)
        if (set(answers) | set(files) | set(removals)) - allowed:
            raise RegistryError(_("Only the answers the coordinator asked about can be changed."))
        reply = reply.strip()
        if not allowed and not reply:
            raise RegistryError(_("Write your reply to the coordinator."), field="message")
        answers_store(
            locked, by=by, answers=answers, uploads=files, removals=removals, written=written
        )
        missing = {
            key: label
            for key, label in application_missing_answers(application=locked).items()
            if key in allowed
        }
        if missing:
            raise RegistryError(
                _("Answer every required question before replying: %(questions)s.")
                % {"questions": ", ".join(missing.values())}
            )
        request.reply = reply
        request.replied_at = timezone.now()
        request.save(update_fields=["reply", "replied_at"])
        application_transition(application=locked, to=request.resume_status, by=by)
        _email_reply(application=locked, request=request)
    return locked


def open_information_request(*, application: Application) -> InformationRequest | None:
    """The request for information still waiting for the applicant's reply."""
    return (
        application.information_requests.filter(replied_at__isnull=True)
        .order_by("-requested_at", "-pk")
        .first()
    )


def application_missing_answers(*, application: Application) -> dict[str, str]:
    """Required questions without an answer, as {key: question label}."""
    files = set(
        ApplicationFile.objects.filter(application=application).values_list(
            "question_key", flat=True
        )
    )
    missing = {}
    for block in application.call.questions:
        key = block.value["key"]
        if not block.value["required"]:
            continue
        answered = (
            key in files if block.block_type == FILE else has_answer(application.answers.get(key))
        )
        if not answered:
            missing[key] = localized(block.value, "label")
    return missing


def local_time(moment) -> str:
    """A moment as people in the province read it: 17:00 31/12/2026."""
    return date_format(timezone.localtime(moment), "H:i d/m/Y")


def _existing_application(*, call: Call, organisation: Organisation) -> Application | None:
    return Application.objects.filter(call=call, organisation=organisation).first()


def _require_member(*, organisation_id: int, user) -> None:
    if not Membership.objects.filter(organisation_id=organisation_id, user=user).exists():
        raise RegistryError(_("Only members of the organisation can change its applications."))


def _lock(*, application: Application, by) -> Application:
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "organisation")
        .get(pk=application.pk)
    )
    _require_member(organisation_id=locked.organisation_id, user=by)
    return locked


def _require_draft(application: Application) -> None:
    if application.status == Status.DRAFT:
        return
    if application.status == Status.SUBMITTED:
        raise NotEditable(_("This application has already been submitted."))
    raise NotEditable(
        _("This application is %(status)s; it can no longer be changed.")
        % {"status": application.get_status_display()}
    )


def _email_submitted(*, application: Application, by) -> None:
    owner = (
        Membership.objects.filter(organisation_id=application.organisation_id, role="owner")
        .select_related("user")
        .first()
    )
    people = [by]
    if owner and owner.user_id != by.pk and owner.user.is_active:
        people.append(owner.user)
    for person in people:
        language = language_for(person)
        with translation.override(language):
            url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "applications:detail", args=[application.pk]
            )
        email_send(
            to=person.email,
            template="ecosystem/emails/application_submitted",
            context={
                "person": person,
                "submitter": by,
                "application": application,
                "call": application.call,
                "organisation": application.organisation,
                "url": url,
            },
            language=language,
        )


def _email_reply(*, application: Application, request: InformationRequest) -> None:
    coordinators = [request.requested_by] if request.requested_by else []
    if not coordinators:
        coordinators = list(application.call.programme.coordinators.all())
    for coordinator in coordinators:
        if not coordinator.is_active or not coordinator.email:
            continue
        language = language_for(coordinator)
        # Coordinators follow applications in the Wagtail admin (ecosystem.admin.applications).
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "applications_admin:inspect", args=[application.pk]
        )
        email_send(
            to=coordinator.email,
            template="ecosystem/emails/information_reply",
            context={
                "person": coordinator,
                "application": application,
                "call": application.call,
                "organisation": application.organisation,
                "information_request": request,
                "url": url,
            },
            language=language,
        )

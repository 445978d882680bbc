"""Coordinators screen submitted applications (eligible or not) and ask applicants
for more information. Status changes go through `application_transition`; the
applicant's members hear about each outcome by email, in their own language."""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.mail import email_send, language_for
from ecosystem.blocks import localized
from ecosystem.exceptions import RegistryError
from ecosystem.models import Application, InformationRequest, Membership
from ecosystem.services.applications import TransitionError, application_transition

Status = Application.Status

# Screening decides what happens to a new application; later on, other services
# (information requests, decisions) move it.
SCREENABLE = {Status.SUBMITTED, Status.SCREENING}


def application_screen(
    *, application: Application, by, eligible: bool, reason: str = ""
) -> Application:
    """Send a submitted application on to the council (eligible: it goes into
    review) or close it as not eligible, emailing its members the reason."""
    reason = (reason or "").strip()
    if not eligible and not reason:
        raise RegistryError(
            _("Write why the application is not eligible: the applicant will read it."),
            field="reason",
        )
    with transaction.atomic():
        locked = _lock(application)
        if locked.status not in SCREENABLE:
            raise TransitionError(
                _("%(reference)s is %(status)s: only submitted applications are screened.")
                % {"reference": locked.reference, "status": locked.get_status_display()}
            )
        target = Status.IN_REVIEW if eligible else Status.INELIGIBLE
        application_transition(application=locked, to=target, by=by, note=reason)
        if not eligible:
            email_applicant_members(
                application=locked,
                template="ecosystem/emails/application_ineligible",
                context={"reason": reason},
            )
    application.status = locked.status
    return application


def information_request(
    *, application: Application, by, message: str, question_keys: Iterable[str]
) -> InformationRequest:
    """Send the application back to its applicant with a message, opening the
    named answers for changes. When they reply it returns to where it was."""
    message = (message or "").strip()
    if not message:
        raise RegistryError(_("Write what the applicant should add or change."), field="message")
    keys = list(dict.fromkeys(key for key in (question_keys or []) if key))
    with transaction.atomic():
        locked = _lock(application)
        questions = locked.call.question_map()
        unknown = [key for key in keys if key not in questions]
        if unknown:
            raise RegistryError(
                _("These questions are not in the call's form: %(keys)s.")
                % {"keys": ", ".join(unknown)},
                field="question_keys",
            )
        resume_status = locked.status
        application_transition(application=locked, to=Status.INFO_REQUESTED, by=by, note=message)
        request = InformationRequest.objects.create(
            application=locked,
            message=message,
            question_keys=keys,
            resume_status=resume_status,
            requested_by=by,
        )
        email_applicant_members(
            application=locked,
            template="ecosystem/emails/information_requested",
            context={"message": message},
            per_language=lambda: {
                "questions": [localized(questions[key].value, "label") for key in keys]
            },
        )
    application.status = locked.status
    return request


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "organisation")
        .get(pk=application.pk)
    )


def application_url(application: Application, language: str) -> str:
    """The applicant's page about their application, in their language (empty
    when the applicants' pages are not installed)."""
    with translation.override(language):
        try:
            path = reverse("applications:detail", args=[application.pk])
        except NoReverseMatch:
            return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def email_applicant_members(
    *, application: Application, template: str, context: dict, per_language=None
) -> None:
    """Email every member of the applicant organisation in their own language.
    `per_language()` adds context that must be computed in that language."""
    memberships = Membership.objects.filter(
        organisation_id=application.organisation_id
    ).select_related("user")
    for membership in memberships:
        person = membership.user
        language = language_for(person)
        extra = {}
        if per_language:
            with translation.override(language):
                extra = per_language()
        email_send(
            to=person.email,
            template=template,
            context={
                "person": person,
                "application": application,
                "call": application.call,
                "organisation": application.organisation,
                "application_url": application_url(application, language),
                **context,
                **extra,
            },
            language=language,
        )

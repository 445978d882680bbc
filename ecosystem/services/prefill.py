"""What a new draft application starts with ("apply once"); application_start in
ecosystem.services.applying creates the draft and fills it in from here.

A new draft takes, for each question of the call:
1. from the organisation's profile, when the question's key is one of
   PROFILE_ANSWERS below and the profile has a value that is a valid answer;
2. otherwise the most recent valid answer the organisation gave to a question
   with the same key in its earlier applications; for a file question, a copy
   of the file it sent then.
The profile comes first because the organisation keeps it up to date; earlier
answers may be a year old.
"""

import logging

from ecosystem.forms_applications import FILE, answer_fitting
from ecosystem.models import Application, ApplicationFile, Organisation
from ecosystem.services.application_answers import application_file_add

logger = logging.getLogger(__name__)


# Question key -> the profile attributes that answer it, tried in order on the
# organisation's own kind (a dotted name follows a relation). Coordinators who
# give a question one of these keys get it pre-filled from the profile.
PROFILE_ANSWERS: dict[str, tuple[str, ...]] = {
    "organisation-name": ("name",),
    "tagline": ("tagline",),
    "description": ("description",),
    "website": ("website",),
    "contact-email": ("contact_email",),
    "contact-phone": ("contact_phone",),
    "founded-year": ("founded_year",),
    "team-size": ("team_size", "members_count"),
    "enterprise-code": ("enterprise_code",),
    "products": ("products",),
    "lead-researcher": ("lead_researcher",),
    "host-institution": ("host_institution.name",),
}
# How many earlier applications are searched for answers to re-use.
EARLIER_APPLICATIONS = 20


def _profile_value(organisation: Organisation, key: str):
    for path in PROFILE_ANSWERS.get(key, ()):
        value = organisation
        for attribute in path.split("."):
            value = getattr(value, attribute, None)
            if value is None:
                break
        if value not in (None, ""):
            return value
    return None


def prefill_answers(*, application: Application, organisation: Organisation, by, written) -> dict:
    """The answers a new draft starts with, as {question key: answer}; the files
    copied for it are added to `written`."""
    organisation = organisation.specific
    earlier = list(
        Application.objects.filter(organisation=organisation)
        .exclude(pk=application.pk)
        .order_by("-updated_at", "-pk")[:EARLIER_APPLICATIONS]
    )
    answers = {}
    for block in application.call.questions:
        key, block_type = block.value["key"], block.block_type
        if block_type == FILE:
            copy = _prefill_file(
                application=application, key=key, earlier=earlier, by=by, written=written
            )
            if copy is not None:
                answers[key] = [copy.pk]
            continue
        value = answer_fitting(block_type, block.value, _profile_value(organisation, key))
        for previous in earlier:
            if value is not None:
                break
            value = answer_fitting(block_type, block.value, previous.answers.get(key))
        if value is not None:
            answers[key] = value
    return answers


def _prefill_file(*, application, key, earlier, by, written) -> ApplicationFile | None:
    for previous in earlier:
        source = (
            ApplicationFile.objects.filter(application=previous, question_key=key)
            .order_by("-uploaded_at", "-pk")
            .first()
        )
        if source is None:
            continue
        try:
            with source.file.open("rb") as content:
                return application_file_add(
                    application=application,
                    key=key,
                    content=content,
                    name=source.original_name,
                    content_type=source.content_type,
                    size=source.size,
                    by=by,
                    written=written,
                )
        except OSError:
            # A file missing from the store is not worth failing the start for.
            logger.warning("Could not copy application file %s", source.pk)
    return None

"""Applications: who may apply, and the one gate every status change goes through."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecosystem.exceptions import RegistryError
from ecosystem.models import Application, ApplicationTransition, Call, Organisation

Status = Application.Status

# from status -> statuses it may move to. Anything else is refused.
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
    Status.SUBMITTED: {
        Status.SCREENING,
        Status.IN_REVIEW,
        Status.INELIGIBLE,
        Status.INFO_REQUESTED,
        Status.WITHDRAWN,
    },
    Status.SCREENING: {
        Status.IN_REVIEW,
        Status.INELIGIBLE,
        Status.INFO_REQUESTED,
        Status.WITHDRAWN,
    },
    Status.IN_REVIEW: {
        Status.SHORTLISTED,
        Status.INFO_REQUESTED,
        Status.ACCEPTED,
        Status.REJECTED,
        Status.WITHDRAWN,
    },
    Status.INFO_REQUESTED: {
        Status.SUBMITTED,
        Status.SCREENING,
        Status.IN_REVIEW,
        Status.SHORTLISTED,
        Status.WITHDRAWN,
    },
    Status.SHORTLISTED: {
        Status.INFO_REQUESTED,
        Status.ACCEPTED,
        Status.REJECTED,
        Status.WITHDRAWN,
    },
}


class TransitionError(RegistryError):
    pass


def application_transition(
    *, application: Application, to: str, by, note: str = "", at=None
) -> Application:
    """Move an application to another status, if that move is allowed from
    where it is now, and record who did it, when and why.

    The row is locked and re-read first, so two requests racing (a double
    click on Submit, two coordinators) give one change and one clear refusal,
    never two changes. Callers that need more work in the same transaction
    wrap this call in their own transaction.atomic()."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        allowed = TRANSITIONS.get(locked.status, set())
        if to not in allowed:
            raise TransitionError(
                _("This application is %(current)s; it cannot become %(target)s.")
                % {
                    "current": locked.get_status_display(),
                    "target": Status(to).label,
                }
            )
        previous = locked.status
        locked.status = to
        fields = ["status", "updated_at"]
        if to == Status.SUBMITTED and locked.submitted_at is None:
            locked.submitted_at = at or timezone.now()
            fields.append("submitted_at")
        locked.save(update_fields=fields)
        ApplicationTransition.objects.create(
            application=locked, from_status=previous, to_status=to, by=by, note=note
        )
    application.status = locked.status
    application.submitted_at = locked.submitted_at
    return application


def call_eligibility(*, call: Call, organisation: Organisation) -> list[str]:
    """Why this organisation may not apply to this call; an empty list means it may.

    Checks the call's rules, not its dates (see Call.state)."""
    organisation = organisation.specific
    problems = []
    if organisation.status != Organisation.Status.VERIFIED:
        problems.append(_("Only verified organisations can apply."))
    if organisation.kind not in call.accepted_kinds:
        problems.append(
            _("This call is not open to %(kind)s.")
            % {"kind": Organisation.Kind(organisation.kind).label}
        )
    stages = list(call.eligible_stages.all())
    is_startup = organisation.kind == Organisation.Kind.STARTUP
    if stages and is_startup and organisation.stage_id not in {stage.pk for stage in stages}:
        problems.append(
            _("This call is for startups at these stages: %(stages)s.")
            % {"stages": ", ".join(str(stage) for stage in stages)}
        )
    sectors = list(call.eligible_sectors.all())
    if sectors:
        wanted = {sector.pk for sector in sectors}
        theirs = set()
        for sector in organisation.sectors.all():
            theirs |= {sector.pk, sector.parent_id}
        if not wanted & theirs:
            problems.append(
                _("This call is for these sectors: %(sectors)s.")
                % {"sectors": ", ".join(str(sector) for sector in sectors)}
            )
    areas = list(call.eligible_areas.all())
    if areas:
        area = organisation.area
        wanted = {item.pk for item in areas}
        if area is None or not {area.pk, area.parent_id} & wanted:
            problems.append(
                _("This call is for organisations in: %(areas)s.")
                % {"areas": ", ".join(str(item) for item in areas)}
            )
    return problems

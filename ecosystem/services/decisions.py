"""The coordinators' decision on an application: accepted with an award (never more
than the call's maximum) or rejected, with a rationale the applicant reads."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ecosystem.exceptions import RegistryError
from ecosystem.formatting import format_vnd
from ecosystem.models import Application, Decision
from ecosystem.services.applications import application_transition
from ecosystem.services.screening import email_applicant_members

Outcome = Decision.Outcome
# A sanity bound for calls without a maximum: a thousand trillion VND.
LARGEST_AWARD = 10**15


def application_decide(
    *,
    application: Application,
    by,
    outcome: str,
    award_amount: int | None,
    rationale: str,
) -> Decision:
    """Accept (with an award in VND, at most the call's maximum; 0 for support
    without money) or reject the application, record who decided and why, and
    email the applicant's members in their own language."""
    if outcome not in Outcome.values:
        raise RegistryError(_("Choose accepted or not accepted."), field="outcome")
    rationale = (rationale or "").strip()
    if not rationale:
        raise RegistryError(
            _("Write the rationale: the applicant will read it."), field="rationale"
        )
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("call", "organisation")
            .get(pk=application.pk)
        )
        award_amount = _checked_award(outcome, award_amount, locked.call.max_award)
        if Decision.objects.filter(application=locked).exists():
            raise RegistryError(_("This application has been decided already."))
        # Outcomes share their values with the statuses they lead to.
        application_transition(application=locked, to=outcome, by=by, note=rationale)
        try:
            with transaction.atomic():
                decision = Decision.objects.create(
                    application=locked,
                    outcome=outcome,
                    award_amount=award_amount,
                    rationale=rationale,
                    decided_by=by,
                )
        except IntegrityError as error:
            raise RegistryError(_("This application has been decided already.")) from error
        email_applicant_members(
            application=locked,
            template="ecosystem/emails/application_decided",
            context={"decision": decision},
            per_language=lambda: {"award": format_vnd(decision.award_amount)},
        )
    application.status = locked.status
    return decision


def _checked_award(outcome: str, award_amount: int | None, max_award: int | None) -> int | None:
    if outcome == Outcome.REJECTED:
        if award_amount:
            raise RegistryError(
                _("An application that is not accepted gets no award: leave the amount empty."),
                field="award_amount",
            )
        return None
    if award_amount is None:
        raise RegistryError(
            _("Enter the award amount in VND (0 for support without money)."),
            field="award_amount",
        )
    if award_amount < 0:
        raise RegistryError(_("The award cannot be negative."), field="award_amount")
    if award_amount > LARGEST_AWARD:
        raise RegistryError(_("That award is not a realistic amount."), field="award_amount")
    if max_award is not None and award_amount > max_award:
        raise RegistryError(
            _("The award cannot be more than the call's maximum of %(maximum)s.")
            % {"maximum": format_vnd(max_award)},
            field="award_amount",
        )
    return award_amount

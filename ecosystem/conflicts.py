"""Conflicts of interest between a reviewer and an applicant, found from the registry.

Other apps add their own checks (the mentors app: "mentors this startup") by
registering a function in their AppConfig.ready(); ecosystem does not import them.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from ecosystem.models import Membership, Organisation

ConflictCheck = Callable[..., list[str]]
_checks: list[ConflictCheck] = []


def register_conflict_check(check: ConflictCheck) -> ConflictCheck:
    """check(*, reviewer, organisation) -> list of reasons (empty: no conflict)."""
    if check not in _checks:
        _checks.append(check)
    return check


@register_conflict_check
def member_of_applicant_or_host(*, reviewer, organisation) -> list[str]:
    organisation = organisation.specific
    related = {organisation.pk: "applicant"}
    host_id = getattr(organisation, "host_institution_id", None)
    if host_id:
        related[host_id] = "host"
    reasons = []
    for membership in Membership.objects.filter(
        user=reviewer, organisation_id__in=related
    ).select_related("organisation"):
        if related[membership.organisation_id] == "applicant":
            reasons.append(
                _("is a member of %(organisation)s")
                % {"organisation": membership.organisation.name}
            )
        else:
            reasons.append(
                _("belongs to its host institution %(organisation)s")
                % {"organisation": membership.organisation.name}
            )
    return reasons


def conflicts_between(*, reviewer, organisation: Organisation) -> list[str]:
    """Every reason the reviewer should not review this organisation's application."""
    reasons = []
    for check in _checks:
        reasons.extend(check(reviewer=reviewer, organisation=organisation))
    return reasons

"""Coordinators verify or reject organisations; the members hear about it by email.

Only verified organisations are public, so these two functions are the gate to the
directory. Each locks the row, so two coordinators acting at once give one
decision, one log entry and one round of emails, not two.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.mail import email_send, language_for
from accounts.models import User
from ecosystem.exceptions import RegistryError
from ecosystem.models import Membership, Organisation

VERIFY_ACTION = "ecosystem.verify"
REJECT_ACTION = "ecosystem.reject"


def organisation_verify(*, organisation: Organisation, by: User) -> bool:
    """Make the organisation public and tell its members. Returns False, changing
    nothing and emailing nobody, when it was verified already."""
    with transaction.atomic():
        locked = _lock(organisation)
        if locked.status == Organisation.Status.VERIFIED:
            return False
        locked.status = Organisation.Status.VERIFIED
        locked.verified_at = timezone.now()
        locked.rejection_reason = ""
        locked.save(update_fields=["status", "verified_at", "rejection_reason", "updated_at"])
        log(locked, VERIFY_ACTION, user=by)
        _email_members(locked, template="ecosystem/emails/verified")
    _refresh(organisation, locked)
    return True


def organisation_reject(*, organisation: Organisation, by: User, reason: str) -> bool:
    """Take the organisation out of (or keep it from) the directory and send its
    members the reason. Returns False when it was already rejected for the same
    reason; a new reason is recorded and sent again."""
    reason = (reason or "").strip()
    if not reason:
        raise RegistryError(
            _("Write the reason for the rejection: the organisation's members will read it."),
            field="reason",
        )
    with transaction.atomic():
        locked = _lock(organisation)
        if locked.status == Organisation.Status.REJECTED and locked.rejection_reason == reason:
            return False
        locked.status = Organisation.Status.REJECTED
        locked.rejection_reason = reason
        locked.verified_at = None
        locked.save(update_fields=["status", "verified_at", "rejection_reason", "updated_at"])
        log(locked, REJECT_ACTION, user=by, data={"reason": reason})
        _email_members(locked, template="ecosystem/emails/rejected")
    _refresh(organisation, locked)
    return True


def _lock(organisation: Organisation) -> Organisation:
    # The kind's own model, so the log entry lands in that snippet's history.
    model = type(organisation.specific)
    return model.objects.select_for_update().get(pk=organisation.pk)


def _refresh(organisation: Organisation, locked: Organisation) -> None:
    for field in ("status", "verified_at", "rejection_reason", "updated_at"):
        setattr(organisation, field, getattr(locked, field))


def _email_members(organisation: Organisation, *, template: str) -> None:
    memberships = Membership.objects.filter(organisation=organisation).select_related("user")
    for membership in memberships:
        language = language_for(membership.user)
        with translation.override(language):
            account_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_profile")
        email_send(
            to=membership.user.email,
            template=template,
            context={
                "organisation": organisation,
                "person": membership.user,
                "reason": organisation.rejection_reason,
                "account_url": account_url,
            },
            language=language,
        )

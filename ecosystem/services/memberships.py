"""Who belongs to an organisation: invitations, removals and the hand-over of
ownership. Only the owner manages members.

Every change locks the organisation's row first, so two owners' actions on the
same organisation (or an owner handing over while removing) run one after the
other; the one-owner and one-membership-per-person constraints in the database
are the last word.

An invitation link is signed (django.core.signing, with its own salt) around
the invitation's id; the invitation row says whether it is still open, so a
link works once and stops working after seven days or when withdrawn. Only the
person the invitation was addressed to can accept it: the invited address must
be one of the signed-in person's verified email addresses. Otherwise anyone who
saw a forwarded email could join an organisation in someone else's place.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.mail import email_send, language_for
from ecosystem.exceptions import RegistryError
from ecosystem.models import Invitation, Membership, Organisation

INVITATION_SALT = "ecosystem.invitation"
# Enough for any real team; stops an owner's account being used to send spam.
MAX_OPEN_INVITATIONS = 30


def _lock_as_owner(organisation: Organisation, actor) -> tuple[Organisation, Membership]:
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    owner = (
        Membership.objects.select_for_update()
        .filter(organisation=locked, user=actor, role=Membership.Role.OWNER)
        .first()
    )
    if owner is None:
        raise RegistryError(
            _("Only the owner of %(name)s can manage its members.") % {"name": locked}
        )
    return locked, owner


def _log(organisation: Organisation, user, **data) -> None:
    log(instance=organisation.specific, action="wagtail.edit", user=user, data=data)


def invitation_token(*, invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(*, token: str) -> Invitation:
    """The invitation a link points at; RegistryError for a link that was
    altered, cut short or points at nothing."""
    try:
        invitation_id = signing.loads(token, salt=INVITATION_SALT)
        return Invitation.objects.select_related("organisation", "invited_by").get(
            pk=int(invitation_id)
        )
    except (signing.BadSignature, Invitation.DoesNotExist, TypeError, ValueError) as error:
        raise RegistryError(
            _(
                "This invitation link is not valid. Check that you opened the whole link "
                "from the email, or ask the owner to send a new invitation."
            )
        ) from error


def invitation_check(*, invitation: Invitation, user) -> None:
    """Raise RegistryError saying why `user` cannot accept the invitation now."""
    if invitation.accepted_at is not None:
        raise RegistryError(_("This invitation has already been used."))
    if invitation.revoked_at is not None:
        raise RegistryError(_("This invitation was withdrawn by the organisation's owner."))
    if not invitation.is_open:
        raise RegistryError(
            _("This invitation expired on %(date)s. Ask the owner to send a new one.")
            % {
                "date": formats.date_format(
                    timezone.localtime(invitation.expires_at), "SHORT_DATE_FORMAT"
                )
            }
        )
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise RegistryError(
            _(
                "This invitation was sent to %(email)s. Sign in with that address to accept "
                "it, or add and verify it under Email addresses in your account."
            )
            % {"email": invitation.email}
        )
    if Membership.objects.filter(organisation=invitation.organisation_id, user=user).exists():
        raise RegistryError(
            _("You already belong to %(name)s.") % {"name": invitation.organisation}
        )


def _invitee_language(email: str) -> str:
    user_model = get_user_model()
    invitee = user_model.objects.filter(email__iexact=email).first()
    if invitee is None:
        address = EmailAddress.objects.filter(email__iexact=email, verified=True).first()
        invitee = address.user if address else None
    return language_for(invitee) if invitee else translation.get_language()


@transaction.atomic
def invitation_send(
    *, organisation: Organisation, inviter, email: str, site_url: str
) -> Invitation:
    """Invite someone by email to join `organisation` as a member. An earlier
    open invitation to the same address is replaced by the new one.
    `site_url` is the scheme and host the link in the email starts with."""
    organisation, _owner = _lock_as_owner(organisation, inviter)
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    already_member = Membership.objects.filter(organisation=organisation).filter(
        user__emailaddress__email__iexact=email
    ) | Membership.objects.filter(organisation=organisation, user__email__iexact=email)
    if already_member.exists():
        raise RegistryError(
            _("%(email)s already belongs to %(name)s.") % {"email": email, "name": organisation},
            field="email",
        )
    now = timezone.now()
    open_invitations = Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        created_at__gt=now - timezone.timedelta(days=Invitation.VALID_DAYS),
    )
    open_invitations.filter(email__iexact=email).update(revoked_at=now)
    if open_invitations.count() >= MAX_OPEN_INVITATIONS:
        raise RegistryError(
            _("%(name)s has %(count)s invitations waiting. Withdraw some before sending more.")
            % {"name": organisation, "count": MAX_OPEN_INVITATIONS},
            field="email",
        )
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, invited_by=inviter, created_at=now
    )
    language = _invitee_language(email)
    with translation.override(language):
        path = reverse(
            "organisations:invitation", kwargs={"token": invitation_token(invitation=invitation)}
        )
        expires = formats.date_format(
            timezone.localtime(invitation.expires_at), "SHORT_DATE_FORMAT"
        )
    email_send(
        to=email,
        template="ecosystem/emails/invitation",
        context={
            "organisation": organisation,
            "kind": organisation.get_kind_display(),
            "inviter": inviter.get_full_name(),
            "accept_url": site_url.rstrip("/") + path,
            "expires": expires,
        },
        language=language,
    )
    _log(organisation, inviter, invitation_sent=email)
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, actor) -> Invitation:
    """Withdraw an invitation that has not been accepted yet."""
    _lock_as_owner(invitation.organisation, actor)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise RegistryError(_("This invitation has already been accepted."))
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        _log(invitation.organisation, actor, invitation_withdrawn=invitation.email)
    return invitation


def invitation_accept(*, token: str, user) -> Membership:
    """Join the organisation an invitation link is for. The link works once:
    the invitation row is locked while it is checked and used."""
    invitation_id = invitation_from_token(token=token).pk
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("organisation")
            .get(pk=invitation_id)
        )
        invitation_check(invitation=invitation, user=user)
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    organisation=invitation.organisation, user=user, role=Membership.Role.MEMBER
                )
        except IntegrityError as error:
            raise RegistryError(
                _("You already belong to %(name)s.") % {"name": invitation.organisation}
            ) from error
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        _log(invitation.organisation, user, member_joined=user.email)
    return membership


@transaction.atomic
def membership_remove(*, organisation: Organisation, actor, membership: Membership) -> None:
    """Remove a member. The owner cannot remove themselves: they hand over
    ownership first."""
    organisation, owner = _lock_as_owner(organisation, actor)
    membership = (
        Membership.objects.select_for_update()
        .select_related("user")
        .filter(pk=membership.pk, organisation=organisation)
        .first()
    )
    if membership is None:
        raise RegistryError(_("This person is no longer a member."))
    if membership.pk == owner.pk:
        raise RegistryError(
            _("You cannot remove yourself as the owner. Hand over ownership to a member first.")
        )
    membership.delete()
    _log(organisation, actor, member_removed=membership.user.email)


@transaction.atomic
def ownership_transfer(*, organisation: Organisation, actor, membership: Membership) -> Membership:
    """Make a member the owner; the previous owner stays on as a member.

    The old owner is demoted before the new one is promoted, so the database's
    one-owner constraint holds after every statement."""
    organisation, owner = _lock_as_owner(organisation, actor)
    membership = (
        Membership.objects.select_for_update()
        .select_related("user")
        .filter(pk=membership.pk, organisation=organisation)
        .first()
    )
    if membership is None:
        raise RegistryError(_("This person is no longer a member."))
    if membership.pk == owner.pk:
        raise RegistryError(_("You are already the owner."))
    Membership.objects.filter(pk=owner.pk).update(role=Membership.Role.MEMBER)
    Membership.objects.filter(pk=membership.pk).update(role=Membership.Role.OWNER)
    membership.role = Membership.Role.OWNER
    _log(organisation, actor, ownership=[actor.email, membership.user.email])
    return membership

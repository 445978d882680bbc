"""An organisation's members: the list, invitations sent and withdrawn, removing a
member and handing over ownership (for the owner), and accepting an invitation
from its link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecosystem.exceptions import RegistryError
from ecosystem.forms import InvitationForm
from ecosystem.models import Invitation, Membership, Organisation
from ecosystem.services import memberships
from ecosystem.views.account import form_error, organisation_for, page_context


def _members_page(request, organisation: Organisation, invite_form=None, status=200):
    open_invitations = Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        created_at__gt=timezone.now() - timezone.timedelta(days=Invitation.VALID_DAYS),
    ).select_related("invited_by")
    context = page_context(
        request,
        organisation,
        members=organisation.memberships.select_related("user").order_by("role", "created_at"),
        invitations=open_invitations,
        invite_form=invite_form or InvitationForm(),
        section="members",
    )
    return render(request, "ecosystem/account/members.html", context, status=status)


@login_required
def members(request, pk: int):
    """Who belongs to the organisation; the owner invites and removes here."""
    return _members_page(request, organisation_for(request, pk))


@login_required
@require_POST
def invite(request, pk: int):
    organisation = organisation_for(request, pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = memberships.invitation_send(
                organisation=organisation,
                inviter=request.user,
                email=form.cleaned_data["email"],
                site_url=request.build_absolute_uri("/"),
            )
        except RegistryError as error:
            form_error(form, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works for 7 days.")
                % {"email": invitation.email},
            )
            return redirect("organisations:members", pk=organisation.pk)
    return _members_page(request, organisation, invite_form=form, status=400)


@login_required
@require_POST
def invitation_withdraw(request, pk: int, invitation_pk: int):
    organisation = organisation_for(request, pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, organisation=organisation)
    try:
        memberships.invitation_withdraw(invitation=invitation, actor=request.user)
    except RegistryError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email},
        )
    return redirect("organisations:members", pk=organisation.pk)


def _confirm_membership_change(request, pk, membership_pk, *, change, confirm, done):
    """The confirmation page (GET) and the change itself (POST) for an
    owner's action on one member."""
    organisation = organisation_for(request, pk)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_pk, organisation=organisation
    )
    members_url = reverse("organisations:members", args=[organisation.pk])
    if request.method == "POST":
        try:
            change(organisation=organisation, actor=request.user, membership=membership)
        except RegistryError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done % {"person": membership.user.get_full_name()})
        return redirect(members_url)
    context = page_context(request, organisation, section="members", cancel_url=members_url)
    if not context["is_owner"]:
        messages.error(
            request,
            _("Only the owner of %(name)s can manage its members.") % {"name": organisation},
        )
        return redirect(members_url)
    context.update(confirm(organisation, membership))
    return render(request, "ecosystem/account/confirm.html", context)


@login_required
def member_remove(request, pk: int, membership_pk: int):
    return _confirm_membership_change(
        request,
        pk,
        membership_pk,
        change=memberships.membership_remove,
        confirm=lambda organisation, membership: {
            "title": _("Remove %(person)s?") % {"person": membership.user.get_full_name()},
            "text": _(
                "%(person)s will no longer be able to edit %(name)s. You can invite them again."
            )
            % {"person": membership.user.get_full_name(), "name": organisation.name},
            "button": _("Remove member"),
            "danger": True,
        },
        done=_("%(person)s has been removed."),
    )


@login_required
def ownership_transfer(request, pk: int, membership_pk: int):
    return _confirm_membership_change(
        request,
        pk,
        membership_pk,
        change=memberships.ownership_transfer,
        confirm=lambda organisation, membership: {
            "title": _("Hand over ownership to %(person)s?")
            % {"person": membership.user.get_full_name()},
            "text": _(
                "%(person)s becomes the owner of %(name)s and manages its members. "
                "You stay on as a member and cannot undo this yourself."
            )
            % {"person": membership.user.get_full_name(), "name": organisation.name},
            "button": _("Hand over ownership"),
            "danger": False,
        },
        done=_("%(person)s is now the owner. You are a member."),
    )


@login_required
def invitation(request, token: str):
    """An invitation link from an email: shows what it is for and accepts it."""
    try:
        invitation = memberships.invitation_from_token(token=token)
    except RegistryError as error:
        return render(
            request, "ecosystem/account/invitation.html", {"problem": error.message}, status=400
        )
    try:
        if request.method == "POST":
            membership = memberships.invitation_accept(token=token, user=request.user)
            messages.success(
                request,
                _("Welcome to %(name)s. You can now edit its profile.")
                % {"name": invitation.organisation.name},
            )
            return redirect("organisations:edit", pk=membership.organisation_id)
        memberships.invitation_check(invitation=invitation, user=request.user)
    except RegistryError as error:
        context = {"invitation": invitation, "problem": error.message}
        return render(request, "ecosystem/account/invitation.html", context, status=400)
    return render(request, "ecosystem/account/invitation.html", {"invitation": invitation})

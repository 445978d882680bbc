"""Self-service for members, under /account/organisations/.

Every page is for signed-in people, and an organisation's pages exist only for
its members: anyone else gets a 404, which says nothing about whether it exists.
Owners' actions are checked again in the services, under lock.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecosystem.exceptions import RegistryError
from ecosystem.forms import PROFILE_FORMS, InvitationForm, TechnologyOfferForm
from ecosystem.models import Invitation, Membership, Organisation, TechnologyOffer
from ecosystem.services import memberships, registration

# The kind in /account/organisations/register/<kind>/
REGISTER_KINDS = {
    "startup": Organisation.Kind.STARTUP,
    "research-group": Organisation.Kind.RESEARCH_GROUP,
}
# A profile under review, or public, keeps everything verification needs.
STATUSES_KEPT_COMPLETE = (Organisation.Status.PENDING, Organisation.Status.VERIFIED)


def _organisation_for(request, pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation.objects.for_member(request.user), pk=pk)
    return organisation.specific


def _page_context(request, organisation: Organisation, **extra) -> dict:
    membership = Membership.objects.get(organisation=organisation, user=request.user)
    home = "organisations:edit" if organisation.kind in PROFILE_FORMS else "organisations:members"
    return {
        "organisation": organisation,
        "membership": membership,
        "is_owner": membership.is_owner,
        "crumbs": [
            (_("My account"), reverse("account_profile")),
            (organisation.name, reverse(home, args=[organisation.pk])),
        ],
        **extra,
    }


def _form_error(form, error: RegistryError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def register(request, kind: str):
    """Register a startup or a research group: save a draft, or submit it."""
    organisation_kind = REGISTER_KINDS.get(kind)
    if organisation_kind is None:
        raise Http404
    submitting = request.POST.get("action") == "submit"
    form_class = PROFILE_FORMS[organisation_kind]
    form = form_class(
        data=request.POST if request.method == "POST" else None,
        files=request.FILES if request.method == "POST" else None,
        complete=submitting,
    )
    if request.method == "POST" and form.is_valid():
        try:
            organisation = registration.organisation_register(
                kind=organisation_kind,
                owner=request.user,
                fields=form.profile_fields(),
                logo=form.cleaned_data["logo_file"],
                submit=submitting,
            )
        except RegistryError as error:
            _form_error(form, error)
        else:
            if submitting:
                messages.success(request, _submitted_message(organisation))
                return redirect("account_profile")
            messages.success(
                request,
                _("Draft saved. You can come back to it any time from My account."),
            )
            return redirect("organisations:edit", pk=organisation.pk)
    title = (
        _("Register your startup")
        if organisation_kind == Organisation.Kind.STARTUP
        else _("Register your research group")
    )
    return render(
        request,
        "ecosystem/account/organisation_form.html",
        {
            "form": form,
            "title": title,
            "can_submit": True,
            "crumbs": [(_("My account"), reverse("account_profile"))],
        },
    )


def _submitted_message(organisation: Organisation) -> str:
    return _(
        "%(name)s has been submitted for verification. A coordinator will check it; "
        "you can follow its state here."
    ) % {"name": organisation.name}


@login_required
def edit(request, pk: int):
    """Edit the profile; a draft or rejected organisation can be (re)submitted."""
    organisation = _organisation_for(request, pk)
    if organisation.kind not in PROFILE_FORMS:
        messages.info(
            request,
            _(
                "The Department's coordinators keep partners' profiles up to date. "
                "Write to them to change %(name)s."
            )
            % {"name": organisation.name},
        )
        return redirect("organisations:members", pk=organisation.pk)
    can_submit = organisation.status in (Organisation.Status.DRAFT, Organisation.Status.REJECTED)
    submitting = can_submit and request.POST.get("action") == "submit"
    form = PROFILE_FORMS[organisation.kind](
        data=request.POST if request.method == "POST" else None,
        files=request.FILES if request.method == "POST" else None,
        # A separate copy: a failed save must not change the page's own heading.
        instance=_organisation_for(request, pk),
        complete=submitting or organisation.status in STATUSES_KEPT_COMPLETE,
    )
    if request.method == "POST" and form.is_valid():
        try:
            organisation = registration.organisation_update(
                organisation=organisation,
                user=request.user,
                fields=form.profile_fields(),
                logo=form.cleaned_data["logo_file"],
                remove_logo=form.cleaned_data.get("remove_logo", False),
                submit=submitting,
            )
        except RegistryError as error:
            _form_error(form, error)
        else:
            if submitting:
                messages.success(request, _submitted_message(organisation))
                return redirect("account_profile")
            messages.success(
                request, _("Your changes to %(name)s have been saved.") % {"name": organisation}
            )
            return redirect("organisations:edit", pk=organisation.pk)
    context = _page_context(
        request,
        organisation,
        form=form,
        title=_("Edit %(name)s") % {"name": organisation.name},
        can_submit=can_submit,
        section="profile",
    )
    context["crumbs"] = context["crumbs"][:1]
    return render(request, "ecosystem/account/organisation_form.html", context)


def _members_page(request, organisation: Organisation, invite_form=None, status=200):
    open_invitations = Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        created_at__gt=timezone.now() - timezone.timedelta(days=Invitation.VALID_DAYS),
    ).select_related("invited_by")
    context = _page_context(
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
    return _members_page(request, _organisation_for(request, pk))


@login_required
@require_POST
def invite(request, pk: int):
    organisation = _organisation_for(request, pk)
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
            _form_error(form, error)
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
    organisation = _organisation_for(request, pk)
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
    organisation = _organisation_for(request, pk)
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
    context = _page_context(request, organisation, section="members", cancel_url=members_url)
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


def _research_group_for(request, pk: int) -> Organisation:
    organisation = _organisation_for(request, pk)
    if organisation.kind != Organisation.Kind.RESEARCH_GROUP:
        raise Http404
    return organisation


@login_required
def offers(request, pk: int):
    """The research group's technology offers."""
    organisation = _research_group_for(request, pk)
    context = _page_context(
        request,
        organisation,
        offers=organisation.offers.prefetch_related("expertise").order_by("title"),
        section="offers",
    )
    return render(request, "ecosystem/account/offers.html", context)


@login_required
def offer_form(request, pk: int, offer_pk: int | None = None):
    """Add a technology offer, or edit one."""
    organisation = _research_group_for(request, pk)
    offer = get_object_or_404(organisation.offers, pk=offer_pk) if offer_pk else None
    form = TechnologyOfferForm(
        data=request.POST if request.method == "POST" else None, instance=offer
    )
    if request.method == "POST" and form.is_valid():
        try:
            if offer is None:
                offer = registration.offer_create(
                    research_group=organisation, user=request.user, fields=form.offer_fields()
                )
            else:
                offer = registration.offer_update(
                    offer=offer, user=request.user, fields=form.offer_fields()
                )
        except RegistryError as error:
            _form_error(form, error)
        else:
            messages.success(
                request, _("The technology offer “%(title)s” has been saved.") % {"title": offer}
            )
            return redirect("organisations:offers", pk=organisation.pk)
    context = _page_context(
        request,
        organisation,
        form=form,
        offer=offer,
        title=_("Edit technology offer") if offer else _("Add a technology offer"),
        section="offers",
    )
    context["crumbs"].append(
        (_("Technology offers"), reverse("organisations:offers", args=[organisation.pk]))
    )
    return render(request, "ecosystem/account/offer_form.html", context)


@login_required
def offer_delete(request, pk: int, offer_pk: int):
    organisation = _research_group_for(request, pk)
    offer = get_object_or_404(TechnologyOffer, pk=offer_pk, research_group=organisation)
    offers_url = reverse("organisations:offers", args=[organisation.pk])
    if request.method == "POST":
        try:
            registration.offer_delete(offer=offer, user=request.user)
        except RegistryError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The technology offer “%(title)s” has been deleted.") % {"title": offer.title},
            )
        return redirect(offers_url)
    context = _page_context(
        request,
        organisation,
        section="offers",
        cancel_url=offers_url,
        title=_("Delete “%(title)s”?") % {"title": offer.title},
        text=_("The offer disappears from the technology market. This cannot be undone."),
        button=_("Delete offer"),
        danger=True,
    )
    return render(request, "ecosystem/account/confirm.html", context)

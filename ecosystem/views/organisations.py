"""Registering a startup or a research group, and editing its profile: saved as a
draft, or submitted for verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ecosystem.exceptions import RegistryError
from ecosystem.forms import PROFILE_FORMS
from ecosystem.models import Organisation
from ecosystem.services import registration
from ecosystem.views.account import form_error, organisation_for, page_context

# The kind in /account/organisations/register/<kind>/
REGISTER_KINDS = {
    "startup": Organisation.Kind.STARTUP,
    "research-group": Organisation.Kind.RESEARCH_GROUP,
}
# A profile under review, or public, keeps everything verification needs.
STATUSES_KEPT_COMPLETE = (Organisation.Status.PENDING, Organisation.Status.VERIFIED)


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
            form_error(form, error)
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
    organisation = organisation_for(request, pk)
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
        instance=organisation_for(request, pk),
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
            form_error(form, error)
        else:
            if submitting:
                messages.success(request, _submitted_message(organisation))
                return redirect("account_profile")
            messages.success(
                request, _("Your changes to %(name)s have been saved.") % {"name": organisation}
            )
            return redirect("organisations:edit", pk=organisation.pk)
    context = page_context(
        request,
        organisation,
        form=form,
        title=_("Edit %(name)s") % {"name": organisation.name},
        can_submit=can_submit,
        section="profile",
    )
    context["crumbs"] = context["crumbs"][:1]
    return render(request, "ecosystem/account/organisation_form.html", context)

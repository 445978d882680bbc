"""A research group's technology offers, as its members keep them: the list,
adding or editing one, and deleting one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ecosystem.exceptions import RegistryError
from ecosystem.forms import TechnologyOfferForm
from ecosystem.models import Organisation, TechnologyOffer
from ecosystem.services import registration
from ecosystem.views.account import form_error, organisation_for, page_context


def _research_group_for(request, pk: int) -> Organisation:
    organisation = organisation_for(request, pk)
    if organisation.kind != Organisation.Kind.RESEARCH_GROUP:
        raise Http404
    return organisation


@login_required
def offers(request, pk: int):
    """The research group's technology offers."""
    organisation = _research_group_for(request, pk)
    context = page_context(
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
            form_error(form, error)
        else:
            messages.success(
                request, _("The technology offer “%(title)s” has been saved.") % {"title": offer}
            )
            return redirect("organisations:offers", pk=organisation.pk)
    context = page_context(
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
    context = page_context(
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

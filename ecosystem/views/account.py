"""Self-service for members, under /account/organisations/: what its pages share.

Every page is for signed-in people, and an organisation's pages exist only for
its members: anyone else gets a 404, which says nothing about whether it exists.
Owners' actions are checked again in the services, under lock. The pages are in
organisations (register, edit), members (members, invitations, ownership) and
offers (a research group's technology offers).
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from ecosystem.exceptions import RegistryError
from ecosystem.forms import PROFILE_FORMS
from ecosystem.models import Membership, Organisation


def organisation_for(request, pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation.objects.for_member(request.user), pk=pk)
    return organisation.specific


def page_context(request, organisation: Organisation, **extra) -> dict:
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


def form_error(form, error: RegistryError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)

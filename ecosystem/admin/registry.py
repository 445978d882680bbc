"""The Ecosystem menu of the admin: the registry's snippets (startups, research
groups, partners, technology offers, the CRM log, memberships and invitations)
in one group, in this order."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from ecosystem.admin.crm import InteractionViewSet
from ecosystem.admin.organisations import (
    PartnerViewSet,
    ResearchGroupViewSet,
    StartupViewSet,
    TechnologyOfferViewSet,
)
from ecosystem.admin.people import InvitationViewSet, MembershipViewSet


class EcosystemViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Ecosystem")
    menu_icon = "site"
    menu_order = 150
    items = (
        StartupViewSet,
        ResearchGroupViewSet,
        PartnerViewSet,
        TechnologyOfferViewSet,
        InteractionViewSet,
        MembershipViewSet,
        InvitationViewSet,
    )

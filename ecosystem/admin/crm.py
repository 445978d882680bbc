"""The CRM log in the admin: coordinators' interactions with organisations and
their follow-ups. The list with its filters and export, the form opened from an
organisation ("Log an interaction"), the log on an organisation's edit screen,
and "My follow-ups due this week" on the dashboard."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request, set_query_params
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ecosystem.admin.columns import CalendarDateColumn
from ecosystem.admin.exports import ExportIndexView
from ecosystem.admin.filters import InteractionFilterSet
from ecosystem.admin.forms import InteractionAdminForm, end_of_this_week, province_today
from ecosystem.models import Interaction


class FollowUpColumn(CalendarDateColumn):
    """The follow-up date, flagged done, or overdue when it has passed and is still open."""

    cell_template_name = "ecosystem/admin/follow_up_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["done"] = instance.follow_up_on is not None and instance.follow_up_done
        context["overdue"] = (
            instance.follow_up_on is not None
            and not instance.follow_up_done
            and instance.follow_up_on < province_today()
        )
        return context


class InteractionsPanel(Panel):
    """An organisation's CRM log, latest first, on its edit screen."""

    LIMIT = 10

    class BoundPanel(Panel.BoundPanel):
        template_name = "ecosystem/admin/interactions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            organisation = self.instance
            if not organisation.pk:
                return context
            interactions = list(
                Interaction.objects.filter(organisation=organisation)
                .select_related("coordinator", "follow_up_owner")
                .order_by("-happened_on", "-created_at")[: InteractionsPanel.LIMIT + 1]
            )
            policy = policy_registry.get_by_type(Interaction)
            viewset = Interaction.snippet_viewset
            list_url = reverse(viewset.get_url_name("list"))
            context.update(
                interactions=interactions[: InteractionsPanel.LIMIT],
                has_more=len(interactions) > InteractionsPanel.LIMIT,
                all_url=f"{list_url}?organisation={organisation.pk}",
                edit_url_name=viewset.get_url_name("edit"),
                add_url=policy.user_has_permission(self.request.user, "add")
                and interaction_add_url(organisation, next_url=self.request.path),
                today=province_today(),
            )
            return context


def interaction_add_url(organisation, *, next_url: str = "") -> str:
    params = {"organisation": organisation.pk}
    if next_url:
        params["next"] = next_url
    return set_query_params(reverse(Interaction.snippet_viewset.get_url_name("add")), params)


class InteractionCreateView(snippet_views.CreateView):
    """Opened from an organisation ("Log an interaction"): that organisation, and
    the coordinator at the keyboard, are already filled in."""

    def get_initial(self):
        initial = {
            **super().get_initial(),
            "coordinator": self.request.user.pk,
            "follow_up_owner": self.request.user.pk,
        }
        organisation = self.request.GET.get("organisation", "")
        if organisation.isdigit():
            initial["organisation"] = organisation
        return initial

    def get_add_url(self):
        # Keep the organisation and the way back on the form's own address.
        params = {
            key: self.request.GET[key]
            for key in ("organisation", "next")
            if key in self.request.GET
        }
        return set_query_params(super().get_add_url(), params)

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or super().get_success_url()


class InteractionViewSet(SnippetViewSet):
    model = Interaction
    icon = "comment"
    menu_label = _("CRM log")
    menu_order = 140
    add_view_class = InteractionCreateView
    index_view_class = ExportIndexView
    search_fields = ["summary", "organisation__name"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = InteractionFilterSet
    ordering = "-happened_on"
    list_per_page = 50
    list_display = [
        "organisation",
        "kind",
        CalendarDateColumn("happened_on", label=capfirst(_("date")), sort_key="happened_on"),
        "coordinator",
        FollowUpColumn("follow_up_on", label=capfirst(_("follow up on")), sort_key="follow_up_on"),
        "follow_up_owner",
    ]
    list_export = [
        "organisation",
        "kind",
        "happened_on",
        "summary",
        "coordinator",
        "follow_up_on",
        "follow_up_owner",
        "follow_up_done",
    ]
    export_filename = "interactions"
    panels = [
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("happened_on"),
        FieldPanel("summary"),
        FieldPanel("coordinator"),
        MultiFieldPanel(
            [
                FieldPanel("follow_up_on"),
                FieldPanel("follow_up_owner"),
                FieldPanel("follow_up_done"),
            ],
            heading=_("Follow-up"),
        ),
    ]

    @cached_property
    def edit_handler(self):
        return ObjectList(self.panels, base_form_class=InteractionAdminForm)

    def get_queryset(self, request):
        return Interaction.objects.select_related("organisation", "coordinator", "follow_up_owner")


class FollowUpsPanel(Component):
    """The dashboard's "My follow-ups due this week": one query, however many."""

    name = "ecosystem_follow_ups"
    template_name = "ecosystem/admin/follow_ups_panel.html"
    order = 50
    LIMIT = 15

    def __init__(self, request):
        self.request = request

    @staticmethod
    def is_shown_to(user) -> bool:
        return policy_registry.get_by_type(Interaction).user_has_any_permission(
            user, ["add", "change", "view"]
        )

    def get_context_data(self, parent_context=None):
        today, until = province_today(), end_of_this_week()
        due = list(
            Interaction.objects.follow_ups_due(owner=self.request.user, until=until)
            .select_related("organisation")
            .order_by("follow_up_on", "pk")[: self.LIMIT + 1]
        )
        viewset = Interaction.snippet_viewset
        list_url = reverse(viewset.get_url_name("list"))
        return {
            "follow_ups": [
                {
                    "interaction": interaction,
                    "url": reverse(viewset.get_url_name("edit"), args=[interaction.pk]),
                    "overdue": interaction.follow_up_on < today,
                }
                for interaction in due[: self.LIMIT]
            ],
            "has_more": len(due) > self.LIMIT,
            "all_url": set_query_params(
                list_url, {"follow_up": "this_week", "follow_up_owner": self.request.user.pk}
            ),
        }

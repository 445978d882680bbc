"""The registry in the Wagtail admin: what coordinators list, filter, export and
edit. Declarations only; the screens that do more live in `admin_views`."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import chooser as generic_chooser
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.models import User
from ecosystem import admin_forms, admin_views
from ecosystem.admin_forms import province_today
from ecosystem.models import (
    Area,
    ExpertiseTag,
    Interaction,
    Invitation,
    Membership,
    Organisation,
    Partner,
    PartnerService,
    ResearchGroup,
    Sector,
    Stage,
    Startup,
    TechnologyOffer,
)


def date_column(name, label):
    return DateColumn(name, label=capfirst(label), sort_key=name)


def status_column(sort_key=None):
    return StatusTagColumn(
        "get_status_display",
        label=capfirst(_("verification")),
        sort_key=sort_key,
        primary=lambda organisation: organisation.status == Organisation.Status.VERIFIED,
    )


class CalendarDateColumn(Column):
    """A day as people write it here (27/11/2026); "14 hours ago" says little about a day."""

    cell_template_name = "ecosystem/admin/date_cell.html"


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
                and admin_views.interaction_add_url(organisation, next_url=self.request.path),
                today=province_today(),
            )
            return context


class SearchableChooserMixin:
    """Choosing among ten thousand startups needs a search box (Wagtail's only
    appears for models in its search index) and the verification state."""

    filter_form_class = admin_forms.SearchChooserFilterForm
    extra_columns = ()

    @property
    def columns(self):
        return [*super().columns, *(make() for make in self.extra_columns)]


def kind_column():
    return Column("get_kind_display", label=capfirst(_("kind")))


class SearchableChooseView(SearchableChooserMixin, snippet_chooser.ChooseView):
    extra_columns = (status_column,)


class SearchableChooseResultsView(SearchableChooserMixin, snippet_chooser.ChooseResultsView):
    extra_columns = (status_column,)


class OrganisationChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = SearchableChooseView
    choose_results_view_class = SearchableChooseResultsView


class OrganisationViewSet(SnippetViewSet):
    """What the three kinds share: status and verification, search, export, merge."""

    index_view_class = admin_views.OrganisationIndexView
    edit_view_class = admin_views.OrganisationEditView
    inspect_view_class = admin_views.OrganisationInspectView
    chooser_viewset_class = OrganisationChooserViewSet
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id", "organisation_ptr", "search_document"]
    copy_view_enabled = False
    search_fields = ["name", "tagline"]
    search_backend_name = None
    ordering = "name"
    list_per_page = 50
    list_select_related = ["area__parent"]
    export_prefetch = ["sectors__parent"]
    export_headings = {"get_absolute_url": capfirst(_("public address"))}

    def get_queryset(self, request):
        return self.model.objects.select_related(*self.list_select_related)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(export_prefetch=self.export_prefetch, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            verify_url_name=self.get_url_name("verify"),
            reject_url_name=self.get_url_name("reject"),
            merge_url_name=self.get_url_name("merge"),
            merge_confirm_url_name=self.get_url_name("merge_confirm"),
            **kwargs,
        )

    @property
    def verify_view(self):
        return self.construct_view(admin_views.VerifyView)

    @property
    def reject_view(self):
        return self.construct_view(admin_views.RejectView)

    @property
    def merge_view(self):
        return self.construct_view(admin_views.MergeChooseView)

    @property
    def merge_confirm_view(self):
        return self.construct_view(admin_views.MergeConfirmView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("verify/<int:pk>/", self.verify_view, name="verify"),
            path("reject/<int:pk>/", self.reject_view, name="reject"),
            path("merge/<int:pk>/", self.merge_view, name="merge"),
            path(
                "merge/<int:pk>/<int:duplicate_pk>/",
                self.merge_confirm_view,
                name="merge_confirm",
            ),
        ]

    @cached_property
    def edit_handler(self):
        return TabbedInterface(
            [
                ObjectList(self.profile_panels, heading=_("Profile")),
                ObjectList(
                    [
                        FieldPanel("website"),
                        FieldPanel("facebook_url"),
                        FieldPanel("linkedin_url"),
                        FieldPanel("contact_email"),
                        FieldPanel("contact_phone"),
                        FieldPanel("show_contact"),
                    ],
                    heading=_("Contact and links"),
                ),
                ObjectList(
                    [
                        FieldPanel(
                            "status",
                            help_text=_(
                                "Changing it here emails nobody. To tell the members, use "
                                "Verify or Reject at the top of the page."
                            ),
                        ),
                        FieldPanel("rejection_reason"),
                        FieldPanel("submitted_at", read_only=True),
                        FieldPanel("verified_at", read_only=True),
                    ],
                    heading=_("Verification"),
                ),
                ObjectList([InteractionsPanel(heading=_("Interactions"))], heading=_("CRM log")),
            ],
            base_form_class=admin_forms.OrganisationAdminForm,
        )

    identity_panels = [
        FieldPanel("name"),
        FieldPanel("slug", help_text=_("Used in the public address; letters without accents.")),
        FieldPanel("tagline"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]
    classification_panels = [
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("area"),
    ]


class StartupViewSet(OrganisationViewSet):
    model = Startup
    icon = "pick"
    menu_order = 100
    filterset_class = admin_forms.StartupFilterSet
    list_select_related = ["area__parent", "stage"]
    list_display = [
        "name",
        "stage",
        "area",
        status_column("status"),
        date_column("created_at", _("registered")),
    ]
    list_export = [
        "name",
        "status",
        "tagline",
        "sectors",
        "stage",
        "area",
        "founded_year",
        "team_size",
        "enterprise_code",
        "seeks_investment",
        "website",
        "contact_email",
        "contact_phone",
        "created_at",
        "verified_at",
        "get_absolute_url",
    ]
    export_filename = "startups"
    profile_panels = [
        *OrganisationViewSet.identity_panels,
        MultiFieldPanel(
            [
                *OrganisationViewSet.classification_panels,
                FieldPanel("stage"),
                FieldPanel("founded_year"),
                FieldPanel("team_size"),
            ],
            heading=_("Sector, area and stage"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("products"),
                FieldPanel("seeks_investment"),
                FieldPanel("enterprise_code"),
            ],
            heading=_("Business"),
        ),
    ]


class ResearchGroupViewSet(OrganisationViewSet):
    model = ResearchGroup
    icon = "glasses"
    menu_order = 110
    filterset_class = admin_forms.ResearchGroupFilterSet
    list_select_related = ["area__parent", "host_institution"]
    list_display = [
        "name",
        "host_institution",
        "lead_researcher",
        status_column("status"),
        date_column("created_at", _("registered")),
    ]
    list_export = [
        "name",
        "status",
        "tagline",
        "sectors",
        "host_institution",
        "lead_researcher",
        "members_count",
        "area",
        "website",
        "contact_email",
        "contact_phone",
        "created_at",
        "verified_at",
        "get_absolute_url",
    ]
    export_filename = "research-groups"
    profile_panels = [
        *OrganisationViewSet.identity_panels,
        MultiFieldPanel(
            [
                FieldPanel("host_institution"),
                FieldPanel("lead_researcher"),
                FieldPanel("members_count"),
                FieldPanel("research_fields", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Research"),
        ),
        MultiFieldPanel(OrganisationViewSet.classification_panels, heading=_("Sector and area")),
    ]


class PartnerViewSet(OrganisationViewSet):
    model = Partner
    icon = "group"
    menu_order = 120
    filterset_class = admin_forms.PartnerFilterSet
    export_prefetch = ["sectors__parent", "services"]
    list_display = [
        "name",
        "partner_type",
        "area",
        status_column("status"),
        date_column("created_at", _("registered")),
    ]
    list_export = [
        "name",
        "status",
        "partner_type",
        "tagline",
        "sectors",
        "services",
        "area",
        "website",
        "contact_email",
        "contact_phone",
        "created_at",
        "verified_at",
        "get_absolute_url",
    ]
    export_filename = "partners"
    profile_panels = [
        *OrganisationViewSet.identity_panels,
        MultiFieldPanel(
            [
                FieldPanel("partner_type"),
                FieldPanel("services", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Type and services"),
        ),
        MultiFieldPanel(OrganisationViewSet.classification_panels, heading=_("Sector and area")),
    ]


class TechnologyOfferViewSet(SnippetViewSet):
    model = TechnologyOffer
    icon = "cogs"
    menu_order = 130
    index_view_class = admin_views.OfferIndexView
    search_fields = ["title", "summary"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = admin_forms.TechnologyOfferFilterSet
    list_display = [
        "title",
        "research_group",
        "trl",
        "ip_status",
        date_column("created_at", _("added")),
    ]
    list_export = [
        "title",
        "research_group",
        "trl",
        "ip_status",
        "summary",
        "licensing_terms",
        "created_at",
    ]
    export_filename = "technology-offers"
    panels = [
        FieldPanel("research_group"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("trl"),
        FieldPanel("ip_status"),
        FieldPanel("licensing_terms"),
        FieldPanel("expertise", widget=forms.CheckboxSelectMultiple),
    ]

    def get_queryset(self, request):
        return TechnologyOffer.objects.select_related("research_group")


class InteractionViewSet(SnippetViewSet):
    model = Interaction
    icon = "comment"
    menu_label = _("CRM log")
    menu_order = 140
    add_view_class = admin_views.InteractionCreateView
    index_view_class = admin_views.ExportIndexView
    search_fields = ["summary", "organisation__name"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = admin_forms.InteractionFilterSet
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
        return ObjectList(self.panels, base_form_class=admin_forms.InteractionAdminForm)

    def get_queryset(self, request):
        return Interaction.objects.select_related("organisation", "coordinator", "follow_up_owner")


class PersonChooseViewMixin:
    """People's email addresses are for coordinators, who manage memberships."""

    filter_form_class = admin_forms.PersonChooserFilterForm

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(Membership)
        if not policy.user_has_any_permission(request.user, ["add", "change"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return User.objects.filter(is_active=True).order_by("email")

    @property
    def columns(self):
        return [*super().columns, Column("email", label=capfirst(_("email")))]


class PersonChooseView(PersonChooseViewMixin, generic_chooser.ChooseView):
    pass


class PersonChooseResultsView(PersonChooseViewMixin, generic_chooser.ChooseResultsView):
    pass


person_chooser_viewset = ChooserViewSet(
    "ecosystem_person_chooser",
    model=User,
    url_prefix="ecosystem/choose-person",
    icon="user",
    choose_one_text=_("Choose a person"),
    choose_another_text=_("Choose another person"),
    choose_view_class=PersonChooseView,
    choose_results_view_class=PersonChooseResultsView,
    # Only where memberships are edited, not for every user field in the admin.
    register_widget=False,
)


class RegistryChooseView(SearchableChooserMixin, generic_chooser.ChooseView):
    extra_columns = (kind_column, status_column)


class RegistryChooseResultsView(SearchableChooserMixin, generic_chooser.ChooseResultsView):
    extra_columns = (kind_column, status_column)


organisation_chooser_viewset = ChooserViewSet(
    "ecosystem_organisation_chooser",
    model=Organisation,
    url_prefix="ecosystem/choose-organisation",
    icon="pick",
    choose_one_text=_("Choose an organisation"),
    choose_another_text=_("Choose another organisation"),
    choose_view_class=RegistryChooseView,
    choose_results_view_class=RegistryChooseResultsView,
)


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_order = 150
    index_view_class = admin_views.ExportIndexView
    search_fields = ["user__email", "user__full_name", "organisation__name"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = admin_forms.MembershipFilterSet
    ordering = "organisation"
    list_display = [
        "user",
        Column("user.email", label=capfirst(_("email"))),
        "organisation",
        "role",
        "title",
        date_column("created_at", _("member since")),
    ]
    list_export = ["organisation", "user", "user.email", "role", "title", "created_at"]
    export_headings = {"user.email": capfirst(_("email"))}
    export_filename = "memberships"
    panels = [
        FieldPanel("organisation"),
        FieldPanel("user", widget=person_chooser_viewset.widget_class),
        FieldPanel("role"),
        FieldPanel("title"),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("organisation", "user")


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    menu_order = 160
    index_view_class = admin_views.ExportIndexView
    search_fields = ["email", "organisation__name"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = admin_forms.InvitationFilterSet
    ordering = "-created_at"
    list_display = [
        "email",
        "organisation",
        "invited_by",
        date_column("created_at", _("sent")),
        date_column("accepted_at", _("accepted")),
        date_column("revoked_at", _("withdrawn")),
    ]
    list_export = ["email", "organisation", "invited_by", "created_at", "accepted_at", "revoked_at"]
    export_filename = "invitations"
    panels = [
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("invited_by", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("accepted_by", read_only=True),
        FieldPanel("accepted_at", read_only=True),
        FieldPanel(
            "revoked_at",
            help_text=_("Set a date to withdraw the invitation: its link stops working."),
        ),
    ]

    def get_queryset(self, request):
        return Invitation.objects.select_related("organisation", "invited_by")

    def get_index_view_kwargs(self, **kwargs):
        # Owners send invitations from their account, which emails the link; one
        # added here would reach nobody.
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)


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


class TaxonomyViewSet(SnippetViewSet):
    search_fields = ["name", "name_en", "slug"]
    search_backend_name = None
    copy_view_enabled = False
    list_display = ["name", "name_en", "slug", "order"]
    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("order")]


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "folder-open-1"
    list_display = ["name", "name_en", "parent", "order"]
    list_filter = ["parent"]
    panels = [*TaxonomyViewSet.panels, FieldPanel("parent", widget=forms.Select)]

    def get_queryset(self, request):
        return Sector.objects.select_related("parent")


class StageViewSet(TaxonomyViewSet):
    model = Stage
    icon = "order"
    sort_order_field = "order"


class AreaViewSet(TaxonomyViewSet):
    model = Area
    icon = "site"
    filterset_class = admin_forms.AreaFilterSet
    list_display = ["name", "name_en", "kind", "parent", "code"]
    panels = [
        *TaxonomyViewSet.panels,
        FieldPanel("kind"),
        FieldPanel("parent", widget=forms.Select),
        FieldPanel("code"),
    ]

    def get_queryset(self, request):
        return Area.objects.select_related("parent")


class ExpertiseTagViewSet(TaxonomyViewSet):
    model = ExpertiseTag
    icon = "cog"


class PartnerServiceViewSet(TaxonomyViewSet):
    model = PartnerService
    icon = "tasks"
    sort_order_field = "order"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 160
    items = (SectorViewSet, StageViewSet, AreaViewSet, ExpertiseTagViewSet, PartnerServiceViewSet)

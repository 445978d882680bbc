"""Startups, research groups, partners and technology offers as snippets in the
admin: what coordinators list, filter, export and edit. Declarations, apart
from the lists' search without diacritics; the verify, reject and merge screens
each organisation gets are in organisation_actions."""

from django import forms
from django.urls import path
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ecosystem import search
from ecosystem.admin.choosers import OrganisationChooserViewSet
from ecosystem.admin.columns import date_column, status_column
from ecosystem.admin.crm import InteractionsPanel
from ecosystem.admin.exports import ReadableExportMixin
from ecosystem.admin.filters import (
    PartnerFilterSet,
    ResearchGroupFilterSet,
    StartupFilterSet,
    TechnologyOfferFilterSet,
)
from ecosystem.admin.forms import OrganisationAdminForm
from ecosystem.admin.organisation_actions import (
    MergeChooseView,
    MergeConfirmView,
    OrganisationEditView,
    OrganisationInspectView,
    RejectView,
    VerifyView,
)
from ecosystem.models import Partner, ResearchGroup, Startup, TechnologyOffer


class SearchWithoutDiacriticsMixin:
    """Coordinators type "khoi nghiep" and find "Khởi nghiệp", as on the public site."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search.search(queryset, self.search_query)


class OrganisationIndexView(
    SearchWithoutDiacriticsMixin, ReadableExportMixin, snippet_views.IndexView
):
    export_prefetch = []

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export and self.export_prefetch:
            queryset = queryset.prefetch_related(*self.export_prefetch)
        return queryset


class OfferIndexView(SearchWithoutDiacriticsMixin, ReadableExportMixin, snippet_views.IndexView):
    pass


class OrganisationViewSet(SnippetViewSet):
    """What the three kinds share: status and verification, search, export, merge."""

    index_view_class = OrganisationIndexView
    edit_view_class = OrganisationEditView
    inspect_view_class = OrganisationInspectView
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
        return self.construct_view(VerifyView)

    @property
    def reject_view(self):
        return self.construct_view(RejectView)

    @property
    def merge_view(self):
        return self.construct_view(MergeChooseView)

    @property
    def merge_confirm_view(self):
        return self.construct_view(MergeConfirmView)

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
            base_form_class=OrganisationAdminForm,
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
    filterset_class = StartupFilterSet
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
    filterset_class = ResearchGroupFilterSet
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
    filterset_class = PartnerFilterSet
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
    index_view_class = OfferIndexView
    search_fields = ["title", "summary"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = TechnologyOfferFilterSet
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

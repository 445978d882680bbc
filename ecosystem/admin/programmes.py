"""Programmes and their calls in the Wagtail admin: lists, filters, exports and
the call's tabs. Declarations, but for one screen of our own: the confirmation
of "Copy to a new round", which `ecosystem.services.calls.call_copy` carries
out. The edit forms are in programme_forms."""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ecosystem.admin.exports import ReadableExportMixin
from ecosystem.admin.organisation_actions import OrganisationActionView
from ecosystem.admin.programme_forms import CallAdminForm, ProgrammeAdminForm
from ecosystem.exceptions import RegistryError
from ecosystem.formatting import format_vnd
from ecosystem.models import Call, Programme
from ecosystem.services.calls import PROVINCE_TIME_ZONE, call_copy


class ProvinceDateTimeColumn(Column):
    cell_template_name = "ecosystem/admin_programmes/datetime_cell.html"

    def get_value(self, instance):
        value = super().get_value(instance)
        return value and timezone.localtime(value, PROVINCE_TIME_ZONE)


class VNDColumn(Column):
    def get_value(self, instance):
        return format_vnd(super().get_value(instance))


def state_column():
    return StatusTagColumn(
        "state",
        label=capfirst(gettext_lazy("state")),
        accessor=lambda call: Call.State(call.state).label,
        primary=lambda call: call.state == Call.State.OPEN,
    )


class ProgrammeFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("kind")),
        choices=Programme.Kind.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Programme
        fields = []


class CallFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("state")),
        choices=Call.State.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
        method="filter_state",
    )
    programme = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("programme")), queryset=Programme.objects.all()
    )
    programme__kind = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("kind of programme")),
        choices=Programme.Kind.choices,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Call
        fields = []

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        if value == Call.State.UPCOMING:
            return queryset.filter(opens_at__gt=now)
        if value == Call.State.OPEN:
            return queryset.open_at(now)
        return queryset.filter(closes_at__lte=now)


def optional_url(name: str, *args, query: str = "") -> str:
    """The address of a screen that another part of the admin provides, or ""
    while it does not exist, so this one never breaks for want of it."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


class CallButtonsMixin:
    copy_round_url_name = None

    def call_buttons(self, call) -> list[Button]:
        buttons = []
        if self.user_has_permission("add"):
            url = reverse(self.copy_round_url_name, args=[quote(call.pk)])
            buttons.append(Button(_("Copy to a new round"), url=url, icon_name="copy"))
        applications = optional_url("applications_admin:index", query=f"call={call.pk}")
        if applications:
            buttons.append(Button(_("Applications"), url=applications, icon_name="doc-full"))
        ranking = optional_url("applications_admin:ranking", call.pk)
        if ranking:
            buttons.append(Button(_("Ranking"), url=ranking, icon_name="list-ol"))
        for priority, button in enumerate(buttons, start=15):
            button.priority = priority
        return buttons


class CallIndexView(CallButtonsMixin, ReadableExportMixin, snippet_views.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            queryset = queryset.prefetch_related(
                "eligible_stages", "eligible_sectors__parent", "eligible_areas__parent"
            )
        return queryset

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), *self.call_buttons(instance)]

    def _export_value(self, item, field):
        if field == "state":
            return Call.State(item.state).label
        return super()._export_value(item, field)


class CallEditView(CallButtonsMixin, snippet_views.EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *self.call_buttons(self.object)]


class CopyRoundView(OrganisationActionView):
    """Asks before copying: the new round's dates are a guess to be checked."""

    model = Call
    permission_required = "add"
    page_title = gettext_lazy("Copy to a new round")
    header_icon = "copy"
    template_name = "ecosystem/admin_programmes/copy_round.html"
    form_class = forms.Form
    submit_label = gettext_lazy("Create the new round")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            questions=len(self.object.questions),
            criteria=self.object.criteria.count(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            new_call = call_copy(call=self.object, by=self.request.user)
        except RegistryError as error:
            messages.error(self.request, error.message)
            return redirect(self.edit_url)
        opens_at = timezone.localtime(new_call.opens_at, PROVINCE_TIME_ZONE)
        closes_at = timezone.localtime(new_call.closes_at, PROVINCE_TIME_ZONE)
        messages.warning(
            self.request,
            _(
                "'%(title)s' is created. It opens on %(opens)s and closes on %(closes)s: "
                "check these dates, then save."
            )
            % {
                "title": new_call.title,
                "opens": opens_at.strftime("%d/%m/%Y %H:%M"),
                "closes": closes_at.strftime("%d/%m/%Y %H:%M"),
            },
        )
        return redirect(reverse(self.edit_url_name, args=[quote(new_call.pk)]))


class ProgrammeIndexView(ReadableExportMixin, snippet_views.IndexView):
    pass


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "folder-inverse"
    menu_order = 100
    index_view_class = ProgrammeIndexView
    copy_view_enabled = False
    search_fields = ["name", "name_en", "slug"]
    search_backend_name = None
    filterset_class = ProgrammeFilterSet
    ordering = "name"
    list_display = [
        "name",
        "kind",
        VNDColumn("total_budget", label=capfirst(gettext_lazy("total budget"))),
    ]
    list_export = ["name", "name_en", "kind", "total_budget", "coordinators", "created_at"]
    export_filename = "programmes"
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("kind")],
            heading=gettext_lazy("Programme"),
        ),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("coordinators", widget=forms.CheckboxSelectMultiple),
        FieldPanel("total_budget"),
    ]

    @cached_property
    def edit_handler(self):
        return ObjectList(self.panels, base_form_class=ProgrammeAdminForm)


class CallViewSet(SnippetViewSet):
    model = Call
    icon = "date"
    menu_order = 110
    index_view_class = CallIndexView
    edit_view_class = CallEditView
    # "Copy to a new round" replaces Wagtail's copy, which would lose the criteria.
    copy_view_enabled = False
    search_fields = ["title", "title_en", "slug", "programme__name", "programme__name_en"]
    search_backend_name = None
    filterset_class = CallFilterSet
    ordering = "-opens_at"
    list_per_page = 50
    list_display = [
        "title",
        "programme",
        state_column(),
        ProvinceDateTimeColumn(
            "opens_at", label=capfirst(gettext_lazy("opens at")), sort_key="opens_at"
        ),
        ProvinceDateTimeColumn(
            "closes_at", label=capfirst(gettext_lazy("closes at")), sort_key="closes_at"
        ),
        VNDColumn("max_award", label=capfirst(gettext_lazy("maximum award"))),
    ]
    list_export = [
        "title",
        "title_en",
        "slug",
        "programme",
        "state",
        "opens_at",
        "closes_at",
        "accepts_startups",
        "accepts_research_groups",
        "accepts_partners",
        "eligible_stages",
        "eligible_sectors",
        "eligible_areas",
        "max_award",
        "previous_round",
    ]
    export_headings = {"state": capfirst(gettext_lazy("state"))}
    export_filename = "calls"

    @cached_property
    def edit_handler(self):
        return TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("programme"),
                        FieldPanel("title"),
                        FieldPanel("title_en"),
                        FieldPanel("slug"),
                        FieldPanel("summary"),
                        FieldPanel("summary_en"),
                        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                        FieldPanel("previous_round", read_only=True),
                    ],
                    heading=gettext_lazy("Call"),
                ),
                ObjectList(
                    [
                        MultiFieldPanel(
                            [
                                FieldPanel("accepts_startups"),
                                FieldPanel("accepts_research_groups"),
                                FieldPanel("accepts_partners"),
                            ],
                            heading=gettext_lazy("Who may apply (at least one)"),
                        ),
                        FieldPanel("eligible_stages", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("eligible_sectors", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("eligible_areas", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("max_award"),
                        FieldPanel("required_documents"),
                        FieldPanel("required_documents_en"),
                    ],
                    heading=gettext_lazy("Eligibility and documents"),
                ),
                ObjectList([FieldPanel("questions")], heading=gettext_lazy("Question form")),
                ObjectList(
                    [
                        InlinePanel(
                            "criteria",
                            heading=gettext_lazy("Review criteria"),
                            label=gettext_lazy("criterion"),
                            help_text=gettext_lazy(
                                "Reviewers score each criterion from 0 to 10; the weight says "
                                "how much it counts in the total."
                            ),
                            panels=[
                                FieldPanel("name"),
                                FieldPanel("name_en"),
                                FieldPanel("description"),
                                FieldPanel("description_en"),
                                FieldPanel("weight"),
                            ],
                        )
                    ],
                    heading=gettext_lazy("Review criteria"),
                ),
            ],
            base_form_class=CallAdminForm,
        )

    def get_queryset(self, request):
        return Call.objects.select_related("programme")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            copy_round_url_name=self.get_url_name("copy_round"), **kwargs
        )

    @property
    def copy_round_view(self):
        return self.construct_view(CopyRoundView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("copy-round/<int:pk>/", self.copy_round_view, name="copy_round"),
        ]


class ProgrammesViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Programmes")
    menu_icon = "folder-open-inverse"
    menu_order = 155
    items = (ProgrammeViewSet, CallViewSet)

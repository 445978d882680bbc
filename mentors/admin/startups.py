"""The startups mentored, with their numbers: a list of its own in the
Mentoring menu (the registry keeps the startups' profiles), filtered, sorted
by any number and exported like the other lists."""

from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from ecosystem.admin.organisations import SearchWithoutDiacriticsMixin
from ecosystem.models import Startup

from .. import stats
from ..models import Booking
from .filters import StartupStatsFilterSet
from .stats_columns import SHOWN, StatsExportMixin, stat_columns, stat_export_headings

# Whoever may see bookings may see what they add up to.
permission_policy = ModelPermissionPolicy(Booking)


class StartupStatsIndexView(SearchWithoutDiacriticsMixin, StatsExportMixin, IndexView):
    model = Startup
    permission_policy = permission_policy
    page_title = _("Startups mentored")
    header_icon = "pick"
    filterset_class = StartupStatsFilterSet
    search_fields = ["name"]
    default_ordering = "name"
    paginate_by = 50
    columns = [
        TitleColumn(
            "name",
            label=capfirst(_("name")),
            sort_key="name",
            get_url=lambda startup: reverse(
                "wagtailsnippets_ecosystem_startup:inspect", args=[startup.pk]
            ),
        ),
        Column("stage", label=capfirst(_("stage")), accessor="stage"),
        *stat_columns("startup", (*SHOWN, stats.PARTNERS)),
    ]
    list_export = ["name", "status", "stage", "sectors", *stats.STAT_NAMES]
    export_headings = {**stat_export_headings("startup")}
    export_filename = "startups-mentored"

    def get_base_queryset(self):
        queryset = stats.startups_with_stats(stats.startups_mentored().select_related("stage"))
        if self.is_export:
            queryset = queryset.prefetch_related("sectors__parent")
        return queryset

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class StartupStatsMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_any_permission(
            request.user, StartupStatsIndexView.any_permission_required
        )


class StartupStatsViewSet(ViewSet):
    name = "mentoring_startups"
    url_prefix = "mentoring/startups"
    icon = "pick"
    menu_label = _("Startups mentored")
    menu_item_class = StartupStatsMenuItem
    menu_order = 140

    def get_urlpatterns(self):
        url_names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        return [
            path("", self.construct_view(StartupStatsIndexView, **url_names), name="index"),
            path(
                "results/",
                self.construct_view(StartupStatsIndexView, results_only=True, **url_names),
                name="index_results",
            ),
        ]

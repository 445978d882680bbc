"""Applications in the Wagtail admin, wired into one viewset (the
"applications_admin" URL namespace) with the ranking, decision and information
request screens.

Applications are written by applicants, so coordinators get no add, edit or
delete screens: a list, an inspect screen, and the actions that go through
the services. Everything needs the "change application" permission (the
Coordinators group); editors and council members are refused.
"""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet

from ecosystem.admin.application_actions import DecisionView, InformationRequestView
from ecosystem.admin.applications import (
    NAMESPACE,
    ApplicationFilterSet,
    ApplicationIndexView,
    ApplicationInspectView,
)
from ecosystem.admin.ranking import RankingView
from ecosystem.models import Application


class ApplicationViewSet(ModelViewSet):
    model = Application
    name = NAMESPACE
    url_prefix = "applications"
    icon = "form"
    add_to_admin_menu = True
    menu_label = gettext_lazy("Applications")
    menu_order = 180
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    index_template_name = "ecosystem/admin_reviews/index.html"
    filterset_class = ApplicationFilterSet
    search_fields = ["organisation__name"]
    search_backend_name = None
    ordering = "-submitted_at"
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete or history screens: see the module docstring.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    @property
    def url_finder_class(self):
        return type(
            "_ApplicationAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    @property
    def ranking_view(self):
        return self.construct_view(RankingView)

    @property
    def decide_view(self):
        return self.construct_view(DecisionView)

    @property
    def information_request_view(self):
        return self.construct_view(InformationRequestView)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("ranking/<int:call_pk>/", self.ranking_view, name="ranking"),
            path("decide/<int:pk>/", self.decide_view, name="decide"),
            path(
                "request-information/<int:pk>/",
                self.information_request_view,
                name="request_information",
            ),
        ]

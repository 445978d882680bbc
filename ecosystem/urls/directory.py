"""The public directory: /directory/... (DESIGN.md §5)."""

from django.urls import path, re_path
from django.views.generic import RedirectView

from ecosystem.views import directory as views

app_name = "directory"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="directory:startups"), name="index"),
    path("startups/", views.StartupListView.as_view(), name="startups"),
    path("research-groups/", views.ResearchGroupListView.as_view(), name="research_groups"),
    path("partners/", views.PartnerListView.as_view(), name="partners"),
    path("technology-offers/", views.TechnologyOfferListView.as_view(), name="offers"),
    # Any slug that was stored must reverse and resolve, even one that slipped
    # past SlugField validation (a bulk import, say), or the list would fail.
    re_path(
        r"^(?P<kind>startups|research-groups|partners)/(?P<slug>[^/]+)/$",
        views.organisation_detail,
        name="detail",
    ),
]

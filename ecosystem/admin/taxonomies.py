"""The taxonomies coordinators keep (sectors, stages, areas, expertise tags and
partner services), under one Taxonomies menu."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ecosystem.admin.filters import AreaFilterSet
from ecosystem.models import Area, ExpertiseTag, PartnerService, Sector, Stage


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
    filterset_class = AreaFilterSet
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

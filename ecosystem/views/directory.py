"""The public directory: filterable lists and organisation profiles."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import filters, selectors

PAGE_SIZE = 20

# The directory's sections, in the order of its sub-navigation.
SECTIONS = {
    "startups": _("Startups"),
    "research_groups": _("Research groups"),
    "partners": _("Partners"),
    "offers": _("Technology offers"),
}
SECTIONS_BY_URL_SEGMENT = {
    "startups": "startups",
    "research-groups": "research_groups",
    "partners": "partners",
}


def directory_context(section: str) -> dict:
    return {
        "section": section,
        "sections": [
            (name, title, reverse(f"directory:{name}")) for name, title in SECTIONS.items()
        ],
        "crumbs": [(_("Home"), reverse("wagtail_serve", args=[""]))],
    }


class DirectoryListView(TemplateView):
    """A filtered, paginated list. Filters and the page come from the query
    string; values that cannot be used are reported, never a server error."""

    section = ""
    filterset_class = None
    selector = None

    def get_context_data(self, **kwargs):
        filterset = self.filterset_class(self.request.GET, queryset=self.selector())
        # get_page turns "abc", -1 and 99999 into the first or the last page.
        page_obj = Paginator(filterset.qs, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            **directory_context(self.section),
            title=SECTIONS[self.section],
            filter=filterset,
            page_obj=page_obj,
            query=query.urlencode(),
            **kwargs,
        )


class StartupListView(DirectoryListView):
    template_name = "ecosystem/directory/startup_list.html"
    section = "startups"
    filterset_class = filters.StartupFilterSet
    selector = staticmethod(selectors.startup_directory)


class ResearchGroupListView(DirectoryListView):
    template_name = "ecosystem/directory/research_group_list.html"
    section = "research_groups"
    filterset_class = filters.ResearchGroupFilterSet
    selector = staticmethod(selectors.research_group_directory)


class PartnerListView(DirectoryListView):
    template_name = "ecosystem/directory/partner_list.html"
    section = "partners"
    filterset_class = filters.PartnerFilterSet
    selector = staticmethod(selectors.partner_directory)


class TechnologyOfferListView(DirectoryListView):
    template_name = "ecosystem/directory/technology_offer_list.html"
    section = "offers"
    filterset_class = filters.TechnologyOfferFilterSet
    selector = staticmethod(selectors.offer_directory)


def organisation_detail(request, kind, slug):
    """A verified organisation's public profile; anything else is a 404."""
    organisation = get_object_or_404(selectors.organisation_profiles(kind), slug=slug)
    section = SECTIONS_BY_URL_SEGMENT[kind]
    context = directory_context(section)
    context["organisation"] = organisation
    context["crumbs"].append((SECTIONS[section], reverse(f"directory:{section}")))
    template = f"ecosystem/directory/{organisation.kind}_detail.html"
    return render(request, template, context)

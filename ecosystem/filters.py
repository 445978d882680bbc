"""The public directory's filters: one FilterSet per list, read from the query
string so that a link reproduces the view.

A value that cannot be used (an unknown sector, a year that is not a number, a
search that is too long) is reported next to its field and left out; the other
filters still apply.
"""

from datetime import date

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext_lazy as _

from . import search, selectors
from .models import Area, Partner, PartnerService, Sector, Stage, TechnologyOffer

SEARCH_MAX_LENGTH = 200
FIRST_FOUNDING_YEAR = 1900


class TermChoiceField(forms.ChoiceField):
    """A choice of taxonomy term (or partner) by slug; cleans to the object.

    The terms are read once per form, for the options and for validation alike,
    so an unknown slug costs no query. With `nested`, a term's children are
    offered in a group under it, after an option for the term as a whole.
    """

    default_error_messages = {
        "invalid_choice": _("This is not one of the choices, so this filter was left out."),
    }

    def __init__(self, *, queryset, nested=False, empty_label="", **kwargs):
        self.queryset = queryset
        self.nested = nested
        self.empty_label = empty_label
        self._terms = None
        super().__init__(choices=self._choices_from_terms, **kwargs)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result._terms = None
        result.choices = result._choices_from_terms
        return result

    @property
    def terms(self) -> list:
        if self._terms is None:
            self._terms = list(self.queryset.all())
        return self._terms

    @staticmethod
    def label_of(term) -> str:
        return getattr(term, "localized_name", None) or term.name

    def _choices_from_terms(self):
        choices = [("", self.empty_label)]
        if not self.nested:
            return choices + [(term.slug, self.label_of(term)) for term in self.terms]
        children = {}
        for term in self.terms:
            if term.parent_id:
                children.setdefault(term.parent_id, []).append(term)
        for term in self.terms:
            if term.parent_id:
                continue
            label = self.label_of(term)
            if term.pk not in children:
                choices.append((term.slug, label))
                continue
            everything = _("All of %(name)s") % {"name": label}
            group = [(term.slug, everything)]
            group += [(child.slug, self.label_of(child)) for child in children[term.pk]]
            choices.append((label, group))
        return choices

    def to_python(self, value):
        if value in self.empty_values:
            return None
        for term in self.terms:
            if term.slug == value:
                return term
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")

    def validate(self, value):
        forms.Field.validate(self, value)


class TermFilter(django_filters.Filter):
    field_class = TermChoiceField


class WholeNumberFilter(django_filters.Filter):
    field_class = forms.IntegerField


def _nested_terms(model):
    # Parents before their children, so the groups come out in order.
    return model.objects.order_by("order", "name")


class DirectoryFilterSet(django_filters.FilterSet):
    """Search and ordering shared by every list."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
        error_messages={
            "max_length": _(
                "Search for at most %(limit_value)d characters. This search was left out."
            )
        },
    )
    order = django_filters.ChoiceFilter(
        label=_("Sort by"),
        empty_label=None,
        method="keep_order_for_later",
        error_messages={
            "invalid_choice": _("This is not one of the sort orders, so the usual order is used.")
        },
    )

    ORDERINGS = {
        "name": (_("Name (A to Z)"), ("name", "pk")),
        "newest": (_("Newest first"), ("-created_at", "-pk")),
    }
    RELEVANCE = "relevance"
    default_ordering = "name"

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        choices = [(key, label) for key, (label, _fields) in self.ORDERINGS.items()]
        self.filters["order"].extra["choices"] = [
            *choices,
            (self.RELEVANCE, _("Best match")),
        ]

    @property
    def form(self):
        if not hasattr(self, "_form"):
            field = super().form.fields["order"]
            # "Best match" is always accepted, so clearing a search does not turn
            # it into an error, but it is only offered (first) while it ranks.
            relevance = [choice for choice in field.choices if choice[0] == self.RELEVANCE]
            others = [choice for choice in field.choices if choice[0] != self.RELEVANCE]
            field.widget.choices = relevance + others if self.ranks_by_relevance() else others
        return self._form

    def ranks_by_relevance(self) -> bool:
        """Whether the search in the query string ranks its results (PostgreSQL)."""
        query = (self.data or {}).get("q") or ""
        return (
            connection.vendor == "postgresql"
            and len(query) <= SEARCH_MAX_LENGTH
            and bool(search.normalize(query))
        )

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def keep_order_for_later(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*self.ordering_for(queryset))

    def ordering_for(self, queryset) -> tuple:
        ranked = "search_rank" in queryset.query.annotations
        chosen = self.form.cleaned_data.get("order") or ""
        if ranked and chosen in ("", self.RELEVANCE):
            return ("-search_rank", *self.ORDERINGS[self.default_ordering][1])
        if chosen in self.ORDERINGS:
            return self.ORDERINGS[chosen][1]
        return self.ORDERINGS[self.default_ordering][1]

    @property
    def facets(self) -> list:
        """The form's fields other than the search and the ordering."""
        return [field for field in self.form if field.name not in ("q", "order")]

    @property
    def is_filtered(self) -> bool:
        """Whether anything but the ordering narrows the list (or was tried)."""
        return any(
            value not in (None, "", False)
            for name, value in self.form.data.items()
            if name in self.filters and name != "order"
        )


class OrganisationFilterSet(DirectoryFilterSet):
    sector = TermFilter(
        label=_("Sector"),
        method="filter_sector",
        queryset=_nested_terms(Sector),
        nested=True,
        empty_label=_("Any sector"),
    )
    area = TermFilter(
        label=_("Area"),
        method="filter_area",
        queryset=_nested_terms(Area),
        nested=True,
        empty_label=_("Anywhere in the province"),
    )

    def filter_sector(self, queryset, name, sector):
        return queryset.filter(pk__in=selectors.organisations_in_sector(sector))

    def filter_area(self, queryset, name, area):
        return queryset.filter(area_id__in=selectors.area_with_subareas(area))


def _year_bounds(filterset, *names):
    # "This year" is read per request, not when the module is imported.
    for name in names:
        filterset.filters[name].extra.update(
            min_value=FIRST_FOUNDING_YEAR, max_value=date.today().year
        )


class StartupFilterSet(OrganisationFilterSet):
    stage = TermFilter(
        label=_("Stage"),
        field_name="stage",
        queryset=Stage.objects.order_by("order", "name"),
        empty_label=_("Any stage"),
    )
    founded_min = WholeNumberFilter(
        label=_("Founded in or after"), field_name="founded_year", lookup_expr="gte"
    )
    founded_max = WholeNumberFilter(
        label=_("Founded in or before"), field_name="founded_year", lookup_expr="lte"
    )
    seeking_investment = django_filters.BooleanFilter(
        label=_("Only startups looking for investment"),
        method="filter_seeking_investment",
        widget=forms.CheckboxInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _year_bounds(self, "founded_min", "founded_max")

    def filter_seeking_investment(self, queryset, name, value):
        return queryset.filter(seeks_investment=True) if value else queryset


class ResearchGroupFilterSet(OrganisationFilterSet):
    host_institution = TermFilter(
        label=_("Host institution"),
        field_name="host_institution",
        queryset=selectors.host_institutions(),
        empty_label=_("Any host institution"),
    )


class PartnerFilterSet(OrganisationFilterSet):
    partner_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=Partner.PartnerType.choices, empty_label=_("Any type")
    )
    service = TermFilter(
        label=_("Service offered"),
        field_name="services",
        queryset=PartnerService.objects.order_by("order", "name"),
        empty_label=_("Any service"),
    )


class TechnologyOfferFilterSet(DirectoryFilterSet):
    sector = TermFilter(
        label=_("Sector of the research group"),
        method="filter_sector",
        queryset=_nested_terms(Sector),
        nested=True,
        empty_label=_("Any sector"),
    )
    trl_min = WholeNumberFilter(
        label=_("Readiness (TRL) at least"), field_name="trl", lookup_expr="gte"
    )
    trl_max = WholeNumberFilter(
        label=_("Readiness (TRL) at most"), field_name="trl", lookup_expr="lte"
    )
    ip_status = django_filters.ChoiceFilter(
        label=_("Intellectual property"),
        choices=TechnologyOffer.IPStatus.choices,
        empty_label=_("Any"),
    )

    ORDERINGS = {
        "newest": DirectoryFilterSet.ORDERINGS["newest"],
        "title": (_("Title (A to Z)"), ("title", "pk")),
    }
    default_ordering = "newest"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("trl_min", "trl_max"):
            self.filters[name].extra.update(min_value=1, max_value=9)

    def filter_sector(self, queryset, name, sector):
        return queryset.filter(research_group_id__in=selectors.organisations_in_sector(sector))

"""The filters of the official documents: the public documents page (read
from the query string, so a link reproduces the list) and the admin list.

A value that cannot be used (an unknown type, a year with no documents, a
search that is too long) is reported next to its field and left out; the
other filters still apply. The text search goes through Wagtail's search
backend over the documents' normalised `search_text`, so it ignores case and
Vietnamese diacritics ("ke hoach" finds "Kế hoạch").
"""

from datetime import date

import django_filters
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.search.backends import get_search_backend

from cms.models.documents import IssuingBody, OfficialDocument
from ecosystem.filters import SEARCH_MAX_LENGTH, TermChoiceField, TermFilter
from ecosystem.search import MAX_QUERY_WORDS, normalize

LEFT_OUT = _("This is not one of the choices, so this filter was left out.")


def search_documents(queryset, query: str, *, order_by_relevance: bool = True):
    """The documents of `queryset` that have every word of the query (case and
    diacritics ignored). The queryset may only filter on the documents'
    FilterFields (type, issuing body, date issued)."""
    words = normalize(query).split()[:MAX_QUERY_WORDS]
    if not words:
        return queryset
    return get_search_backend().search(
        " ".join(words), queryset, operator="and", order_by_relevance=order_by_relevance
    )


def year_range(year: int) -> dict:
    """Lookups for documents issued in `year`, as the search backend accepts them
    (it knows `date_issued` ranges, not `__year`)."""
    return {"date_issued__gte": date(year, 1, 1), "date_issued__lt": date(year + 1, 1, 1)}


def years_issued() -> list[int]:
    """The years in which documents were issued, the latest first."""
    return [day.year for day in OfficialDocument.objects.dates("date_issued", "year", "DESC")]


class IssuingBodyChoiceField(TermChoiceField):
    @staticmethod
    def label_of(term) -> str:
        return str(term)


class IssuingBodyFilter(TermFilter):
    field_class = IssuingBodyChoiceField


class DocumentFilterSet(django_filters.FilterSet):
    """The documents page's filters: type, year, issuing body and a text search.
    The newest documents come first; a search puts the best matches first."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="keep_for_search",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
        help_text=_("A number such as 44/KH-UBND, or words from the title or summary."),
        error_messages={
            "max_length": _(
                "Search for at most %(limit_value)d characters. This search was left out."
            )
        },
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        field_name="doc_type",
        choices=[(value, capfirst(label)) for value, label in OfficialDocument.Type.choices],
        empty_label=_("Any type"),
        error_messages={"invalid_choice": LEFT_OUT},
    )
    year = django_filters.ChoiceFilter(
        label=_("Year issued"),
        method="filter_year",
        empty_label=_("Any year"),
        error_messages={"invalid_choice": LEFT_OUT},
    )
    body = IssuingBodyFilter(
        label=_("Issuing body"),
        field_name="issuing_body",
        queryset=IssuingBody.objects.order_by("name"),
        empty_label=_("Any issuing body"),
    )

    # Shown in the filter panel; the search box is apart.
    FACETS = ("type", "year", "body")

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # Read per request: a document of a new year adds its year.
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years_issued()]

    def keep_for_search(self, queryset, name, value):
        # The search runs last (filter_queryset): it turns the queryset into results.
        return queryset

    def filter_year(self, queryset, name, year):
        return queryset.filter(**year_range(int(year))) if year else queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return search_documents(queryset, self.form.cleaned_data.get("q") or "")

    @property
    def facets(self) -> list:
        return [self.form[name] for name in self.FACETS]

    @property
    def is_filtered(self) -> bool:
        """Whether anything narrows the list (or was tried)."""
        return any(
            value not in (None, "")
            for name, value in self.form.data.items()
            if name in self.filters
        )


class DocumentAdminFilterSet(WagtailFilterSet):
    """The filters of the official documents' admin list."""

    doc_type = django_filters.ChoiceFilter(
        label=capfirst(_("type")), choices=OfficialDocument.Type.choices, empty_label=_("All")
    )
    issuing_body = django_filters.ModelChoiceFilter(
        label=capfirst(_("issuing body")), queryset=IssuingBody.objects.order_by("name")
    )
    year = django_filters.ChoiceFilter(
        label=_("Year issued"), method="filter_year", empty_label=_("All")
    )

    class Meta:
        model = OfficialDocument
        fields = ["doc_type", "issuing_body", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years_issued()]

    def filter_year(self, queryset, name, year):
        return queryset.filter(**year_range(int(year))) if year else queryset

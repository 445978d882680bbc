"""The filters of /mentors/, read from the query string so that a link
reproduces the list. A value that cannot be used (an unknown tag, a search that
is too long) is reported next to its field and left out; the others apply."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ecosystem import search
from ecosystem.filters import SEARCH_MAX_LENGTH, TermChoiceField, TermFilter
from ecosystem.models import ExpertiseTag, Sector
from ecosystem.selectors import sector_with_subsectors

from .models import Language, MentorProfile


class LanguageChoiceField(TermChoiceField):
    """A language by its code (vi, en, ...); cleans to the Language."""

    def _choices_from_terms(self):
        return [("", self.empty_label)] + [(term.code, str(term)) for term in self.terms]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        for term in self.terms:
            if term.code == value:
                return term
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class LanguageFilter(TermFilter):
    field_class = LanguageChoiceField


class MentorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
        help_text=_("A name, an organisation or a topic."),
        error_messages={
            "max_length": _(
                "Search for at most %(limit_value)d characters. This search was left out."
            )
        },
    )
    expertise = TermFilter(
        label=_("Expertise"),
        method="filter_expertise",
        queryset=ExpertiseTag.objects.order_by("order", "name"),
        empty_label=_("Any expertise"),
    )
    sector = TermFilter(
        label=_("Sector"),
        method="filter_sector",
        queryset=Sector.objects.order_by("order", "name"),
        nested=True,
        empty_label=_("Any sector"),
    )
    language = LanguageFilter(
        label=_("Language"),
        method="filter_language",
        queryset=Language.objects.order_by("name"),
        empty_label=_("Any language"),
    )
    has_free_slots = django_filters.BooleanFilter(
        label=_("Only mentors with free slots this month"),
        method="filter_has_free_slots",
        widget=forms.CheckboxInput,
    )

    FACETS = ("expertise", "sector", "language", "has_free_slots")

    # Filters on many-to-many terms go through a subquery, so the list needs
    # no join (which would multiply the slot counts) and no DISTINCT.
    def filter_expertise(self, queryset, name, tag):
        through = MentorProfile.expertise.through.objects.filter(expertisetag_id=tag.pk)
        return queryset.filter(pk__in=through.values("mentorprofile_id"))

    def filter_sector(self, queryset, name, sector):
        through = MentorProfile.sectors.through.objects.filter(
            sector_id__in=sector_with_subsectors(sector)
        )
        return queryset.filter(pk__in=through.values("mentorprofile_id"))

    def filter_language(self, queryset, name, language):
        through = MentorProfile.languages.through.objects.filter(language_id=language.pk)
        return queryset.filter(pk__in=through.values("mentorprofile_id"))

    def filter_has_free_slots(self, queryset, name, value):
        return queryset.filter(month_slots__gt=0) if value else queryset

    def filter_search(self, queryset, name, value):
        return search.search(queryset, value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if "search_rank" in queryset.query.annotations:
            return queryset.order_by("-search_rank", "user__full_name", "pk")
        return queryset

    @property
    def facets(self) -> list:
        return [self.form[name] for name in self.FACETS]

    @property
    def is_filtered(self) -> bool:
        """Whether anything narrows the list (or was tried)."""
        return any(
            value not in (None, "", False)
            for name, value in self.form.data.items()
            if name in self.filters
        )

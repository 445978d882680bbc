"""The filters of /events/, its month calendar and /events/feed.ics, read from
the query string so that a link (or a calendar subscription) reproduces them.

A value that cannot be used (an unknown kind, a date that is not a date, a
year no event will ever have) is reported next to its field and left out; the
other filters still apply. Feeds ignore such values silently: calendar apps
cannot show messages.
"""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecosystem import search, selectors
from ecosystem.filters import SEARCH_MAX_LENGTH, TermChoiceField, TermFilter
from ecosystem.models import Area, Programme

from .calendar import LOCAL
from .models import Event, EventKind

# Dates outside these years are typing mistakes; they would also overflow when
# converted to UTC (0001-01-01 00:00 in UTC+7 is in the year 0).
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2100, 12, 31)

UPCOMING = "upcoming"
PAST = "past"
LEFT_OUT = _("This is not one of the choices, so this filter was left out.")


def local_midnight(day: date) -> datetime:
    """The first moment of a day on the province's clock."""
    return datetime.combine(day, time.min, tzinfo=LOCAL)


class EventDateField(forms.DateField):
    """A date typed or picked in a date input (YYYY-MM-DD), within sane years."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {
        "invalid": _("Enter a date such as 27/11/2026. This filter was left out."),
    }

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_DATE <= value <= LAST_DATE:
            raise ValidationError(
                _("Pick a date between %(first)s and %(last)s. This filter was left out.")
                % {"first": FIRST_DATE.year, "last": LAST_DATE.year},
                code="out_of_range",
            )


class EventDateFilter(django_filters.Filter):
    field_class = EventDateField


class ProgrammeChoiceField(TermChoiceField):
    @staticmethod
    def label_of(term) -> str:
        return term.localized("name")


class ProgrammeFilter(TermFilter):
    field_class = ProgrammeChoiceField


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end < start:
            self.add_error(
                "end",
                _("The end date is before the start date, so it was left out."),
            )
        return cleaned_data


class EventFilterSet(django_filters.FilterSet):
    """Filters over visible events. Without a date range or `when`, the list
    shows upcoming events (those not over yet), soonest first; `when=past`
    shows the ones that are over, latest first."""

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
    kind = django_filters.ChoiceFilter(
        label=_("Kind of event"),
        choices=EventKind.choices,
        empty_label=_("Any kind"),
        error_messages={"invalid_choice": LEFT_OUT},
    )
    area = TermFilter(
        label=_("Area"),
        method="filter_area",
        queryset=Area.objects.order_by("order", "name"),
        nested=True,
        empty_label=_("Anywhere in the province"),
    )
    programme = ProgrammeFilter(
        label=_("Programme"),
        field_name="programme",
        queryset=Programme.objects.order_by("name"),
        empty_label=_("Any programme"),
    )
    start = EventDateFilter(label=_("From"), method="filter_start")
    end = EventDateFilter(label=_("Until"), method="filter_end")
    has_seats = django_filters.BooleanFilter(
        label=_("Only events with seats left"),
        method="filter_has_seats",
        widget=forms.CheckboxInput,
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[(UPCOMING, _("Upcoming")), (PAST, _("Past"))],
        method="keep_for_later",
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": LEFT_OUT},
    )

    class Meta:
        form = EventFilterForm

    # Shown in the filter panel; the search box, and `when` (a tab), are apart.
    FACETS = ("kind", "area", "programme", "start", "end", "has_seats")

    def __init__(self, data=None, *args, now=None, default_when=UPCOMING, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.now = now or timezone.now()
        self.default_when = default_when

    def filter_search(self, queryset, name, value):
        return search.search(queryset, value)

    def filter_area(self, queryset, name, area):
        return queryset.filter(venue__area_id__in=selectors.area_with_subareas(area))

    def filter_start(self, queryset, name, day):
        return queryset.filter(ends_at__gte=local_midnight(day))

    def filter_end(self, queryset, name, day):
        return queryset.filter(starts_at__lt=local_midnight(day + timedelta(days=1)))

    def filter_has_seats(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.exclude(status=Event.Status.CANCELLED).filter(
            Q(capacity__isnull=True) | Q(capacity__gt=F("confirmed_count"))
        )

    def keep_for_later(self, queryset, name, value):
        return queryset

    @property
    def period(self) -> str:
        """upcoming, past, or "" for everything (a date range was given)."""
        cleaned = getattr(self.form, "cleaned_data", {})
        if cleaned.get("when"):
            return cleaned["when"]
        if cleaned.get("start") or cleaned.get("end"):
            return ""
        return self.default_when

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.period == UPCOMING:
            return queryset.filter(ends_at__gte=self.now).order_by("starts_at", "pk")
        if self.period == PAST:
            return queryset.filter(ends_at__lt=self.now).order_by("-starts_at", "-pk")
        return queryset.order_by("starts_at", "pk")

    @property
    def facets(self) -> list:
        return [self.form[name] for name in self.FACETS if name in self.filters]

    @property
    def is_filtered(self) -> bool:
        """Whether anything but the tab narrows the list (or was tried)."""
        return any(
            value not in (None, "", False)
            for name, value in self.form.data.items()
            if name in self.filters and name != "when"
        )


class CalendarFilterSet(EventFilterSet):
    """The calendar shows a month: the month replaces the dates and the tab."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, default_when="", **kwargs)
        for name in ("start", "end", "when"):
            self.filters.pop(name)

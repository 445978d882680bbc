"""Filters of the mentoring lists in the admin."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from ecosystem.admin.forms import grouped_under_parent
from ecosystem.models import ExpertiseTag, Programme, Sector, Stage, Startup

from .. import stats
from ..models import Booking, Engagement, Language, MentorProfile, OfficeHourSlot

WHEN_CHOICES = [("upcoming", pgettext_lazy("sessions", "upcoming")), ("past", _("past"))]


def mentor_choices(request):
    return MentorProfile.objects.select_related("user")


def _in_sector(queryset, sector):
    """A sector includes its sub-sectors; a subquery keeps one row per item."""
    model = queryset.model
    matching = model.objects.filter(Q(sectors=sector) | Q(sectors__parent=sector)).values("pk")
    return queryset.filter(pk__in=matching)


class StatsPeriodFilterSet(WagtailFilterSet):
    """Lists whose numbers can be counted over a period instead of all time."""

    period = django_filters.DateFromToRangeFilter(
        label=capfirst(_("sessions between")),
        method="filter_period",
        widget=DateRangePickerWidget,
        help_text=_("The numbers count only sessions in this period; no row is hidden."),
    )
    annotate_stats = None

    def filter_period(self, queryset, name, value):
        if not value or not (value.start or value.stop):
            return queryset
        period = stats.Period(
            since=value.start and value.start.date(), until=value.stop and value.stop.date()
        )
        # The same names again: the numbers of the list become the period's.
        return self.annotate_stats(queryset, period=period)


class MentorFilterSet(StatsPeriodFilterSet):
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")),
        choices=MentorProfile.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    accepting_new_startups = django_filters.BooleanFilter(
        label=capfirst(_("accepting new startups"))
    )
    expertise = django_filters.ModelChoiceFilter(
        label=capfirst(_("expertise")), queryset=ExpertiseTag.objects.all()
    )
    sector = django_filters.ModelChoiceFilter(
        label=capfirst(_("sector")),
        queryset=grouped_under_parent(Sector.objects.all()),
        method="filter_sector",
        help_text=_("A sector includes its sub-sectors."),
    )
    languages = django_filters.ModelChoiceFilter(
        label=capfirst(_("language")), queryset=Language.objects.all()
    )
    annotate_stats = staticmethod(stats.mentors_with_stats)

    class Meta:
        model = MentorProfile
        fields = []

    def filter_sector(self, queryset, name, value):
        return _in_sector(queryset, value)


class StartupStatsFilterSet(StatsPeriodFilterSet):
    sector = django_filters.ModelChoiceFilter(
        label=capfirst(_("sector")),
        queryset=grouped_under_parent(Sector.objects.all()),
        method="filter_sector",
        help_text=_("A sector includes its sub-sectors."),
    )
    stage = django_filters.ModelChoiceFilter(
        label=capfirst(_("stage")), queryset=Stage.objects.all()
    )
    programme = django_filters.ModelChoiceFilter(
        label=capfirst(_("programme")),
        queryset=Programme.objects.all(),
        method="filter_programme",
        help_text=_("Startups a mentor is assigned to in this programme."),
    )
    annotate_stats = staticmethod(stats.startups_with_stats)

    class Meta:
        model = Startup
        fields = []

    def filter_sector(self, queryset, name, value):
        return _in_sector(queryset, value)

    def filter_programme(self, queryset, name, value):
        engaged = Engagement.objects.filter(programme=value).values("startup")
        return queryset.filter(pk__in=engaged)


def _when(field: str):
    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(**{f"{field}__gt": now})
        if value == "past":
            return queryset.filter(**{f"{field}__lte": now})
        return queryset

    return filter_when


class SlotFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=capfirst(_("when")),
        choices=WHEN_CHOICES,
        empty_label=_("All"),
        method="filter_when",
        widget=forms.RadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")),
        choices=OfficeHourSlot.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    starts_at = django_filters.DateFromToRangeFilter(
        label=capfirst(_("starts")), widget=DateRangePickerWidget
    )
    mentor = django_filters.ModelChoiceFilter(label=capfirst(_("mentor")), queryset=mentor_choices)

    filter_when = _when("starts_at")

    class Meta:
        model = OfficeHourSlot
        fields = []


class BookingFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=capfirst(_("when")),
        choices=WHEN_CHOICES,
        empty_label=_("All"),
        method="filter_when",
        widget=forms.RadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")),
        choices=Booking.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    slot__starts_at = django_filters.DateFromToRangeFilter(
        label=capfirst(_("session")), widget=DateRangePickerWidget
    )
    mentor = django_filters.ModelChoiceFilter(
        label=capfirst(_("mentor")), queryset=mentor_choices, field_name="slot__mentor"
    )
    rated = django_filters.BooleanFilter(
        label=capfirst(_("rated")), field_name="rating", lookup_expr="isnull", exclude=True
    )
    no_show = django_filters.ChoiceFilter(
        label=capfirst(_("no-show")),
        choices=Booking.NoShow.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    filter_when = _when("slot__starts_at")

    class Meta:
        model = Booking
        fields = []


class EngagementFilterSet(WagtailFilterSet):
    current = django_filters.BooleanFilter(label=capfirst(_("current")), method="filter_current")
    programme = django_filters.ModelChoiceFilter(
        label=capfirst(_("programme")), queryset=Programme.objects.all()
    )
    mentor = django_filters.ModelChoiceFilter(label=capfirst(_("mentor")), queryset=mentor_choices)

    class Meta:
        model = Engagement
        fields = []

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        current = Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        return queryset.filter(current) if value else queryset.exclude(current)

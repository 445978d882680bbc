"""Filters of the registry's admin lists: organisations of each kind, technology
offers, the CRM log, memberships, invitations and areas."""

from datetime import timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from ecosystem.admin.forms import (
    coordinators,
    end_of_this_week,
    grouped_under_parent,
    province_today,
)
from ecosystem.models import (
    Area,
    Interaction,
    Invitation,
    Membership,
    Organisation,
    Partner,
    PartnerService,
    ResearchGroup,
    Sector,
    Stage,
    Startup,
    TechnologyOffer,
)


class OrganisationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=capfirst(_("verification")),
        choices=Organisation.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    sector = django_filters.ModelChoiceFilter(
        label=capfirst(_("sector")),
        queryset=grouped_under_parent(Sector.objects.all()),
        method="filter_sector",
        help_text=_("A sector includes its sub-sectors."),
    )
    area = django_filters.ModelChoiceFilter(
        label=capfirst(_("area")),
        queryset=grouped_under_parent(Area.objects.all()),
        method="filter_area",
        help_text=_("A province includes its communes and wards."),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=capfirst(_("registered")), widget=DateRangePickerWidget
    )

    def filter_sector(self, queryset, name, value):
        return queryset.in_sector(value)

    def filter_area(self, queryset, name, value):
        return queryset.filter(Q(area=value) | Q(area__parent=value))


class StartupFilterSet(OrganisationFilterSet):
    stage = django_filters.ModelChoiceFilter(
        label=capfirst(_("stage")), queryset=Stage.objects.all()
    )
    seeks_investment = django_filters.BooleanFilter(label=capfirst(_("looking for investment")))

    class Meta:
        model = Startup
        fields = []


class ResearchGroupFilterSet(OrganisationFilterSet):
    class Meta:
        model = ResearchGroup
        fields = []


class PartnerFilterSet(OrganisationFilterSet):
    partner_type = django_filters.ChoiceFilter(
        label=capfirst(_("type")),
        choices=Partner.PartnerType.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    services = django_filters.ModelChoiceFilter(
        label=capfirst(_("services offered")), queryset=PartnerService.objects.all()
    )

    class Meta:
        model = Partner
        fields = []


class TechnologyOfferFilterSet(WagtailFilterSet):
    trl = django_filters.RangeFilter(label=capfirst(_("technology readiness level (TRL)")))
    ip_status = django_filters.ChoiceFilter(
        label=capfirst(_("intellectual property")),
        choices=TechnologyOffer.IPStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    research_group__status = django_filters.ChoiceFilter(
        label=capfirst(_("research group's verification")),
        choices=Organisation.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = TechnologyOffer
        fields = []


class InteractionFilterSet(WagtailFilterSet):
    FOLLOW_UP_CHOICES = [
        ("overdue", _("overdue")),
        ("this_week", _("due by the end of this week")),
        ("open", _("open, any date")),
    ]

    kind = django_filters.ChoiceFilter(
        label=capfirst(_("kind")),
        choices=Interaction.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    coordinator = django_filters.ModelChoiceFilter(
        label=capfirst(_("coordinator")), queryset=coordinators()
    )
    follow_up = django_filters.ChoiceFilter(
        label=capfirst(_("follow-up")),
        choices=FOLLOW_UP_CHOICES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_follow_up",
    )
    follow_up_owner = django_filters.ModelChoiceFilter(
        label=capfirst(_("follow-up owner")), queryset=coordinators()
    )
    follow_up_done = django_filters.BooleanFilter(label=capfirst(_("follow-up done")))
    happened_on = django_filters.DateFromToRangeFilter(
        label=capfirst(_("date")), widget=DateRangePickerWidget
    )
    # Reached from an organisation's "all interactions" link; a list of every
    # organisation would be too long to offer as a choice.
    organisation = django_filters.ModelChoiceFilter(
        label=capfirst(_("organisation")),
        queryset=Organisation.objects.all(),
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Interaction
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if not (data and data.get("organisation")):
            del self.filters["organisation"]

    def filter_follow_up(self, queryset, name, value):
        today = province_today()
        queryset = queryset.filter(follow_up_done=False, follow_up_on__isnull=False)
        if value == "overdue":
            return queryset.filter(follow_up_on__lt=today)
        if value == "this_week":
            return queryset.filter(follow_up_on__lte=end_of_this_week())
        return queryset


class MembershipFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(
        label=capfirst(_("role")),
        choices=Membership.Role.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    organisation__kind = django_filters.ChoiceFilter(
        label=capfirst(_("kind of organisation")),
        choices=Organisation.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Membership
        fields = []


class InvitationFilterSet(WagtailFilterSet):
    STATE_CHOICES = [
        ("open", _("open")),
        ("accepted", _("accepted")),
        ("withdrawn", _("withdrawn")),
        ("expired", _("expired")),
    ]

    state = django_filters.ChoiceFilter(
        label=capfirst(_("state")),
        choices=STATE_CHOICES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_state",
    )

    class Meta:
        model = Invitation
        fields = []

    def filter_state(self, queryset, name, value):
        cutoff = timezone.now() - timedelta(days=Invitation.VALID_DAYS)
        unused = queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        return {
            "open": unused.filter(created_at__gt=cutoff),
            "accepted": queryset.filter(accepted_at__isnull=False),
            "withdrawn": queryset.filter(revoked_at__isnull=False, accepted_at__isnull=True),
            "expired": unused.filter(created_at__lte=cutoff),
        }[value]


class AreaFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=capfirst(_("kind")),
        choices=Area.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    parent = django_filters.ModelChoiceFilter(
        label=capfirst(_("province")), queryset=Area.objects.filter(kind=Area.Kind.PROVINCE)
    )

    class Meta:
        model = Area
        fields = []

"""Forms and filters of the coordinators' admin screens."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import django_filters
from django import forms
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.widgets import AdminSnippetChooser

from accounts.models import User
from ecosystem import search
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

PROVINCE_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def province_today() -> date:
    return timezone.localdate(timezone=PROVINCE_TIME_ZONE)


def end_of_this_week() -> date:
    """Sunday of the current week, in the province."""
    today = province_today()
    return today + timedelta(days=6 - today.weekday())


def coordinators():
    """The people a CRM entry can be assigned to: the Department's staff."""
    return (
        User.objects.filter(Q(groups__name="Coordinators") | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("full_name", "email")
    )


def grouped_under_parent(queryset):
    """Top-level terms, each followed by its children: how people scan a tree."""
    return queryset.select_related("parent").order_by(
        Coalesce("parent__order", "order"),
        Coalesce("parent__name", "name"),
        F("parent").asc(nulls_first=True),
        "order",
        "name",
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


class OrganisationAdminForm(WagtailAdminModelForm):
    """Keeps the verification fields consistent when a coordinator sets them by hand."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in (("sectors", Sector), ("area", Area)):
            if name in self.fields:
                self.fields[name].queryset = grouped_under_parent(model.objects.all())

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        if status == Organisation.Status.REJECTED and not cleaned_data.get("rejection_reason"):
            self.add_error(
                "rejection_reason",
                _("Write the reason for the rejection: the organisation's members will read it."),
            )
        if status == Organisation.Status.VERIFIED:
            self.instance.verified_at = self.instance.verified_at or timezone.now()
        else:
            self.instance.verified_at = None
        if status != Organisation.Status.REJECTED:
            cleaned_data["rejection_reason"] = ""
        return cleaned_data


class InteractionAdminForm(WagtailAdminModelForm):
    """Coordinator and follow-up owner are chosen among the Department's staff."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("coordinator", "follow_up_owner"):
            if name in self.fields:
                current = getattr(self.instance, f"{name}_id", None)
                self.fields[name].queryset = User.objects.filter(
                    Q(pk__in=coordinators().values("pk")) | Q(pk=current)
                ).order_by("full_name", "email")


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Emailed to the organisation's members and shown on their account page."),
    )


class MergeChooseForm(forms.Form):
    """Pick the duplicate among organisations of the survivor's kind."""

    def __init__(self, *args, survivor: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        model = type(survivor)
        self.fields["duplicate"] = forms.ModelChoiceField(
            label=_("Duplicate to merge into this one"),
            queryset=model.objects.exclude(pk=survivor.pk),
            widget=AdminSnippetChooser(model),
            help_text=_(
                "Its members, interactions and everything else move here, then it is deleted."
            ),
            error_messages={
                "invalid_choice": _("Choose another %(kind)s, not this one.")
                % {"kind": model._meta.verbose_name}
            },
        )


class SearchChooserFilterForm(forms.Form):
    """The search box of our chooser modals: matches without Vietnamese diacritics,
    like the public directory, so "khoi nghiep" finds "Khởi nghiệp"."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_searching = False
        self.is_filtering_by_collection = False
        self.search_query = None

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching, self.search_query = True, query
            return self.search(objects, query)
        return objects

    def search(self, objects, query):
        return search.search(objects, query)


class PersonChooserFilterForm(SearchChooserFilterForm):
    def search(self, objects, query):
        words = query.split()[: search.MAX_QUERY_WORDS]
        for word in words:
            objects = objects.filter(Q(email__icontains=word) | Q(full_name__icontains=word))
        return objects

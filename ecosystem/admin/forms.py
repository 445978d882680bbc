"""Forms of the coordinators' admin screens: an organisation's and a CRM entry's
edit forms, rejecting and merging, and the search boxes of the choosers; with
what their choices and dates rest on: the Department's coordinators, terms
grouped under their parent, and today in the province."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.widgets import AdminSnippetChooser

from accounts.models import User
from ecosystem import search
from ecosystem.models import Area, Organisation, Sector

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

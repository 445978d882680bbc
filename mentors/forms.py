"""Forms of the mentor pages. They read and tidy what people type; the rules
(slot lengths, overlaps, caps, the 12-hour rule) live in mentors.services."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ecosystem.models import ExpertiseTag, Startup

from .services import AGENDA_MAX, WEEKLY_MAX, SlotRequest

LOCAL = ZoneInfo(settings.TIME_ZONE)
# Slots are published at most this far ahead (a typo in the year, otherwise).
PUBLISH_AHEAD = timedelta(days=366)
NOTES_MAX = 10_000
RATING_COMMENT_MAX = 2000


class StartupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class BookingForm(forms.Form):
    """Which of the person's startups books, and what it wants help with."""

    startup = StartupChoiceField(
        label=_("Book for"),
        queryset=Startup.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of your verified startups.")},
    )
    agenda = forms.CharField(
        label=_("What do you want help with?"),
        help_text=_(
            "The mentor reads this before the session: your question, what you have "
            "tried and what would help most."
        ),
        max_length=AGENDA_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Tell the mentor what you want help with."),
            "max_length": _(
                "The agenda can have at most %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, startups: list[Startup], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["startup"]
        field.queryset = Startup.objects.filter(pk__in=[startup.pk for startup in startups])
        if len(startups) == 1:
            field.widget = forms.HiddenInput()
            field.initial = startups[0].pk


class SlotForm(forms.Form):
    """A slot, or the same slot every week, on the province's clock."""

    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 27/11/2026.")},
    )
    start = forms.TimeField(
        label=_("Starts at"),
        help_text=_("Vietnam time (UTC+7)."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time such as 14:30.")},
    )
    minutes = forms.IntegerField(
        label=_("Length in minutes"),
        help_text=_("From 15 to 120 minutes."),
        initial=60,
        widget=forms.NumberInput(attrs={"step": 5}),
        error_messages={"invalid": _("Enter a number of minutes, such as 60.")},
    )
    weeks = forms.IntegerField(
        label=_("Weeks"),
        help_text=lazy(
            lambda: (
                _(
                    "1 publishes one slot; 4 publishes the same time every week for four weeks "
                    "(at most %(max)s)."
                )
                % {"max": WEEKLY_MAX}
            ),
            str,
        )(),
        initial=1,
        error_messages={"invalid": _("Enter a number of weeks, such as 4.")},
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to the startup that books."),
    )
    location = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=300,
        help_text=_("An address, if you meet in person. Give a link, a place or both."),
    )

    # Where a refusal from services.slots_publish is shown.
    SERVICE_FIELDS = {"minutes": "minutes", "weeks": "weeks", "starts_at": "date"}

    def __init__(self, *args, today: "date | None" = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or datetime.now(LOCAL).date()

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > self.today + PUBLISH_AHEAD:
            raise forms.ValidationError(_("Publish slots at most a year ahead."))
        return day

    def clean_location(self):
        return self.cleaned_data["location"].strip()

    def slot_request(self) -> SlotRequest:
        starts_at = datetime.combine(self.cleaned_data["date"], self.cleaned_data["start"], LOCAL)
        return SlotRequest(
            starts_at=starts_at,
            minutes=self.cleaned_data["minutes"],
            online_url=self.cleaned_data["online_url"],
            location=self.cleaned_data["location"],
        )

    def add_service_error(self, field: str | None, message: str) -> None:
        # "Give an online link or a place" is about two fields: above the form.
        self.add_error(self.SERVICE_FIELDS.get(field), message)


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Session notes"),
        help_text=_("What you discussed. Only the startup's members and coordinators see it."),
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write what you discussed.")},
    )
    follow_up_actions = forms.CharField(
        label=_("Follow-up actions"),
        help_text=_("What the startup (or you) will do next."),
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the session?"),
        help_text=_("1 is not useful, 5 is very useful."),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose from 1 to 5 stars."),
            "invalid_choice": _("Choose from 1 to 5 stars."),
        },
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=RATING_COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SuggestionsForm(forms.Form):
    """The startup to suggest mentors for, and what it needs help with."""

    startup = StartupChoiceField(
        label=_("Startup"),
        queryset=Startup.objects.none(),
        empty_label=None,
        required=False,
        error_messages={"invalid_choice": _("Choose one of your startups.")},
    )
    needs = forms.ModelMultipleChoiceField(
        label=_("What do you need help with?"),
        queryset=ExpertiseTag.objects.order_by("order", "name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("This is not one of the choices, so it was left out."),
            "invalid_pk_value": _("This is not one of the choices, so it was left out."),
        },
    )

    def __init__(self, *args, startups: list[Startup], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["startup"]
        field.queryset = Startup.objects.filter(pk__in=[startup.pk for startup in startups])
        if len(startups) == 1:
            field.widget = forms.HiddenInput()
        self.fields["needs"].label_from_instance = lambda tag: tag.localized_name

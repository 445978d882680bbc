"""Forms and filters of the coordinators' event screens.

Times are read and shown on the province's clock whatever time zone a
coordinator's admin profile uses (the approach of the calls admin). The
registration questions, stored as JSON, are edited with Wagtail's block editor:
one block per question, checked as a whole with each problem shown on the
question it belongs to.
"""

import re
from collections import Counter
from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import StreamBlockValidationError, StreamValue, StructBlockValidationError
from wagtail.blocks.list_block import ListBlockValidationError

from ecosystem.admin.choosers import organisation_chooser_viewset
from ecosystem.admin.forms import grouped_under_parent
from ecosystem.admin.programme_forms import ProvinceDateTimeField
from ecosystem.models import Area, Organisation, Programme
from ecosystem.search import normalize

from .models import Event, EventKind, EventSeries, Registration, Venue
from .series import occurrence_starts
from .services_admin import PROVINCE_TIME_ZONE

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
MAX_QUESTIONS = 20
PROVINCE_TIME_HELP = gettext_lazy("Time in Vietnam (Asia/Ho_Chi_Minh), e.g. 2026-11-27 14:00.")


def replace_field(form, name, field_class, **kwargs):
    """Swap a model form's field for another kind, keeping its label, widget
    and whether it is required."""
    if name in form.fields:
        old = form.fields[name]
        form.fields[name] = field_class(
            label=old.label,
            required=kwargs.pop("required", old.required),
            help_text=kwargs.pop("help_text", old.help_text),
            widget=kwargs.pop("widget", old.widget),
            **kwargs,
        )


class EventDateTimeField(ProvinceDateTimeField):
    """A time on the province's clock within this century or the next: a
    typo such as year 0001 would not fit the database once in UTC."""

    def validate(self, value):
        super().validate(value)
        if value is not None and not 2000 <= value.year <= 2199:
            raise ValidationError(_("Enter a date between 2000 and 2199."), code="out_of_range")


def province_datetimes(form, *names):
    for name in names:
        replace_field(form, name, EventDateTimeField, help_text=PROVINCE_TIME_HELP)


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=gettext_lazy("Question (Vietnamese)"), max_length=200)
    label_en = blocks.CharBlock(
        label=gettext_lazy("Question (English)"), required=False, max_length=200
    )
    type = blocks.ChoiceBlock(
        label=gettext_lazy("Answer"),
        choices=[
            ("text", gettext_lazy("Free text")),
            ("choice", gettext_lazy("One of the options")),
        ],
        default="text",
        widget=forms.RadioSelect,
    )
    options = blocks.ListBlock(
        blocks.CharBlock(label=gettext_lazy("Option"), max_length=100, required=False),
        label=gettext_lazy("Options"),
        default=[],
        help_text=gettext_lazy("For 'One of the options': at least two, each different."),
    )
    required = blocks.BooleanBlock(
        label=gettext_lazy("An answer is required"), required=False, default=False
    )
    key = blocks.CharBlock(
        label=gettext_lazy("Key"),
        required=False,
        max_length=50,
        help_text=gettext_lazy(
            "The column of the answers in spreadsheets: lower-case letters without accents, "
            "digits and hyphens. Left empty, it is made from the question; keep it once "
            "people have answered."
        ),
    )

    class Meta:
        icon = "help"
        label = gettext_lazy("Question")


class QuestionsBlock(blocks.StreamBlock):
    # The admin's block editor needs a stream at the top; it holds one kind.
    question = QuestionBlock()

    class Meta:
        max_num = MAX_QUESTIONS


class QuestionsField(blocks.BlockField):
    """The `questions` JSON ([{"key", "label", "label_en", "type", "options",
    "required"}]) as a list of question blocks."""

    def __init__(self, **kwargs):
        for name in ("max_length", "encoder", "decoder", "widget"):
            kwargs.pop(name, None)
        super().__init__(block=QuestionsBlock(required=False), **kwargs)

    def prepare_value(self, value):
        if isinstance(value, StreamValue):
            return value
        questions = value if isinstance(value, list) else []
        return self.block.to_python(
            [{"type": "question", "value": question} for question in questions]
        )

    def clean(self, value):
        value = super().clean(value)
        questions = [self._question(child.value) for child in value]
        self._check(questions)
        return questions

    def has_changed(self, initial, data):
        return self._comparable(initial) != self._comparable(data)

    def _comparable(self, value):
        try:
            return [self._question(child.value) for child in self.prepare_value(value)]
        except (TypeError, ValueError, AttributeError, KeyError):
            return value

    @staticmethod
    def _question(item) -> dict:
        is_choice = item["type"] == "choice"
        options = [option.strip() for option in item["options"] if option and option.strip()]
        label = (item["label"] or "").strip()
        return {
            "key": (item["key"] or "").strip() or "-".join(normalize(label).split()[:6]),
            "label": label,
            "label_en": (item["label_en"] or "").strip(),
            "type": item["type"] or "text",
            "options": options if is_choice else [],
            "required": bool(item["required"]),
        }

    def _check(self, questions: list[dict]) -> None:
        keys = Counter(question["key"] for question in questions)
        block_errors = {}
        for index, question in enumerate(questions):
            errors = {}
            key = question["key"]
            if not key:
                errors["key"] = ValidationError(_("Give this question a key."))
            elif not KEY_PATTERN.match(key):
                errors["key"] = ValidationError(
                    _(
                        "'%(key)s' cannot be a key: use lower-case letters without accents, "
                        "digits and hyphens, e.g. 'organisation'."
                    )
                    % {"key": key}
                )
            elif keys[key] > 1:
                errors["key"] = ValidationError(
                    _("Another question has the key '%(key)s'; give each question its own key.")
                    % {"key": key}
                )
            if question["type"] == "choice":
                options = question["options"]
                repeated = sorted(
                    option for option, n in Counter(o.casefold() for o in options).items() if n > 1
                )
                if len(options) < 2:
                    errors["options"] = ListBlockValidationError(
                        non_block_errors=[_("A question with options needs at least two.")]
                    )
                elif repeated:
                    errors["options"] = ListBlockValidationError(
                        non_block_errors=[
                            _("The option '%(option)s' is there twice.") % {"option": repeated[0]}
                        ]
                    )
            if errors:
                block_errors[index] = StructBlockValidationError(block_errors=errors)
        if block_errors:
            raise StreamBlockValidationError(
                block_errors=block_errors,
                non_block_errors=[_("Some questions need a fix; see the messages on them.")],
            )


class HoursMinutesField(forms.Field):
    """A duration as people say it: 2:30 is two and a half hours (Django's own
    field would read it as two and a half minutes)."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 6})
    default_error_messages = {
        "invalid": gettext_lazy("Enter hours and minutes, e.g. 2:30."),
        "range": gettext_lazy("Enter between 0:05 and 336:00 (two weeks)."),
    }
    PATTERN = re.compile(r"^\s*(\d{1,3})\s*(?:[:hH.]\s*(\d{1,2})?)?\s*$")

    def prepare_value(self, value):
        if isinstance(value, timedelta):
            minutes = int(value.total_seconds()) // 60
            return f"{minutes // 60}:{minutes % 60:02d}"
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        match = self.PATTERN.match(str(value))
        if not match or int(match.group(2) or 0) >= 60:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        duration = timedelta(hours=int(match.group(1)), minutes=int(match.group(2) or 0))
        if not timedelta(minutes=5) <= duration <= timedelta(weeks=2):
            raise ValidationError(self.error_messages["range"], code="range")
        return duration


class DateListField(forms.CharField):
    """Dates, one a line, as 27/11/2026 or 2026-11-27; kept as ISO dates."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, **kwargs):
        for name in ("encoder", "decoder", "max_length"):
            kwargs.pop(name, None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            lines = []
            for text in value:
                try:
                    lines.append(date.fromisoformat(text).strftime("%d/%m/%Y"))
                except (TypeError, ValueError):
                    lines.append(str(text))
            return "\n".join(lines)
        return value

    def to_python(self, value):
        days = set()
        for line in (value or "").replace(",", "\n").splitlines():
            text = line.strip()
            if not text:
                continue
            for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
                try:
                    days.add(datetime.strptime(text, pattern).date())
                    break
                except ValueError:
                    continue
            else:
                raise ValidationError(
                    _("'%(value)s' is not a date; write one date a line, e.g. 27/11/2026.")
                    % {"value": text[:40]},
                    code="invalid",
                )
        return [day.isoformat() for day in sorted(days)]


class VisibleToMixin:
    """Who may see a members-only event. Ten thousand organisations make too
    long a list to tick: the chosen ones are listed to untick, and one more is
    added with the organisation chooser on each save."""

    def setup_visible_to(self):
        if "visible_to" not in self.fields:
            self.fields.pop("add_organisation", None)
            return
        chosen = self.instance.visible_to.all() if self.instance.pk else Organisation.objects.none()
        self.fields["visible_to"].queryset = Organisation.objects.filter(
            pk__in=[*chosen.values_list("pk", flat=True)]
        ).order_by("name")
        self.fields["visible_to"].widget = forms.CheckboxSelectMultiple()
        self.fields["visible_to"].help_text = (
            _("Untick an organisation to remove it.")
            if self.fields["visible_to"].queryset.exists()
            else _("None yet: add them one by one below.")
        )
        self.fields["visible_to"].widget.choices = self.fields["visible_to"].choices

    def clean_visible_to_and_add(self, cleaned_data):
        if "visible_to" not in self.fields:
            return
        added = cleaned_data.get("add_organisation")
        chosen = list(cleaned_data.get("visible_to") or [])
        if added is not None and added not in chosen:
            chosen.append(added)
        cleaned_data["visible_to"] = chosen
        if cleaned_data.get("visibility") == Event.Visibility.MEMBERS and not chosen:
            self.add_error(
                "add_organisation",
                _("Choose at least one organisation, or make the event visible to everyone."),
            )


class EventAdminForm(VisibleToMixin, WagtailAdminModelForm):
    """Validation a coordinator can act on; the seats and the notices are the
    services' business when the view saves."""

    add_organisation = forms.ModelChoiceField(
        label=gettext_lazy("Add an organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=organisation_chooser_viewset.widget_class(),
        help_text=gettext_lazy("Its members will see the event. Save to add another."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province_datetimes(
            self, "starts_at", "ends_at", "registration_opens_at", "registration_closes_at"
        )
        replace_field(self, "questions", QuestionsField, required=False)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The event's address: /events/<slug>/. Left empty, it is made from the "
                "Vietnamese title. Changing it breaks links already shared."
            )
        if "status" in self.fields:
            self.fields["status"].help_text = _(
                "Choosing 'cancelled' emails everyone registered a cancellation that removes "
                "the event from their calendars. Other changes of time, place or status are "
                "emailed to them too."
            )
        if "registration_opens_at" in self.fields:
            self.fields["registration_opens_at"].help_text = _(
                "%(when)s Left empty: open as soon as the event is saved."
            ) % {"when": PROVINCE_TIME_HELP}
        if "registration_closes_at" in self.fields:
            self.fields["registration_closes_at"].help_text = _(
                "%(when)s Left empty: open until the event starts."
            ) % {"when": PROVINCE_TIME_HELP}
        self.setup_visible_to()

    def clean(self):
        cleaned_data = super().clean()
        starts_at, ends_at = cleaned_data.get("starts_at"), cleaned_data.get("ends_at")
        if starts_at and ends_at:
            if cleaned_data.get("all_day"):
                if ends_at < starts_at:
                    self.add_error("ends_at", _("An event cannot end before it starts."))
            elif ends_at <= starts_at:
                self.add_error("ends_at", _("The end must be after the start."))
        opens = cleaned_data.get("registration_opens_at")
        closes = cleaned_data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        if opens and ends_at and opens >= ends_at:
            self.add_error(
                "registration_opens_at", _("Registration must open before the event ends.")
            )
        self.clean_visible_to_and_add(cleaned_data)
        if "slug" in self.fields and not cleaned_data.get("slug"):
            cleaned_data["slug"] = self.free_slug(cleaned_data.get("title") or "")
        return cleaned_data

    def free_slug(self, title: str) -> str:
        base = "-".join(normalize(title).split())[:180] or "su-kien"
        slug, suffix = base, 2
        others = Event.objects.exclude(pk=self.instance.pk)
        while others.filter(slug=slug).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug


class EventSeriesAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province_datetimes(self, "first_starts_at")
        replace_field(self, "questions", QuestionsField, required=False)
        replace_field(
            self,
            "duration",
            HoursMinutesField,
            widget=HoursMinutesField.widget,
            help_text=_("Hours and minutes, e.g. 2:30."),
        )
        replace_field(
            self,
            "exceptions",
            DateListField,
            required=False,
            widget=DateListField.widget,
            help_text=_(
                "One date a line, e.g. 27/11/2026 (a public holiday). No occurrence on these "
                "dates; one already made with people registered is cancelled and they are "
                "emailed."
            ),
        )
        if "interval" in self.fields:
            self.fields["interval"].help_text = _(
                "1: every day, week or month; 2: every other one; and so on."
            )
            self.fields["interval"].widget.attrs["min"] = 1
            self.fields["interval"].validators.append(MinValueValidator(1))

    def clean(self):
        cleaned_data = super().clean()
        names = ("frequency", "interval", "first_starts_at", "until", "count")
        if all(cleaned_data.get(name) for name in names[:3]) and (
            cleaned_data.get("until") or cleaned_data.get("count")
        ):
            rule = EventSeries(
                **{name: cleaned_data.get(name) for name in names},
                exceptions=cleaned_data.get("exceptions") or [],
            )
            with timezone.override(PROVINCE_TIME_ZONE):
                starts = occurrence_starts(rule)
            if not starts:
                self.add_error(
                    "until",
                    _("This rule gives no occurrence: check the first start and the end date."),
                )
        return cleaned_data


class RegistrationAdminForm(WagtailAdminModelForm):
    """Only the contact details are corrected here; the seat and the status
    change through the actions (check in, cancel), which keep the waitlist
    right."""


def province_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=PROVINCE_TIME_ZONE)


class ProvinceDateRangeFilter(django_filters.DateFromToRangeFilter):
    """Days on the province's calendar, both ends included. A bound out at
    the edge of the calendar (0001-01-01, 9999-12-31) bounds nothing."""

    EARLIEST, LATEST = date(1900, 1, 1), date(9000, 12, 31)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DateRangePickerWidget)
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        start, stop = (
            bound.date() if isinstance(bound, datetime) else bound
            for bound in (value.start, value.stop)
        )
        if start is not None and start > self.EARLIEST:
            queryset = queryset.filter(
                **{f"{self.field_name}__gte": province_day_start(min(start, self.LATEST))}
            )
        if stop is not None and stop < self.LATEST:
            queryset = queryset.filter(
                **{
                    f"{self.field_name}__lt": province_day_start(
                        max(stop, self.EARLIEST) + timedelta(days=1)
                    )
                }
            )
        return queryset


WHEN_CHOICES = [("upcoming", gettext_lazy("upcoming")), ("past", gettext_lazy("past"))]


class EventFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("when")),
        choices=WHEN_CHOICES,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
        method="filter_when",
    )
    starts_at = ProvinceDateRangeFilter(label=capfirst(gettext_lazy("date")))
    kind = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("kind")),
        choices=EventKind.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("status")),
        choices=Event.Status.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    venue = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("venue")), queryset=Venue.objects.all()
    )
    area = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("area")),
        queryset=grouped_under_parent(Area.objects.all()),
        method="filter_area",
        help_text=gettext_lazy("A province includes its communes and wards."),
    )
    programme = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("programme")), queryset=Programme.objects.all()
    )
    online = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("online link")),
        choices=[("yes", gettext_lazy("yes")), ("no", gettext_lazy("no"))],
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
        method="filter_online",
    )
    # Reached from a series' "Occurrences" link; not offered as a list.
    series = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("series")),
        queryset=EventSeries.objects.all(),
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Event
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if not (data and data.get("series")):
            del self.filters["series"]

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gte=now)
        return queryset.filter(ends_at__lt=now)

    def filter_area(self, queryset, name, value):
        return queryset.filter(Q(venue__area=value) | Q(venue__area__parent=value))

    def filter_online(self, queryset, name, value):
        return queryset.exclude(online_url="") if value == "yes" else queryset.filter(online_url="")


class EventSeriesFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("kind")),
        choices=EventKind.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    frequency = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("repeats")),
        choices=EventSeries.Frequency.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    venue = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("venue")), queryset=Venue.objects.all()
    )
    programme = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("programme")), queryset=Programme.objects.all()
    )

    class Meta:
        model = EventSeries
        fields = []


class VenueFilterSet(WagtailFilterSet):
    area = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("area")),
        queryset=grouped_under_parent(Area.objects.all()),
        method="filter_area",
        help_text=gettext_lazy("A province includes its communes and wards."),
    )

    class Meta:
        model = Venue
        fields = []

    def filter_area(self, queryset, name, value):
        return queryset.filter(Q(area=value) | Q(area__parent=value))


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("status")),
        choices=Registration.Status.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    event__starts_at = ProvinceDateRangeFilter(label=capfirst(gettext_lazy("event date")))
    event__kind = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("kind of event")),
        choices=EventKind.choices,
        empty_label=gettext_lazy("All"),
    )
    # Reached from an event's "Registrations" button; five thousand events make
    # too long a list to offer.
    event = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("event")),
        queryset=Event.objects.all(),
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Registration
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if not (data and data.get("event")):
            del self.filters["event"]


class ConfirmForm(forms.Form):
    """A confirmation with nothing to fill in."""

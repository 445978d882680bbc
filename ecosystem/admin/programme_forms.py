"""The edit forms of programmes and calls: amounts typed in đồng as people write
them, a call's opening and closing on the province's clock, a programme's
coordinators chosen among the Department's staff, and a call's questions
checked as a whole."""

import re
from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.blocks.list_block import ListBlockValidationError

from accounts.models import User
from ecosystem.admin.forms import coordinators, grouped_under_parent
from ecosystem.formatting import format_vnd
from ecosystem.models import Area, Sector
from ecosystem.services.calls import PROVINCE_TIME_ZONE

CHOICE_QUESTIONS = {"choice", "multiple_choice"}
# The largest amount the database column holds; more would be a server error.
MAX_DONG = 9_223_372_036_854_775_807


class VNDAmountField(forms.IntegerField):
    """Whole đồng, typed as people write them: 50.000.000, 50,000,000 or 50 000 000 ₫."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    default_error_messages = {
        "invalid": gettext_lazy("Enter an amount in đồng using digits, e.g. 50.000.000."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s.,₫]|vnđ|vnd|đ", "", value.strip(), flags=re.IGNORECASE)
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_vnd(value).removesuffix("\u00a0₫")
        return value


class ProvinceDateTimeField(forms.DateTimeField):
    """Calls open and close on the province's clock, whatever time zone the
    coordinator's admin profile is set to."""

    def prepare_value(self, value):
        with timezone.override(PROVINCE_TIME_ZONE):
            return super().prepare_value(value)

    def to_python(self, value):
        with timezone.override(PROVINCE_TIME_ZONE):
            return super().to_python(value)


def _replace_field(form, name, field_class, **kwargs):
    if name in form.fields:
        old = form.fields[name]
        form.fields[name] = field_class(
            label=old.label,
            required=old.required,
            help_text=kwargs.pop("help_text", old.help_text),
            widget=kwargs.pop("widget", old.widget),
            **kwargs,
        )


class ProgrammeAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _replace_field(self, "total_budget", VNDAmountField, min_value=0, max_value=MAX_DONG)
        if "coordinators" in self.fields:
            # The Department's staff, and anyone already managing it.
            current = self.instance.coordinators.all() if self.instance.pk else User.objects.none()
            self.fields["coordinators"].queryset = User.objects.filter(
                pk__in=[*coordinators().values_list("pk", flat=True)]
                + [person.pk for person in current]
            ).order_by("full_name", "email")


class CallAdminForm(WagtailAdminModelForm):
    """Questions are checked as a whole: every key once, every option of a choice
    once. Each problem is shown on the question it belongs to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province_time = _("Time in Vietnam (Asia/Ho_Chi_Minh), e.g. 2026-11-27 17:00.")
        _replace_field(self, "opens_at", ProvinceDateTimeField, help_text=province_time)
        _replace_field(
            self,
            "closes_at",
            ProvinceDateTimeField,
            help_text=_("%(when)s Applications are refused from this moment on.")
            % {"when": province_time},
        )
        _replace_field(self, "max_award", VNDAmountField, min_value=0, max_value=MAX_DONG)
        for name, model in (("eligible_sectors", Sector), ("eligible_areas", Area)):
            if name in self.fields:
                self.fields[name].queryset = grouped_under_parent(model.objects.all())

    def clean(self):
        cleaned_data = super().clean()
        questions = cleaned_data.get("questions")
        if questions is not None:
            error = questions_error(questions)
            if error is not None:
                self.add_error("questions", error)
        return cleaned_data


def questions_error(questions) -> StreamBlockValidationError | None:
    """Repeated question keys and repeated option values, pinned to their blocks."""
    keys = Counter(question.value["key"] for question in questions)
    block_errors = {}
    for index, question in enumerate(questions):
        errors = {}
        if keys[question.value["key"]] > 1:
            errors["key"] = ValidationError(
                _("Another question has the key '%(key)s'; each key must be different.")
                % {"key": question.value["key"]}
            )
        if question.block_type in CHOICE_QUESTIONS:
            values = Counter(option["value"] for option in question.value["options"])
            option_errors = {
                position: StructBlockValidationError(
                    block_errors={
                        "value": ValidationError(
                            _("Another option has the value '%(value)s'.")
                            % {"value": option["value"]}
                        )
                    }
                )
                for position, option in enumerate(question.value["options"])
                if values[option["value"]] > 1
            }
            if option_errors:
                errors["options"] = ListBlockValidationError(block_errors=option_errors)
        if errors:
            block_errors[index] = StructBlockValidationError(block_errors=errors)
    if not block_errors:
        return None
    return StreamBlockValidationError(
        block_errors=block_errors,
        non_block_errors=[_("Some questions need a fix; see the messages on them.")],
    )

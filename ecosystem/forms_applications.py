"""The application form, built from a call's questions (ecosystem.blocks).

Each question becomes one field named by its key, labelled in the active
language. Answers are stored as JSON (Application.answers): text as a string,
a number as an integer or decimal number, a choice as its stored value, several
choices as a list of values, a date as YYYY-MM-DD, a file as the ids of its
ApplicationFile rows. The functions here convert between that and the fields.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxLengthValidator
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ecosystem.blocks import localized
from ecosystem.exceptions import RegistryError
from ecosystem.uploads import ACCEPT, MAX_BYTES, CheckedUpload, upload_check

SHORT_TEXT_MAX = 500
REPLY_MAX = 5000
FILE = "file"
LENGTH_MESSAGE = _(
    "This answer has %(show_value)d characters; it can have at most %(limit_value)d."
)


def format_number(value) -> str:
    """A number grouped in thousands as the active language writes it:
    1.234.567,5 in Vietnamese, 1,234,567.5 in English. (Django's own
    formatting groups nothing in Vietnamese.)"""
    separators = {
        ord(","): get_format("THOUSAND_SEPARATOR"),
        ord("."): get_format("DECIMAL_SEPARATOR"),
    }
    return f"{value:,}".translate(separators)


class LongTextField(forms.CharField):
    """Text counted as people see it: a line break is one character, as in the
    browser, not the two that a form submission sends."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\r\n", "\n")
        return super().to_python(value)


def _help(value, *extra) -> str:
    # The shared field template prints help text as HTML: what coordinators
    # wrote is escaped here, once.
    parts = [
        escape(text).replace("\n", "<br>")
        for text in (localized(value, "help_text"), *extra)
        if text
    ]
    return mark_safe("<br>".join(parts))  # noqa: S308 (every part is escaped)


def _options(value) -> list[tuple[str, str]]:
    return [(option["value"], localized(option, "label")) for option in value["options"]]


def question_field(block_type: str, value, *, required: bool) -> forms.Field:
    """The form field for one question of a call."""
    label = localized(value, "label")
    if block_type == "short_text":
        return forms.CharField(
            label=label,
            help_text=_help(value),
            required=required,
            max_length=SHORT_TEXT_MAX,
            error_messages={"max_length": LENGTH_MESSAGE},
        )
    if block_type == "long_text":
        limit = int(value.get("max_length") or 2000)
        limit_text = _("At most %(limit)s characters.") % {"limit": format_number(limit)}
        return LongTextField(
            label=label,
            help_text=_help(value, limit_text),
            required=required,
            # No maxlength attribute: a browser would cut pasted text short
            # without a word; the message below says how much is too much.
            validators=[MaxLengthValidator(limit)],
            error_messages={"max_length": LENGTH_MESSAGE},
            widget=forms.Textarea(attrs={"rows": 8}),
        )
    if block_type == "number":
        return forms.DecimalField(
            label=label,
            help_text=_help(value),
            required=required,
            min_value=value.get("min_value"),
            max_value=value.get("max_value"),
            max_digits=20,
            widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        )
    if block_type == "choice":
        choices = _options(value)
        if not required:
            choices = [("", _("No answer")), *choices]
        return forms.ChoiceField(
            label=label,
            help_text=_help(value),
            required=required,
            choices=choices,
            widget=forms.RadioSelect,
        )
    if block_type == "multiple_choice":
        return forms.MultipleChoiceField(
            label=label,
            help_text=_help(value),
            required=required,
            choices=_options(value),
            widget=forms.CheckboxSelectMultiple,
        )
    if block_type == "date":
        return forms.DateField(
            label=label,
            help_text=_help(value),
            required=required,
            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
    if block_type == FILE:
        # What is accepted, unless the coordinator's help says it already.
        accepted = _("PDF, DOCX, XLSX, JPEG, PNG or WebP, at most %(limit)s MB.") % {
            "limit": MAX_BYTES // (1024 * 1024)
        }
        return forms.FileField(
            label=label,
            help_text=_help(value) or escape(accepted),
            required=required,
            widget=forms.FileInput(attrs={"accept": ACCEPT}),
        )
    raise ValueError(f"unknown question type {block_type!r}")


def stored_to_initial(block_type: str, stored):
    """A stored answer as the field's initial value."""
    if stored is None:
        return None
    if block_type == "number":
        try:
            return Decimal(str(stored))
        except InvalidOperation:
            return None
    if block_type == "date" and isinstance(stored, str):
        try:
            return datetime.date.fromisoformat(stored)
        except ValueError:
            return None
    return stored


def cleaned_to_stored(block_type: str, cleaned):
    """A field's cleaned value as JSON to store; None when there is no answer."""
    if cleaned in (None, "", [], ()):
        return None
    if block_type == "number":
        return int(cleaned) if cleaned == cleaned.to_integral_value() else float(cleaned)
    if block_type == "date":
        return cleaned.isoformat()
    if block_type == "multiple_choice":
        return list(cleaned)
    return cleaned


def answer_fitting(block_type: str, value, stored):
    """`stored` if it is a valid answer to this question as it is now (the
    right type, within its limits, one of its options), else None. Used to
    pre-fill a new application without carrying anything invalid into it."""
    if block_type == FILE or stored in (None, "", [], {}):
        return None
    field = question_field(block_type, value, required=False)
    if block_type == "multiple_choice":
        if not isinstance(stored, list):
            return None
        allowed = {choice for choice, _label in field.choices}
        stored = [choice for choice in stored if choice in allowed]
    elif not _stored_type_fits(block_type, stored):
        return None
    try:
        cleaned = field.clean(stored_to_initial(block_type, stored))
    except forms.ValidationError:
        return None
    return cleaned_to_stored(block_type, cleaned)


def _stored_type_fits(block_type: str, stored) -> bool:
    if block_type in ("short_text", "long_text"):
        return isinstance(stored, str)
    if block_type == "number":
        return isinstance(stored, int | float) and not isinstance(stored, bool)
    return True


class ApplicationForm(forms.Form):
    """The questions of a call (or only some of them: `keys`).

    With complete=False (saving a draft) nothing is required, but every answer
    given must still be valid. With complete=True (submitting) required
    questions must be answered; a file question is answered by the file
    already uploaded unless it is being removed."""

    prefix = "q"

    def __init__(
        self,
        *args,
        call,
        answers: dict,
        current_files: dict | None = None,
        keys=None,
        complete: bool = False,
        **kwargs,
    ):
        self.complete = complete
        self.current_files = current_files or {}
        self.questions = [
            (block.block_type, block.value)
            for block in call.questions
            if keys is None or block.value["key"] in keys
        ]
        initial = {}
        for block_type, value in self.questions:
            key = value["key"]
            if block_type == FILE:
                initial[key] = self.current_files.get(key)
            else:
                initial[key] = stored_to_initial(block_type, answers.get(key))
        super().__init__(*args, initial=initial, **kwargs)
        for block_type, value in self.questions:
            key = value["key"]
            self.fields[key] = question_field(block_type, value, required=value["required"])
            current = self.current_files.get(key)
            if block_type == FILE and current:
                # Keys never hold a dot, so this name cannot meet a question's.
                self.fields[f"remove.{key}"] = forms.BooleanField(
                    label=_("Remove %(name)s") % {"name": current.original_name},
                    required=False,
                )
        self.checked_uploads: dict[str, CheckedUpload] = {}

    def full_clean(self):
        if self.complete:
            return super().full_clean()
        # A draft may leave anything unanswered; the fields still say which
        # questions are required when the page is shown again.
        required = {name: field.required for name, field in self.fields.items()}
        for field in self.fields.values():
            field.required = False
        try:
            super().full_clean()
        finally:
            for name, was_required in required.items():
                self.fields[name].required = was_required

    def clean(self):
        cleaned = super().clean()
        for block_type, value in self.questions:
            if block_type != FILE:
                continue
            key = value["key"]
            upload = cleaned.get(key)
            if isinstance(upload, UploadedFile):
                try:
                    self.checked_uploads[key] = upload_check(upload=upload, field=key)
                except RegistryError as error:
                    self.add_error(key, error.message)
            elif (
                self.complete
                and value["required"]
                and cleaned.get(f"remove.{key}")
                and key not in self.errors
            ):
                self.add_error(
                    key, _("This question needs a file: upload one before removing this one.")
                )
        return cleaned

    @property
    def question_rows(self):
        """(question type, bound field, current file, bound remove checkbox) in form order."""
        for block_type, value in self.questions:
            key = value["key"]
            remove = self[f"remove.{key}"] if f"remove.{key}" in self.fields else None
            yield block_type, self[key], self.current_files.get(key), remove

    def answers(self) -> dict:
        """The non-file answers to store, by key (None: no answer)."""
        return {
            value["key"]: cleaned_to_stored(block_type, self.cleaned_data.get(value["key"]))
            for block_type, value in self.questions
            if block_type != FILE
        }

    def removals(self) -> set[str]:
        """File questions whose current file goes, with no new one in its place."""
        return {
            value["key"]
            for block_type, value in self.questions
            if block_type == FILE
            and self.cleaned_data.get(f"remove.{value['key']}")
            and value["key"] not in self.checked_uploads
        }


def error_summary(*forms_with_errors) -> list[tuple[str, str, str]]:
    """(anchor id, question, message) for every problem of the forms, in page
    order: the list at the top of the page that links to each field."""
    summary = []
    for form in forms_with_errors:
        summary += [("", "", str(message)) for message in form.non_field_errors()]
        for name, field in form.fields.items():
            bound = form[name]
            # A group of radios or checkboxes has no element of its own id:
            # the link goes to its first option.
            choices = isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
            anchor = f"{bound.auto_id}_0" if choices else bound.auto_id
            summary += [
                (anchor, field.label, str(message)) for message in form.errors.get(name, [])
            ]
    return summary


class InformationReplyForm(forms.Form):
    prefix = "reply"

    message = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": LENGTH_MESSAGE},
    )

    def __init__(self, *args, message_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = message_required
        if not message_required:
            self.fields["message"].help_text = _(
                "Optional: anything the coordinator should know about your changes."
            )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown to the Department's coordinators."),
    )

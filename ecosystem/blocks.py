"""The question form of a call, edited by coordinators as a StreamField.

Each question has a `key` that stays the same from one round of a call to the
next: an organisation's answer to a key in an earlier call pre-fills the same
question in a new one ("apply once"). Labels and help texts come in Vietnamese
and English.
"""

from django.core.validators import RegexValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

KEY_VALIDATOR = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]*$",
    _("Use lower-case letters, digits, hyphens and underscores, e.g. team-size."),
)


class QuestionBlock(blocks.StructBlock):
    key = blocks.CharBlock(
        label=_("key"),
        max_length=60,
        validators=[KEY_VALIDATOR],
        help_text=_(
            "A short name that stays the same in later rounds, so earlier answers pre-fill it."
        ),
    )
    label = blocks.CharBlock(label=_("question (Vietnamese)"), max_length=300)
    label_en = blocks.CharBlock(label=_("question (English)"), max_length=300, required=False)
    help_text = blocks.TextBlock(label=_("help (Vietnamese)"), required=False)
    help_text_en = blocks.TextBlock(label=_("help (English)"), required=False)
    required = blocks.BooleanBlock(label=_("required"), required=False, default=True)

    class Meta:
        icon = "help"


class ShortTextQuestion(QuestionBlock):
    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class LongTextQuestion(QuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("maximum characters"), min_value=50, max_value=20_000, default=2000
    )

    class Meta:
        label = _("Long text")
        icon = "doc-full"


class NumberQuestion(QuestionBlock):
    min_value = blocks.DecimalBlock(label=_("smallest allowed"), required=False)
    max_value = blocks.DecimalBlock(label=_("largest allowed"), required=False)

    class Meta:
        label = _("Number")
        icon = "order"


class ChoiceOption(blocks.StructBlock):
    value = blocks.CharBlock(label=_("stored value"), max_length=60, validators=[KEY_VALIDATOR])
    label = blocks.CharBlock(label=_("option (Vietnamese)"), max_length=200)
    label_en = blocks.CharBlock(label=_("option (English)"), max_length=200, required=False)


class ChoiceQuestion(QuestionBlock):
    options = blocks.ListBlock(ChoiceOption(), label=_("options"), min_num=2)

    class Meta:
        label = _("Choice")
        icon = "list-ul"


class MultipleChoiceQuestion(ChoiceQuestion):
    class Meta:
        label = _("Multiple choice")
        icon = "tasks"


class DateQuestion(QuestionBlock):
    class Meta:
        label = _("Date")
        icon = "date"


class FileQuestion(QuestionBlock):
    class Meta:
        label = _("File upload")
        icon = "doc-empty-inverse"


class QuestionStreamBlock(blocks.StreamBlock):
    short_text = ShortTextQuestion()
    long_text = LongTextQuestion()
    number = NumberQuestion()
    choice = ChoiceQuestion()
    multiple_choice = MultipleChoiceQuestion()
    date = DateQuestion()
    file = FileQuestion()


def localized(value: dict, field: str) -> str:
    """A question's label or help text in the active language, Vietnamese as fallback."""
    if get_language() == "en" and value.get(f"{field}_en"):
        return value[f"{field}_en"]
    return value.get(field) or ""

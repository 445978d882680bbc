"""The registration form on an event's page."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Event

ANSWER_PREFIX = "answer_"
ANSWER_MAX_LENGTH = 1000


def _text(item: dict, field: str) -> str:
    """A question's or option's label in the reader's language, Vietnamese as fallback."""
    if get_language() == "en" and item.get(f"{field}_en"):
        return str(item[f"{field}_en"])
    return str(item.get(field) or "")


def _options(question: dict) -> list[tuple[str, str]]:
    # Coordinators may store an option as plain text or as {"value", "label", "label_en"}.
    options = []
    for option in question.get("options") or []:
        if isinstance(option, dict):
            value = str(option.get("value") or option.get("label") or "")
            label = _text(option, "label") or value
        else:
            value = label = str(option)
        if value:
            options.append((value, label))
    return options


def questions_of(event: Event) -> list[dict]:
    """The event's questions that can be asked: each needs a key."""
    return [
        question
        for question in (event.questions or [])
        if isinstance(question, dict) and question.get("key")
    ]


class RegistrationForm(forms.Form):
    """Guests give their name and email; everyone answers the event's
    questions. A signed-in person with no question to answer registers with
    the button alone."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send a link there to confirm your registration."),
        error_messages={
            "max_length": _(
                "This email address is too long: use one of at most %(limit_value)d characters."
            ),
            "invalid": _("Enter a valid email address, such as ten@example.com."),
        },
    )

    def __init__(self, *args, event: Event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if user.is_authenticated:
            del self.fields["name"]
            del self.fields["email"]
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.questions = questions_of(event)
        for question in self.questions:
            self.fields[ANSWER_PREFIX + str(question["key"])] = self._field_for(question)

    @staticmethod
    def _field_for(question: dict) -> forms.Field:
        label = _text(question, "label") or str(question["key"])
        required = bool(question.get("required"))
        options = _options(question)
        if question.get("type") == "choice" and options:
            return forms.ChoiceField(
                label=label, required=required, choices=options, widget=forms.RadioSelect
            )
        return forms.CharField(
            label=label,
            required=required,
            max_length=ANSWER_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    @property
    def has_visible_fields(self) -> bool:
        return bool(self.fields)

    def answers(self) -> dict:
        """The answers, by question key, leaving out the unanswered."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(ANSWER_PREFIX + str(question["key"]))
            if value not in (None, ""):
                answers[str(question["key"])] = value
        return answers

"""Forms of the review loop: the council's declaration and scoring on the public
site, and the coordinators' screening, assignment and decision forms in the admin.
The rules live in the services; these forms only collect and shape the input."""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ecosystem.blocks import localized
from ecosystem.formatting import format_vnd
from ecosystem.models import Criterion, Decision
from ecosystem.services.decisions import LARGEST_AWARD
from ecosystem.services.reviews import MAX_PER_APPLICATION, OPEN, council_members

TEXTAREA = {"rows": 4}


class RecusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you recuse yourself?"),
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=2000,
        help_text=_("The coordinators read this; the applicant does not."),
    )


class ReviewForm(forms.Form):
    """A score from 0 to 10 and a comment per criterion, then the two comments.
    Scores are required only when the reviewer submits."""

    comment_for_applicant = forms.CharField(
        label=_("Comment for the applicant"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Sent to the applicant with the decision, without your name."),
    )
    comment_for_council = forms.CharField(
        label=_("Comment for the council"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Only the coordinators and the council read this."),
    )

    def __init__(self, *args, criteria: list[Criterion], submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("Score (0 to 10)"),
                min_value=0,
                max_value=10,
                required=submitting,
                error_messages={"required": _("Score this criterion before you submit.")},
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @property
    def criterion_fields(self):
        """(criterion, its description, score field, comment field) for the template."""
        return [
            (
                criterion,
                criterion.localized("description"),
                self[f"score_{criterion.pk}"],
                self[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
        ]

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            criterion.pk: (
                self.cleaned_data.get(f"score_{criterion.pk}"),
                self.cleaned_data.get(f"comment_{criterion.pk}", ""),
            )
            for criterion in self.criteria
        }

    @classmethod
    def initial_for(cls, review) -> dict:
        initial = {
            "comment_for_applicant": review.comment_for_applicant,
            "comment_for_council": review.comment_for_council,
        }
        for score in review.scores.all():
            initial[f"score_{score.criterion_id}"] = score.value
            initial[f"comment_{score.criterion_id}"] = score.comment
        return initial


class IneligibleForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it not eligible?"),
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=2000,
        help_text=_("Emailed to the applicant's members, in their own language."),
    )


class InformationRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the applicant"),
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=5000,
        help_text=_("Say what to add or change. It is emailed to the applicant's members."),
    )
    question_keys = forms.MultipleChoiceField(
        label=_("Answers the applicant may change"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The other answers stay locked."),
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question_keys"].choices = [
            (key, localized(question.value, "label"))
            for key, question in call.question_map().items()
        ]


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Decision.Outcome.choices, widget=forms.RadioSelect
    )
    award_amount = forms.IntegerField(
        label=_("Award (VND)"),
        required=False,
        min_value=0,
        max_value=LARGEST_AWARD,
        help_text=_("Required when accepted (0 for support without money)."),
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=5000,
        help_text=_("Emailed to the applicant with the reviewers' comments for them."),
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        if call.max_award is not None:
            self.fields["award_amount"].help_text = _(
                "Required when accepted (0 for support without money); at most %(maximum)s."
            ) % {"maximum": format_vnd(call.max_award)}


def council_with_load():
    """Council members with their number of open reviews, to balance by hand."""
    return council_members().annotate(
        open_reviews=Count("reviews", filter=Q(reviews__status__in=OPEN))
    )


class CouncilMemberField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        load = getattr(person, "open_reviews", None)
        if load is None:
            return f"{person} · {person.email}"
        return ngettext(
            "%(person)s · %(email)s · %(count)d open review",
            "%(person)s · %(email)s · %(count)d open reviews",
            load,
        ) % {
            "person": person,
            "email": person.email,
            "count": load,
        }


class AssignReviewersForm(forms.Form):
    reviewers = CouncilMemberField(
        label=_("Council members"),
        queryset=council_members(),
        widget=forms.CheckboxSelectMultiple,
    )
    override = forms.BooleanField(
        label=_("Assign them even where a conflict of interest is found"),
        required=False,
    )
    override_reason = forms.CharField(
        label=_("Reason for the override"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with each review concerned."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated per request: people join the council after start-up.
        self.fields["reviewers"].queryset = council_with_load()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("override") and not (cleaned.get("override_reason") or "").strip():
            self.add_error("override_reason", _("Write why the conflict may be overridden."))
        return cleaned

    @property
    def reason_for_override(self) -> str:
        if not self.cleaned_data.get("override"):
            return ""
        return self.cleaned_data.get("override_reason", "")


class AutoAssignForm(forms.Form):
    per_application = forms.IntegerField(
        label=_("Reviewers per application"),
        min_value=1,
        max_value=MAX_PER_APPLICATION,
        initial=2,
        help_text=_("Reviewers already assigned (and not recused) count towards this number."),
    )
    reviewers = CouncilMemberField(
        label=_("Choose among"),
        queryset=council_members(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to choose among the whole council."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = council_with_load()

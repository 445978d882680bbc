"""Forms members fill in on the public site: their organisation's profile,
technology offers and invitations. The rules live in ecosystem.services."""

from collections import defaultdict

from django import forms
from django.db import models
from django.db.models import F
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from ecosystem.exceptions import RegistryError
from ecosystem.models import (
    Area,
    ExpertiseTag,
    Organisation,
    Partner,
    ResearchGroup,
    Sector,
    Startup,
    TechnologyOffer,
)
from ecosystem.models.organisations import normalize_enterprise_code
from ecosystem.services.logos import logo_prepare
from ecosystem.services.registration import submission_problems


def https_by_default(model_field, **kwargs):
    """People type "senxanh.vn"; the link should be https://senxanh.vn."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in a fieldset per group, as a list a screen reader can count."""

    template_name = "ecosystem/account/widgets/grouped_checkboxes.html"


class SectorChoiceIterator(ModelChoiceIterator):
    """Each top-level sector with its sub-sectors, grouped under its name."""

    def __iter__(self):
        sectors = list(self.queryset)
        children = defaultdict(list)
        for sector in sectors:
            if sector.parent_id:
                children[sector.parent_id].append(sector)
        for sector in sectors:
            if not sector.parent_id:
                group = [
                    self.choice(sector),
                    *(self.choice(child) for child in children[sector.pk]),
                ]
                yield (sector.localized_name, group)


class SectorField(forms.ModelMultipleChoiceField):
    iterator = SectorChoiceIterator
    widget = GroupedCheckboxes

    def label_from_instance(self, obj):
        if obj.parent_id:
            return obj.localized_name
        # Shown first in its own group: the sector as a whole.
        return _("%(sector)s (general)") % {"sector": obj.localized_name}


class TermField(forms.ModelMultipleChoiceField):
    widget = GroupedCheckboxes

    def label_from_instance(self, obj):
        return obj.localized_name


class AreaField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.localized_name


class OrganisationForm(forms.ModelForm):
    """The profile of a startup or research group, for its members.

    A draft needs only its name. With `complete=True` (submitting for
    verification, or editing a profile already submitted) it also needs what
    verification needs, each missing field marked."""

    kind: str
    details_legend = _("Details")
    details_fields: list[str] = []

    logo_file = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A JPEG, PNG or WebP image of at most 5 MB. It is shown at up to 800 pixels."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        fields = [
            "name",
            "tagline",
            "description",
            "sectors",
            "area",
            "website",
            "facebook_url",
            "linkedin_url",
            "contact_email",
            "contact_phone",
            "show_contact",
        ]
        field_classes = {"sectors": SectorField, "area": AreaField}
        formfield_callback = https_by_default
        widgets = {
            "tagline": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
            "website": forms.URLInput(attrs={"placeholder": "https://"}),
            "facebook_url": forms.URLInput(attrs={"placeholder": "https://facebook.com/…"}),
            "linkedin_url": forms.URLInput(attrs={"placeholder": "https://linkedin.com/…"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        help_texts = {
            "tagline": _("One sentence on what you do."),
            "contact_email": _("Only shown if you tick the box below."),
        }

    def __init__(self, *args, complete: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.complete = complete
        self.fields["sectors"].queryset = Sector.objects.order_by("order", "name")
        # The province first, then its communes and wards.
        self.fields["area"].queryset = Area.objects.order_by(
            F("parent_id").asc(nulls_first=True), "order", "name"
        )
        needed = _("Needed to submit for verification.")
        for name in self.submission_fields():
            field = self.fields[name]
            field.help_text = f"{field.help_text} {needed}".strip() if field.help_text else needed
        if not (self.instance.pk and self.instance.logo_id):
            del self.fields["remove_logo"]

    def submission_fields(self) -> list[str]:
        return ["tagline", "description", "sectors", "area"]

    @property
    def sections(self):
        """The fields in the order and groups the page shows them."""
        groups = [
            (_("About"), ["name", "tagline", "description", "logo_file", "remove_logo"]),
            (_("Sectors and area"), ["sectors", "area"]),
            (self.details_legend, self.details_fields),
            (_("Website and social media"), ["website", "facebook_url", "linkedin_url"]),
            (_("Public contact"), ["contact_email", "contact_phone", "show_contact"]),
        ]
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in groups
        ]

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        try:
            return logo_prepare(upload=upload)
        except RegistryError as error:
            raise forms.ValidationError(error.message, code="invalid_logo") from error

    def clean(self):
        cleaned_data = super().clean()
        if self.complete:
            values = {name: cleaned_data.get(name) for name in self.fields}
            for name, message in submission_problems(kind=self.kind, values=values).items():
                # A field that already has an error keeps that one.
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
        return cleaned_data

    def profile_fields(self) -> dict:
        """The cleaned values of the profile, for the registration services."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class StartupForm(OrganisationForm):
    kind = Organisation.Kind.STARTUP
    details_legend = _("About the startup")
    details_fields = [
        "stage",
        "founded_year",
        "team_size",
        "enterprise_code",
        "products",
        "seeks_investment",
    ]

    class Meta(OrganisationForm.Meta):
        model = Startup
        fields = [
            *OrganisationForm.Meta.fields,
            "stage",
            "founded_year",
            "team_size",
            "enterprise_code",
            "products",
            "seeks_investment",
        ]
        widgets = {
            **OrganisationForm.Meta.widgets,
            "enterprise_code": forms.TextInput(attrs={"inputmode": "numeric"}),
            "products": forms.Textarea(attrs={"rows": 4}),
        }

    def submission_fields(self) -> list[str]:
        return [*super().submission_fields(), "stage", "founded_year"]

    def clean_enterprise_code(self):
        code = normalize_enterprise_code(self.cleaned_data["enterprise_code"])
        # Said here so it lands on the field; the service checks again, and the
        # database constraint has the last word when two people race.
        if code and Startup.objects.filter(enterprise_code=code).exclude(pk=self.instance.pk):
            raise forms.ValidationError(
                _("A startup with this enterprise code is already registered."),
                code="duplicate_enterprise_code",
            )
        return code


class ResearchGroupForm(OrganisationForm):
    kind = Organisation.Kind.RESEARCH_GROUP
    details_legend = _("About the research group")
    details_fields = ["host_institution", "lead_researcher", "research_fields", "members_count"]

    class Meta(OrganisationForm.Meta):
        model = ResearchGroup
        fields = [
            *OrganisationForm.Meta.fields,
            "host_institution",
            "lead_researcher",
            "research_fields",
            "members_count",
        ]
        field_classes = {**OrganisationForm.Meta.field_classes, "research_fields": TermField}
        help_texts = {
            **OrganisationForm.Meta.help_texts,
            "host_institution": _("The university or institute the group belongs to."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_institution"].queryset = Partner.objects.public().order_by("name")
        self.fields["research_fields"].queryset = ExpertiseTag.objects.all()

    def submission_fields(self) -> list[str]:
        return [*super().submission_fields(), "host_institution"]


PROFILE_FORMS = {
    Organisation.Kind.STARTUP: StartupForm,
    Organisation.Kind.RESEARCH_GROUP: ResearchGroupForm,
}


class TechnologyOfferForm(forms.ModelForm):
    class Meta:
        model = TechnologyOffer
        fields = ["title", "summary", "trl", "ip_status", "licensing_terms", "expertise"]
        field_classes = {"expertise": TermField}
        widgets = {
            "trl": forms.NumberInput(attrs={"min": 1, "max": 9}),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "licensing_terms": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = ExpertiseTag.objects.all()

    def offer_fields(self) -> dict:
        return dict(self.cleaned_data)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send a link to join, valid for 7 days."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

"""Organisations in the registry: startups, research groups and partners.

Multi-table inheritance: one `Organisation` row holds what every kind shares,
so memberships, interactions, applications and events point at one table; each
kind adds only its own fields.
"""

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecosystem import search

from .taxonomy import Area, ExpertiseTag, PartnerService, Sector, Stage

ENTERPRISE_CODE = re.compile(r"^(\d{10})(?:-?(\d{3}))?$")


def normalize_enterprise_code(value: str) -> str:
    """'0312345678' or '0312345678001' or '0312345678-001' -> the dashed form
    used on Vietnamese business registrations; ValidationError otherwise."""
    compact = re.sub(r"[\s.]", "", value or "")
    if not compact:
        return ""
    match = ENTERPRISE_CODE.match(compact)
    if not match:
        raise ValidationError(
            _("An enterprise code has 10 digits, or 13 for a branch (0312345678-001)."),
            code="invalid_enterprise_code",
        )
    head, branch = match.groups()
    return f"{head}-{branch}" if branch else head


def validate_founded_year(value):
    if value is not None and not 1900 <= value <= date.today().year:
        raise ValidationError(
            _("Enter a year between 1900 and %(year)s."), params={"year": date.today().year}
        )


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """Only verified organisations are ever shown to the public."""
        return self.filter(status=Organisation.Status.VERIFIED)

    def search(self, query: str):
        return search.search(self, query)

    def in_sector(self, sector: Sector):
        """In the sector or any of its sub-sectors."""
        return self.filter(models.Q(sectors=sector) | models.Q(sectors__parent=sector)).distinct()

    def for_member(self, user):
        return self.filter(memberships__user=user)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        STARTUP = "startup", _("startup")
        RESEARCH_GROUP = "research_group", _("research group")
        PARTNER = "partner", _("partner")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PENDING = "pending", _("waiting for verification")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="organisations"
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    show_contact = models.BooleanField(
        _("show the contact email and phone on the public profile"), default=False
    )

    status = models.CharField(
        _("verification"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_("Shown to the organisation's members."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ecosystem.Membership",
        related_name="organisations",
        verbose_name=_("members"),
    )
    search_document = models.TextField(editable=False, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "status", "name"], name="organisation_list"),
            models.Index(fields=["kind", "status", "-created_at"], name="organisation_newest"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_document = self.build_search_document()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_document"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "directory:detail", kwargs={"kind": KIND_URL_SEGMENTS[self.kind], "slug": self.slug}
        )

    def build_search_document(self) -> str:
        return search.document(self.name, self.tagline, self.description)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def specific(self) -> "Organisation":
        """The Startup, ResearchGroup or Partner behind this row."""
        if type(self) is not Organisation:
            return self
        return getattr(self, KIND_ATTRIBUTES[self.kind])


class Startup(Organisation):
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"), null=True, blank=True, validators=[validate_founded_year]
    )
    stage = models.ForeignKey(
        Stage,
        verbose_name=_("stage"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="startups",
    )
    team_size = models.PositiveIntegerField(
        _("team size"), null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    enterprise_code = models.CharField(
        _("enterprise code"),
        max_length=14,
        blank=True,
        help_text=_("Mã số doanh nghiệp: 10 digits, or 13 for a branch (0312345678-001)."),
    )
    products = models.TextField(_("products and services"), blank=True)
    seeks_investment = models.BooleanField(_("looking for investment"), default=False)

    class Meta:
        verbose_name = _("startup")
        verbose_name_plural = _("startups")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise_code"],
                condition=~models.Q(enterprise_code=""),
                name="startup_enterprise_code_unique",
                violation_error_message=_("A startup with this enterprise code is registered."),
            ),
        ]

    def save(self, *args, **kwargs):
        self.kind = Organisation.Kind.STARTUP
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        try:
            self.enterprise_code = normalize_enterprise_code(self.enterprise_code)
        except ValidationError as error:
            raise ValidationError({"enterprise_code": error}) from error

    def build_search_document(self) -> str:
        return search.document(self.name, self.tagline, self.description, self.products)


class Partner(Organisation):
    class PartnerType(models.TextChoices):
        INCUBATOR = "incubator", _("incubator")
        UNIVERSITY = "university", _("university or institute")
        FUND = "fund", _("fund")
        ENTERPRISE = "enterprise", _("enterprise")
        PUBLIC_AGENCY = "public_agency", _("public agency")
        SERVICE_PROVIDER = "service_provider", _("S&T service provider")

    partner_type = models.CharField(_("type"), max_length=20, choices=PartnerType.choices)
    services = models.ManyToManyField(
        PartnerService, verbose_name=_("services offered"), blank=True, related_name="partners"
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def save(self, *args, **kwargs):
        self.kind = Organisation.Kind.PARTNER
        super().save(*args, **kwargs)


class ResearchGroup(Organisation):
    host_institution = models.ForeignKey(
        Partner,
        verbose_name=_("host institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="research_groups",
    )
    lead_researcher = models.CharField(_("lead researcher"), max_length=150, blank=True)
    research_fields = models.ManyToManyField(
        ExpertiseTag, verbose_name=_("research fields"), blank=True, related_name="research_groups"
    )
    members_count = models.PositiveIntegerField(
        _("number of researchers"), null=True, blank=True, validators=[MaxValueValidator(10_000)]
    )

    class Meta:
        verbose_name = _("research group")
        verbose_name_plural = _("research groups")

    def save(self, *args, **kwargs):
        self.kind = Organisation.Kind.RESEARCH_GROUP
        super().save(*args, **kwargs)


class TechnologyOfferQuerySet(models.QuerySet):
    def public(self):
        return self.filter(research_group__status=Organisation.Status.VERIFIED)

    def search(self, query: str):
        return search.search(self, query)


class TechnologyOffer(models.Model):
    """A technology a research group is ready to transfer: the technology market."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class IPStatus(models.TextChoices):
        NONE = "none", _("no IP protection")
        FILED = "filed", _("patent or utility solution filed")
        GRANTED = "granted", _("patent or utility solution granted")

    research_group = models.ForeignKey(
        ResearchGroup,
        verbose_name=_("research group"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level (TRL)"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 (basic principles observed) to 9 (proven in operation)."),
    )
    ip_status = models.CharField(
        _("intellectual property"), max_length=10, choices=IPStatus.choices, default=IPStatus.NONE
    )
    licensing_terms = models.TextField(_("licensing terms"), blank=True)
    expertise = models.ManyToManyField(
        ExpertiseTag, verbose_name=_("technologies"), blank=True, related_name="offers"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    search_document = models.TextField(editable=False, blank=True)

    objects = TechnologyOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("technology offer")
        verbose_name_plural = _("technology offers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(trl__gte=1, trl__lte=9), name="technology_offer_trl_1_to_9"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_document = search.document(self.title, self.summary, self.licensing_terms)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_document"}
        super().save(*args, **kwargs)


KIND_ATTRIBUTES = {
    Organisation.Kind.STARTUP: "startup",
    Organisation.Kind.RESEARCH_GROUP: "researchgroup",
    Organisation.Kind.PARTNER: "partner",
}
# The stable public URLs (DESIGN.md §5): /directory/<segment>/<slug>/
KIND_URL_SEGMENTS = {
    Organisation.Kind.STARTUP: "startups",
    Organisation.Kind.RESEARCH_GROUP: "research-groups",
    Organisation.Kind.PARTNER: "partners",
}

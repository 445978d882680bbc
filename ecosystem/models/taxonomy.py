"""Taxonomies coordinators edit in the admin. Each term has a Vietnamese name and
an English one; nothing administrative (provinces, wards) is hard-coded."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TaxonomyTerm(models.Model):
    name = models.CharField(_("name (Vietnamese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class Sector(TaxonomyTerm):
    """Two levels: a sector (Agriculture) and its sub-sectors (Aquaculture)."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.localized_name} › {self.localized_name}"  # noqa: RUF001
        return self.localized_name

    def clean(self):
        if self.parent_id and (self.parent.parent_id or self.parent_id == self.pk):
            raise ValidationError(
                {"parent": _("Sectors have two levels: pick a top-level sector.")}
            )
        if self.parent_id and self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This sector has sub-sectors, so it must stay at the top level.")}
            )


class Stage(TaxonomyTerm):
    """A startup's stage: idea, prototype, early revenue, growth, scale."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("startup stage")
        verbose_name_plural = _("startup stages")


class Area(TaxonomyTerm):
    """A province and its communes, wards and special zones. Vietnam merged its
    provinces and abolished districts in 2025, so this is data, not code."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        WARD = "ward", _("ward")
        COMMUNE = "commune", _("commune")
        SPECIAL_ZONE = "special_zone", _("special zone")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("official code"), max_length=10, blank=True)

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        if self.parent_id:
            return f"{self.localized_name}, {self.parent.localized_name}"
        return self.localized_name

    def clean(self):
        if self.kind == self.Kind.PROVINCE and self.parent_id:
            raise ValidationError({"parent": _("A province has no parent area.")})
        if self.kind != self.Kind.PROVINCE:
            if not self.parent_id:
                raise ValidationError({"parent": _("Choose the province this area belongs to.")})
            if self.parent.kind != self.Kind.PROVINCE:
                raise ValidationError({"parent": _("The parent of an area must be a province.")})


class ExpertiseTag(TaxonomyTerm):
    """An expertise or technology: used by research groups, offers and mentors."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("expertise or technology")
        verbose_name_plural = _("expertise and technologies")


class PartnerService(TaxonomyTerm):
    """A service a partner offers: IP, standards and measurement, traceability…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("partner service")
        verbose_name_plural = _("partner services")

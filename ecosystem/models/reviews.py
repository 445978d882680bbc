"""The advisory council's reviews and the decisions on applications."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Review(models.Model):
    """One council member's review of one application, from assignment to
    submission. Before seeing the application the reviewer declares that they
    have no conflict of interest, or recuses themselves with a reason."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("assigned")
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RECUSED = "recused", _("recused")

    application = models.ForeignKey(
        "ecosystem.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ASSIGNED
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    # Conflicts found from the registry at assignment ("member of the applicant"…)
    # and, when assigned anyway, who overrode them and why.
    conflicts = models.JSONField(_("conflicts found"), default=list, blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("conflict overridden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    override_reason = models.TextField(_("reason for the override"), blank=True)
    declared_at = models.DateTimeField(_("no conflict declared at"), null=True, blank=True)
    recusal_reason = models.TextField(_("reason for recusal"), blank=True)
    comment_for_applicant = models.TextField(_("comment for the applicant"), blank=True)
    comment_for_council = models.TextField(_("comment for the council"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="review_one_per_reviewer"
            ),
        ]
        indexes = [models.Index(fields=["reviewer", "status"], name="review_reviewer_status")]

    def __str__(self):
        return f"{self.reviewer} · {self.application}"


class Score(models.Model):
    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "ecosystem.Criterion", on_delete=models.PROTECT, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(10)])
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_one_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=10), name="score_0_to_10"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Decision(models.Model):
    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("not accepted")

    application = models.OneToOneField(
        "ecosystem.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    award_amount = models.PositiveBigIntegerField(_("award (VND)"), null=True, blank=True)
    rationale = models.TextField(_("rationale"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="accepted") | models.Q(award_amount__isnull=True),
                name="decision_award_only_when_accepted",
            ),
        ]

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"

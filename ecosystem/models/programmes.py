"""Support programmes and their calls for applications."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from ecosystem.blocks import QuestionStreamBlock

from .taxonomy import Area, Sector, Stage


class LocalizedMixin:
    def localized(self, field: str) -> str:
        english = getattr(self, f"{field}_en", "")
        return english if get_language() == "en" and english else getattr(self, field)


class Programme(LocalizedMixin, models.Model):
    class Kind(models.TextChoices):
        INCUBATION = "incubation", _("incubation")
        GRANT = "grant", _("grant")
        TECHNOLOGY_TRANSFER = "technology_transfer", _("technology transfer")
        ST_TASK = "st_task", _("S&T task")
        TRAINING = "training", _("training")

    name = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managing coordinators"),
        blank=True,
        related_name="managed_programmes",
    )
    total_budget = models.PositiveBigIntegerField(_("total budget (VND)"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self):
        return self.localized("name")


class CallQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)

    def open_now(self):
        return self.open_at(timezone.now())


class Call(LocalizedMixin, ClusterableModel):
    """A round of a programme. Whether it is upcoming, open or closed follows
    from the clock and its two dates; it is never stored."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("upcoming")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title (Vietnamese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    summary = models.TextField(_("summary (Vietnamese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(
        _("closes at"), help_text=_("Applications are refused from this moment on.")
    )
    accepts_startups = models.BooleanField(_("startups may apply"), default=True)
    accepts_research_groups = models.BooleanField(_("research groups may apply"), default=False)
    accepts_partners = models.BooleanField(_("partners may apply"), default=False)
    eligible_stages = models.ManyToManyField(
        Stage,
        verbose_name=_("startup stages"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for any stage."),
    )
    eligible_sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("sectors"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for any sector. A sector includes its sub-sectors."),
    )
    eligible_areas = models.ManyToManyField(
        Area,
        verbose_name=_("areas"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for anywhere. A province includes its wards and communes."),
    )
    max_award = models.PositiveBigIntegerField(_("maximum award (VND)"), null=True, blank=True)
    required_documents = models.TextField(
        _("required documents (Vietnamese)"), blank=True, help_text=_("One per line.")
    )
    required_documents_en = models.TextField(_("required documents (English)"), blank=True)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"), blank=True)
    previous_round = models.ForeignKey(
        "self",
        verbose_name=_("previous round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_rounds",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_it_opens",
                violation_error_message=_("A call must close after it opens."),
            ),
        ]

    def __str__(self):
        return self.localized("title")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A call must close after it opens.")})
        if not (self.accepts_startups or self.accepts_research_groups or self.accepts_partners):
            raise ValidationError(_("Choose at least one kind of organisation that may apply."))
        keys = [question.value["key"] for question in self.questions]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValidationError(
                {
                    "questions": _("Each question needs its own key; repeated: %(keys)s")
                    % {"keys": ", ".join(duplicates)}
                }
            )

    def state_at(self, moment) -> str:
        if moment < self.opens_at:
            return self.State.UPCOMING
        if moment < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    @property
    def state(self) -> str:
        return self.state_at(timezone.now())

    def is_open_at(self, moment) -> bool:
        return self.state_at(moment) == self.State.OPEN

    @property
    def accepted_kinds(self) -> list[str]:
        flags = {
            "startup": self.accepts_startups,
            "research_group": self.accepts_research_groups,
            "partner": self.accepts_partners,
        }
        return [kind for kind, accepted in flags.items() if accepted]

    def question_map(self) -> dict:
        """key -> (block type, value) for every question, in form order."""
        return {question.value["key"]: question for question in self.questions}


class Criterion(LocalizedMixin, Orderable):
    """A review criterion, scored 0 to 10 and weighted in the total."""

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Relative importance: a criterion of weight 2 counts twice."),
    )

    SCALE_MAX = 10

    class Meta(Orderable.Meta):
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=1), name="criterion_weight_positive"
            ),
        ]

    def __str__(self):
        return self.localized("name")

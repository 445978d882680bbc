"""Mentors: profiles, office-hour slots, bookings with their follow-up, and
coordinators' engagements of a mentor with a startup."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecosystem.search import document as search_document

SLOT_MINUTES = (15, 120)
# Paths under /mentors/ that a profile's slug would otherwise collide with.
RESERVED_SLUGS = frozenset({"suggestions", "me", "invitations", "bookings"})


def validate_mentor_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is one of the portal's own addresses; choose another."),
            params={"slug": value},
        )


class Language(models.Model):
    """A language a mentor works in (coordinators add more in the admin)."""

    wagtail_reference_index_ignore = True

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name (Vietnamese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self):
        return self.name_en if get_language() == "en" and self.name_en else self.name


class MentorQuerySet(models.QuerySet):
    def public(self):
        """Only approved mentors are ever shown to the public."""
        return self.filter(status=MentorProfile.Status.APPROVED, user__is_active=True)


class MentorProfile(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", _("invited")
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        SUSPENDED = "suspended", _("suspended")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="mentor_profile",
    )
    slug = models.SlugField(
        _("slug"), max_length=160, unique=True, validators=[validate_mentor_slug]
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    headline = models.CharField(_("headline (Vietnamese)"), max_length=200, blank=True)
    headline_en = models.CharField(_("headline (English)"), max_length=200, blank=True)
    bio = models.TextField(_("about (Vietnamese)"), blank=True)
    bio_en = models.TextField(_("about (English)"), blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    expertise = models.ManyToManyField(
        "ecosystem.ExpertiseTag", verbose_name=_("expertise"), blank=True, related_name="mentors"
    )
    sectors = models.ManyToManyField(
        "ecosystem.Sector", verbose_name=_("sectors"), blank=True, related_name="mentors"
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages"), blank=True, related_name="mentors"
    )
    years_of_experience = models.PositiveSmallIntegerField(
        _("years of experience"), null=True, blank=True, validators=[MaxValueValidator(70)]
    )
    profile_url = models.URLField(_("LinkedIn or professional profile"), blank=True)
    monthly_hours_cap = models.PositiveSmallIntegerField(
        _("hours a month at most"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(160)],
        help_text=_("Bookings stop once this many hours are booked in a month."),
    )
    accepting_new_startups = models.BooleanField(_("accepting new startups"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    search_document = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentorQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["user__full_name", "pk"]
        indexes = [models.Index(fields=["status", "accepting_new_startups"], name="mentor_public")]

    def __str__(self):
        return self.user.get_full_name()

    def save(self, *args, **kwargs):
        self.search_document = search_document(
            self.user.get_full_name(),
            self.headline,
            self.headline_en,
            self.bio,
            self.bio_en,
            self.organisation_name,
            self.job_title,
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_document"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("mentors:profile", kwargs={"slug": self.slug})

    def localized(self, field: str) -> str:
        english = getattr(self, f"{field}_en", "")
        return english if get_language() == "en" and english else getattr(self, field)


class SlotQuerySet(models.QuerySet):
    def bookable(self, now=None):
        """Open slots that have not started."""
        return self.filter(status=OfficeHourSlot.Status.OPEN, starts_at__gt=now or timezone.now())


class OfficeHourSlot(models.Model):
    """A time a mentor offers, 15 to 120 minutes; booked at most once."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        OPEN = "open", _("free")
        BOOKED = "booked", _("booked")
        WITHDRAWN = "withdrawn", _("withdrawn")

    mentor = models.ForeignKey(
        MentorProfile, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="slots"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    online_url = models.URLField(_("online link"), blank=True)
    location = models.CharField(_("place"), max_length=300, blank=True)
    # Slots published together as a weekly series share this key.
    series_key = models.UUIDField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("office-hour slot")
        verbose_name_plural = _("office-hour slots")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["mentor", "status", "starts_at"], name="slot_mentor_open"),
            models.Index(fields=["status", "starts_at"], name="slot_open_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="slot_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.mentor} · {local:%d/%m/%Y %H:%M}"

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    def clean(self):
        if self.starts_at and self.ends_at:
            low, high = SLOT_MINUTES
            if not low <= self.minutes <= high:
                raise ValidationError(
                    _("A slot lasts from %(low)s to %(high)s minutes.") % {"low": low, "high": high}
                )
        if not self.online_url and not self.location:
            raise ValidationError(_("Give an online link or a place."))


class BookingQuerySet(models.QuerySet):
    def active(self):
        """Bookings that hold their slot."""
        return self.exclude(status=Booking.Status.CANCELLED)


class Booking(models.Model):
    """A startup's booking of a slot, with the mentor's notes and the startup's
    rating afterwards."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        BOOKED = "booked", _("booked")
        CANCELLED = "cancelled", _("cancelled")
        LATE_CANCELLED = "late_cancelled", _("cancelled late")
        COMPLETED = "completed", _("took place")
        NO_SHOW = "no_show", _("no-show")

    class NoShow(models.TextChoices):
        MENTOR = "mentor", _("the mentor did not come")
        STARTUP = "startup", _("the startup did not come")

    # Cancelling later than this before the start keeps the slot taken.
    FREE_CANCELLATION = timedelta(hours=12)

    slot = models.ForeignKey(
        OfficeHourSlot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="bookings"
    )
    startup = models.ForeignKey(
        "ecosystem.Startup",
        verbose_name=_("startup"),
        on_delete=models.PROTECT,
        related_name="mentor_bookings",
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="mentor_bookings",
    )
    agenda = models.TextField(_("what you want help with"), max_length=4000)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.BOOKED
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Private to the startup's members, the mentor and coordinators.
    notes = models.TextField(_("session notes"), blank=True)
    follow_up_actions = models.TextField(_("follow-up actions"), blank=True)
    notes_updated_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.TextField(_("comment on the session"), blank=True, max_length=2000)
    no_show = models.CharField(_("no-show"), max_length=10, choices=NoShow.choices, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-created_at"]
        constraints = [
            # A slot is booked at most once; a cancelled booking frees it.
            models.UniqueConstraint(
                fields=["slot"],
                condition=~models.Q(status="cancelled"),
                name="booking_one_active_per_slot",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="booking_rating_1_to_5",
            ),
        ]
        indexes = [models.Index(fields=["startup", "status"], name="booking_startup")]

    def __str__(self):
        return f"{self.startup} · {self.slot}"


class Engagement(models.Model):
    """A coordinator's assignment of a mentor to a startup, for a programme."""

    wagtail_reference_index_ignore = True

    mentor = models.ForeignKey(
        MentorProfile,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="engagements",
    )
    startup = models.ForeignKey(
        "ecosystem.Startup",
        verbose_name=_("startup"),
        on_delete=models.CASCADE,
        related_name="mentor_engagements",
    )
    programme = models.ForeignKey(
        "ecosystem.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor_engagements",
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="engagement_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.mentor} → {self.startup}"

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)

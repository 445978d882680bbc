"""Incubation events: venues, series, events and registrations."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecosystem.search import document as search_document


def new_token() -> str:
    return secrets.token_urlsafe(32)


class LocalizedMixin:
    def localized(self, field: str) -> str:
        english = getattr(self, f"{field}_en", "")
        return english if get_language() == "en" and english else getattr(self, field)


class Venue(models.Model):
    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    area = models.ForeignKey(
        "ecosystem.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venues",
    )
    map_url = models.URLField(
        _("map link"),
        blank=True,
        help_text=_("A link to a map; the portal shows no embedded maps."),
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        moved = False
        if self.pk:
            stored = Venue.objects.filter(pk=self.pk).values("name", "address").first()
            moved = stored is not None and stored != {"name": self.name, "address": self.address}
        super().save(*args, **kwargs)
        if moved:
            # The place of these events changed: calendars need a new SEQUENCE,
            # and feeds a new Last-Modified.
            self.event_set.filter(ends_at__gte=timezone.now()).update(
                sequence=models.F("sequence") + 1, updated_at=timezone.now()
            )


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("workshop")
    TRAINING = "training", _("training")
    PITCHING = "pitching", _("pitching")
    DEMO_DAY = "demo_day", _("demo day")
    OFFICE_HOURS = "office_hours", _("office hours")
    TECH_FAIR = "tech_fair", _("tech fair")
    WEBINAR = "webinar", _("webinar")


class EventDetails(LocalizedMixin, models.Model):
    """What an event and the series that generates events have in common."""

    title = models.CharField(_("title (Vietnamese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), null=True, blank=True, on_delete=models.PROTECT
    )
    online_url = models.URLField(_("online link"), blank=True)
    organiser = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    programme = models.ForeignKey(
        "ecosystem.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    call = models.ForeignKey(
        "ecosystem.Call",
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waitlist_enabled = models.BooleanField(_("waitlist when full"), default=True)
    # Questions asked when registering: [{"key", "label", "label_en", "type": "text"|
    # "choice", "options": [...], "required": bool}]
    questions = models.JSONField(_("registration questions"), default=list, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.localized("title")


class EventSeries(EventDetails):
    """A recurring event. Each occurrence is its own Event with its own capacity
    and registrations; editing the series updates future occurrences nobody has
    changed by hand."""

    class Frequency(models.TextChoices):
        DAILY = "DAILY", _("daily")
        WEEKLY = "WEEKLY", _("weekly")
        MONTHLY = "MONTHLY", _("monthly")

    frequency = models.CharField(_("repeats"), max_length=10, choices=Frequency.choices)
    interval = models.PositiveSmallIntegerField(_("every"), default=1)
    first_starts_at = models.DateTimeField(_("first occurrence starts at"))
    duration = models.DurationField(_("duration"), default=timedelta(hours=2))
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("number of occurrences"), null=True, blank=True)
    # Dates (YYYY-MM-DD, local) on which there is no occurrence.
    exceptions = models.JSONField(_("dates without an occurrence"), default=list, blank=True)

    MAX_OCCURRENCES = 200

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def clean(self):
        if not self.until and not self.count:
            raise ValidationError(_("Give an end date or a number of occurrences."))
        if self.count and self.count > self.MAX_OCCURRENCES:
            raise ValidationError(
                {"count": _("At most %(n)s occurrences.") % {"n": self.MAX_OCCURRENCES}}
            )


# /events/<these>/ are pages of their own, not events.
RESERVED_SLUGS = {"calendar", "feed", "my-calendar", "r"}


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Event.Visibility.PUBLIC)

    def visible_to(self, user):
        public = models.Q(visibility=Event.Visibility.PUBLIC)
        if user is None or not user.is_authenticated:
            return self.filter(public)
        return self.filter(public | models.Q(visible_to__memberships__user=user)).distinct()

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())


class Event(EventDetails):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("everyone")
        MEMBERS = "members", _("members of the chosen organisations")

    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    # The iCalendar UID: set once, never changes, whatever else does.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Shown by date only, from the start date to the end date."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    visibility = models.CharField(
        _("who can see it"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    visible_to = models.ManyToManyField(
        "ecosystem.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    # iCalendar SEQUENCE: rises whenever the time, the place or the status changes.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
    )
    occurrence_date = models.DateField(null=True, blank=True, editable=False)
    changed_by_hand = models.BooleanField(
        _("changed by hand"),
        default=False,
        help_text=_("Edits to the series no longer change this occurrence."),
    )
    # For display only; decisions about seats always count rows inside a lock.
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    waitlist_count = models.PositiveIntegerField(default=0, editable=False)
    search_document = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    # Fields whose change makes calendars update the event (SEQUENCE + 1).
    SCHEDULE_FIELDS = ("starts_at", "ends_at", "all_day", "venue_id", "online_url", "status")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["visibility", "starts_at"], name="event_public_start"),
            models.Index(fields=["visibility", "ends_at"], name="event_public_end"),
            models.Index(fields=["updated_at"], name="event_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["series", "occurrence_date"],
                condition=models.Q(series__isnull=False),
                name="event_one_occurrence_per_date",
            ),
        ]

    def save(self, *args, **kwargs):
        self.search_document = search_document(
            self.title, self.title_en, self.description, self.description_en
        )
        extra = {"search_document"}
        if self.schedule_changed():
            self.sequence += 1
            extra.add("sequence")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *extra}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is the address of another page; choose another.")
                    % {"slug": self.slug}
                }
            )
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )

    def schedule_changed(self) -> bool:
        """Whether the time, the place or the status differs from what is stored:
        calendars then need a higher SEQUENCE to take the new version."""
        if self.pk is None:
            return False
        stored = Event.objects.filter(pk=self.pk).values(*self.SCHEDULE_FIELDS).first()
        if stored is None:
            return False
        return any(stored[name] != getattr(self, name) for name in self.SCHEDULE_FIELDS)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.is_cancelled or now >= self.ends_at:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        closes = self.registration_closes_at or self.starts_at
        return now < closes

    @property
    def seats_left(self) -> int | None:
        """For display (may lag a moment behind); None means no limit."""
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.confirmed_count)


class RegistrationQuerySet(models.QuerySet):
    def holding_seats(self, now=None):
        """Registrations that take a seat: confirmed, attended, and a guest's
        unconfirmed one that found a free seat, for 24 hours (then it lapses)."""
        now = now or timezone.now()
        return self.filter(
            models.Q(status__in=[Registration.Status.CONFIRMED, Registration.Status.ATTENDED])
            | models.Q(
                status=Registration.Status.PENDING,
                holds_seat=True,
                created_at__gt=now - Registration.PENDING_HOLD,
            )
        )

    def waitlisted(self):
        """The waitlist in arrival order."""
        return self.filter(status=Registration.Status.WAITLISTED).order_by("queued_at", "pk")


class Registration(models.Model):
    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for email confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        CANCELLED = "cancelled", _("cancelled")
        ATTENDED = "attended", _("attended")

    PENDING_HOLD = timedelta(hours=24)

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), max_length=254)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # The private key to the person's manage page and check-in QR code.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # Emails to this person are written in the language they registered in.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # A guest's unconfirmed registration that found a free seat keeps it 24 hours.
    holds_seat = models.BooleanField(default=False, editable=False)
    # Place in the waitlist: when the person joined it (for guests, on confirming).
    queued_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event", Lower("email"), name="registration_one_per_person_per_event"
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"], name="registration_queue"),
            # A person's registrations include those made as a guest with their email.
            models.Index(Lower("email"), name="registration_email"),
        ]

    def __str__(self):
        return f"{self.name} · {self.event}"

    def get_absolute_url(self):
        return reverse("events:manage", kwargs={"token": self.token})


class CalendarFeed(models.Model):
    """A person's private calendar address (/events/feed/<secret>.ics) with
    their registrations (and, from the mentors app, their bookings). Making a
    new one revokes the old address."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    secret = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self):
        return str(self.user)

    def renew(self) -> None:
        self.secret = new_token()
        self.save(update_fields=["secret", "created_at"])

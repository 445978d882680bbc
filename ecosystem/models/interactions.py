from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InteractionQuerySet(models.QuerySet):
    def follow_ups_due(self, *, owner, until):
        return self.filter(
            follow_up_owner=owner, follow_up_done=False, follow_up_on__isnull=False
        ).filter(follow_up_on__lte=until)


class Interaction(models.Model):
    """The CRM log: a coordinator's contact with an organisation."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        CALL = "call", _("phone call")
        VISIT = "visit", _("visit")
        EMAIL = "email", _("email")
        EVENT = "event", _("contact at an event")

    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="interactions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"))
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="interactions",
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("follow-up owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    objects = InteractionQuerySet.as_manager()

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-happened_on", "-created_at"]
        indexes = [
            models.Index(
                fields=["follow_up_owner", "follow_up_done", "follow_up_on"],
                name="interaction_follow_ups",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.organisation} · {self.happened_on}"

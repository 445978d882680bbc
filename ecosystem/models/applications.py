"""Applications to calls, their files, their history and information requests."""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _


class PrivateStorage(LazyObject):
    """Applicants' files live outside MEDIA_ROOT: no URL reaches them except the
    view that checks who is asking."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def private_file_storage():
    """The field's storage, named by reference so that migrations do not record
    this machine's PRIVATE_MEDIA_ROOT."""
    return private_storage


def application_file_path(instance, filename):
    # Never the uploader's name on disk: "../../etc/passwd" becomes a UUID.
    return f"applications/{instance.application_id}/{uuid.uuid4().hex}"


class Application(models.Model):
    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        SCREENING = "screening", _("screening")
        INELIGIBLE = "ineligible", _("not eligible")
        IN_REVIEW = "in_review", _("in review")
        INFO_REQUESTED = "info_requested", _("more information requested")
        SHORTLISTED = "shortlisted", _("shortlisted")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    FINAL = {Status.INELIGIBLE, Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN}

    call = models.ForeignKey(
        "ecosystem.Call",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Answers by question key: {"team-size": 5, "summary": "...", "sectors": ["a", "b"]}.
    # File questions hold the ids of ApplicationFile rows.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"],
                name="application_one_per_organisation_per_call",
                violation_error_message=_("This organisation has applied to this call already."),
            ),
        ]
        indexes = [models.Index(fields=["call", "status"], name="application_call_status")]

    def __str__(self):
        return f"{self.organisation} · {self.call}"

    @property
    def reference(self) -> str:
        """A short number people can quote on the phone: HS-2026-00042."""
        return f"HS-{self.created_at:%Y}-{self.pk:05d}"

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL


class ApplicationFile(models.Model):
    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True
    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="files"
    )
    question_key = models.CharField(_("question"), max_length=60)
    file = models.FileField(
        _("file"), storage=private_file_storage, upload_to=application_file_path, max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application file")
        verbose_name_plural = _("application files")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name


class ApplicationTransition(models.Model):
    """Every change of an application's status: who, when, from what to what, why."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Application.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Application.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.from_status} → {self.to_status}"


class InformationRequest(models.Model):
    """A coordinator's "more information requested", and the applicant's reply."""

    # No images, documents or pages to track in Wagtail's usage index.
    wagtail_reference_index_ignore = True

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="information_requests"
    )
    message = models.TextField(_("message"))
    # The keys of the answers the applicant may change in reply.
    question_keys = models.JSONField(_("questions to complete"), default=list, blank=True)
    # Where the application returns when the applicant replies.
    resume_status = models.CharField(max_length=20, choices=Application.Status.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    reply = models.TextField(_("reply"), blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["requested_at"]

    def __str__(self):
        return f"{self.application} · {self.requested_at:%Y-%m-%d}"

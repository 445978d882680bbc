"""Coordinators invite mentors by email; the link signs the person up or in and
starts a profile, which they fill in and send for approval; coordinators
approve it (then it is public) or decline it with a reason.

An invitation is its signed link and nothing more: django.core.signing with
its own salt around the address, the name and the day it was sent. The link
stops working 14 days later, and once used: it is used as soon as the invited
address belongs to someone with a mentor profile, which accepting creates (the
person's row is locked meanwhile, and a person has one profile at most, so
two clicks at once make one profile). Only the person the invitation was
addressed to can accept it: the address must be one of their verified ones.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from accounts.mail import email_send, language_for
from ecosystem import search
from ecosystem.forms import GroupedCheckboxes, SectorField, TermField, https_by_default
from ecosystem.models import ExpertiseTag, Sector

from .models import RESERVED_SLUGS, Language, MentorProfile
from .services import MentoringError

SALT = "mentors.invitation"
VALID_DAYS = 14
MENTORS_GROUP = "Mentors"
APPROVE_ACTION = "mentors.approve"
REJECT_ACTION = "mentors.reject"
# Sending for approval needs what a startup reads first.
NEEDED_TO_SUBMIT = ("headline", "bio", "expertise")
STATUS = MentorProfile.Status
# A draft, or a declined profile, can be sent for approval.
SUBMITTABLE = (STATUS.INVITED, STATUS.SUSPENDED)


@dataclass(frozen=True)
class Invitation:
    email: str
    name: str
    invited_by: str
    sent_at: datetime

    @property
    def expires_at(self) -> datetime:
        return self.sent_at + timedelta(days=VALID_DAYS)


def _normalize_email(email: str) -> str:
    return get_user_model().objects.normalize_email((email or "").strip()).lower()


def invitation_token(*, email: str, name: str, invited_by, now=None) -> str:
    sent_at = int((now or timezone.now()).timestamp())
    payload = {"e": _normalize_email(email), "n": name, "b": invited_by.get_full_name()}
    return signing.dumps({**payload, "t": sent_at}, salt=SALT, compress=True)


def invitation_from_token(*, token: str, now=None) -> Invitation:
    """The invitation a link carries. MentoringError for a link that was altered
    or cut short, or that has expired."""
    try:
        payload = signing.loads(token, salt=SALT)
        invitation = Invitation(
            email=str(payload["e"]),
            name=str(payload["n"]),
            invited_by=str(payload["b"]),
            sent_at=datetime.fromtimestamp(int(payload["t"]), tz=UTC),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise MentoringError(
            _(
                "This invitation link is not valid. Check that you opened the whole link "
                "from the email, or ask the Department's coordinators for a new invitation."
            )
        ) from error
    if (now or timezone.now()) >= invitation.expires_at:
        raise MentoringError(
            _(
                "This invitation expired on %(date)s. Ask the Department's coordinators "
                "for a new one."
            )
            % {"date": _short_date(invitation.expires_at)}
        )
    return invitation


def _short_date(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def _mentor_with_address(email: str):
    return MentorProfile.objects.filter(
        Q(user__email__iexact=email)
        | Q(user__emailaddress__email__iexact=email, user__emailaddress__verified=True)
    )


def invitation_send(
    *, email: str, name: str, message: str = "", language: str, inviter, site_url: str
) -> str:
    """Email an invitation to become a mentor; returns the link sent. Refused
    for an address that already has a mentor profile."""
    email = _normalize_email(email)
    if _mentor_with_address(email).exists():
        raise MentoringError(
            _("%(email)s already has a mentor profile.") % {"email": email}, field="email"
        )
    token = invitation_token(email=email, name=name.strip(), invited_by=inviter)
    with translation.override(language):
        path = reverse("mentors:invitation", kwargs={"token": token})
        expires = _short_date(timezone.now() + timedelta(days=VALID_DAYS))
    accept_url = site_url.rstrip("/") + path
    email_send(
        to=email,
        template="mentors/emails/invitation",
        context={
            "name": name.strip(),
            "inviter": inviter.get_full_name(),
            "message": message.strip(),
            "accept_url": accept_url,
            "expires": expires,
        },
        language=language,
    )
    return accept_url


def invitation_check(*, invitation: Invitation, user) -> None:
    """Raise MentoringError saying why `user` cannot accept the invitation."""
    if _mentor_with_address(invitation.email).exists():
        raise MentoringError(_("This invitation has already been used."))
    if MentorProfile.objects.filter(user=user).exists():
        raise MentoringError(_("You already have a mentor profile."))
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise MentoringError(
            _(
                "This invitation was sent to %(email)s. Sign in with that address to accept "
                "it, or add and verify it under Email addresses in your account."
            )
            % {"email": invitation.email}
        )


def _unique_slug(name: str) -> str:
    base = slugify(search.normalize(name))[:150].strip("-") or "chuyen-gia"
    taken = set(
        MentorProfile.objects.filter(
            Q(slug=base) | Q(slug__regex=rf"^{re.escape(base)}-[0-9]+$")
        ).values_list("slug", flat=True)
    )
    number = 2
    slug = base
    while slug in taken or slug in RESERVED_SLUGS:
        slug, number = f"{base}-{number}", number + 1
    return slug


def invitation_accept(*, token: str, user) -> MentorProfile:
    """Accept an invitation: the person joins the Mentors group and gets a
    profile to fill in, not yet public."""
    invitation = invitation_from_token(token=token)
    try:
        with transaction.atomic():
            user = get_user_model().objects.select_for_update().get(pk=user.pk)
            invitation_check(invitation=invitation, user=user)
            if not user.full_name.strip() and invitation.name:
                user.full_name = invitation.name
                user.save(update_fields=["full_name"])
            user.groups.add(Group.objects.get(name=MENTORS_GROUP))
            mentor = MentorProfile.objects.create(
                user=user, slug=_unique_slug(user.get_full_name()), status=STATUS.INVITED
            )
            log(instance=mentor, action="wagtail.create", user=user)
    except IntegrityError as error:
        raise MentoringError(_("This invitation has already been used.")) from error
    return mentor


def mentor_profile_update(
    *, mentor: MentorProfile, full_name: str, fields: dict, submit: bool = False
) -> MentorProfile:
    """Save the mentor's own changes; `submit` sends a draft (or a declined
    profile) to the coordinators for approval. An approved profile stays
    public as it changes."""
    with transaction.atomic():
        user = mentor.user
        if full_name.strip() and full_name.strip() != user.full_name:
            user.full_name = full_name.strip()
            user.save(update_fields=["full_name"])
        related = {name: fields.pop(name) for name in ("expertise", "sectors", "languages")}
        for name, value in fields.items():
            setattr(mentor, name, value)
        if submit and mentor.status in SUBMITTABLE:
            mentor.status = STATUS.PENDING
        mentor.save()
        for name, value in related.items():
            getattr(mentor, name).set(value)
        log(instance=mentor, action="wagtail.edit", user=user)
    return mentor


def _email_mentor(mentor: MentorProfile, template: str, **context) -> None:
    person = mentor.user
    language = language_for(person)
    with translation.override(language):
        profile_path = reverse("mentors:profile", kwargs={"slug": mentor.slug})
        edit_path = reverse("mentors:profile_edit")
    email_send(
        to=person.email,
        template=f"mentors/emails/{template}",
        context={
            "person": person,
            "mentor": mentor,
            "profile_url": settings.SITE_URL + profile_path,
            "edit_url": settings.SITE_URL + edit_path,
            **context,
        },
        language=language,
    )


def mentor_approve(*, mentor: MentorProfile, by) -> bool:
    """Make the profile public and tell the mentor. False when it already was."""
    with transaction.atomic():
        locked = MentorProfile.objects.select_for_update().select_related("user").get(pk=mentor.pk)
        if locked.status == STATUS.APPROVED:
            return False
        locked.status = STATUS.APPROVED
        locked.approved_at = timezone.now()
        locked.save(update_fields=["status", "approved_at", "updated_at"])
        log(instance=locked, action=APPROVE_ACTION, user=by)
        _email_mentor(locked, "invitation_approved")
    mentor.status, mentor.approved_at = locked.status, locked.approved_at
    return True


def mentor_reject(*, mentor: MentorProfile, by, reason: str) -> bool:
    """Take the profile out of public view (or keep it out) and email the
    mentor the reason; they can change it and send it again. False when it
    was already declined."""
    reason = (reason or "").strip()
    if not reason:
        raise MentoringError(_("Say why, for the mentor."), field="reason")
    with transaction.atomic():
        locked = MentorProfile.objects.select_for_update().select_related("user").get(pk=mentor.pk)
        if locked.status == STATUS.SUSPENDED:
            return False
        locked.status = STATUS.SUSPENDED
        locked.save(update_fields=["status", "updated_at"])
        log(instance=locked, action=REJECT_ACTION, user=by, data={"reason": reason})
        _email_mentor(locked, "invitation_declined", reason=reason)
    mentor.status = locked.status
    return True


class InvitationForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"))
    name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the email"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=gettext_lazy("Personal message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Optional; added to the email above the link."),
    )


class MentorProfileForm(forms.ModelForm):
    """What a mentor writes about themselves. Sending it for approval needs a
    headline, an introduction and some expertise."""

    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)

    class Meta:
        model = MentorProfile
        fields = [
            "headline",
            "headline_en",
            "bio",
            "bio_en",
            "organisation_name",
            "job_title",
            "expertise",
            "sectors",
            "languages",
            "years_of_experience",
            "profile_url",
            "monthly_hours_cap",
            "accepting_new_startups",
        ]
        field_classes = {"sectors": SectorField, "expertise": TermField}
        formfield_callback = https_by_default
        labels = {"job_title": gettext_lazy("Job title")}
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6}),
            "bio_en": forms.Textarea(attrs={"rows": 6}),
            "languages": GroupedCheckboxes,
            "profile_url": forms.URLInput(attrs={"placeholder": "https://linkedin.com/in/…"}),
        }

    def __init__(self, *args, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        self.fields["full_name"].initial = self.instance.user.full_name
        self.fields["sectors"].queryset = Sector.objects.order_by("order", "name")
        self.fields["expertise"].queryset = ExpertiseTag.objects.all()
        self.fields["languages"].queryset = Language.objects.all()
        for name in NEEDED_TO_SUBMIT:
            if self.instance.status in SUBMITTABLE:
                self.fields[name].help_text = _("Needed to send the profile for approval.")
            else:
                # Sent already: what approval needed stays filled in.
                self.fields[name].required = True

    @property
    def sections(self):
        groups = [
            (_("About you"), ["full_name", "headline", "headline_en", "bio", "bio_en"]),
            (
                _("Work"),
                ["organisation_name", "job_title", "years_of_experience", "profile_url"],
            ),
            (_("What you help with"), ["expertise", "sectors", "languages"]),
            (_("Office hours"), ["monthly_hours_cap", "accepting_new_startups"]),
        ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]

    def clean(self):
        cleaned_data = super().clean()
        if self.submitting:
            for name in NEEDED_TO_SUBMIT:
                if not cleaned_data.get(name) and name not in self.errors:
                    self.add_error(name, _("Fill this in to send the profile for approval."))
        return cleaned_data

    def profile_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


def _invitation_page(request, status=200, **context):
    return render(request, "mentors/invitations/accept.html", context, status=status)


def accept(request, token):
    """The link in an invitation email: who it is from, then sign-in or
    sign-up (coming back here), then acceptance."""
    try:
        invitation = invitation_from_token(token=token)
    except MentoringError as error:
        return _invitation_page(request, status=400, problem=error.message)
    context = {"invitation": invitation, "expires": _short_date(invitation.expires_at)}
    if not request.user.is_authenticated:
        if _mentor_with_address(invitation.email).exists():
            problem = _("This invitation has already been used.")
            return _invitation_page(request, status=400, problem=problem, **context)
        return _invitation_page(request, next=request.get_full_path(), **context)
    if MentorProfile.objects.filter(user=request.user).exists():
        messages.info(request, _("You already have a mentor profile. You can edit it here."))
        return redirect("mentors:profile_edit")
    try:
        if request.method == "POST":
            invitation_accept(token=token, user=request.user)
            messages.success(
                request,
                _(
                    "Welcome among the mentors. Tell startups about yourself, then send "
                    "your profile for approval."
                ),
            )
            return redirect("mentors:profile_edit")
        invitation_check(invitation=invitation, user=request.user)
    except MentoringError as error:
        return _invitation_page(request, status=400, problem=error.message, **context)
    return _invitation_page(request, **context)


@login_required
def profile_edit(request):
    """A mentor's own profile: a draft until sent for approval."""
    mentor = MentorProfile.objects.select_related("user").filter(user=request.user).first()
    if mentor is None:
        raise Http404
    can_submit = mentor.status in SUBMITTABLE
    submitting = can_submit and request.POST.get("action") == "submit"
    form = MentorProfileForm(
        data=request.POST if request.method == "POST" else None,
        instance=mentor,
        submitting=submitting,
    )
    if request.method == "POST":
        if form.is_valid():
            mentor_profile_update(
                mentor=mentor,
                full_name=form.cleaned_data["full_name"],
                fields=form.profile_fields(),
                submit=submitting,
            )
            if submitting:
                messages.success(
                    request,
                    _("Your profile has been sent to the coordinators for approval."),
                )
            else:
                messages.success(request, _("Your profile has been saved."))
            return redirect("mentors:profile_edit")
        # The form's own copy of the profile took the rejected values.
        mentor.refresh_from_db()
    context = {"form": form, "mentor": mentor, "can_submit": can_submit}
    status = 400 if request.method == "POST" else 200
    return render(request, "mentors/invitations/profile_edit.html", context, status=status)

"""Registering and keeping an organisation's profile from the public site.

A startup or research group starts as a draft that only needs a name, so people
can come back to it; submitting it for verification needs what a coordinator
needs to verify it. Partners are created by coordinators in the admin.
Every change is written to Wagtail's log (who, when, which fields).
"""

import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ecosystem import search
from ecosystem.exceptions import RegistryError
from ecosystem.models import (
    Membership,
    Organisation,
    ResearchGroup,
    Startup,
    TechnologyOffer,
)

from .logos import PreparedLogo, logo_store

__all__ = [
    "SELF_SERVICE_MODELS",
    "RegistryError",
    "offer_create",
    "offer_delete",
    "offer_update",
    "organisation_register",
    "organisation_submit",
    "organisation_update",
    "submission_problems",
]

SELF_SERVICE_MODELS = {
    Organisation.Kind.STARTUP: Startup,
    Organisation.Kind.RESEARCH_GROUP: ResearchGroup,
}
# Set by the registry itself or by coordinators, never from a member's form.
PROTECTED_FIELDS = frozenset(
    {
        "id",
        "organisation_ptr",
        "kind",
        "slug",
        "logo",
        "status",
        "rejection_reason",
        "submitted_at",
        "verified_at",
        "created_at",
        "updated_at",
        "members",
        "search_document",
    }
)
SLUG_ATTEMPTS = 5


def submission_problems(*, kind: str, values: Mapping[str, Any]) -> dict[str, str]:
    """What is still missing before an organisation can be submitted for
    verification, as {field name: message}; empty when nothing is."""
    needed = _("Fill this in to submit for verification.")
    problems = {}
    required = ["name", "tagline", "description", "area"]
    if kind == Organisation.Kind.STARTUP:
        required += ["stage", "founded_year"]
    for name in required:
        value = values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems[name] = needed
    if not list(values.get("sectors") or []):
        problems["sectors"] = _("Choose at least one sector to submit for verification.")
    if kind == Organisation.Kind.RESEARCH_GROUP and not (
        values.get("host_institution") or (values.get("lead_researcher") or "").strip()
    ):
        problems["host_institution"] = _(
            "Choose a host institution or name a lead researcher to submit for verification."
        )
    return problems


def _current_values(organisation: Organisation, names) -> dict[str, Any]:
    values = {}
    for name in names:
        field = organisation._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(getattr(organisation, name).values_list("pk", flat=True))
        else:
            values[name] = getattr(organisation, field.attname)
    return values


def _split_fields(model, fields: Mapping[str, Any]) -> tuple[dict, dict]:
    forbidden = PROTECTED_FIELDS.intersection(fields)
    if forbidden:
        raise ValueError(f"These fields are not edited by members: {sorted(forbidden)}")
    plain, related = {}, {}
    for name, value in fields.items():
        if model._meta.get_field(name).many_to_many:
            related[name] = list(value or [])
        else:
            plain[name] = value
    return plain, related


def _unique_slug(name: str, kind: str) -> str:
    base = slugify(search.normalize(name))[:200].strip("-") or slugify(kind)
    taken = set(
        Organisation.objects.filter(
            Q(slug=base) | Q(slug__regex=rf"^{re.escape(base)}-[0-9]+$")
        ).values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _full_clean(organisation: Organisation) -> None:
    try:
        organisation.full_clean(exclude=["slug"], validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise RegistryError(messages[0], field=None if field == "__all__" else field) from error


def _duplicate_enterprise_code(organisation: Organisation) -> RegistryError | None:
    code = getattr(organisation, "enterprise_code", "")
    if code and Startup.objects.filter(enterprise_code=code).exclude(pk=organisation.pk).exists():
        return RegistryError(
            _("A startup with this enterprise code is already registered."),
            field="enterprise_code",
        )
    return None


def _save(organisation: Organisation, *, new: bool) -> None:
    """Save, turning a lost race for the enterprise code or the slug into a
    clear message or a fresh slug instead of an IntegrityError."""
    for _attempt in range(SLUG_ATTEMPTS):
        if new:
            organisation.slug = _unique_slug(organisation.name, organisation.kind)
        try:
            with transaction.atomic():
                organisation.save()
            return
        except IntegrityError:
            duplicate = _duplicate_enterprise_code(organisation)
            if duplicate:
                raise duplicate from None
            if not new:
                raise
            # The failed insert may have left a primary key behind; start afresh.
            organisation.pk = organisation.id = None
            organisation._state.adding = True
    raise RegistryError(_("The registry is busy. Please try again in a moment."))


def _attach_logo(organisation: Organisation, logo: PreparedLogo, user) -> None:
    # Called as the last step: a rollback cannot delete a file already written,
    # so nothing that could still fail comes after it.
    organisation.logo = logo_store(
        logo=logo, title=organisation.name, filename=f"{organisation.slug}-logo", user=user
    )
    organisation.save(update_fields=["logo", "updated_at"])


@transaction.atomic
def organisation_register(
    *,
    kind: str,
    owner,
    fields: Mapping[str, Any],
    logo: PreparedLogo | None = None,
    submit: bool = False,
) -> Organisation:
    """Create a startup or research group as a draft owned by `owner`, and
    submit it for verification straight away when `submit` is set."""
    model = SELF_SERVICE_MODELS.get(kind)
    if model is None:
        raise RegistryError(_("Only startups and research groups can register here."))
    plain, related = _split_fields(model, fields)
    organisation = model(**plain, status=Organisation.Status.DRAFT)
    organisation.kind = kind
    _full_clean(organisation)
    duplicate = _duplicate_enterprise_code(organisation)
    if duplicate:
        raise duplicate
    _save(organisation, new=True)
    for name, value in related.items():
        getattr(organisation, name).set(value)
    Membership.objects.create(user=owner, organisation=organisation, role=Membership.Role.OWNER)
    log(
        instance=organisation,
        action="wagtail.create",
        user=owner,
        data={
            "fields": sorted(name for name, value in fields.items() if value not in ("", None, []))
        },
    )
    if submit:
        organisation_submit(organisation=organisation, user=owner)
    if logo is not None:
        _attach_logo(organisation, logo, owner)
    return organisation


def _require_member(organisation: Organisation, user) -> None:
    if not Membership.objects.filter(organisation=organisation, user=user).exists():
        raise RegistryError(_("Only members of %(name)s can change it.") % {"name": organisation})


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    user,
    fields: Mapping[str, Any],
    logo: PreparedLogo | None = None,
    remove_logo: bool = False,
    submit: bool = False,
) -> Organisation:
    """Save a member's changes to the profile (the verification state stays as
    it is) and log which fields changed; submit it afterwards if asked."""
    organisation = type(organisation.specific).objects.select_for_update().get(pk=organisation.pk)
    _require_member(organisation, user)
    plain, related = _split_fields(type(organisation), fields)
    before = _current_values(organisation, fields)
    for name, value in plain.items():
        setattr(organisation, name, value)
    _full_clean(organisation)
    duplicate = _duplicate_enterprise_code(organisation)
    if duplicate:
        raise duplicate
    changed = [
        name for name in plain if _current_values(organisation, [name])[name] != before[name]
    ]
    if remove_logo and organisation.logo_id:
        organisation.logo = None
        changed.append("logo")
    _save(organisation, new=False)
    for name, value in related.items():
        if sorted(item.pk for item in value) != before[name]:
            getattr(organisation, name).set(value)
            changed.append(name)
    if logo is not None:
        changed.append("logo")
    if changed:
        log(instance=organisation, action="wagtail.edit", user=user, data={"fields": changed})
    if submit:
        organisation_submit(organisation=organisation, user=user)
    if logo is not None:
        _attach_logo(organisation, logo, user)
    return organisation


@transaction.atomic
def organisation_submit(*, organisation: Organisation, user) -> Organisation:
    """Move a draft or rejected organisation to `pending`, for a coordinator
    to verify. Refused while something verification needs is missing."""
    organisation = type(organisation.specific).objects.select_for_update().get(pk=organisation.pk)
    _require_member(organisation, user)
    if organisation.status not in (Organisation.Status.DRAFT, Organisation.Status.REJECTED):
        raise RegistryError(
            _("%(name)s is already %(status)s.")
            % {"name": organisation, "status": organisation.get_status_display()}
        )
    names = ["name", "tagline", "description", "area", "sectors"]
    if organisation.kind == Organisation.Kind.STARTUP:
        names += ["stage", "founded_year"]
    else:
        names += ["host_institution", "lead_researcher"]
    values = {**_current_values(organisation, names)}
    problems = submission_problems(kind=organisation.kind, values=values)
    if problems:
        field, message = next(iter(problems.items()))
        raise RegistryError(message, field=field)
    previous = organisation.status
    organisation.status = Organisation.Status.PENDING
    organisation.submitted_at = timezone.now()
    organisation.save(update_fields=["status", "submitted_at", "updated_at"])
    log(
        instance=organisation,
        action="wagtail.edit",
        user=user,
        data={"fields": ["status"], "status": [previous, organisation.status]},
    )
    return organisation


def _require_research_group_member(research_group: ResearchGroup, user) -> None:
    if research_group.kind != Organisation.Kind.RESEARCH_GROUP:
        raise RegistryError(_("Only research groups have technology offers."))
    _require_member(research_group, user)


def _offer_fields(offer: TechnologyOffer, fields: Mapping[str, Any]) -> list | None:
    expertise = fields.get("expertise")
    for name, value in fields.items():
        if name not in ("title", "summary", "trl", "ip_status", "licensing_terms", "expertise"):
            raise ValueError(f"{name} is not a field of a technology offer members edit")
        if name != "expertise":
            setattr(offer, name, value)
    try:
        offer.full_clean(exclude=["research_group"])
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise RegistryError(messages[0], field=None if field == "__all__" else field) from error
    return list(expertise) if expertise is not None else None


@transaction.atomic
def offer_create(
    *, research_group: ResearchGroup, user, fields: Mapping[str, Any]
) -> TechnologyOffer:
    """Add a technology offer to a research group."""
    _require_research_group_member(research_group, user)
    offer = TechnologyOffer(research_group=research_group)
    expertise = _offer_fields(offer, fields)
    offer.save()
    if expertise is not None:
        offer.expertise.set(expertise)
    log(instance=offer, action="wagtail.create", user=user, data={"fields": sorted(fields)})
    return offer


@transaction.atomic
def offer_update(*, offer: TechnologyOffer, user, fields: Mapping[str, Any]) -> TechnologyOffer:
    """Change a technology offer and log which fields changed."""
    offer = TechnologyOffer.objects.select_for_update().get(pk=offer.pk)
    _require_research_group_member(offer.research_group, user)
    before = {name: getattr(offer, name) for name in fields if name != "expertise"}
    before_expertise = sorted(offer.expertise.values_list("pk", flat=True))
    expertise = _offer_fields(offer, fields)
    changed = [name for name, value in before.items() if getattr(offer, name) != value]
    offer.save()
    if expertise is not None and sorted(item.pk for item in expertise) != before_expertise:
        offer.expertise.set(expertise)
        changed.append("expertise")
    if changed:
        log(instance=offer, action="wagtail.edit", user=user, data={"fields": changed})
    return offer


@transaction.atomic
def offer_delete(*, offer: TechnologyOffer, user) -> None:
    """Remove a technology offer from the group's profile."""
    _require_research_group_member(offer.research_group, user)
    log(instance=offer, action="wagtail.delete", user=user, data={"title": offer.title})
    offer.delete()

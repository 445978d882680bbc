"""Merge two records of the same organisation into one, losing nothing.

People register the same startup twice, or a coordinator adds a partner that had
registered itself. Everything that points at the duplicate moves to the survivor:
memberships (with their own rules), invitations, interactions, technology offers,
and whatever later apps link to an organisation, found through the model's
relations rather than listed here, so a new app's links move without a change
to this module.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex

from accounts.models import User
from ecosystem.exceptions import RegistryError
from ecosystem.models import Membership, Organisation

MERGE_ACTION = "ecosystem.merge"

# Who the organisation is and where it stands with the Department stay the
# survivor's; only empty details are filled from the duplicate.
KEPT_FIELDS = {
    "kind",
    "name",
    "slug",
    "status",
    "rejection_reason",
    "submitted_at",
    "verified_at",
    "created_at",
    "updated_at",
    "search_document",
}


@dataclass
class MergePreview:
    """What `organisation_merge` would do, for the confirmation page."""

    survivor: Organisation
    duplicate: Organisation
    memberships_moved: int = 0
    people_in_both: list[User] = field(default_factory=list)
    owner_becomes_member: User | None = None
    relations_moved: list[tuple[str, int]] = field(default_factory=list)
    terms_added: list[tuple[str, list[str]]] = field(default_factory=list)
    fields_filled: list[tuple[str, str]] = field(default_factory=list)


def organisation_merge_preview(*, survivor: Organisation, duplicate: Organisation) -> MergePreview:
    """Everything that would move from the duplicate to the survivor."""
    survivor, duplicate = survivor.specific, duplicate.specific
    _check(survivor, duplicate)
    preview = MergePreview(survivor=survivor, duplicate=duplicate)

    survivor_people = dict(
        Membership.objects.filter(organisation=survivor).values_list("user_id", "role")
    )
    survivor_has_owner = Membership.Role.OWNER in survivor_people.values()
    for membership in Membership.objects.filter(organisation=duplicate).select_related("user"):
        if membership.user_id in survivor_people:
            preview.people_in_both.append(membership.user)
        else:
            preview.memberships_moved += 1
            if membership.is_owner and survivor_has_owner:
                preview.owner_becomes_member = membership.user

    counts = defaultdict(int)
    for relation in _relations(type(duplicate)):
        counts[_relation_label(relation)] += _rows_pointing_at(relation, duplicate).count()
    preview.relations_moved = [(label, count) for label, count in counts.items() if count]

    for m2m in _plain_many_to_many(type(survivor)):
        had = set(getattr(survivor, m2m.name).values_list("pk", flat=True))
        new = [str(term) for term in getattr(duplicate, m2m.name).all() if term.pk not in had]
        if new:
            preview.terms_added.append((str(m2m.verbose_name), new))

    for model_field in _fillable_fields(survivor, duplicate):
        value = getattr(duplicate, model_field.name)
        preview.fields_filled.append((str(model_field.verbose_name), str(value)))
    return preview


def organisation_merge(
    *, survivor: Organisation, duplicate: Organisation, by: User
) -> Organisation:
    """Move everything from the duplicate to the survivor, fill the survivor's
    empty details from the duplicate, log it on the survivor, and delete the
    duplicate. One transaction with both rows locked: a merge either happens
    whole or not at all. Returns the survivor (its kind's model)."""
    _check(survivor, duplicate)
    with transaction.atomic():
        locked = list(
            Organisation.objects.select_for_update()
            .filter(pk__in=[survivor.pk, duplicate.pk])
            .order_by("pk")
        )
        if len(locked) != 2:
            raise RegistryError(_("One of the two organisations has just been merged or deleted."))
        model = type(survivor.specific)
        survivor = model.objects.get(pk=survivor.pk)
        duplicate = type(duplicate.specific).objects.get(pk=duplicate.pk)
        _check(survivor, duplicate)

        moved: dict[str, int] = defaultdict(int)
        # Keyed by model label, not by a translated name: the log outlives the language.
        moved[Membership._meta.label_lower] = _merge_memberships(survivor, duplicate)
        touched: dict[type[models.Model], set] = defaultdict(set)
        for relation in _relations(model):
            moved[relation.related_model._meta.label_lower] += _move(
                relation, survivor, duplicate, touched
            )
        for m2m in _plain_many_to_many(model):
            getattr(survivor, m2m.name).add(*getattr(duplicate, m2m.name).all())

        filled = _fillable_fields(survivor, duplicate)
        for model_field in filled:
            setattr(survivor, model_field.attname, getattr(duplicate, model_field.attname))
        duplicate_record = {"id": duplicate.pk, "name": duplicate.name, "slug": duplicate.slug}
        log(duplicate, "wagtail.delete", user=by, deleted=True)
        # Before the survivor takes over its unique details (an enterprise code).
        duplicate.delete()
        if filled:
            survivor.save(update_fields=[model_field.name for model_field in filled])

        log(
            survivor,
            MERGE_ACTION,
            user=by,
            data={
                "duplicate": duplicate_record,
                "moved": {label: count for label, count in moved.items() if count},
                "filled": [model_field.name for model_field in filled],
            },
        )
        _reindex_references(touched)
    return survivor


def _check(survivor: Organisation, duplicate: Organisation) -> None:
    if survivor.pk == duplicate.pk:
        raise RegistryError(_("An organisation cannot be merged into itself."))
    if survivor.kind != duplicate.kind:
        raise RegistryError(
            _(
                "Only organisations of the same kind can be merged: %(duplicate)s is a "
                "%(duplicate_kind)s and %(survivor)s is a %(survivor_kind)s."
            )
            % {
                "duplicate": duplicate.name,
                "duplicate_kind": duplicate.get_kind_display(),
                "survivor": survivor.name,
                "survivor_kind": survivor.get_kind_display(),
            }
        )


def _merge_memberships(survivor: Organisation, duplicate: Organisation) -> int:
    """A person in both keeps one membership; the survivor's owner stays the only
    owner, so the duplicate's owner joins as a member (or becomes the owner of a
    survivor that had none)."""
    kept = {m.user_id: m for m in Membership.objects.filter(organisation=survivor)}
    has_owner = any(m.is_owner for m in kept.values())
    moved = 0
    for membership in Membership.objects.filter(organisation=duplicate).order_by("role", "pk"):
        if membership.user_id in kept:
            mine = kept[membership.user_id]
            if membership.is_owner and not has_owner:
                mine.role, has_owner = Membership.Role.OWNER, True
            mine.title = mine.title or membership.title
            mine.created_at = min(mine.created_at, membership.created_at)
            membership.delete()
            mine.save(update_fields=["role", "title", "created_at"])
            continue
        if membership.is_owner:
            if has_owner:
                membership.role = Membership.Role.MEMBER
            has_owner = True
        membership.organisation = survivor
        membership.save(update_fields=["organisation", "role"])
        moved += 1
    return moved


def _relations(model: type[Organisation]) -> list[models.ForeignObjectRel]:
    """Reverse relations to the organisation or its kind: what must move. Not the
    kind tables themselves, and not memberships, which have rules of their own."""
    relations, seen = [], set()
    for relation in model._meta.related_objects:
        key = (relation.related_model, relation.field.name)
        if key in seen or getattr(relation, "parent_link", False):
            continue
        seen.add(key)
        if relation.related_model is Membership:
            continue
        # A custom through model is moved through its own foreign key.
        if relation.many_to_many and not relation.through._meta.auto_created:
            continue
        relations.append(relation)
    return relations


def _relation_label(relation: models.ForeignObjectRel) -> str:
    return str(relation.related_model._meta.verbose_name_plural)


def _rows_pointing_at(relation, organisation) -> models.QuerySet:
    if relation.many_to_many:
        through = relation.through
        return through._base_manager.filter(
            **{relation.field.m2m_reverse_field_name(): organisation.pk}
        )
    return relation.related_model._base_manager.filter(**{relation.field.name: organisation.pk})


def _move(relation, survivor, duplicate, touched) -> int:
    rows = _rows_pointing_at(relation, duplicate)
    if relation.many_to_many:
        source = relation.field.m2m_field_name()
        target = relation.field.m2m_reverse_field_name()
        already = relation.through._base_manager.filter(**{target: survivor.pk}).values(source)
        # Linked to both: the survivor's link is enough.
        rows.filter(**{f"{source}__in": already}).delete()
        touched[relation.related_model].update(rows.values_list(source, flat=True))
        return rows.update(**{target: survivor.pk})

    name = relation.field.name
    if relation.one_to_one and _rows_pointing_at(relation, survivor).exists():
        raise RegistryError(_conflict_message(relation, duplicate))
    touched[relation.related_model].update(rows.values_list("pk", flat=True))
    try:
        with transaction.atomic():
            return rows.update(**{name: survivor.pk})
    except IntegrityError as error:
        raise RegistryError(_conflict_message(relation, duplicate)) from error


def _conflict_message(relation, duplicate) -> str:
    return _(
        "Both organisations have %(things)s that cannot be combined. Resolve the "
        "%(things)s of %(duplicate)s first, then merge again."
    ) % {"things": _relation_label(relation), "duplicate": duplicate.name}


def _plain_many_to_many(model) -> list[models.ManyToManyField]:
    # Members come through memberships, which have their own rules.
    return [m2m for m2m in model._meta.many_to_many if m2m.remote_field.through._meta.auto_created]


def _fillable_fields(survivor, duplicate) -> list[models.Field]:
    fillable = []
    for model_field in type(survivor)._meta.concrete_fields:
        if (
            model_field.primary_key
            or model_field.name in KEPT_FIELDS
            or isinstance(model_field, models.BooleanField)
            or getattr(model_field.remote_field, "parent_link", False)
        ):
            continue
        if _is_empty(getattr(survivor, model_field.attname)) and not _is_empty(
            getattr(duplicate, model_field.attname)
        ):
            fillable.append(model_field)
    return fillable


def _is_empty(value) -> bool:
    return value is None or value == ""


def _reindex_references(touched: dict) -> None:
    """Rows moved by UPDATE skip the signals that keep Wagtail's usage counts right."""
    for model, pks in touched.items():
        if pks and ReferenceIndex.is_indexed(model):
            for instance in model._base_manager.filter(pk__in=pks):
                ReferenceIndex.create_or_update_for_object(instance)

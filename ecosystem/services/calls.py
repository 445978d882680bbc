"""Calls for applications: copying a call to its next round, which of a person's
organisations may apply to a call, and amounts of đồng as people read them.

The state of a call (upcoming, open, closed) is never stored; see `Call.state_at`.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from ecosystem.exceptions import RegistryError
from ecosystem.models import (
    Application,
    Area,
    Call,
    Criterion,
    Partner,
    ResearchGroup,
    Sector,
    Startup,
)
from ecosystem.services.applications import call_eligibility

COPY_ROUND_ACTION = "ecosystem.call.copy_round"
PROVINCE_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# A chain of rounds longer than this is a loop in `previous_round`, not a programme.
MAX_ROUNDS = 200


def call_detail(*, pk: int) -> Call:
    """A call with its programme and eligibility rules, ready to show and to check
    organisations against without a query per rule."""
    return (
        Call.objects.select_related("programme")
        .prefetch_related(
            "eligible_stages",
            Prefetch("eligible_sectors", queryset=Sector.objects.select_related("parent")),
            Prefetch("eligible_areas", queryset=Area.objects.select_related("parent")),
        )
        .get(pk=pk)
    )


@dataclass
class ApplicantChoice:
    """One of a person's organisations, as seen from one call: why it may not
    apply (nothing when it may), and its application if it has one."""

    organisation: Startup | ResearchGroup | Partner
    reasons: list[str] = field(default_factory=list)
    application: Application | None = None

    @property
    def eligible(self) -> bool:
        return not self.reasons


def call_applicant_choices(*, call: Call, user: User) -> list[ApplicantChoice]:
    """Each organisation `user` belongs to, by name, checked against the call's
    rules (`call_eligibility`; the dates are the caller's to show). The number of
    queries does not grow with the number of organisations."""
    if not user.is_authenticated:
        return []
    organisations = []
    for model in (Startup, ResearchGroup, Partner):
        organisations += (
            model.objects.filter(memberships__user=user)
            .select_related("area")
            .prefetch_related("sectors")
        )
    if not organisations:
        return []
    organisations.sort(key=lambda organisation: organisation.name.casefold())
    applications = {
        application.organisation_id: application
        for application in Application.objects.filter(
            call=call, organisation__in=[organisation.pk for organisation in organisations]
        )
    }
    return [
        ApplicantChoice(
            organisation=organisation,
            reasons=call_eligibility(call=call, organisation=organisation),
            application=applications.get(organisation.pk),
        )
        for organisation in organisations
    ]


def call_copy(*, call: Call, by: User) -> Call:
    """Create the next round of `call`: the same questions (keys kept, so earlier
    answers pre-fill them), criteria, eligibility, maximum award and documents,
    with `previous_round` pointing back, the round number in its titles and a
    slug of its own.

    The dates move on by whole years (same local times, same length) until the
    new round opens after both now and the end of this one: a copy is always
    upcoming, never open by accident, and the coordinator sets the real dates
    before anyone sees it (a call is only public through its page)."""
    with transaction.atomic():
        number = _round_count(call) + 1
        opens_at, closes_at = _next_round_dates(call, now=timezone.now())
        new_call = Call(
            programme_id=call.programme_id,
            title=_with_round(call.title, number, language="vi", max_length=200),
            title_en=(
                _with_round(call.title_en, number, language="en", max_length=200)
                if call.title_en
                else ""
            ),
            slug=_free_slug(call.slug, number),
            summary=call.summary,
            summary_en=call.summary_en,
            opens_at=opens_at,
            closes_at=closes_at,
            accepts_startups=call.accepts_startups,
            accepts_research_groups=call.accepts_research_groups,
            accepts_partners=call.accepts_partners,
            max_award=call.max_award,
            required_documents=call.required_documents,
            required_documents_en=call.required_documents_en,
            # New block ids, same block types and values: the keys stay as they were.
            questions=[(question.block_type, question.value) for question in call.questions],
            previous_round=call,
        )
        try:
            new_call.full_clean()
        except ValidationError as error:
            raise RegistryError(
                _("This call cannot be copied until it is fixed: %(problems)s")
                % {"problems": " ".join(error.messages)}
            ) from error
        new_call.save()
        new_call.eligible_stages.set(call.eligible_stages.all())
        new_call.eligible_sectors.set(call.eligible_sectors.all())
        new_call.eligible_areas.set(call.eligible_areas.all())
        Criterion.objects.bulk_create(
            Criterion(
                call=new_call,
                name=criterion.name,
                name_en=criterion.name_en,
                description=criterion.description,
                description_en=criterion.description_en,
                weight=criterion.weight,
                sort_order=criterion.sort_order,
            )
            for criterion in Criterion.objects.filter(call=call).order_by("sort_order", "pk")
        )
        log(
            new_call,
            COPY_ROUND_ACTION,
            user=by,
            data={"source": {"id": call.pk, "title": call.title}, "round": number},
        )
    return new_call


def _round_count(call: Call) -> int:
    """How many rounds the call's family has: its first round and every round
    copied from it, directly or not."""
    first, seen = call, {call.pk}
    while first.previous_round_id and first.previous_round_id not in seen:
        if len(seen) > MAX_ROUNDS:
            break
        first = Call.objects.only("pk", "previous_round").get(pk=first.previous_round_id)
        seen.add(first.pk)
    family, frontier = {first.pk}, [first.pk]
    while frontier and len(family) <= MAX_ROUNDS:
        frontier = list(
            Call.objects.filter(previous_round__in=frontier)
            .exclude(pk__in=family)
            .values_list("pk", flat=True)
        )
        family.update(frontier)
    return len(family)


def _next_round_dates(call: Call, *, now: datetime) -> tuple[datetime, datetime]:
    length = call.closes_at - call.opens_at
    after = max(now, call.closes_at)
    years = 1
    opens_at = _years_later(call.opens_at, years)
    while opens_at <= after:
        years += 1
        opens_at = _years_later(call.opens_at, years)
    return opens_at, opens_at + length


def _years_later(moment: datetime, years: int) -> datetime:
    # In the province's own calendar, so 17:00 stays 17:00 local time.
    local = timezone.localtime(moment, PROVINCE_TIME_ZONE)
    try:
        return local.replace(year=local.year + years)
    except ValueError:  # 29 February in a year that has none
        return local.replace(year=local.year + years, day=28)


def _round_suffix_pattern(language: str) -> re.Pattern:
    with translation.override(language):
        template = _("(round %(number)d)")
    escaped = re.escape(template).replace(re.escape("%(number)d"), r"\d+")
    return re.compile(rf"\s*{escaped}\s*$")


def _with_round(title: str, number: int, *, language: str, max_length: int) -> str:
    """'Ươm tạo 2026 (đợt 2)' becomes 'Ươm tạo 2026 (đợt 3)', in the title's own language."""
    base = _round_suffix_pattern(language).sub("", title).strip()
    with translation.override(language):
        suffix = _("(round %(number)d)") % {"number": number}
    return f"{base[: max_length - len(suffix) - 1].rstrip()} {suffix}"


def _free_slug(slug: str, number: int) -> str:
    max_length = Call._meta.get_field("slug").max_length
    base = re.sub(r"-dot-\d+(-\d+)?$", "", slug)
    candidate, extra = _slug_with(base, f"-dot-{number}", max_length), 1
    while Call.objects.filter(slug=candidate).exists():
        extra += 1
        candidate = _slug_with(base, f"-dot-{number}-{extra}", max_length)
    return candidate


def _slug_with(base: str, suffix: str, max_length: int) -> str:
    return f"{base[: max_length - len(suffix)].rstrip('-')}{suffix}"

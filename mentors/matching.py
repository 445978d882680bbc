"""Mentor suggestions for a startup, each with the reasons it was suggested.

The score is plain arithmetic over what the registry knows, so it can be read,
tested and argued about:

    assigned to this startup by a coordinator      +5
    each sector the mentor shares with the startup +3
    a related sector (same parent)                 +1 (once)
    each stated need in the mentor's expertise     +4
    experienced (10+ years) for a growing startup  +1
    speaks the founder's language, if not Vietnamese +1
    free slots this month                          +0.5 each, at most +1.5
    no free slot this month                        -2
    hours already booked this month                up to -2 (a full calendar)

Mentors not taking new startups appear only if they already work with this one.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecosystem.models import ExpertiseTag, Sector, Startup

from .models import Booking, Language, MentorProfile
from .services import month_bounds

GROWING_STAGES = {"tang-truong", "mo-rong"}


@dataclass
class Suggestion:
    # The mentor's id while scoring, the mentor once chosen.
    mentor: MentorProfile | int
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    sort_name: str = ""
    free_slots: int = 0

    def add(self, points: float, reason: str | None = None) -> None:
        self.score += points
        if reason:
            self.reasons.append(reason)


def suggest_mentors(
    *,
    startup: Startup,
    needs: list[ExpertiseTag] | tuple = (),
    language: str = "vi",
    now=None,
    limit: int = 10,
) -> list[Suggestion]:
    """The best mentors for this startup, best first, with their reasons.

    Every candidate is scored from plain rows (ids and numbers, a handful of
    queries whatever the pool's size); only the `limit` best are then loaded
    as mentors with their photos, tags and languages."""
    now = now or timezone.now()
    month_start, month_end = month_bounds(now)
    engaged = {
        engagement.mentor_id: engagement
        for engagement in startup.mentor_engagements.select_related("programme")
        if engagement.is_current(timezone.localdate(now))
    }
    candidates = MentorProfile.objects.public().filter(
        Q(accepting_new_startups=True) | Q(pk__in=engaged)
    )
    rows = candidates.annotate(
        free_slots=Count(
            "slots",
            filter=Q(
                slots__status="open",
                slots__starts_at__gt=now,
                slots__starts_at__lt=month_end,
            ),
            distinct=True,
        )
    ).values_list("pk", "user__full_name", "years_of_experience", "monthly_hours_cap", "free_slots")
    booked = dict(
        Booking.objects.active()
        .filter(slot__starts_at__gte=month_start, slot__starts_at__lt=month_end)
        .values("slot__mentor")
        .annotate(seconds=Sum(F("slot__ends_at") - F("slot__starts_at")))
        .values_list("slot__mentor", "seconds")
    )
    startup_sectors = list(startup.sectors.select_related("parent"))
    sector_ids = {sector.pk for sector in startup_sectors}
    parent_ids = {sector.parent_id or sector.pk for sector in startup_sectors}
    sectors_by_id = {sector.pk: sector for sector in startup_sectors}
    sectors_by_id.update(
        (sector.pk, sector) for sector in Sector.objects.filter(pk__in=parent_ids - sector_ids)
    )
    for sector in startup_sectors:
        if sector.parent_id:
            sectors_by_id.setdefault(sector.parent_id, sector.parent)

    # Only what can score: sectors in the startup's families, stated needs, the
    # reader's language. In the tags' own order, so the reasons read the same.
    mentor_sectors = defaultdict(list)
    through = MentorProfile.sectors.through
    for mentor_id, sector_id, parent_id in (
        through.objects.filter(mentorprofile__in=candidates)
        .filter(Q(sector__in=parent_ids) | Q(sector__parent__in=parent_ids))
        .order_by("sector__order", "sector__name")
        .values_list("mentorprofile_id", "sector_id", "sector__parent_id")
    ):
        mentor_sectors[mentor_id].append((sector_id, parent_id or sector_id))
    need_ids = {tag.pk: tag for tag in needs}
    mentor_needs = defaultdict(list)
    if need_ids:
        for mentor_id, tag_id in (
            MentorProfile.expertise.through.objects.filter(
                mentorprofile__in=candidates, expertisetag__in=need_ids
            )
            .order_by("expertisetag__order", "expertisetag__name")
            .values_list("mentorprofile_id", "expertisetag_id")
        ):
            mentor_needs[mentor_id].append(need_ids[tag_id])
    speaks, spoken = None, set()
    if language != "vi":
        speaks = Language.objects.filter(code=language).first()
        if speaks:
            spoken = set(
                MentorProfile.languages.through.objects.filter(
                    mentorprofile__in=candidates, language=speaks
                ).values_list("mentorprofile_id", flat=True)
            )
    stage_slug = startup.stage.slug if startup.stage_id else ""

    suggestions = []
    for pk, full_name, years, hours_cap, free_slots in rows:
        suggestion = Suggestion(mentor=pk, sort_name=full_name)
        engagement = engaged.get(pk)
        if engagement:
            programme = engagement.programme
            suggestion.add(
                5,
                _("assigned to you for %(programme)s") % {"programme": programme}
                if programme
                else _("assigned to you by the Department"),
            )
        related = False
        for sector_id, family_id in mentor_sectors.get(pk, ()):
            if sector_id in sector_ids:
                sector = sectors_by_id[sector_id]
                suggestion.add(3, _("shares sector %(sector)s") % {"sector": sector.localized_name})
            elif family_id in parent_ids and not related:
                related = True
                parent = sectors_by_id[family_id]
                suggestion.add(1, _("works in %(sector)s") % {"sector": parent.localized_name})
        for tag in mentor_needs.get(pk, ()):
            suggestion.add(
                4, _("expertise %(tag)s matches your need") % {"tag": tag.localized_name}
            )
        if stage_slug in GROWING_STAGES and (years or 0) >= 10:
            suggestion.add(
                1,
                _("%(years)s years of experience for a growing company") % {"years": years},
            )
        if pk in spoken:
            suggestion.add(1, _("speaks %(language)s") % {"language": speaks})
        if free_slots:
            suggestion.add(
                min(free_slots, 3) * 0.5,
                ngettext(
                    "%(count)s free slot this month",
                    "%(count)s free slots this month",
                    free_slots,
                )
                % {"count": free_slots},
            )
        else:
            suggestion.add(-2, _("no free slot this month"))
        seconds = booked.get(pk)
        if seconds:
            share = min(1.0, seconds.total_seconds() / (hours_cap * 3600))
            suggestion.add(-2 * share, _("busy this month") if share >= 0.75 else None)
        suggestion.free_slots = free_slots
        suggestions.append(suggestion)

    suggestions.sort(key=lambda s: (-s.score, s.sort_name, s.mentor))
    best = suggestions[:limit]
    mentors = (
        MentorProfile.objects.filter(pk__in=[suggestion.mentor for suggestion in best])
        .select_related("user")
        .prefetch_related("sectors__parent", "expertise", "languages")
        .in_bulk()
    )
    for suggestion in best:
        suggestion.mentor = mentors[suggestion.mentor]
        suggestion.mentor.free_slots = suggestion.free_slots
    return best

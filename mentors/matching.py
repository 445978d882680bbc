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

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecosystem.models import ExpertiseTag, Startup

from .models import Booking, MentorProfile
from .services import month_bounds

GROWING_STAGES = {"tang-truong", "mo-rong"}


@dataclass
class Suggestion:
    mentor: MentorProfile
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

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
    """The best mentors for this startup, best first, with their reasons."""
    now = now or timezone.now()
    month_start, month_end = month_bounds(now)
    engaged = {
        engagement.mentor_id: engagement
        for engagement in startup.mentor_engagements.select_related("programme")
        if engagement.is_current(timezone.localdate(now))
    }
    mentors = (
        MentorProfile.objects.public()
        .filter(Q(accepting_new_startups=True) | Q(pk__in=engaged))
        .select_related("user")
        .prefetch_related("sectors__parent", "expertise", "languages")
        .annotate(
            free_slots=Count(
                "slots",
                filter=Q(
                    slots__status="open",
                    slots__starts_at__gt=now,
                    slots__starts_at__lt=month_end,
                ),
                distinct=True,
            )
        )
    )
    booked = dict(
        Booking.objects.active()
        .filter(slot__starts_at__gte=month_start, slot__starts_at__lt=month_end)
        .values("slot__mentor")
        .annotate(seconds=Sum(F("slot__ends_at") - F("slot__starts_at")))
        .values_list("slot__mentor", "seconds")
    )
    startup_sectors = list(startup.sectors.all())
    sector_ids = {sector.pk for sector in startup_sectors}
    parent_ids = {sector.parent_id or sector.pk for sector in startup_sectors}
    need_ids = {tag.pk: tag for tag in needs}
    stage_slug = startup.stage.slug if startup.stage_id else ""

    suggestions = []
    for mentor in mentors:
        suggestion = Suggestion(mentor=mentor)
        engagement = engaged.get(mentor.pk)
        if engagement:
            programme = engagement.programme
            suggestion.add(
                5,
                _("assigned to you for %(programme)s") % {"programme": programme}
                if programme
                else _("assigned to you by the Department"),
            )
        related = False
        for sector in mentor.sectors.all():
            if sector.pk in sector_ids:
                suggestion.add(3, _("shares sector %(sector)s") % {"sector": sector.localized_name})
            elif (sector.parent_id or sector.pk) in parent_ids and not related:
                related = True
                parent = sector.parent or sector
                suggestion.add(1, _("works in %(sector)s") % {"sector": parent.localized_name})
        for tag in mentor.expertise.all():
            if tag.pk in need_ids:
                suggestion.add(
                    4, _("expertise %(tag)s matches your need") % {"tag": tag.localized_name}
                )
        if stage_slug in GROWING_STAGES and (mentor.years_of_experience or 0) >= 10:
            suggestion.add(
                1,
                _("%(years)s years of experience for a growing company")
                % {"years": mentor.years_of_experience},
            )
        if language != "vi" and any(item.code == language for item in mentor.languages.all()):
            speaks = next(item for item in mentor.languages.all() if item.code == language)
            suggestion.add(1, _("speaks %(language)s") % {"language": speaks})
        if mentor.free_slots:
            suggestion.add(
                min(mentor.free_slots, 3) * 0.5,
                ngettext(
                    "%(count)s free slot this month",
                    "%(count)s free slots this month",
                    mentor.free_slots,
                )
                % {"count": mentor.free_slots},
            )
        else:
            suggestion.add(-2, _("no free slot this month"))
        seconds = booked.get(mentor.pk)
        if seconds:
            share = min(1.0, seconds.total_seconds() / (mentor.monthly_hours_cap * 3600))
            suggestion.add(-2 * share, _("busy this month") if share >= 0.75 else None)
        suggestions.append(suggestion)

    suggestions.sort(key=lambda s: (-s.score, s.mentor.user.full_name, s.mentor.pk))
    return suggestions[:limit]

"""What the home page shows from the rest of the portal. Each selector fetches
its block in a fixed number of queries, however many calls, events, articles
or partners there are; the ecosystem numbers are counted in four queries and
kept in the cache for a few minutes."""

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.lookups import StartsWith
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from cms.models import CallIndexPage, CallPage, NewsIndexPage, NewsPage
from cms.models.news import with_card_data
from cms.templatetags.image_tags import image_specs
from ecosystem.formatting import format_vnd
from ecosystem.models import Decision, Organisation, Partner
from events.models import Event
from events.selectors import event_list
from mentors.models import MentorProfile

CALLS_SHOWN = 3
EVENTS_SHOWN = 3
NEWS_SHOWN = 4
PARTNERS_SHOWN = 12

NUMBERS_TIMEOUT = 5 * 60
# Partner logos, at most this wide (px), and twice that for sharp screens.
LOGO_WIDTHS = (160, 320)


def not_restricted() -> Exists:
    """Pages outside every section with a view restriction (password, signed-in
    people, groups), as a condition inside the query: Wagtail's `.public()`
    first loads every restriction, a query for each list."""
    return ~Exists(
        PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    )


def open_calls(*, language: str, now: datetime, limit: int = CALLS_SHOWN) -> QuerySet:
    """The published pages (in `language`) of calls open at `now`, closing
    soonest first, with what a call card shows."""
    return (
        CallPage.objects.live()
        .filter(
            not_restricted(),
            locale__language_code=language,
            call__opens_at__lte=now,
            call__closes_at__gt=now,
        )
        .select_related("call__programme")
        .defer("call__questions", "call__programme__description", "call__programme__description_en")
        .order_by("call__closes_at", "pk")[:limit]
    )


def next_events(*, now: datetime, limit: int = EVENTS_SHOWN) -> QuerySet:
    """Public events not over yet and not cancelled, soonest first."""
    return (
        event_list(None)
        .upcoming(now)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at", "pk")[:limit]
    )


def latest_news(*, language: str, limit: int = NEWS_SHOWN) -> QuerySet:
    """The latest published articles in `language`, ready for news cards."""
    articles = (
        NewsPage.objects.live()
        .filter(not_restricted(), locale__language_code=language)
        .order_by("-date", "-first_published_at", "-pk")
    )
    return with_card_data(articles)[:limit]


def partner_logos(*, limit: int = PARTNERS_SHOWN) -> QuerySet:
    """Verified partners that have a logo, with the logo's renditions."""
    images = get_image_model().objects.prefetch_renditions(*image_specs(widths=LOGO_WIDTHS))
    return (
        Partner.objects.public()
        .filter(logo__isnull=False)
        .only("name", "slug", "kind", "logo")
        .prefetch_related(Prefetch("logo", queryset=images))
        .order_by("name", "pk")[:limit]
    )


def linked_pages(*, language: str, cta_page_id: int | None = None) -> dict:
    """The pages the home page links to, in one query: the news and calls
    index pages in `language` (for "see all"), and the hero button's page,
    as its translation in `language` when it has one (a translated home page
    still points at the original's choice). None for what is not published."""
    kinds = {
        ContentType.objects.get_for_model(NewsIndexPage).pk: "news",
        ContentType.objects.get_for_model(CallIndexPage).pk: "calls",
    }
    wanted = Q(content_type__in=kinds, locale__language_code=language)
    if cta_page_id:
        chosen_key = Page.objects.filter(pk=cta_page_id).values("translation_key")
        wanted |= Q(pk=cta_page_id) | Q(
            translation_key__in=chosen_key, locale__language_code=language
        )
    pages = list(Page.objects.live().filter(wanted).select_related("locale").order_by("path"))
    found = {"news": None, "calls": None, "cta": None}
    for page in pages:
        kind = kinds.get(page.content_type_id)
        if kind and page.locale.language_code == language and found[kind] is None:
            found[kind] = page
    original = next((page for page in pages if page.pk == cta_page_id), None)
    if original is not None:
        found["cta"] = next(
            (
                page
                for page in pages
                if page.translation_key == original.translation_key
                and page.locale.language_code == language
            ),
            original,
        )
    return found


def ecosystem_numbers(*, language: str, year: int | None = None) -> dict:
    """This year's ecosystem at a glance: verified startups, research groups
    and partners, approved mentors, public events starting this year and the
    support awarded this year (VND). Counted at most every few minutes."""
    year = year or timezone.localdate().year
    key = f"home:ecosystem-numbers:{language}:{year}"
    numbers = cache.get(key)
    if numbers is None:
        numbers = _count_ecosystem(year)
        cache.set(key, numbers, NUMBERS_TIMEOUT)
    return numbers


def _count_ecosystem(year: int) -> dict:
    kinds = Organisation.Kind
    organisations = Organisation.objects.public().aggregate(
        startups=Count("pk", filter=Q(kind=kinds.STARTUP)),
        research_groups=Count("pk", filter=Q(kind=kinds.RESEARCH_GROUP)),
        partners=Count("pk", filter=Q(kind=kinds.PARTNER)),
    )
    start = timezone.make_aware(datetime(year, 1, 1))
    end = timezone.make_aware(datetime(year + 1, 1, 1))
    awarded = Decision.objects.filter(
        outcome=Decision.Outcome.ACCEPTED, decided_at__gte=start, decided_at__lt=end
    ).aggregate(total=Sum("award_amount"))["total"]
    return {
        **organisations,
        "mentors": MentorProfile.objects.public().count(),
        "events": Event.objects.public()
        .exclude(status=Event.Status.CANCELLED)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .count(),
        "awarded": awarded or 0,
    }


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:  # a section not built yet: the number without a link
        return ""


def compact_vnd(amount: int) -> str:
    """A large amount of đồng as a headline reads it: "1,08 tỷ ₫" in
    Vietnamese, "1.08 billion ₫" in English; below a million, in full."""
    for size, template in (
        (10**9, _("%(amount)s billion ₫")),
        (10**6, _("%(amount)s million ₫")),
    ):
        if amount >= size:
            value = (Decimal(amount) / size).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if value == value.to_integral_value():
                value = int(value)
            return template % {"amount": formats.number_format(value, use_l10n=True)}
    return format_vnd(amount)


def number_items(numbers: dict) -> list[dict]:
    """The ecosystem numbers as the home page shows them: value, label and
    where to see more. Numbers that are zero are left out."""

    def count(value: int) -> str:
        return formats.number_format(value, use_l10n=True, force_grouping=True)

    year = timezone.localdate().year
    items = [
        (
            numbers["startups"],
            ngettext("verified startup", "verified startups", numbers["startups"]),
            "directory:startups",
        ),
        (
            numbers["research_groups"],
            ngettext("research group", "research groups", numbers["research_groups"]),
            "directory:research_groups",
        ),
        (
            numbers["partners"],
            ngettext("partner", "partners", numbers["partners"]),
            "directory:partners",
        ),
        (
            numbers["mentors"],
            ngettext("mentor", "mentors", numbers["mentors"]),
            "mentors:list",
        ),
        (
            numbers["events"],
            ngettext("event in %(year)s", "events in %(year)s", numbers["events"]) % {"year": year},
            "events:list",
        ),
    ]
    shown = [
        {"value": count(value), "label": label, "url": _url(url_name)}
        for value, label, url_name in items
        if value
    ]
    if numbers["awarded"]:
        shown.append(
            {
                "value": compact_vnd(numbers["awarded"]),
                "label": _("support awarded in %(year)s") % {"year": year},
                "url": "",
            }
        )
    return shown

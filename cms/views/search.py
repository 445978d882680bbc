"""/search/: one results page over pages, official documents, the directory,
events and mentors, grouped by kind.

Every group ignores case and Vietnamese diacritics: pages and documents go
through Wagtail's search backend, which indexes their normalised
`search_text`; organisations, events and mentors through ecosystem.search
over their `search_document`. Each group shows its first few results and
links to the full list: the section's own list filtered by the same words,
or, for pages, this view limited to pages. Only what the public may see is
searched: live pages outside private sections, verified organisations,
public events, approved mentors. Queries do not grow with the results.
"""

from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language, gettext_lazy, ngettext, ngettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms.filters import search_documents
from cms.models import CallPage, DocumentIndexPage, NewsPage, OfficialDocument, StandardPage
from ecosystem import search as text_search
from ecosystem.filters import SEARCH_MAX_LENGTH
from ecosystem.models import Organisation
from ecosystem.models.organisations import KIND_URL_SEGMENTS
from events.models import Event
from mentors.models import MentorProfile

RESULTS_PER_GROUP = 5
PAGE_SIZE = 20
SNIPPET_WORDS = 30

PAGES = "pages"
DOCUMENTS = "documents"
DIRECTORY = "directory"
EVENTS = "events"
MENTORS = "mentors"

KINDS = {
    PAGES: gettext_lazy("Pages"),
    DOCUMENTS: gettext_lazy("Official documents"),
    DIRECTORY: gettext_lazy("Directory"),
    EVENTS: gettext_lazy("Events"),
    MENTORS: gettext_lazy("Mentors"),
}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search for"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput(attrs={"enterkeyhint": "search"}),
        error_messages={
            "max_length": gettext_lazy(
                "Search for at most %(limit_value)d characters: a few words are enough."
            )
        },
    )


@dataclass
class Hit:
    """One result as the page shows it. `lang` (the title's) and `text_lang`
    are set when they are in another language than the page: an English
    reader is shown the Vietnamese text that has no English version."""

    title: str
    url: str
    label: str = ""
    meta: list[str] = field(default_factory=list)
    text: str = ""
    lang: str = ""
    text_lang: str = ""
    # The language of `meta` when it is not the page's (a mentor's job title
    # and organisation are kept in Vietnamese only).
    meta_lang: str = ""


@dataclass
class Group:
    kind: str
    title: str
    hits: list[Hit]
    count: int
    # (label, url) pairs: the full lists these results come from.
    see_all: list[tuple[str, str]] = field(default_factory=list)


def _snippet(text: str) -> str:
    return Truncator(" ".join((text or "").split())).words(SNIPPET_WORDS)


def _other_language(has_translation: bool) -> str:
    return "vi" if get_language() == "en" and not has_translation else ""


def _with_query(url: str, query: str, **extra) -> str:
    return f"{url}?{urlencode({'q': query, **extra})}"


def _best_first(queryset: QuerySet, *fallback: str) -> QuerySet:
    """The best matches first where the search ranks them (PostgreSQL)."""
    if "search_rank" in queryset.query.annotations:
        return queryset.order_by("-search_rank", *fallback)
    return queryset.order_by(*fallback)


def pages_found(words: str):
    """Live, public pages in the reader's language with every word, as their
    specific types (one query per page type, however many results)."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1).specific()
    return pages.search(words, operator="and")


def page_hit(page, request) -> Hit:
    label, meta, text = _("Page"), [], page.search_description
    if isinstance(page, NewsPage):
        label = _("News")
        meta.append(date_format(page.date, "DATE_FORMAT"))
        text = page.summary or text
    elif isinstance(page, CallPage):
        label = _("Call for applications")
        text = text or unescape(strip_tags(page.intro))
    elif isinstance(page, StandardPage):
        text = text or page.intro
    return Hit(
        title=page.title, url=page.get_url(request), label=label, meta=meta, text=_snippet(text)
    )


def page_group(words: str, query: str, request) -> Group:
    results = pages_found(words)
    count = results.count()
    hits = [page_hit(page, request) for page in results[:RESULTS_PER_GROUP]] if count else []
    see_all = []
    if count > RESULTS_PER_GROUP:
        label = ngettext("See all %(count)d pages", "See all %(count)d pages", count) % {
            "count": count
        }
        see_all.append((label, _with_query(request.path, query, kind=PAGES)))
    return Group(PAGES, KINDS[PAGES], hits, count, see_all)


def documents_page_url(request) -> str:
    """The documents page in the reader's language, else the Vietnamese one."""
    pages = DocumentIndexPage.objects.live().select_related("locale")
    found = {page.locale.language_code: page for page in pages}
    page = found.get(get_language()) or next(iter(found.values()), None)
    return page.get_url(request) if page else ""


def document_hit(document: OfficialDocument) -> Hit:
    return Hit(
        title=document.localized("title"),
        url=document.document.url,
        label=capfirst(document.get_doc_type_display()),
        meta=[
            document.number,
            date_format(document.date_issued, "DATE_FORMAT"),
            str(document.issuing_body),
            document.document.file_extension.upper(),
        ],
        text=_snippet(document.localized("summary")),
        lang=document.title_lang,
        text_lang=document.summary_lang,
    )


def document_group(words: str, query: str, request) -> Group:
    results = search_documents(OfficialDocument.for_listing(), words)
    count = results.count()
    hits = [document_hit(document) for document in results[:RESULTS_PER_GROUP]] if count else []
    see_all = []
    url = documents_page_url(request) if count else ""
    if url:
        label = ngettext("See %(count)d document", "See all %(count)d documents", count) % {
            "count": count
        }
        see_all.append((label, _with_query(url, query)))
    return Group(DOCUMENTS, KINDS[DOCUMENTS], hits, count, see_all)


DIRECTORY_SECTIONS = {
    Organisation.Kind.STARTUP: (
        "directory:startups",
        ngettext_lazy("See %(count)d startup", "See %(count)d startups", "count"),
    ),
    Organisation.Kind.RESEARCH_GROUP: (
        "directory:research_groups",
        ngettext_lazy("See %(count)d research group", "See %(count)d research groups", "count"),
    ),
    Organisation.Kind.PARTNER: (
        "directory:partners",
        ngettext_lazy("See %(count)d partner", "See %(count)d partners", "count"),
    ),
}


def organisation_hit(organisation: Organisation) -> Hit:
    return Hit(
        title=organisation.name,
        url=reverse(
            "directory:detail",
            kwargs={"kind": KIND_URL_SEGMENTS[organisation.kind], "slug": organisation.slug},
        ),
        label=capfirst(organisation.get_kind_display()),
        text=organisation.tagline,
        # Names and taglines are written in Vietnamese only.
        lang=_other_language(False),
        text_lang=_other_language(False),
    )


def directory_group(words: str, query: str) -> Group:
    found = text_search.search(Organisation.objects.public(), words)
    counts = dict(
        found.order_by()
        .values_list("kind")
        .annotate(total=Count("pk"))
        .values_list("kind", "total")
    )
    count = sum(counts.values())
    organisations = _best_first(found.only("kind", "name", "slug", "tagline"), "name", "pk")
    hits = [organisation_hit(item) for item in organisations[:RESULTS_PER_GROUP]] if count else []
    see_all = [
        (label % {"count": counts[kind]}, _with_query(reverse(url_name), query))
        for kind, (url_name, label) in DIRECTORY_SECTIONS.items()
        if counts.get(kind)
    ]
    return Group(DIRECTORY, KINDS[DIRECTORY], hits, count, see_all)


def event_hit(event: Event) -> Hit:
    start = timezone.localtime(event.starts_at)
    meta = [date_format(start, "DATE_FORMAT")]
    if event.status == Event.Status.CANCELLED:
        meta.append(_("Cancelled"))
    elif event.status == Event.Status.POSTPONED:
        meta.append(_("Postponed"))
    return Hit(
        title=event.localized("title"),
        url=event.get_absolute_url(),
        label=capfirst(event.get_kind_display()),
        meta=meta,
        text=_snippet(event.localized("description")),
        lang=_other_language(bool(event.title_en)),
        text_lang=_other_language(bool(event.description_en)),
    )


def event_group(words: str, query: str, now) -> Group:
    found = text_search.search(Event.objects.public(), words)
    upcoming = Q(ends_at__gte=now)
    counts = found.order_by().aggregate(
        upcoming=Count("pk", filter=upcoming), past=Count("pk", filter=~upcoming)
    )
    count = counts["upcoming"] + counts["past"]
    # Upcoming events first, soonest first; then past ones, the latest first.
    events = (
        found.annotate(
            is_past=Case(When(upcoming, then=Value(0)), default=Value(1)),
            upcoming_start=Case(When(upcoming, then=F("starts_at"))),
            past_start=Case(When(~upcoming, then=F("starts_at"))),
        )
        .only(
            *("slug", "kind", "status", "starts_at", "ends_at"),
            *("title", "title_en", "description", "description_en"),
        )
        .order_by("is_past", "upcoming_start", F("past_start").desc(), "pk")
    )
    hits = [event_hit(event) for event in events[:RESULTS_PER_GROUP]] if count else []
    see_all = []
    if counts["upcoming"]:
        label = ngettext(
            "See %(count)d upcoming event", "See %(count)d upcoming events", counts["upcoming"]
        ) % {"count": counts["upcoming"]}
        see_all.append((label, _with_query(reverse("events:list"), query)))
    if counts["past"]:
        label = ngettext(
            "See %(count)d past event", "See %(count)d past events", counts["past"]
        ) % {"count": counts["past"]}
        see_all.append((label, _with_query(reverse("events:list"), query, when="past")))
    return Group(EVENTS, KINDS[EVENTS], hits, count, see_all)


def mentor_hit(mentor: MentorProfile) -> Hit:
    meta = [part for part in (mentor.job_title, mentor.organisation_name) if part]
    return Hit(
        title=mentor.user.get_full_name(),
        url=mentor.get_absolute_url(),
        meta=meta,
        meta_lang=_other_language(False),
        text=_snippet(mentor.localized("headline")),
        text_lang=_other_language(bool(mentor.headline_en)),
    )


def mentor_group(words: str, query: str) -> Group:
    found = text_search.search(MentorProfile.objects.public(), words)
    count = found.count()
    mentors = _best_first(found.select_related("user"), "user__full_name", "pk")
    hits = [mentor_hit(mentor) for mentor in mentors[:RESULTS_PER_GROUP]] if count else []
    see_all = []
    if count:
        label = ngettext("See %(count)d mentor", "See all %(count)d mentors", count) % {
            "count": count
        }
        see_all.append((label, _with_query(reverse("mentors:list"), query)))
    return Group(MENTORS, KINDS[MENTORS], hits, count, see_all)


def search(request):
    """The search form and, for a query, the results grouped by kind (or only
    the pages, paginated, for ?kind=pages). A query that cannot be used is
    reported on the form with status 400."""
    form = SearchForm(request.GET)
    valid = form.is_valid()
    raw_query = form.cleaned_data.get("q", "") if valid else ""
    words = " ".join(text_search.normalize(raw_query).split()[: text_search.MAX_QUERY_WORDS])
    context = {
        "form": form,
        "query": raw_query,
        "words": words,
        "title": _("Search"),
        "crumbs": [(_("Home"), reverse("wagtail_serve", args=[""]))],
    }
    if not valid:
        return render(request, "cms/search.html", context, status=400)
    if not words:
        return render(request, "cms/search.html", context)

    # "See all" for pages: this view, with the pages only and paginated.
    if request.GET.get("kind") == PAGES:
        results = pages_found(words)
        page_obj = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            kind=PAGES,
            page_obj=page_obj,
            hits=[page_hit(page, request) for page in page_obj.object_list],
            pagination_query=query.urlencode(),
            all_results_url=_with_query(request.path, raw_query),
        )
        return render(request, "cms/search.html", context)

    groups = [
        page_group(words, raw_query, request),
        document_group(words, raw_query, request),
        directory_group(words, raw_query),
        event_group(words, raw_query, timezone.now()),
        mentor_group(words, raw_query),
    ]
    context.update(
        groups=[group for group in groups if group.count],
        empty_groups=[group for group in groups if not group.count],
        total=sum(group.count for group in groups),
    )
    return render(request, "cms/search.html", context)

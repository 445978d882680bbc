"""Tags for the chrome every public page shares: main menu, footer links,
language switcher, breadcrumbs. They live with the CMS because the menu and
translations are pages."""

from types import SimpleNamespace

from django import template
from django.conf import settings
from django.db.models import Q, Value
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from cms.models import FooterLink, MainMenuItem
from cms.models.settings import SECTION_CHOICES

register = template.Library()

# The portal's own sections a link can point to: section -> (URL name, URL
# namespace that marks the section as current; empty: the URL's path does).
SECTION_URLS = {
    "directory": ("directory:startups", "directory"),
    "events": ("events:list", "events"),
    "mentors": ("mentors:list", "mentors"),
    "account": ("account_profile", ""),
}
SECTION_LABELS = dict(SECTION_CHOICES)

# The main menu when coordinators have set none: the CMS pages shown in menus,
# then these sections.
DEFAULT_SECTIONS = ["directory", "events", "mentors"]

NAVIGATION_CACHE_ATTR = "_innohub_navigation"


def _site_root(request, page=None):
    """The site's home page in the active language, or the site's own root
    when that has no live translation; looked up once per request and
    language, and not at all on the home page itself (`page`)."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    roots = request.__dict__.setdefault("_innohub_site_roots", {})
    language = get_language()
    if language not in roots:
        root = site.root_page
        if isinstance(page, Page) and page.translation_key == root.translation_key and page.live:
            roots[language] = page
        else:
            translation = (
                Page.objects.live()
                .filter(translation_key=root.translation_key, locale__language_code=language)
                .first()
            )
            roots[language] = translation or root
    return roots[language]


def _section_link(request, section: str, label: str = "") -> dict | None:
    """A link to one of the portal's sections in the active language, or None
    while that section has no page (a link that would only 404 is left out)."""
    url_name, namespace = SECTION_URLS[section]
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        return None
    match = getattr(request, "resolver_match", None)
    if namespace:
        is_current = getattr(match, "namespace", "") == namespace
    else:
        is_current = request is not None and request.path.startswith(url)
    return {"label": label or SECTION_LABELS[section], "url": url, "is_current": is_current}


def _pages_in_language(page_ids: set[int], language: str) -> tuple[dict, dict]:
    """The chosen live pages, and their live translations in `language`, in one
    query: (pages by id, translations by translation key)."""
    if not page_ids:
        return {}, {}
    chosen_keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    pages = (
        Page.objects.live()
        .filter(
            Q(pk__in=page_ids) | Q(translation_key__in=chosen_keys, locale__language_code=language)
        )
        .select_related("locale")
    )
    by_id, by_key = {}, {}
    for page in pages:
        by_id[page.pk] = page
        if page.locale.language_code == language:
            by_key[page.translation_key] = page
    return by_id, by_key


def _resolve(items, request, current_path: str, root_path: str, pages) -> list[dict]:
    """Menu or footer items as links in the active language: a page becomes its
    translation when there is one, a section its URL; items whose target is gone
    (an unpublished page, a section not built yet) are left out."""
    by_id, by_key = pages
    english = get_language() == "en"
    links = []
    for item in items:
        label = (item.label_en or item.label) if english else (item.label or item.label_en)
        if item.page_id:
            chosen = by_id.get(item.page_id)
            if chosen is None:
                continue
            page = by_key.get(chosen.translation_key, chosen)
            # The home page is an ancestor of every page: current only on itself.
            if page.path == root_path:
                is_current = current_path == page.path
            else:
                is_current = bool(current_path) and current_path.startswith(page.path)
            url = page.get_url(request)
            if url is None:
                continue
            links.append({"label": label or page.title, "url": url, "is_current": is_current})
        elif item.section in SECTION_URLS:
            link = _section_link(request, item.section, label)
            if link:
                links.append(link)
        elif item.url:
            links.append({"label": label or item.url, "url": item.url, "is_current": False})
    return links


def _navigation_items(site) -> tuple[list, list]:
    """The site's main menu items and footer links, in one query."""
    fields = ("label", "label_en", "page_id", "section", "url", "sort_order", "pk")
    main = (
        MainMenuItem.objects.filter(setting__site=site)
        .annotate(place=Value("main"))
        .values("place", *fields)
        .order_by()
    )
    footer = (
        FooterLink.objects.filter(setting__site=site)
        .annotate(place=Value("footer"))
        .values("place", *fields)
        .order_by()
    )
    rows = [SimpleNamespace(**row) for row in main.union(footer, all=True)]
    rows.sort(key=lambda row: (row.sort_order, row.pk))
    return (
        [row for row in rows if row.place == "main"],
        [row for row in rows if row.place == "footer"],
    )


def navigation(context) -> dict:
    """The main menu and footer links coordinators set in the navigation
    settings, resolved for the active language; computed once per request in
    two queries, however many items there are."""
    request = context.get("request")
    language = get_language()
    cached = getattr(request, NAVIGATION_CACHE_ATTR, None)
    if cached and cached["language"] == language:
        return cached
    site = Site.find_for_request(request) if request is not None else None
    main_items, footer_items = _navigation_items(site) if site is not None else ([], [])
    pages = _pages_in_language(
        {item.page_id for item in [*main_items, *footer_items] if item.page_id}, language
    )
    current_path = getattr(context.get("page"), "path", "")
    root = _site_root(request, context.get("page"))
    root_path = root.path if root else ""
    result = {
        "language": language,
        "main": _resolve(main_items, request, current_path, root_path, pages),
        "footer": _resolve(footer_items, request, current_path, root_path, pages),
        "configured": bool(main_items),
    }
    if request is not None:
        setattr(request, NAVIGATION_CACHE_ATTR, result)
    return result


def _default_menu(context) -> list[dict]:
    """The menu before coordinators set one: home, the CMS pages shown in menus,
    then the portal's sections."""
    request = context.get("request")
    root = _site_root(request, context.get("page"))
    links = []
    current_path = getattr(context.get("page"), "path", "")
    if root is not None:
        links.append(
            {
                "label": _("Home"),
                "url": root.get_url(request),
                "is_current": current_path == root.path,
            }
        )
        for page in root.get_children().live().in_menu():
            links.append(
                {
                    "label": page.title,
                    "url": page.get_url(request),
                    "is_current": bool(current_path) and current_path.startswith(page.path),
                }
            )
    for section in DEFAULT_SECTIONS:
        link = _section_link(request, section)
        if link:
            links.append(link)
    return links


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    menu = navigation(context)
    return {"links": menu["main"] if menu["configured"] else _default_menu(context)}


@register.simple_tag(takes_context=True)
def footer_links(context) -> list[dict]:
    return navigation(context)["footer"]


def live_translations(page: Page) -> dict:
    """The page in each language it is live in, itself included, by language
    code. Asked once per page object: the head's hreflang links and the
    language switcher share the answer."""
    cached = getattr(page, "_live_translations", None)
    if cached is None:
        cached = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
        page._live_translations = cached
    return cached


@register.simple_tag
def other_translations(page: Page) -> list:
    """The page's live translations in the other languages."""
    return [
        translation for translation in live_translations(page).values() if translation.pk != page.pk
    ]


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in every language: the page's translation when it
    has one, the same path under the other prefix for views, else that
    language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = live_translations(page) if isinstance(page, Page) else {}

    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif isinstance(page, Page):
            url = _home_url(request, code)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return {"links": links}


def _home_url(request, language_code):
    site = Site.find_for_request(request) if request else None
    if site is not None:
        home = (
            Page.objects.live()
            .filter(translation_key=site.root_page.translation_key)
            .filter(locale__language_code=language_code)
            .first()
        )
        if home is not None:
            return home.get_url(request)
    return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context, page):
    """Breadcrumbs for a Wagtail page: its ancestors below the Wagtail root, then
    the page itself, marked as the current one."""
    request = context.get("request")
    ancestors = page.get_ancestors().filter(depth__gt=1).specific(defer=True)
    return {"crumbs": [(a.title, a.get_url(request)) for a in ancestors], "current": page.title}

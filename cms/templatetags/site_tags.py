"""Tags for the chrome every public page shares: main menu, language switcher,
breadcrumbs. They live with the CMS because the menu and translations are pages."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

register = template.Library()

# The portal's own sections, after the CMS pages in the main menu:
# (label, URL name, URL namespace that marks the section as current).
SECTIONS = [
    (_("Directory"), "directory:startups", "directory"),
    (_("Events"), "events:list", "events"),
]


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    return root.localized if root else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    root = _site_root(request)
    items = list(root.get_children().live().in_menu().specific(defer=True)) if root else []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    namespace = getattr(getattr(request, "resolver_match", None), "namespace", "")
    return {
        "home": root,
        "items": [
            {"page": item, "is_current": bool(current_path) and current_path.startswith(item.path)}
            for item in items
        ],
        "sections": [
            {"label": label, "url": reverse(url_name), "is_current": namespace == section}
            for label, url_name, section in SECTIONS
        ],
        "request": request,
    }


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in every language: the page's translation when it
    has one, the same path under the other prefix for views, else that
    language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation

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
    root = _site_root(request)
    if root is not None:
        locale = Locale.objects.filter(language_code=language_code).first()
        home = root.get_translation_or_none(locale) if locale else None
        if home is not None and home.live:
            return home.get_url(request)
    return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context, page):
    """Breadcrumbs for a Wagtail page: its ancestors below the Wagtail root, then
    the page itself, marked as the current one."""
    request = context.get("request")
    ancestors = page.get_ancestors().filter(depth__gt=1).specific(defer=True)
    return {"crumbs": [(a.title, a.get_url(request)) for a in ancestors], "current": page.title}

"""The sitemap's sections: CMS pages in both languages, verified directory
profiles, upcoming public events and approved mentors. Every address is listed
in each language it exists in, with its other-language versions as hreflang
alternates (and x-default, the Vietnamese one), as search engines ask for.

They make one /sitemap.xml. A sitemap file holds at most 50,000 addresses;
tier S comes to about 35,000, so no section is paged (the day the portal
outgrows that, /sitemap.xml becomes an index of the sections)."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max, Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from ecosystem.sitemaps import OrganisationSitemap as BaseOrganisationSitemap
from events.models import Event
from mentors.sitemaps import MentorSitemap

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]
# Addresses in one sitemap file, at most (sitemaps.org).
SITEMAP_LIMIT = 50_000


def section_state(section) -> tuple:
    """What changes whenever a section's content does: how many items it has
    (one leaving changes it) and the latest change among them."""
    field = getattr(section, "lastmod_field", "updated_at")
    state = section.items().aggregate(count=Count("pk"), latest=Max(field))
    return state["count"], state["latest"]


class LatestUpdateMixin:
    """Each section's latest change in one aggregate, instead of Django's
    default of loading every item."""

    lastmod_field = "updated_at"

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]


class TranslatedSitemap(LatestUpdateMixin, Sitemap):
    """Objects whose one URL name serves both languages (/x/ and /en/x/)."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    limit = SITEMAP_LIMIT


class PageSitemap(WagtailSitemap):
    """Live public pages of the site in every language. A page's translations
    are separate pages with their own addresses, so the alternates come from
    the pages sharing its translation key."""

    changefreq = "weekly"
    limit = SITEMAP_LIMIT
    lastmod_field = "last_published_at"

    def _roots(self):
        root = self.get_wagtail_site().root_page
        return list(root.get_translations(inclusive=True).live())

    def items(self):
        roots = self._roots()
        if not roots:
            return Page.objects.none()
        under_a_root = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .select_related("locale")
            .only(
                "path",
                "url_path",
                "translation_key",
                "locale",
                "locale__language_code",
                "last_published_at",
                "latest_revision_created_at",
            )
            .order_by("path")
        )

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _path(self, page) -> str | None:
        parts = page.get_url_parts(self.request)
        return parts[2] if parts else None

    def _versions(self) -> dict:
        """translation key -> [(language, path)] for every listed page, in the
        order of settings.LANGUAGES."""
        versions = defaultdict(list)
        for page in self.items().iterator():
            path = self._path(page)
            if path:
                versions[page.translation_key].append((page.locale.language_code, path))
        for entries in versions.values():
            entries.sort(key=lambda entry: _language_rank(entry[0]))
        return versions

    def _urls(self, page, protocol, domain):
        versions = self._versions()
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list:
            path = self._path(item)
            if not path:
                continue
            lastmod = self.lastmod(item)
            alternates = []
            translations = versions.get(item.translation_key, [])
            if len(translations) > 1:
                alternates = [
                    {"lang_code": language, "location": f"{protocol}://{domain}{location}"}
                    for language, location in translations
                ]
                default = dict(translations).get(settings.LANGUAGE_CODE)
                if default:
                    alternates.append(
                        {"lang_code": "x-default", "location": f"{protocol}://{domain}{default}"}
                    )
            urls.append(
                {
                    "item": item,
                    "location": f"{protocol}://{domain}{path}",
                    "lastmod": lastmod,
                    "changefreq": self.changefreq,
                    "priority": "",
                    "alternates": alternates,
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _language_rank(code: str) -> int:
    return LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


class OrganisationSitemap(LatestUpdateMixin, BaseOrganisationSitemap):
    """Verified directory profiles, in both languages."""

    i18n = True
    alternates = True
    x_default = True
    limit = SITEMAP_LIMIT


class EventSitemap(TranslatedSitemap):
    """Public events that have not ended and are not cancelled."""

    changefreq = "daily"

    def items(self):
        return (
            Event.objects.public()
            .upcoming()
            .exclude(status=Event.Status.CANCELLED)
            .order_by("starts_at", "pk")
            .only("slug", "updated_at")
        )


SITEMAPS = {
    "pages": PageSitemap,
    "organisations": OrganisationSitemap,
    "events": EventSitemap,
    "mentors": MentorSitemap,
}

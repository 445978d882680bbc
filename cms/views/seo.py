"""robots.txt and the sitemap."""

import hashlib

from django.conf import settings
from django.contrib.sitemaps import views as django_sitemap_views
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import prepare_sitemaps

from cms.sitemaps import SITEMAPS, section_state

# Private areas, and addresses that carry a person's token or secret. Each in
# both languages: Vietnamese has no prefix, the others have theirs.
PRIVATE_PATHS = [
    "/account/",
    "/review/",
    "/events/r/",
    "/events/feed/",
    "/mentors/invitations/",
    "/mentors/bookings/",
]
# A built sitemap is kept this long at most (it is rebuilt as soon as any
# section changes, whatever this says).
SITEMAP_CACHE_SECONDS = 6 * 60 * 60


def robots_lines(sitemap_url: str) -> list[str]:
    prefixes = [""] + [
        f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    lines += [f"Disallow: {prefix}{path}" for path in PRIVATE_PATHS for prefix in prefixes]
    return [*lines, "", f"Sitemap: {sitemap_url}"]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = robots_lines(request.build_absolute_uri(reverse("sitemap")))
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    """/sitemap.xml: every section in one file. Building it at tier S takes
    seconds, so the built file is cached under a key made of each section's
    size and latest change (an aggregate query per section): a page published
    or an event ended shows in the next request, and nothing else rebuilds it."""
    # Wagtail's sections take the request; Django's are made here.
    sections = {
        name: section() if isinstance(section, type) else section
        for name, section in prepare_sitemaps(request, SITEMAPS).items()
    }
    state = [(name, section_state(section)) for name, section in sections.items()]
    fingerprint = f"{request.scheme}://{request.get_host()}|{state!r}"
    key = "sitemap:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    content = cache.get(key)
    if content is None:
        response = django_sitemap_views.sitemap(request, sitemaps=sections)
        response.render()
        content = response.content
        cache.set(key, content, SITEMAP_CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/xml")
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response

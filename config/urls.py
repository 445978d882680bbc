from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import search as search_views
from cms.views import seo

urlpatterns = [
    # Everyone signs in through allauth, so its rate limits and two-factor step
    # also guard the Wagtail admin.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Pages in both languages, directory profiles, events and mentors (cms.sitemaps).
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese has no prefix; English lives under /en/.
urlpatterns += i18n_patterns(
    path("account/organisations/", include("ecosystem.urls.account")),
    path("account/applications/", include("ecosystem.urls.applications")),
    path("account/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("directory/", include("ecosystem.urls.directory")),
    path("review/", include("ecosystem.urls.review")),
    path("events/", include("events.urls")),
    path("mentors/", include("mentors.urls")),
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

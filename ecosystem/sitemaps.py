from django.contrib.sitemaps import Sitemap

from .models import Organisation


class OrganisationSitemap(Sitemap):
    """Verified directory profiles; nothing unverified is ever listed."""

    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Organisation.objects.public().order_by("pk").only("kind", "slug", "updated_at")

    def lastmod(self, organisation):
        return organisation.updated_at

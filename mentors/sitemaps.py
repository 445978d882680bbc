from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import MentorProfile


class MentorSitemap(Sitemap):
    """Approved mentors' public profiles, in both languages; mentors waiting
    for approval, invited or suspended are never listed."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    # One sitemap file holds up to 50,000 addresses (see cms.sitemaps).
    limit = 50_000

    def items(self):
        return MentorProfile.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, mentor):
        return mentor.updated_at

    def get_latest_lastmod(self):
        # One aggregate for the sitemap index, not every profile loaded.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

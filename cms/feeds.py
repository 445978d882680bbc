"""RSS 2.0 and Atom feeds of the news and of the calls, one pair per language.

They are served by routes on the index pages (RoutablePageMixin), so each
language's index has its own:

    /news/feed/          RSS 2.0, Vietnamese      /en/news/feed/        English
    /news/feed/atom/     Atom 1.0                 /en/news/feed/atom/
    /calls/feed/         RSS 2.0                  /en/calls/feed/
    /calls/feed/atom/    Atom 1.0                 /en/calls/feed/atom/

Items are the live, public pages below the index, the latest first. Addresses
are on the host the reader asked (like the pages' canonical links); an item's id
is a tag: URI made from the page's id, so it survives a change of slug or host."""

from datetime import datetime, time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from cms.templatetags.call_tags import province_datetime

# How many items a feed lists: readers poll often, so the latest few are enough.
FEED_SIZE = 30


def _tag_uri(page, kind: str) -> str:
    """A permanent id for an item (RFC 4151), the same in RSS and Atom."""
    authority = urlsplit(settings.SITE_URL).hostname or "innohub"
    published = timezone.localdate(page.first_published_at) if page.first_published_at else None
    day = (published or getattr(page, "date", None) or timezone.localdate()).isoformat()
    return f"tag:{authority},{day}:{page.locale.language_code}/{kind}/{page.pk}"


class PageFeed(Feed):
    """The parts every feed of pages shares. Made per request with the index page."""

    kind = ""

    def __init__(self, index):
        self.index = index
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def title(self, index):
        return f"{index.title} · {settings.WAGTAIL_SITE_NAME}"

    def link(self, index):
        return self.absolute(index.get_url(self.request))

    def feed_url(self, index):
        return self.absolute(self.request.path)

    def description(self, index):
        intro = strip_tags(expand_db_html(index.intro)).strip() if index.intro else ""
        return intro or self.default_description()

    def subtitle(self, index):
        return self.description(index)

    def default_description(self) -> str:
        return ""

    def author_name(self, index):
        return _("Department of Science and Technology")

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return self.absolute(item.get_url(self.request))

    def item_guid(self, item):
        return _tag_uri(item, self.kind)

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class NewsFeed(PageFeed):
    kind = "news"

    def default_description(self):
        return _("News from the Department of Science and Technology.")

    def items(self, index):
        return (
            index.articles()
            .defer_streamfields()
            .select_related("locale")
            .prefetch_related("categories")[:FEED_SIZE]
        )

    def item_description(self, item):
        return item.search_description or item.summary

    def item_pubdate(self, item):
        return item.published_at()

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [str(category) for category in item.categories.all()]


class CallFeed(PageFeed):
    kind = "calls"

    def default_description(self):
        return _("Calls for applications from the Department of Science and Technology.")

    def items(self, index):
        from cms.models import CallPage

        return (
            CallPage.objects.child_of(index)
            .live()
            .public()
            .select_related("locale", "call__programme")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.call.localized("title") or item.title

    def item_description(self, item):
        call = item.call
        dates = _("Opens %(opens)s, closes %(closes)s (Vietnam time).") % {
            "opens": province_datetime(call.opens_at),
            "closes": province_datetime(call.closes_at),
        }
        intro = strip_tags(expand_db_html(item.intro)).strip() if item.intro else ""
        return " ".join(part for part in (call.programme.localized("name"), dates, intro) if part)

    def item_pubdate(self, item):
        return item.first_published_at or timezone.make_aware(
            datetime.combine(timezone.localdate(item.call.opens_at), time.min)
        )

    def item_categories(self, item):
        return [str(item.call.programme.get_kind_display())]


class NewsRssFeed(NewsFeed):
    feed_type = Rss201rev2Feed


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed


class CallRssFeed(CallFeed):
    feed_type = Rss201rev2Feed


class CallAtomFeed(CallFeed):
    feed_type = Atom1Feed

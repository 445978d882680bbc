"""News: the index of articles and the article pages, with their feeds."""

import json
from datetime import datetime, time

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock, inert_html
from cms.feeds import NewsAtomFeed, NewsRssFeed
from cms.search import search_text, stream_text
from cms.templatetags.image_tags import image_specs

# How many related articles an article shows.
RELATED_COUNT = 3


def with_card_data(pages):
    """`pages` (NewsPage) ready for cms/includes/news_card.html: the main image
    and its card renditions fetched in two queries for the whole list, and no
    StreamField loaded."""
    images = get_image_model().objects.prefetch_renditions(*image_specs("card"))
    return pages.defer_streamfields().prefetch_related(Prefetch("hero_image", queryset=images))


def _json_for_script(data) -> str:
    """JSON safe inside a <script> element: no "</script>" or "<!--" can end it early
    (the same escapes as Django's json_script)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(  # noqa: S308 - every <, > and & is escaped just above
        text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    )


class NewsCategory(models.Model):
    name = models.CharField(_("name (Vietnamese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]

    def __str__(self):
        return self.name_en if get_language() == "en" and self.name_en else self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsFilterForm(forms.Form):
    """The filters of the news index, read from the query string. A value that
    cannot be used is reported next to its field and left out."""

    LEFT_OUT = {"invalid_choice": _("This is not one of the choices, so this filter was left out.")}

    category = forms.ChoiceField(label=_("Category"), required=False, error_messages=LEFT_OUT)
    tag = forms.ChoiceField(label=_("Tag"), required=False, error_messages=LEFT_OUT)
    year = forms.ChoiceField(label=_("Year"), required=False, error_messages=LEFT_OUT)

    def __init__(self, data, *, categories, tags, years):
        super().__init__(data)
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category.slug, str(category)) for category in categories
        ]
        self.fields["tag"].choices = [("", _("All tags"))] + [(tag.slug, tag.name) for tag in tags]
        self.fields["year"].choices = [("", _("All years"))] + [
            (str(year), str(year)) for year in years
        ]

    def clean_value(self, name: str) -> str:
        # The fields that are fine still filter when another one is not.
        self.is_valid()
        return self.cleaned_data.get(name, "")

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


class NewsIndexPage(RoutablePageMixin, Page):
    """/news/: the latest articles, filterable by category, tag and year, with
    RSS (feed/) and Atom (feed/atom/) feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    PAGE_SIZE = 12

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        """Live, public articles below this index, the latest first."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-first_published_at", "-pk")
        )

    def filter_form(self, data) -> NewsFilterForm:
        articles = NewsPage.objects.child_of(self).live()
        return NewsFilterForm(
            data,
            categories=NewsCategory.objects.filter(news__in=articles).distinct(),
            tags=Tag.objects.filter(cms_newspagetag_items__content_object__in=articles)
            .distinct()
            .order_by("name"),
            years=[day.year for day in articles.dates("date", "year", order="DESC")],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request.GET)
        articles = self.articles()
        if category := form.clean_value("category"):
            articles = articles.filter(categories__slug=category)
        if tag := form.clean_value("tag"):
            articles = articles.filter(tags__slug=tag)
        if year := form.clean_value("year"):
            articles = articles.filter(date__year=int(year))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            intro_html=inert_html(expand_db_html(self.intro)),
            filter_form=form,
            page_obj=Paginator(with_card_data(articles), self.PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
            query=query.urlencode(),
        )
        return context

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Shown in lists, feeds and search results.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("description of the main image"), max_length=250, blank=True
    )
    author = models.CharField(_("author"), max_length=150, blank=True)
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, related_name="news"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("summary")],
            heading=_("About the article"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Main image")
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("categories"), FieldPanel("tags")], heading=_("Topics")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def search_text(self) -> str:
        return search_text(self.title, self.summary, self.author, stream_text(self.body))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetch_images()
        categories = list(self.categories.all())
        share_image = None
        if self.hero_image:
            renditions = self.hero_image.get_renditions(*image_specs("hero", image=self.hero_image))
            largest = list(renditions.values())[-1]
            share_image = {
                "url": request.build_absolute_uri(largest.url),
                "width": largest.width,
                "height": largest.height,
                "alt": self.hero_image_alt,
            }
        context.update(
            news_index=NewsIndexPage.objects.parent_of(self).first(),
            categories=categories,
            tags=list(self.tags.all()),
            related=self.related_news(categories),
            share_image=share_image,
            meta_description=self.search_description or self.summary,
            structured_data=_json_for_script(self.structured_data(request, image=share_image)),
            og_type="article",
        )
        return context

    def prefetch_images(self) -> None:
        """Fetch the renditions of the main image and of every image block in one
        query, so that a long article costs no more queries than a short one."""
        images = [block.value["image"] for block in self.body if block.block_type == "image"]
        if self.hero_image:
            images.append(self.hero_image)
        images = [image for image in images if image is not None]
        if not images:
            return
        rendition_model = get_image_model().get_rendition_model()
        specs = {*image_specs("hero"), *image_specs("body")}
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=specs),
                to_attr="prefetched_renditions",
            ),
        )

    def related_news(self, categories) -> list:
        """Up to three other articles of the same index sharing a category, the
        latest first."""
        if not categories:
            return []
        related = (
            NewsPage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .filter(categories__in=categories)
            .distinct()
            .order_by("-date", "-first_published_at", "-pk")
        )
        return list(with_card_data(related)[:RELATED_COUNT])

    def structured_data(self, request, *, image=None) -> dict:
        """The article as a schema.org NewsArticle, for search engines. Addresses
        are on the host the reader asked, like the canonical link."""
        url = request.build_absolute_uri(self.get_url(request))
        publisher = {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": request.build_absolute_uri("/"),
        }
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.seo_title or self.title,
            "description": self.search_description or self.summary,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": self.locale.language_code,
            "datePublished": self.published_at().isoformat(),
            "dateModified": (self.last_published_at or self.published_at()).isoformat(),
            "author": {"@type": "Person", "name": self.author} if self.author else publisher,
            "publisher": publisher,
        }
        if image:
            data["image"] = [image["url"]]
        return data

    def published_at(self):
        """The moment the article is dated: its first publication when that fell
        on its date, else the start of its date on the province's clock."""
        first = self.first_published_at and timezone.localtime(self.first_published_at)
        if first and first.date() == self.date:
            return first
        return timezone.make_aware(datetime.combine(self.date, time.min))

"""The home page, one per language."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The site root, one per language: an editable hero, then blocks drawn from
    the portal (open calls, next events, latest news, ecosystem numbers, partner
    logos), each hidden when it has nothing to show."""

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("hero button text"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms import home

        context = super().get_context(request, *args, **kwargs)
        # Served, the request's language is the page's (Vietnamese at /, English
        # at /en/); a preview is in the editor's language, so ask the page.
        if getattr(request, "is_preview", False):
            language = self.locale.language_code
        else:
            language = get_language()
        now = timezone.now()
        links = home.linked_pages(language=language, cta_page_id=self.hero_cta_page_id)
        context.update(
            now=now,
            # Called by the template inside its cached fragment, so a cached
            # hero costs no query.
            hero_image=self.hero_image_with_renditions,
            hero_cta_page=links["cta"],
            sections=links,
            open_calls=home.open_calls(language=language, now=now),
            next_events=home.next_events(now=now),
            latest_news=home.latest_news(language=language),
            numbers=home.number_items(home.ecosystem_numbers(language=language)),
            partners=home.partner_logos(),
        )
        return context

    def hero_image_with_renditions(self):
        """The hero image with the renditions the template asks for (two queries)."""
        from wagtail.images import get_image_model

        from cms.templatetags.image_tags import image_specs

        if not self.hero_image_id:
            return None
        images = get_image_model().objects.prefetch_renditions(*image_specs("hero"))
        return images.filter(pk=self.hero_image_id).first()

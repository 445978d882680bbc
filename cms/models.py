from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class HomePage(Page):
    """The site root, one per language. The CMS issue fills it with blocks."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and social links shown in the footer of every page."""

    organisation_name = models.CharField(
        _("organisation name (Vietnamese)"),
        max_length=255,
        default="Sở Khoa học và Công nghệ",
    )
    organisation_name_en = models.CharField(
        _("organisation name (English)"),
        max_length=255,
        default="Department of Science and Technology",
    )
    address = models.CharField(_("address (Vietnamese)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    zalo_url = models.URLField(_("Zalo official account"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_name_en"),
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("zalo_url")],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def localized_organisation_name(self):
        return self.organisation_name_en if get_language() == "en" else self.organisation_name

    @property
    def localized_address(self):
        return (self.address_en or self.address) if get_language() == "en" else self.address

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Zalo", self.zalo_url),
        ]
        return [(name, url) for name, url in links if url]

"""Site-wide settings editors change in the admin."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and social links shown in the footer of every page."""

    site_name = models.CharField(_("site name"), max_length=100, default="innohub")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("logo")], heading=_("Site")),
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


# The portal's own sections a menu item can point to, in the active language:
# name -> URL name (see cms.templatetags.site_tags).
SECTION_CHOICES = [
    ("directory", _("Directory")),
    ("events", _("Events")),
    ("mentors", _("Mentors")),
    ("account", _("My account")),
]


class LinkItem(Orderable):
    """A menu or footer link: a page (its translation is used on English
    pages), one of the portal's sections, or an address."""

    label = models.CharField(_("label (Vietnamese)"), max_length=60, blank=True)
    label_en = models.CharField(_("label (English)"), max_length=60, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    section = models.CharField(
        _("portal section"), max_length=20, choices=SECTION_CHOICES, blank=True
    )
    url = models.URLField(_("address"), blank=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("label_en"),
        FieldPanel("page"),
        FieldPanel("section"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        targets = [bool(self.page_id), bool(self.section), bool(self.url)]
        if sum(targets) != 1:
            raise ValidationError(_("Choose exactly one of: a page, a portal section, an address."))
        if self.url and not self.label:
            raise ValidationError({"label": _("A link to an address needs a label.")})


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The main menu and the footer links, edited by coordinators."""

    panels = [
        InlinePanel("main_menu_items", label=_("Main menu")),
        InlinePanel("footer_links", label=_("Footer links")),
    ]

    class Meta:
        verbose_name = _("navigation")


class MainMenuItem(LinkItem):
    setting = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="main_menu_items"
    )


class FooterLink(LinkItem):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")

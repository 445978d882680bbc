"""StreamField blocks for news and standard pages. Their templates live in
templates/components/blocks/."""

from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# What editors may use in rich text: no raw HTML, no embeds.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]

# Link addresses rich text may keep; relative ones ("/news/", "#part") too.
SAFE_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Elements that have no place in an article, whatever got stored.
UNSAFE_ELEMENTS = ["script", "style", "iframe", "object", "embed", "form", "base", "meta", "link"]


def _is_safe_url(url: str) -> bool:
    # Browsers ignore tabs, newlines and leading spaces in a scheme ("java\tscript:").
    cleaned = "".join(char for char in url if char > " ").strip()
    return urlsplit(cleaned).scheme.lower() in SAFE_URL_SCHEMES | {""}


def inert_html(html: str) -> str:
    """Rich text HTML (already expanded from the database form) with anything
    that could run removed: script-like elements, event-handler attributes and
    links or sources whose address is javascript:, data: or the like.

    The editor only stores clean HTML, but rich text also arrives through
    imports, translations and the database, so the page does not trust it."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(UNSAFE_ELEMENTS):
        element.decompose()
    for element in soup.find_all(True):
        for name in list(element.attrs):
            value = element.attrs[name]
            if name.lower().startswith("on") or (
                name.lower() in ("href", "src", "action", "formaction", "xlink:href")
                and not _is_safe_url(value if isinstance(value, str) else " ".join(value))
            ):
                del element.attrs[name]
    return mark_safe(str(soup))  # noqa: S308 - cleaned just above


class InertRichTextBlock(blocks.RichTextBlock):
    """Rich text whose rendered HTML goes through `inert_html` (its template
    gets it as `html`)."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["html"] = inert_html(str(value.__html__())) if value else ""
        return context


# The block is stored as a plain RichTextBlock, so its data and migrations do
# not depend on this module (Block.canonical_module_path reads this).
DECONSTRUCT_ALIASES = {InertRichTextBlock: "wagtail.blocks.RichTextBlock"}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", _("section")), ("h3", _("subsection"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("description for people who cannot see it"),
        required=False,
        max_length=250,
        help_text=_("Leave empty only if the image is decoration."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("The document's title if empty.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or an address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or give an address, not both.")
            raise blocks.StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = InertRichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="components/blocks/paragraph.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="components/blocks/table.html")
    document = DocumentBlock()
    call_to_action = CallToActionBlock()

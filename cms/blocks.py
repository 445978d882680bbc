"""StreamField blocks for news and standard pages. Their templates live in
templates/components/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# What editors may use in rich text: no raw HTML, no embeds.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


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
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="components/blocks/paragraph.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="components/blocks/table.html")
    document = DocumentBlock()
    call_to_action = CallToActionBlock()

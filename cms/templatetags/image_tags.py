"""Responsive images for the public pages: one <img> with a srcset of WebP
renditions, its width and height set (no layout shift), lazy loading and async
decoding.

    {% load image_tags %}
    {% responsive_image page.hero_image "hero" alt=page.hero_image_alt %}
    {% responsive_image image widths="320,640" sizes="50vw" ratio="4:3" class="photo" %}

A list page prefetches the renditions it shows, so that an image costs no query:
`Image.objects.prefetch_renditions(*image_specs("card"))` (see
`cms.models.news.with_card_data`). Without a prefetch every image costs a
lookup (and, the first time, the work of making its renditions)."""

import logging

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html

register = template.Library()
logger = logging.getLogger(__name__)

# Named sets of widths (px), `sizes` and aspect ratio, so that templates and the
# querysets that prefetch for them agree on the rendition specs.
PRESETS = {
    # A card in a grid: one column on a phone, up to three on a desktop.
    "card": {
        "widths": (320, 480, 640, 960),
        "sizes": "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw",
        "ratio": (16, 9),
    },
    # The main image of an article, the width of the text column.
    "hero": {
        "widths": (480, 800, 1200, 1600),
        "sizes": "(min-width: 52rem) 48rem, 100vw",
        "ratio": (16, 9),
    },
    # An image in the body of an article, kept in its own proportions.
    "body": {
        "widths": (480, 800, 1200, 1600),
        "sizes": "(min-width: 52rem) 48rem, 100vw",
        "ratio": None,
    },
}


def _parse_widths(widths) -> tuple[int, ...]:
    if isinstance(widths, str):
        widths = [part for part in widths.replace(" ", "").split(",") if part]
    return tuple(sorted({int(width) for width in widths}))


def _parse_ratio(ratio) -> tuple[int, int] | None:
    if not ratio:
        return None
    if isinstance(ratio, str):
        width, height = ratio.split(":")
        return int(width), int(height)
    return tuple(ratio)


def _spec(width: int, ratio: tuple[int, int] | None) -> str:
    if ratio:
        return f"fill-{width}x{round(width * ratio[1] / ratio[0])}|format-webp"
    return f"width-{width}|format-webp"


def image_specs(preset: str = "", *, widths=None, ratio=None, image=None) -> list[str]:
    """The rendition filter specs the tag asks for: a preset's, or those of the
    given widths and ratio. With `image`, widths wider than its original are
    left out (renditions are never upscaled, so they would only repeat)."""
    settings = PRESETS.get(preset, PRESETS["body"])
    widths = _parse_widths(widths) if widths else settings["widths"]
    ratio = _parse_ratio(ratio) if ratio is not None else settings["ratio"]
    if image is not None and image.width:
        fitting = [width for width in widths if width <= image.width]
        widths = fitting or widths[:1]
    return [_spec(width, ratio) for width in widths]


@register.simple_tag
def responsive_image(
    image,
    preset="",
    *,
    widths=None,
    sizes=None,
    ratio=None,
    alt=None,
    loading="lazy",
    **attrs,
):
    """An <img> of `image` (nothing when it is None). `alt` falls back to the
    image's own description; pass alt="" for a decorative image. Extra keyword
    arguments become attributes (`class`, `fetchpriority`…)."""
    if not image:
        return ""
    if preset and preset not in PRESETS:
        raise template.TemplateSyntaxError(f"Unknown image preset {preset!r}")
    specs = image_specs(preset, widths=widths, ratio=ratio, image=image)
    try:
        renditions = list(image.get_renditions(*specs).values())
    except OSError:  # wagtail.images.models.SourceImageIOError
        # The original file is missing (a restored database without its media):
        # the page still renders, without the image.
        logger.warning("Image %s has no file; left out of the page.", image.pk)
        return ""
    largest = renditions[-1]
    img_attrs = {
        "src": largest.url,
        "width": largest.width,
        "height": largest.height,
        "alt": image.default_alt_text if alt is None else alt,
        "loading": loading,
        "decoding": "async",
    }
    if len(renditions) > 1:
        img_attrs["srcset"] = ", ".join(f"{r.url} {r.width}w" for r in renditions)
        img_attrs["sizes"] = sizes or PRESETS.get(preset, {}).get("sizes") or "100vw"
    img_attrs.update({name.replace("_", "-"): value for name, value in attrs.items()})
    if loading in ("", None, "eager"):
        img_attrs.pop("loading")
    return format_html("<img{}>", flatatt(img_attrs))

"""Organisation logos: checked by content, re-encoded, stored as Wagtail images.

An upload is never trusted as it came. Pillow reads only the header first, so the
size of a decompression bomb is known before a single pixel is decoded; then the
file is verified, decoded and written out again at a small size. What is stored
is the re-encoded copy, without the uploader's metadata or trailing bytes.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from ecosystem.exceptions import RegistryError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 800
COLLECTION_NAME = "Logos"
# Pillow format name -> (file extension, whether the format keeps transparency)
FORMATS = {"JPEG": ("jpg", False), "PNG": ("png", True), "WEBP": ("webp", True)}


@dataclass(frozen=True)
class PreparedLogo:
    """A logo that passed every check, re-encoded and ready to store."""

    content: bytes
    extension: str
    width: int
    height: int


def _not_an_image() -> RegistryError:
    return RegistryError(
        _("The logo must be a JPEG, PNG or WebP image. This file is not one we can read."),
        field="logo_file",
    )


def logo_prepare(*, upload) -> PreparedLogo:
    """Check an uploaded file and return its re-encoded copy, or raise
    RegistryError saying what is wrong with it. Stores nothing."""
    if upload.size is None or upload.size > MAX_BYTES:
        raise RegistryError(
            _("The logo is %(size)s; it can be at most %(limit)s.")
            % {"size": filesizeformat(upload.size or 0), "limit": filesizeformat(MAX_BYTES)},
            field="logo_file",
        )
    # Pillow only warns about images between its own limit and twice that;
    # a warning here is a bomb like any other.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            upload.seek(0)
            with Image.open(upload, formats=list(FORMATS)) as probe:
                image_format = probe.format
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels(width, height)
                probe.verify()
            upload.seek(0)
            with Image.open(upload, formats=[image_format]) as image:
                return _reencode(image, image_format)
        except RegistryError:
            raise
        except Image.DecompressionBombError as error:
            raise _too_many_pixels(None, None) from error
        # Hostile or broken files make Pillow's decoders raise many different
        # exception types (OSError, SyntaxError, ValueError, struct.error...);
        # every one of them means the same thing to the person uploading.
        except Exception as error:
            raise _not_an_image() from error


def _too_many_pixels(width: int | None, height: int | None) -> RegistryError:
    if width and height:
        message = _(
            "The logo is %(width)s × %(height)s pixels; it can have at most 40 megapixels."  # noqa: RUF001
        ) % {"width": width, "height": height}
    else:
        message = _("The logo has far too many pixels; it can have at most 40 megapixels.")
    return RegistryError(message, field="logo_file")


def _reencode(image: Image.Image, image_format: str) -> PreparedLogo:
    extension, keeps_alpha = FORMATS[image_format]
    if image_format == "JPEG":
        # Decode a large JPEG at a reduced scale: far less memory, same result.
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
    image.load()
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if keeps_alpha and has_alpha else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    options = {"optimize": True} if image_format != "WEBP" else {"method": 4}
    if image_format in ("JPEG", "WEBP"):
        options["quality"] = 85
    image.save(output, format=image_format, **options)
    return PreparedLogo(
        content=output.getvalue(), extension=extension, width=image.width, height=image.height
    )


def logos_collection() -> Collection:
    """The "Logos" collection under the root, created the first time it is needed."""
    existing = Collection.objects.filter(name=COLLECTION_NAME, depth=2).first()
    if existing:
        return existing
    with transaction.atomic():
        # Lock the root so two first uploads cannot both add the collection.
        root = Collection.get_first_root_node()
        Collection.objects.select_for_update().filter(pk=root.pk).get()
        existing = Collection.objects.filter(name=COLLECTION_NAME, depth=2).first()
        return existing or root.add_child(name=COLLECTION_NAME)


def logo_store(*, logo: PreparedLogo, title: str, filename: str, user):
    """Save a prepared logo as a Wagtail image in the Logos collection."""
    image_model = get_image_model()
    content = ContentFile(logo.content, name=f"{filename or 'logo'}.{logo.extension}")
    image = image_model(
        title=title[:255],
        collection=logos_collection(),
        uploaded_by_user=user,
        width=logo.width,
        height=logo.height,
        file_size=len(logo.content),
        file_hash=hash_filelike(io.BytesIO(logo.content)),
    )
    image.file.save(content.name, content, save=False)
    image.save()
    return image

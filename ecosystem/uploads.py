"""Applicants' files, checked by what they contain, never by their names.

An upload is accepted when its bytes are a PDF, a Word or Excel document
(DOCX/XLSX, without macros) or a JPEG, PNG or WebP image, and it is at most
20 MB. The file keeps its original bytes, since reviewers need the document as
sent; it is stored under a generated name (see ApplicationFile), and the name the
applicant gave is kept, cleaned, for display and downloads only.
"""

import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

from ecosystem.exceptions import RegistryError

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
ACCEPT = ",".join(
    [
        ".pdf",
        ".docx",
        ".xlsx",
        ".jpg",
        ".jpeg",
        ".png",
        ".webp",
        "application/pdf",
        "image/jpeg",
        "image/png",
        "image/webp",
    ]
)

PDF = ("pdf", "application/pdf")
DOCX = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
IMAGES = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
# The content type [Content_Types].xml gives the main part of each kind of
# Office file. Macro-enabled (.docm, .xlsm) and template variants declare other
# types and are refused with the rest.
OFFICE_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# A real [Content_Types].xml is a few kilobytes; anything far larger is not one.
MAX_CONTENT_TYPES_BYTES = 256 * 1024
UNSAFE_NAME_CHARACTERS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
MAX_NAME_LENGTH = 150


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check: what it really is, and a name to show."""

    upload: object
    content_type: str
    display_name: str
    size: int


def upload_check(*, upload, field: str | None = None) -> CheckedUpload:
    """Check an uploaded file by its content and return what it is, or raise
    RegistryError saying, for the person uploading, what is wrong. Stores nothing."""
    size = upload.size
    if size is None or size > MAX_BYTES:
        raise RegistryError(
            _("This file is %(size)s; a file can be at most %(limit)s.")
            % {"size": filesizeformat(size or 0), "limit": filesizeformat(MAX_BYTES)},
            field=field,
        )
    if size == 0:
        raise RegistryError(_("This file is empty."), field=field)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"PK\x03\x04"):
        kind = _office_kind(upload, field)
    else:
        kind = _image_kind(upload, field)
    upload.seek(0)
    extension, content_type = kind
    return CheckedUpload(
        upload=upload,
        content_type=content_type,
        display_name=display_name(getattr(upload, "name", ""), extension),
        size=size,
    )


def _not_accepted(field: str | None) -> RegistryError:
    return RegistryError(
        _(
            "This file is not one we accept. Upload a PDF, a Word or Excel document "
            "(DOCX, XLSX) or a JPEG, PNG or WebP image."
        ),
        field=field,
    )


def _office_kind(upload, field: str | None) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_BYTES:
                raise _not_accepted(field)
            with archive.open(info) as manifest:
                content_types = manifest.read(MAX_CONTENT_TYPES_BYTES + 1)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as error:
        raise _not_accepted(field) from error
    if len(content_types) > MAX_CONTENT_TYPES_BYTES:
        raise _not_accepted(field)
    # A document type definition is the door to entity tricks; real Office
    # files never have one, so nothing with it reaches the parser.
    if b"<!DOCTYPE" in content_types.upper() or b"<!ENTITY" in content_types.upper():
        raise _not_accepted(field)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _not_accepted(field)
    try:
        root = ElementTree.fromstring(content_types)  # noqa: S314 (no DTD, checked above)
    except ElementTree.ParseError as error:
        raise _not_accepted(field) from error
    found = set()
    for override in root.iter(f"{CONTENT_TYPES_NS}Override"):
        kind = OFFICE_MAIN_PARTS.get(override.get("ContentType", ""))
        part = (override.get("PartName") or "").lstrip("/")
        if kind and part in names:
            found.add(kind)
    if len(found) != 1:
        raise _not_accepted(field)
    return found.pop()


def _image_kind(upload, field: str | None) -> tuple[str, str]:
    # Pillow reads the header first, so the pixel count of a decompression
    # bomb is known before anything is decoded; it only warns between its own
    # limit and twice that, and a warning here is a bomb like any other.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(upload, formats=list(IMAGES)) as image:
                image_format = image.format
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise RegistryError(
                        _(
                            "This image is %(width)s × %(height)s pixels; "  # noqa: RUF001
                            "it can have at most 40 megapixels."
                        )
                        % {"width": width, "height": height},
                        field=field,
                    )
                image.verify()
        except RegistryError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise RegistryError(
                _("This image has far too many pixels; it can have at most 40 megapixels."),
                field=field,
            ) from error
        # Broken or hostile files make Pillow raise many kinds of exception;
        # to the person uploading they all mean the same.
        except Exception as error:
            raise _not_accepted(field) from error
    return IMAGES[image_format]


def display_name(name: str, extension: str) -> str:
    """The uploader's file name made safe to show and to offer as a download
    name: no folders, no control, invisible or reserved characters, no leading
    dots, at most 150 characters, and ending in the extension of what the file
    really is."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/")
    # Invisible formatting characters, such as a right-to-left override that
    # shows "hóa-đơn\u202efdp.exe" as "hóa-đơnexe.pdf", go.
    name = "".join(character for character in name if unicodedata.category(character) != "Cf")
    name = name.rsplit("/", 1)[-1]
    stem, dot, current = name.rpartition(".")
    if dot and current.lower() in {extension, "jpeg" if extension == "jpg" else extension}:
        name = stem
    name = UNSAFE_NAME_CHARACTERS.sub("_", name).strip(" ._")
    if not name:
        name = _("file")
    name = name[: MAX_NAME_LENGTH - len(extension) - 1].rstrip(" ._")
    return f"{name}.{extension}"

"""Logos are checked by what the file is, not what it is called: only JPEG, PNG
and WebP, at most 5 MB and 40 megapixels, re-encoded at up to 800 pixels and
stored as Wagtail images. Anything else is a form error with nothing stored."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from ecosystem.models import Organisation, Startup
from ecosystem.services.logos import logos_collection
from tests.factories import StartupFactory

pytestmark = pytest.mark.django_db

REGISTER = "/en/account/organisations/register/startup/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def image_bytes(size=(1600, 1200), image_format="JPEG", mode="RGB", **options) -> bytes:
    image = Image.new(mode, size, (11, 90, 122) if mode == "RGB" else (11, 90, 122, 128))
    image.paste((245, 185, 66) + ((255,) if mode == "RGBA" else ()), (0, 0, size[0] // 2, 10))
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny real PNG whose header claims another size, with a valid CRC: a
    decompression bomb as a parser sees it, without allocating its pixels."""
    data = bytearray(image_bytes(size=(1, 1), image_format="PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def register(client, logo, **data):
    return client.post(
        REGISTER,
        {"name": "Sen Xanh Đồng Tháp", "tagline": "Giữ lại dòng này", "action": "save", **data}
        | {"logo_file": logo},
    )


def test_a_good_jpeg_is_resized_stored_as_a_wagtail_image_and_shown(client, user, media):
    client.force_login(user)
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh của tôi"
    response = register(client, upload("logo.jpg", image_bytes(exif=exif), "image/jpeg"))
    assert response.status_code == 302
    startup = Startup.objects.get()
    logo = startup.logo
    assert (logo.width, logo.height) == (800, 600)
    assert logo.collection.name == "Logos"
    assert logo.collection.get_parent() == Collection.get_first_root_node()
    assert logo.uploaded_by_user == user
    assert logo.file_size == logo.file.size
    with Image.open(logo.file.path) as stored:
        assert (stored.format, stored.size) == ("JPEG", (800, 600))
        assert not stored.getexif()  # the uploader's metadata is gone

    page = client.get(response["Location"]).content.decode()
    assert "Current logo" in page
    rendition = logo.get_rendition("max-160x160")
    assert f'src="{rendition.url}"' in page
    assert 'alt="Sen Xanh Đồng Tháp"' in page


def test_a_transparent_webp_stays_transparent(client, user):
    client.force_login(user)
    content = image_bytes(size=(300, 100), image_format="WEBP", mode="RGBA")
    register(client, upload("logo.webp", content, "image/webp"))
    with Image.open(Startup.objects.get().logo.file.path) as stored:
        assert (stored.format, stored.mode, stored.size) == ("WEBP", "RGBA", (300, 100))


def test_a_png_named_jpg_is_judged_by_its_content(client, user):
    client.force_login(user)
    register(client, upload("logo.jpg", image_bytes(size=(200, 200), image_format="PNG")))
    stored = Startup.objects.get().logo
    assert stored.file.name.endswith(".png")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.png", png_claiming(20_000, 20_000), "at most 40 megapixels"),
        ("large.png", png_claiming(8_000, 6_000), "8000 × 6000 pixels"),  # noqa: RUF001
        ("report.png", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "JPEG, PNG"),
        ("page.jpg", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "JPEG, PNG"),
        ("icon.gif", image_bytes(size=(20, 20), image_format="GIF"), "JPEG, PNG"),
        ("cut.jpg", image_bytes()[:2_000], "JPEG, PNG"),
        ("huge.jpg", image_bytes() + b"\0" * (6 * 1024 * 1024), "at most 5.0"),
    ],
    ids=["png-bomb", "48-megapixels", "pdf", "html", "gif", "truncated", "6-mb"],
)
def test_anything_else_is_a_form_error_and_nothing_is_stored(
    client, user, media, name, content, message
):
    client.force_login(user)
    response = register(client, upload(name, content), website="senxanh.example.vn")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["logo_file"]
    assert message in errors["logo_file"][0]
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    # The rest of the form is kept for the next try.
    assert 'value="Sen Xanh Đồng Tháp"' in html
    assert 'value="Giữ lại dòng này"' in html
    assert 'value="senxanh.example.vn"' in html
    assert not Organisation.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_files(media) == []


def test_a_bad_logo_on_edit_changes_nothing(client, user, media):
    startup = StartupFactory(owner=user, status="draft", tagline="Cũ")
    client.force_login(user)
    response = client.post(
        f"/en/account/organisations/{startup.pk}/edit/",
        {"name": startup.name, "tagline": "Mới", "logo_file": upload("x.png", b"%PDF-1.4")},
    )
    assert "logo_file" in response.context["form"].errors
    assert 'value="Mới"' in response.content.decode()
    startup.refresh_from_db()
    assert (startup.tagline, startup.logo) == ("Cũ", None)
    assert stored_files(media) == []


def test_a_logo_is_replaced_and_removed_from_the_edit_page(client, user):
    startup = StartupFactory(owner=user, status="draft")
    client.force_login(user)
    url = f"/en/account/organisations/{startup.pk}/edit/"
    for size in [(400, 400), (1000, 250)]:
        content = image_bytes(size=size, image_format="PNG")
        client.post(url, {"name": startup.name, "logo_file": upload("logo.png", content)})
    startup.refresh_from_db()
    assert (startup.logo.width, startup.logo.height) == (800, 200)

    assert "Remove the current logo" in client.get(url).content.decode()
    client.post(url, {"name": startup.name, "remove_logo": "on"})
    startup.refresh_from_db()
    assert startup.logo is None


def test_the_logos_collection_is_made_once_under_the_root():
    assert not Collection.objects.filter(name="Logos").exists()
    first = logos_collection()
    assert logos_collection() == first
    assert first.get_parent() == Collection.get_first_root_node()
    assert Collection.objects.filter(name="Logos").count() == 1

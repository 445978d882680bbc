"""Files sent with an application: checked by their content (PDF, DOCX, XLSX,
JPEG/PNG/WebP, at most 20 MB), stored outside the media folder under a
generated name, replaced and removed; a bad file never costs the rest of the draft."""

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from ecosystem.exceptions import RegistryError
from ecosystem.models import ApplicationFile
from ecosystem.uploads import display_name, upload_check
from tests.ecosystem.test_applying import answers, draft, edit_url, text
from tests.factories import CallFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def office(main_type: str, part: str, extra: dict | None = None, doctype: str = "") -> bytes:
    content_types = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type}"/>'
        "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(part, "<document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def image(image_format: str = "PNG", size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 90)).save(buffer, format=image_format)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims a huge picture: a decompression bomb."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def founder():
    return UserFactory(preferred_language="en")


@pytest.fixture
def application(founder):
    return draft(CallFactory(), StartupFactory(owner=founder), founder, answers={})


@pytest.fixture
def founder_client(client, founder):
    client.force_login(founder)
    return client


def post_file(client, application, file, **overrides):
    data = answers(**{"action": "save", **overrides})
    if file is not None:
        data["q-business-plan"] = file
    return client.post(edit_url(application), data)


# The checks


@pytest.mark.parametrize(
    ("name", "content", "content_type", "shown_as"),
    [
        ("Kế hoạch.pdf", PDF, "application/pdf", "Kế hoạch.pdf"),
        (
            "plan.docx",
            office(DOCX_MAIN, "word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "plan.docx",
        ),
        (
            "so-lieu.xlsx",
            office(XLSX_MAIN, "xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "so-lieu.xlsx",
        ),
        ("anh.jpeg", image("JPEG"), "image/jpeg", "anh.jpg"),
        ("anh.png", image("PNG"), "image/png", "anh.png"),
        ("anh.webp", image("WEBP"), "image/webp", "anh.webp"),
        # The name's extension follows what the file is, not what it was called.
        ("scan.docx", PDF, "application/pdf", "scan.docx.pdf"),
    ],
)
def test_accepted_files_are_known_by_their_content(name, content, content_type, shown_as):
    checked = upload_check(upload=upload(name, content))
    assert (checked.content_type, checked.display_name) == (content_type, shown_as)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.pdf", EXE),
        ("notes.pdf", b"Just some text, not a PDF at all."),
        ("macro.docx", office(DOCM_MAIN, "word/document.xml")),
        (
            "vba.docx",
            office(DOCX_MAIN, "word/document.xml", extra={"word/vbaProject.bin": b"\x00"}),
        ),
        ("archive.docx", office("application/xml", "data.xml")),
        ("missing-part.docx", office(DOCX_MAIN, "word/other.xml")[:-10]),
        (
            "entities.docx",
            office(DOCX_MAIN, "word/document.xml", doctype='<!DOCTYPE t [<!ENTITY a "a">]>'),
        ),
        ("broken.png", image("PNG")[:40]),
        ("image.gif", b"GIF89a" + b"\x00" * 40),
    ],
)
def test_other_files_are_refused_whatever_their_name(name, content):
    with pytest.raises(RegistryError, match="This file is not one we accept"):
        upload_check(upload=upload(name, content))


def test_a_file_over_20_mb_is_refused_saying_its_size():
    with (
        translation.override("en"),
        pytest.raises(
            RegistryError, match=r"This file is 25\.0\xa0MB; a file can be at most 20\.0\xa0MB"
        ),
    ):
        upload_check(upload=upload("big.pdf", PDF + b"0" * (25 * 1024 * 1024)))


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        (8_000, 6_000, "This image is 8000 × 6000 pixels; it can have at most 40 megapixels."),  # noqa: RUF001
        (10_000, 10_000, "This image has far too many pixels"),
        (100_000, 100_000, "This image has far too many pixels"),
    ],
)
def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(width, height, message):
    with translation.override("en"), pytest.raises(RegistryError, match=re.escape(message)):
        upload_check(upload=upload("bomb.png", png_claiming(width, height)))


def test_an_empty_file_is_refused():
    with pytest.raises(RegistryError, match="empty"):
        upload_check(upload=upload("empty.pdf", b""))


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("..\\..\\Windows\\system32\\cmd.exe", "cmd.exe.pdf"),
        ("  .hidden.pdf", "hidden.pdf"),
        ('a<b>:"c"|?*.pdf', "a_b_c.pdf"),
        ("\x00\x1b[31m.pdf", "[31m.pdf"),
        ("\x00.pdf", "file.pdf"),
        ("hóa-đơn\u202efdp.exe", "hóa-đơnfdp.exe.pdf"),
        ("", "file.pdf"),
        ("x" * 300 + ".pdf", "x" * 146 + ".pdf"),
    ],
)
def test_the_original_name_is_cleaned_for_display(given, shown):
    with translation.override("en"):
        assert display_name(given, "pdf") == shown


# Through the form


def test_an_upload_is_stored_privately_under_a_generated_name(
    founder_client, application, settings
):
    response = post_file(founder_client, application, upload("Kế hoạch kinh doanh.pdf", PDF))
    assert response.status_code == 302
    stored = ApplicationFile.objects.get(application=application)
    application.refresh_from_db()
    assert application.answers["business-plan"] == [stored.pk]
    assert stored.original_name == "Kế hoạch kinh doanh.pdf"
    assert (stored.content_type, stored.size) == ("application/pdf", len(PDF))
    path = Path(stored.file.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert path.name.isalnum() and "Kế" not in str(path)
    assert path.read_bytes() == PDF
    page = text(founder_client.get(edit_url(application)))
    assert "Current file:" in page and "Kế hoạch kinh doanh.pdf" in page


def test_a_path_in_the_file_name_goes_nowhere(founder_client, application, settings, tmp_path):
    post_file(founder_client, application, upload("../../etc/passwd", PDF))
    stored = ApplicationFile.objects.get(application=application)
    assert stored.original_name == "passwd.pdf"
    assert stored.file.name.startswith(f"applications/{application.pk}/")
    assert ".." not in stored.file.name and "passwd" not in stored.file.name
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert written == [Path(stored.file.path)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.pdf", PDF + b"0" * (25 * 1024 * 1024), "This file is 25.0\xa0MB"),
        ("setup.pdf", EXE, "This file is not one we accept"),
    ],
    ids=["25 MB", "EXE renamed .pdf"],
)
def test_a_refused_file_keeps_the_rest_of_the_draft(
    founder_client, application, name, content, message, tmp_path
):
    application.answers = {"product-name": "Tôm khô", "plan": "Kế hoạch cũ."}
    application.save()
    response = post_file(
        founder_client, application, upload(name, content), plan="Kế hoạch mới, chưa lưu."
    )
    assert response.status_code == 200
    page = text(response)
    assert message in page
    assert "Business plan: " + message in page
    # What was typed is still on the page to save again; the stored draft is as it was.
    assert "Kế hoạch mới, chưa lưu." in page
    application.refresh_from_db()
    assert application.answers == {"product-name": "Tôm khô", "plan": "Kế hoạch cũ."}
    assert not ApplicationFile.objects.exists()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_a_new_file_replaces_the_old_one_which_is_deleted(
    founder_client, application, django_capture_on_commit_callbacks
):
    post_file(founder_client, application, upload("v1.pdf", PDF))
    first = ApplicationFile.objects.get()
    old_path = Path(first.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        post_file(founder_client, application, upload("v2.png", image()))
    second = ApplicationFile.objects.get()
    application.refresh_from_db()
    assert application.answers["business-plan"] == [second.pk]
    assert (second.original_name, second.content_type) == ("v2.png", "image/png")
    assert not old_path.exists()
    assert Path(second.file.path).exists()


def test_a_file_can_be_removed(founder_client, application, django_capture_on_commit_callbacks):
    post_file(founder_client, application, upload("v1.pdf", PDF))
    path = Path(ApplicationFile.objects.get().file.path)
    with django_capture_on_commit_callbacks(execute=True):
        post_file(founder_client, application, None, **{"remove.business-plan": "on"})
    application.refresh_from_db()
    assert "business-plan" not in application.answers
    assert not ApplicationFile.objects.exists()
    assert not path.exists()


def test_saving_without_a_new_file_keeps_the_current_one(founder_client, application):
    post_file(founder_client, application, upload("v1.pdf", PDF))
    post_file(founder_client, application, None, plan="Thêm một câu.")
    application.refresh_from_db()
    assert application.answers["business-plan"] == [ApplicationFile.objects.get().pk]


@pytest.fixture
def file_required_call():
    call = CallFactory()
    questions = list(call.questions.raw_data)
    for question in questions:
        if question["type"] == "file":
            question["value"]["required"] = True
    call.questions = [(question["type"], question["value"]) for question in questions]
    call.save()
    return call


def test_a_required_file_is_needed_to_submit_and_cannot_just_be_removed(
    founder_client, founder, file_required_call
):
    application = draft(file_required_call, StartupFactory(owner=founder), founder, answers={})
    page = text(founder_client.post(edit_url(application), answers()))
    assert "Business plan: This field is required." in page
    post_file(founder_client, application, upload("v1.pdf", PDF))
    page = text(
        founder_client.post(
            edit_url(application), answers(**{"remove.business-plan": "on", "action": "submit"})
        )
    )
    assert "This question needs a file" in page
    application.refresh_from_db()
    assert application.status == "draft"
    response = founder_client.post(edit_url(application), answers())
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"


def test_a_file_from_an_earlier_application_is_copied_into_the_new_one(founder_client, founder):
    startup = StartupFactory(owner=founder)
    earlier = draft(CallFactory(), startup, founder, answers={})
    post_file(founder_client, earlier, upload("Kế hoạch 2025.pdf", PDF))
    call = CallFactory()
    founder_client.get(f"/en/account/applications/new/{call.pk}/{startup.pk}/")
    copy = ApplicationFile.objects.get(application__call=call)
    original = ApplicationFile.objects.get(application=earlier)
    assert copy.application.answers["business-plan"] == [copy.pk]
    assert copy.original_name == "Kế hoạch 2025.pdf"
    assert copy.file.name != original.file.name
    assert Path(copy.file.path).read_bytes() == PDF

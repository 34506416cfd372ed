"""Uploads that lie, are too big, are empty, are image bombs or carry paths: refused clearly."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from library.models import Resource
from racop.uploads import MAX_IMAGE_PIXELS

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(width, height):
    """Return a PNG of these dimensions; one bit per pixel keeps even a bomb small."""
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def suggest(client, upload):
    data = {"title": "Kept title", "type": "template", "scope": "regional",
            "summary": "Kept summary", "file": upload}  # fmt: skip
    return client.post(reverse("library:resource_suggest"), data)


def assert_refused(response, message):
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Kept summary" in html
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("minutes.pdf", b"PK\x03\x04 a zip named pdf", "content is not a .pdf file"),
        ("photo.png", b"\xff\xd8\xff\xe0 a jpeg named png", "content is not a .png file"),
        ("page.html", b"<script>alert(1)</script>", "are not accepted"),
        ("budget.csv", b"\x00\x00binary", "content is not a .csv file"),
        ("empty.pdf", b"", "The submitted file is empty."),
    ],
)
def test_files_that_are_not_what_they_say_are_refused(member_client, name, content, message):
    assert_refused(suggest(member_client, SimpleUploadedFile(name, content)), message)


def test_an_oversized_file_is_refused(member_client, settings):
    settings.LIBRARY_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    assert_refused(suggest(member_client, big), "the limit is 1.0")


def test_an_image_bomb_is_refused_in_the_library(member_client):
    bomb = SimpleUploadedFile("map.png", png(8000, 6000))
    assert MAX_IMAGE_PIXELS < 8000 * 6000
    assert len(bomb) < 1024 * 1024  # small on disk, huge in memory
    assert_refused(suggest(member_client, bomb), "8000 × 6000 pixels")


def test_an_ordinary_image_is_accepted(member_client):
    assert suggest(member_client, SimpleUploadedFile("chart.png", png(800, 600))).status_code == 302


def test_an_image_bomb_is_refused_as_a_logo(client, representative):
    organisation = representative.memberships.get().organisation
    client.force_login(representative)
    logo = SimpleUploadedFile("logo.png", png(8000, 6000), content_type="image/png")
    data = {"name": "Kept Name", "kind": "organisation", "country": "AL", "logo": logo}
    response = client.post(reverse("members:organisation_edit", args=[organisation.slug]), data)
    assert response.status_code == 200
    assert "pixels" in " ".join(response.context["form"].errors["logo"])
    assert 'value="Kept Name"' in response.content.decode()


@pytest.mark.parametrize(
    "name", ["../../etc/passwd.txt", "..\\..\\windows\\notes.txt", "/tmp/x/notes.txt"]
)
def test_path_parts_in_a_file_name_never_reach_the_storage(member_client, media, name):
    """Django drops the folders a browser sends; the stored name is ours, under library/."""
    response = suggest(member_client, SimpleUploadedFile(name, b"Plain notes."))
    assert response.status_code == 302
    stored = Resource.objects.get().file.name
    assert re.fullmatch(r"library/[0-9a-f]{32}/[a-z0-9-]+\.txt", stored), stored
    assert ".." not in stored and "\\" not in stored
    assert all(path.is_relative_to(media) for path in media.rglob("*"))

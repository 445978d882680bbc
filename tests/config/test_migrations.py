"""The migrations describe the models wherever the project is checked out: no
machine's paths or settings baked into them."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree_with_media_elsewhere(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "somewhere-else"
    settings.MEDIA_ROOT = tmp_path / "media-elsewhere"
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:
        pytest.fail(f"the models have changes no migration records:\n{out.getvalue()}")

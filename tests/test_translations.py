"""Every string a person reads has its Vietnamese translation, and the compiled
catalogues that a machine without gettext uses match their sources."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = [
    ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "locale" / "allauth" / "vi" / "LC_MESSAGES" / "django.po",
]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{\{\s*[\w.]+\s*\}\}|%[sd]")


def translations(entry):
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.parent.name)
def test_every_string_has_a_vietnamese_translation(path):
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue if not all(translations(e)) or e.fuzzy]
    assert untranslated == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.parent.name)
def test_translations_keep_their_placeholders(path):
    broken = []
    for entry in polib.pofile(str(path)):
        # Vietnamese has one plural form, used for every count, so it carries the
        # placeholders of the English plural (which names the count).
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in translations(entry):
            if sorted(PLACEHOLDER.findall(text)) != expected:
                broken.append(entry.msgid)
    assert broken == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.parent.name)
def test_compiled_catalogue_matches_its_source(path):
    source = {(e.msgctxt, e.msgid): translations(e) for e in polib.pofile(str(path)) if e.msgid}
    compiled_path = path.with_suffix(".mo")
    assert compiled_path.exists(), f"run `make messages` to compile {path}"
    compiled = {
        (e.msgctxt, e.msgid): translations(e) for e in polib.mofile(str(compiled_path)) if e.msgid
    }
    assert compiled == source, f"{compiled_path} is stale: run `make messages`"

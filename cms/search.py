"""Page and document search text without diacritics: Wagtail indexes the
normalised text (see ecosystem.search.normalize) and the search view
normalises the query the same way, so "khoi nghiep" finds "Khởi nghiệp" on
SQLite and on PostgreSQL."""

from django.utils.html import strip_tags

from ecosystem.search import normalize


def stream_text(stream) -> str:
    """The readable text of a StreamField value."""
    parts = []
    for block in stream or []:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "table":
            for row in (value or {}).get("data") or []:
                parts.extend(str(cell) for cell in row if cell)
        elif isinstance(value, dict) or hasattr(value, "items"):
            parts.extend(str(item) for key, item in value.items() if isinstance(item, str))
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(parts)


def search_text(*parts: str) -> str:
    return normalize(" ".join(part for part in parts if part))

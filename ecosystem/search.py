"""Text search that ignores Vietnamese diacritics and case, on SQLite and PostgreSQL.

Each searchable row keeps a `search_document`: its text lower-cased, without
diacritics ("Khởi nghiệp Đồng Tháp" -> "khoi nghiep dong thap"). Queries are
normalised the same way. PostgreSQL matches with full text search over that
document (a GIN index on the same expression keeps it fast) and ranks the
results; SQLite, which has no full text search here, matches every word as a
substring.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

MAX_QUERY_WORDS = 12
SEARCH_CONFIG = "simple"


def normalize(text: str) -> str:
    """Lower-case, strip diacritics (đ has no decomposition, so map it) and
    collapse everything that is not a letter or digit into single spaces."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", plain.lower()))


def document(*parts: str) -> str:
    return normalize(" ".join(part for part in parts if part))


def search_vector(field: str = "search_document") -> SearchVector:
    """The expression PostgreSQL searches, and indexes (see the migrations)."""
    return SearchVector(field, config=SEARCH_CONFIG)


def search(queryset: QuerySet, query: str, *, field: str = "search_document") -> QuerySet:
    """Rows whose document has every word of the query, the last word as a
    prefix for people still typing. On PostgreSQL the rows carry a
    `search_rank` for ordering by relevance."""
    words = normalize(query).split()[:MAX_QUERY_WORDS]
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        terms = " & ".join([*words[:-1], f"{words[-1]}:*"])
        search_query = SearchQuery(terms, config=SEARCH_CONFIG, search_type="raw")
        return queryset.annotate(
            search_match=search_vector(field),
            search_rank=SearchRank(search_vector(field), search_query),
        ).filter(search_match=search_query)
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return queryset.filter(condition)

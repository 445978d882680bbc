"""Text search that ignores Vietnamese diacritics and case, on SQLite and PostgreSQL.

Each searchable row keeps a `search_document`: its text lower-cased, without
diacritics ("Khởi nghiệp Đồng Tháp" -> "khoi nghiep dong thap"). Queries are
normalised the same way. On PostgreSQL each such table also has a stored,
GIN-indexed `search_vector` column generated from the document (migration
0005), which full text search matches and ranks on; SQLite, which has no full
text search here, matches every word of the query as a substring.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, Func, Q, QuerySet

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


class StoredSearchVector(Func):
    """The stored `search_vector` column beside a `search_document` field.

    The column exists only in the PostgreSQL schema, so the model has no field
    for it: resolve the document field (which brings the right table alias and
    join, also through multi-table inheritance) and name its neighbour."""

    output_field = SearchVectorField()

    def __init__(self, document_field: str):
        super().__init__(F(document_field))

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return sql.replace('"search_document"', '"search_vector"'), params


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Rows whose `search_document` has every word of the query, the last word
    as a prefix for people still typing. On PostgreSQL the rows carry a
    `search_rank` for ordering by relevance."""
    field = "search_document"
    words = normalize(query).split()[:MAX_QUERY_WORDS]
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        terms = " & ".join([*words[:-1], f"{words[-1]}:*"])
        search_query = SearchQuery(terms, config=SEARCH_CONFIG, search_type="raw")
        return queryset.annotate(
            search_match=StoredSearchVector(field),
            search_rank=SearchRank(StoredSearchVector(field), search_query),
        ).filter(search_match=search_query)
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return queryset.filter(condition)

"""On PostgreSQL, keep each search document's tsvector in a stored generated
column with a GIN index. Matching and ranking then read the stored vector
instead of computing to_tsvector for every candidate row, which kept broad
searches (most of 10,000 rows matching) far too slow. SQLite has no such
column and searches the document as text (see ecosystem.search)."""

from django.db import migrations

TABLES = [
    ("ecosystem_organisation", "organisation_search"),
    ("ecosystem_technologyoffer", "technology_offer_search"),
]


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "
            "COALESCE(search_document, ''))) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_vector)"
        )


def remove_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin "
            "(to_tsvector('simple'::regconfig, COALESCE(search_document, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0004_coordinator_permissions")]

    operations = [migrations.RunPython(add_vectors, remove_vectors)]

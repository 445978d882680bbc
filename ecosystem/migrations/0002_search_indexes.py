"""Full text indexes for PostgreSQL. The expression is the one ecosystem.search
filters on, so the planner can use it; SQLite searches without an index."""

from django.db import migrations

INDEXES = [
    ("ecosystem_organisation", "organisation_search"),
    ("ecosystem_technologyoffer", "technology_offer_search"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin "
            "(to_tsvector('simple'::regconfig, COALESCE(search_document, '')))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]

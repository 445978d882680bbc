"""Wagtail's PostgreSQL search joins its index entries to pages on
`page.id::varchar = object_id`; without an index on that expression every
matching entry scans the whole page table (700 ms for 2,000 articles at tier S,
20 ms with it). SQLite's search backend does not join this way."""

from django.db import migrations

INDEX = "cms_page_id_as_text"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (((id)::varchar(50)))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_publishing_permissions")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]

"""On PostgreSQL, keep the mentors' search document as a stored tsvector with a
GIN index, like the registry's (ecosystem 0005): ecosystem.search matches and
ranks on that column there. SQLite searches the document as text."""

from django.db import migrations

TABLE, INDEX = "mentors_mentorprofile", "mentor_search"


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "
        "COALESCE(search_document, ''))) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (search_vector)"
    )


def remove_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("mentors", "0002_languages_and_permissions")]

    operations = [migrations.RunPython(add_vector, remove_vector)]

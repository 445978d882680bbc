"""On PostgreSQL, a stored generated tsvector beside the events' search document,
with a GIN index, as for organisations (ecosystem migration 0005): the search in
ecosystem.search matches and ranks on it."""

from django.db import migrations


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE events_event ADD COLUMN IF NOT EXISTS search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "
        "COALESCE(search_document, ''))) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS event_search ON events_event USING gin (search_vector)"
    )


def remove_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS event_search")
    schema_editor.execute("ALTER TABLE events_event DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("events", "0003_coordinator_permissions")]

    operations = [migrations.RunPython(add_vector, remove_vector)]

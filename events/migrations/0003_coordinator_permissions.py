"""Coordinators schedule events and check people in."""

from django.db import migrations

from accounts.roles import grant_app_permissions


def grant(apps, schema_editor):
    grant_app_permissions(apps, app_label="events", group_name="Coordinators")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_calendar_feed"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

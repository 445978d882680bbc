"""Coordinators run programmes, calls, applications, reviews and decisions too."""

from django.db import migrations

from ecosystem.migrations import _permissions


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0006_programmes_applications_reviews")]

    operations = [
        migrations.RunPython(
            _permissions.grant_ecosystem_to_coordinators, migrations.RunPython.noop
        )
    ]

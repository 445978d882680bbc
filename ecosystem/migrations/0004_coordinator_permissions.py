from django.db import migrations

from ecosystem.migrations import _permissions


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0003_seed_taxonomies"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [
        migrations.RunPython(
            _permissions.grant_ecosystem_to_coordinators, migrations.RunPython.noop
        )
    ]

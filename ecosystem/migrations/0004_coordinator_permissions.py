"""Coordinators keep the registry: every ecosystem model is theirs to edit."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    ecosystem = apps.get_app_config("ecosystem")
    ecosystem.models_module = True
    create_permissions(ecosystem, apps=apps, verbosity=0)
    ecosystem.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(*Permission.objects.filter(content_type__app_label="ecosystem"))


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0003_seed_taxonomies"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Editors and coordinators translate pages (Wagtail's simple_translation): the
English version is submitted, reviewed and published like any other page."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Coordinators")


def translate_permission(apps):
    # Permissions are created after all migrations; make this one now.
    config = apps.get_app_config("simple_translation")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    return apps.get_model("auth.Permission").objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )


def grant(apps, schema_editor):
    permission = translate_permission(apps)
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="simple_translation", codename="submit_translation"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_page_id_text_index"),
        ("accounts", "0002_role_groups"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

"""Shared by data migrations (the leading underscore keeps Django from loading
this file as a migration)."""

from django.contrib.auth.management import create_permissions


def grant_ecosystem_to_coordinators(apps, schema_editor):
    """Coordinators keep the registry and run programmes: every ecosystem model is theirs."""
    ecosystem = apps.get_app_config("ecosystem")
    ecosystem.models_module = True
    create_permissions(ecosystem, apps=apps, verbosity=0)
    ecosystem.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(*Permission.objects.filter(content_type__app_label="ecosystem"))

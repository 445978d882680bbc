"""Helpers for the data migrations that give each role its permissions."""

from django.contrib.auth.management import create_permissions


def grant_app_permissions(apps, *, app_label: str, group_name: str) -> None:
    """Give a group every permission of one app. For data migrations: `apps`
    is the migration's historical app registry; permissions that do not exist
    yet (they are normally made after migrating) are created first."""
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label))

"""Shared by data migrations (the leading underscore keeps Django from loading
this file as a migration)."""

from accounts.roles import grant_app_permissions


def grant_ecosystem_to_coordinators(apps, schema_editor):
    """Coordinators keep the registry and run programmes: every ecosystem model is theirs."""
    grant_app_permissions(apps, app_label="ecosystem", group_name="Coordinators")

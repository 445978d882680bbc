"""Who keeps the official documents, their issuing bodies and the news
categories: coordinators do everything; editors see the documents and bodies
(documents are published as soon as they are saved, with no review, so they
stay with coordinators) and keep the news categories they file articles under."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Coordinators": {
        "officialdocument": ["add", "change", "delete", "view"],
        "issuingbody": ["add", "change", "delete", "view"],
        "newscategory": ["add", "change", "delete", "view"],
    },
    "Editors": {
        "officialdocument": ["view"],
        "issuingbody": ["view"],
        "newscategory": ["add", "change", "view"],
    },
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrations run.
    app_config = apps.get_app_config("cms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="cms",
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, models in PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="cms",
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_editorial_workflow"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

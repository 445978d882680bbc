"""The four roles of the portal as groups with the permissions each needs.

Later migrations that add models grant their permissions to these groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Coordinators": [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image", "delete_image"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document", "delete_document"]
COLLECTION_PERMISSIONS = {
    "Editors": [("wagtailimages", IMAGE_PERMISSIONS)],
    "Coordinators": [
        ("wagtailimages", IMAGE_PERMISSIONS),
        ("wagtaildocs", DOCUMENT_PERMISSIONS),
    ],
}
ADMIN_ROLES = ["Coordinators", "Editors"]
ALL_ROLES = ["Coordinators", "Editors", "Council members", "Mentors"]


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after migrations run; make sure the ones
    # we grant exist already.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    Site = apps.get_model("wagtailcore.Site")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupSitePermission = apps.get_model("wagtailcore.GroupSitePermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_ROLES}
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = permission("wagtailadmin", "access_admin")

    for name in ADMIN_ROLES:
        group = groups[name]
        group.permissions.add(access_admin)
        # Editors write pages and images only: drop anything else Wagtail's
        # own migrations handed to its "Editors" group.
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=permission("wagtailcore", codename)
            )
        for app_label, codenames in COLLECTION_PERMISSIONS[name]:
            for codename in codenames:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=permission(app_label, codename),
                )

    change_settings = permission("cms", "change_sitesettings")
    for site in Site.objects.all():
        GroupSitePermission.objects.get_or_create(
            group=groups["Coordinators"], site=site, permission=change_settings
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("cms", "0002_create_home_pages"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]

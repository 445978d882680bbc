"""Starting languages, and the coordinators' permissions for mentoring."""

from django.db import migrations

from accounts.roles import grant_app_permissions

LANGUAGES = [
    ("vi", "Tiếng Việt", "Vietnamese"),
    ("en", "Tiếng Anh", "English"),
    ("zh", "Tiếng Trung", "Chinese"),
    ("ko", "Tiếng Hàn", "Korean"),
    ("ja", "Tiếng Nhật", "Japanese"),
    ("fr", "Tiếng Pháp", "French"),
    ("km", "Tiếng Khmer", "Khmer"),
]


def seed(apps, schema_editor):
    Language = apps.get_model("mentors", "Language")
    for code, name, name_en in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en})
    grant_app_permissions(apps, app_label="mentors", group_name="Coordinators")


class Migration(migrations.Migration):
    dependencies = [
        ("mentors", "0001_initial"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

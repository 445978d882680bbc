from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self):
        from django.core.signals import setting_changed

        setting_changed.connect(reset_private_storage)


def reset_private_storage(*, setting, **kwargs):
    # Tests point PRIVATE_MEDIA_ROOT at a temporary folder; follow them.
    if setting == "PRIVATE_MEDIA_ROOT":
        from django.utils.functional import empty

        from ecosystem.models.applications import private_storage

        private_storage._wrapped = empty

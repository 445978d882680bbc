from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self):
        from django.core.signals import setting_changed

        from accounts.sections import register_account_section

        from . import account_sections

        setting_changed.connect(reset_private_storage)
        register_account_section(
            "organisations",
            template="ecosystem/account/_account_organisations.html",
            context=account_sections.organisations,
            order=10,
        )
        register_account_section(
            "applications",
            template="ecosystem/applications/_account_list.html",
            context=account_sections.applications,
            order=20,
        )
        register_account_section(
            "reviews",
            template="ecosystem/review/_account_reviews.html",
            context=account_sections.reviews,
            order=30,
        )


def reset_private_storage(*, setting, **kwargs):
    # Tests point PRIVATE_MEDIA_ROOT at a temporary folder; follow them.
    if setting == "PRIVATE_MEDIA_ROOT":
        from django.utils.functional import empty

        from ecosystem.models.applications import private_storage

        private_storage._wrapped = empty

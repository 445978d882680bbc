from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from accounts.sections import register_account_section

        from . import account_sections

        register_account_section(
            "events",
            template="events/account/_account_events.html",
            context=account_sections.my_events,
            order=40,
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("Mentors")

    def ready(self):
        from ecosystem.calendars import register_personal_feed_source

        from .calendar import personal_bookings

        register_personal_feed_source(personal_bookings)

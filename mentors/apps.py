from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("Mentors")

    def ready(self):
        from accounts.sections import register_account_section
        from ecosystem.calendars import register_personal_feed_source

        from .calendar import personal_bookings
        from .views.account import my_mentoring

        register_personal_feed_source(personal_bookings)
        register_account_section(
            "mentoring",
            template="mentors/account/_account_mentoring.html",
            context=my_mentoring,
            order=50,
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Website")

    def ready(self):
        from wagtail.models import ReferenceIndex

        from .models import OfficialDocument

        # A document's file lists the official documents using it (its Usage
        # page) from the start, not only once the admin's URLs have loaded.
        ReferenceIndex.register_model(OfficialDocument)

"""Spreadsheet exports of the admin lists that read as the screens do, and the
plain snippet list that exports that way."""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.coreutils import multigetattr
from wagtail.snippets.views import snippets as snippet_views

from ecosystem.admin.forms import PROVINCE_TIME_ZONE


class ReadableExportMixin:
    """Spreadsheets say what the screen says: choice labels, the names of related
    terms, yes and no, times in the province, full public addresses."""

    def to_row_dict(self, item):
        return {field: self._export_value(item, field) for field in self.list_export}

    def _export_value(self, item, field):
        if field in self._many_to_many_names:
            return ", ".join(str(term) for term in getattr(item, field).all())
        if field == "get_absolute_url":
            # The site's own language, which has no /en/ prefix.
            with translation.override(settings.LANGUAGE_CODE):
                return self.request.build_absolute_uri(item.get_absolute_url())
        return multigetattr(item, field)

    @cached_property
    def _many_to_many_names(self):
        return {m2m.name for m2m in self.model._meta.many_to_many}

    def stream_csv(self, queryset):
        # The CSV streams after the view has returned, when the admin's language
        # is no longer active; keep it for the headings and labels.
        return self._in_language(translation.get_language(), super().stream_csv(queryset))

    @staticmethod
    def _in_language(language, rows):
        while True:
            with translation.override(language):
                row = next(rows, None)
            if row is None:
                return
            yield row

    def preprocess_field_value(self, field, value, export_format):
        choices = self._choices_of(field)
        if choices and value in choices:
            value = choices[value]
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif isinstance(value, datetime) and timezone.is_aware(value):
            value = timezone.localtime(value, PROVINCE_TIME_ZONE).replace(tzinfo=None)
            if export_format == self.FORMAT_CSV:
                value = value.strftime("%Y-%m-%d %H:%M")
        return super().preprocess_field_value(field, value, export_format)

    def _choices_of(self, field_name):
        try:
            model_field = self.model._meta.get_field(field_name)
        except FieldDoesNotExist:  # a property or a method
            return None
        return dict(model_field.flatchoices) if model_field.choices else None


class ExportIndexView(ReadableExportMixin, snippet_views.IndexView):
    pass

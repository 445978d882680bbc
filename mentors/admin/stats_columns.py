"""The mentoring numbers as list columns and spreadsheet cells: hours with one
decimal on screen, plain numbers in a spreadsheet."""

from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column

from ecosystem.admin.exports import ReadableExportMixin

from .. import stats

# The numbers a list shows; the spreadsheet has them all.
SHOWN = (stats.SESSIONS, stats.TIME, stats.RATING, stats.NO_SHOWS)


class StatColumn(Column):
    def get_value(self, instance):
        return stats.stat_value(instance, self.name, readable=True)


def stat_columns(kind: str, names=SHOWN) -> list[Column]:
    labels = stats.LABELS[kind]
    return [
        StatColumn(name, label=capfirst(labels[name]), sort_key=name, classname="stat")
        for name in names
    ]


def stat_export_headings(kind: str) -> dict:
    labels = stats.LABELS[kind]
    return {name: capfirst(labels[name]) for name in stats.STAT_NAMES}


class StatsExportMixin(ReadableExportMixin):
    def _export_value(self, item, field):
        if field in stats.STAT_NAMES:
            return stats.stat_value(item, field)
        return super()._export_value(item, field)

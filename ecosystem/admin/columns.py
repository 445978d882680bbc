"""Table columns that several admin lists share: dates as people write them here,
an organisation's verification status, and its kind."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn

from ecosystem.models import Organisation


def date_column(name, label):
    return DateColumn(name, label=capfirst(label), sort_key=name)


def status_column(sort_key=None):
    return StatusTagColumn(
        "get_status_display",
        label=capfirst(_("verification")),
        sort_key=sort_key,
        primary=lambda organisation: organisation.status == Organisation.Status.VERIFIED,
    )


def kind_column():
    return Column("get_kind_display", label=capfirst(_("kind")))


class CalendarDateColumn(Column):
    """A day as people write it here (27/11/2026); "14 hours ago" says little about a day."""

    cell_template_name = "ecosystem/admin/date_cell.html"

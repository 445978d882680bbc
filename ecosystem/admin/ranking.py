"""A call's ranking in the admin: its applications ranked by their reviews, with
each criterion's mean, the spread and the outlying reviews, sortable by column
and exported as CSV or XLSX."""

import csv
import io

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from openpyxl import Workbook
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from ecosystem.admin.applications import DECIDABLE, Status, admin_url
from ecosystem.formatting import format_vnd
from ecosystem.models import Application, Call, Criterion
from ecosystem.selectors_ranking import DEFAULT_SORT, OUTLIER_POINTS, SORTS, call_ranking


class RankingView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Application
    permission_required = "change"
    template_name = "ecosystem/admin_reviews/ranking.html"
    page_title = gettext_lazy("Ranking")
    header_icon = "list-ol"
    # The direction a column sorts in when first clicked.
    FIRST_DIRECTION = {"total": "-total", "spread": "-spread"}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The criteria bring their call along: one query where two would do, which
        # keeps the page within the admin's chrome plus a fixed handful.
        self.criteria = list(
            Criterion.objects.filter(call_id=kwargs["call_pk"]).select_related("call__programme")
        )
        if self.criteria:
            self.call = self.criteria[0].call
        else:
            self.call = get_object_or_404(
                Call.objects.select_related("programme"), pk=kwargs["call_pk"]
            )

    @cached_property
    def sort(self):
        sort = self.request.GET.get("sort", DEFAULT_SORT)
        return sort if sort.lstrip("-") in SORTS else DEFAULT_SORT

    @cached_property
    def ranking(self):
        return call_ranking(call=self.call, sort=self.sort, criteria=self.criteria)

    def get_page_subtitle(self):
        return str(self.call)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": admin_url("index"), "label": capfirst(Application._meta.verbose_name_plural)},
            {"url": f"{admin_url('index')}?call={self.call.pk}", "label": str(self.call)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export == "csv":
            return self.as_csv()
        if export == "xlsx":
            return self.as_xlsx()
        return super().get(request, *args, **kwargs)

    def sort_links(self):
        links = {}
        for key in SORTS:
            if self.sort == key:
                target = f"-{key}"
            elif self.sort == f"-{key}":
                target = key
            else:
                target = self.FIRST_DIRECTION.get(key, key)
            current = None
            if self.sort.lstrip("-") == key:
                current = "descending" if self.sort.startswith("-") else "ascending"
            links[key] = {"url": f"?{urlencode({'sort': target})}", "current": current}
        return links

    def get_context_data(self, **kwargs):
        ranking = self.ranking
        # Everything a row shows is formatted here, once: template filters and
        # reverse() on 500 rows cost more than the whole ranking does.
        number = decimal_formatter()
        inspect_prefix = admin_url("inspect", 0).removesuffix("0/")
        decide_prefix = admin_url("decide", 0).removesuffix("0/")
        statuses = {value: str(label) for value, label in Status.choices}
        for row in ranking.rows:
            pk = row.application.pk
            row.shown = {
                "inspect_url": f"{inspect_prefix}{pk}/",
                "decide_url": f"{decide_prefix}{pk}/"
                if row.application.status in DECIDABLE and not row.decision
                else "",
                "status": statuses[row.application.status],
                "total": number(row.total, 2),
                "spread": number(row.spread, 2),
                "means": [number(mean, 1) for mean in row.criterion_means],
                "outliers": [self.outlier_text(outlier, number) for outlier in row.outliers],
                "decision": self.decision_text(row.decision),
            }
        return super().get_context_data(
            call=self.call,
            ranking=ranking,
            rows_html=self.rows_html(ranking.rows),
            sort_links=self.sort_links(),
            outlier_points=OUTLIER_POINTS,
            export_csv=f"?{urlencode({'sort': self.sort, 'export': 'csv'})}",
            export_xlsx=f"?{urlencode({'sort': self.sort, 'export': 'xlsx'})}",
            max_award=format_vnd(self.call.max_award),
            recused_label=_("recused"),
            outlier_label=_("outlier"),
            decide_label=_("Decide"),
            **kwargs,
        )

    def rows_html(self, rows):
        """The table's rows, built with format_html: the template engine takes
        several times longer over the ten cells of 500 rows."""
        recused, outlier, decide = _("recused"), _("outlier"), _("Decide")
        cells = []
        for row in rows:
            shown = row.shown
            done = f"{row.done}/{row.assigned}"
            recused_note = (
                format_html(' <span class="w-text-grey-400">({} {})</span>', row.recused, recused)
                if row.recused
                else ""
            )
            outliers = format_html_join(
                mark_safe("<br>"),
                '<span class="w-status w-status--label">{}</span> {}',
                ((outlier, text) for text in shown["outliers"]),
            )
            if shown["decision"]:
                decision = shown["decision"]
            elif shown["decide_url"]:
                decision = format_html('<a href="{}">{}</a>', shown["decide_url"], decide)
            else:
                decision = ""
            cells.append(
                format_html(
                    "<tr><td>{}</td>"
                    '<td class="ranking__application"><a href="{}">{}</a><br>{}</td>'
                    "<td>{}</td><td>{}{}</td><td><strong>{}</strong></td><td>{}</td>{}"
                    '<td class="ranking__outliers">{}</td><td class="ranking__decision">{}</td>'
                    "</tr>",
                    row.rank or "—",
                    shown["inspect_url"],
                    row.application.reference,
                    row.application.organisation.name,
                    shown["status"],
                    done,
                    recused_note,
                    shown["total"],
                    shown["spread"],
                    format_html_join("", "<td>{}</td>", ((mean,) for mean in shown["means"])),
                    outliers,
                    decision,
                )
            )
        return mark_safe("\n".join(cells))  # noqa: S308 - each part escaped above

    @staticmethod
    def outlier_text(outlier, number) -> str:
        return _("%(reviewer)s: %(total)s (others %(mean)s)") % {
            "reviewer": outlier.review.reviewer,
            "total": number(outlier.total, 2),
            "mean": number(outlier.others_mean, 2),
        }

    @staticmethod
    def decision_text(decision) -> str:
        if not decision:
            return ""
        if decision.award_amount:
            return f"{decision.get_outcome_display()}: {format_vnd(decision.award_amount)}"
        return decision.get_outcome_display()

    def headings(self) -> list[str]:
        return [
            _("Rank"),
            _("Reference"),
            capfirst(_("organisation")),
            capfirst(_("status")),
            _("Reviews submitted"),
            _("Reviews assigned"),
            _("Weighted total (mean)"),
            _("Spread (highest minus lowest)"),
            *(
                _("%(criterion)s (mean)") % {"criterion": criterion}
                for criterion in self.ranking.criteria
            ),
            _("Outlier reviews"),
            capfirst(_("decision")),
            _("Award (VND)"),
        ]

    def rows(self):
        def plain(value, digits):
            return f"{value:.{digits}f}"

        statuses = {value: str(label) for value, label in Status.choices}
        for row in self.ranking.rows:
            decision = row.decision
            yield [
                row.rank,
                row.application.reference,
                row.application.organisation.name,
                statuses[row.application.status],
                row.done,
                row.assigned,
                _rounded(row.total),
                _rounded(row.spread),
                *(_rounded(mean) for mean in row.criterion_means),
                "; ".join(self.outlier_text(outlier, plain) for outlier in row.outliers),
                decision.get_outcome_display() if decision else "",
                decision.award_amount if decision else None,
            ]

    def filename(self, extension):
        return f"ranking-{self.call.slug}.{extension}"

    def as_csv(self):
        buffer = io.StringIO()
        # A byte order mark, so that Excel reads the Vietnamese as UTF-8.
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(self.headings())
        for row in self.rows():
            writer.writerow(["" if value is None else value for value in row])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename("csv")}"'
        return response

    def as_xlsx(self):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_("Ranking")[:31])
        sheet.append(self.headings())
        for row in self.rows():
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename("xlsx")}"'
        return response


def decimal_formatter():
    """format(value, digits) with the active language's decimal separator; "—" for None."""
    separator = get_format("DECIMAL_SEPARATOR")

    def format_number(value, digits):
        return "—" if value is None else f"{value:.{digits}f}".replace(".", separator)

    return format_number


def _rounded(value):
    return None if value is None else round(value, 2)

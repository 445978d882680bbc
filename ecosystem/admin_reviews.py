"""Wagtail admin for applications: screening, information requests, reviewers,
ranking and decisions (imported by wagtail_hooks).

Applications are written by applicants, so coordinators get no add, edit or
delete screens: a list, an inspect screen, and the actions that go through
the services. Everything needs the "change application" permission (the
Coordinators group); editors and council members are refused.
"""

import csv
import io
import re

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from openpyxl import Workbook
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permissions import policy_registry

from ecosystem import search
from ecosystem.exceptions import RegistryError
from ecosystem.formatting import format_vnd
from ecosystem.forms_review import (
    AssignReviewersForm,
    AutoAssignForm,
    DecisionForm,
    IneligibleForm,
    InformationRequestForm,
)
from ecosystem.models import Application, Call, Organisation, Review
from ecosystem.selectors_ranking import (
    DEFAULT_SORT,
    OUTLIER_POINTS,
    SORTS,
    application_review_totals,
    call_ranking,
)
from ecosystem.services.decisions import application_decide
from ecosystem.services.reviews import (
    ASSIGNABLE,
    ConflictError,
    review_assign,
    review_assign_automatically,
)
from ecosystem.services.screening import SCREENABLE, application_screen, information_request
from ecosystem.views.review import application_answers
from ecosystem.viewsets import CalendarDateColumn

Status = Application.Status
NAMESPACE = "applications_admin"
REQUESTABLE = SCREENABLE | ASSIGNABLE
DECIDABLE = ASSIGNABLE


def admin_url(name: str, *args) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


def bulk_url(action: str, application: Application, next_url: str) -> str:
    query = urlencode({"id": application.pk, "next": next_url})
    return f"{reverse('wagtail_bulk_action', args=['ecosystem', 'application', action])}?{query}"


def can_change_applications(user) -> bool:
    return policy_registry.get_by_type(Application).user_has_permission(user, "change")


class ApplicationFilterSet(WagtailFilterSet):
    call = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("call")), queryset=Call.objects.order_by("-opens_at")
    )
    status = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("status")),
        choices=[choice for choice in Status.choices if choice[0] != Status.DRAFT],
        empty_label=gettext_lazy("All"),
    )
    kind = django_filters.ChoiceFilter(
        label=capfirst(gettext_lazy("kind of organisation")),
        field_name="organisation__kind",
        choices=Organisation.Kind.choices,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Application
        fields = []


def submitted_applications():
    """Drafts are the applicant's own until submitted."""
    return (
        Application.objects.exclude(status=Status.DRAFT)
        .select_related("organisation", "call")
        .annotate(
            reviews_assigned=Count("reviews", filter=~Q(reviews__status=Review.Status.RECUSED)),
            reviews_done=Count("reviews", filter=Q(reviews__status=Review.Status.SUBMITTED)),
        )
    )


def search_applications(queryset, query: str):
    """By organisation name without diacritics, or by reference (HS-2026-00042 or 42)."""
    query = (query or "").strip()
    if not query:
        return queryset
    condition = Q(organisation__in=search.search(Organisation.objects.all(), query).values("pk"))
    reference = re.fullmatch(r"(?:HS-\d{4}-)?0*(\d{1,9})", query, flags=re.IGNORECASE)
    if reference:
        condition |= Q(pk=int(reference[1]))
    return queryset.filter(condition)


class ReviewsColumn(Column):
    def get_value(self, instance):
        return f"{instance.reviews_done}/{instance.reviews_assigned}"


class ApplicationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return submitted_applications()

    def search_queryset(self, queryset):
        return search_applications(queryset, self.search_query) if self.is_searching else queryset

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="application"),
            TitleColumn(
                "reference",
                label=_("Reference"),
                sort_key="pk",
                get_url=lambda application: admin_url("inspect", application.pk),
                get_title_id=lambda application: f"application_{application.pk}_title",
            ),
            Column(
                "organisation", label=capfirst(_("organisation")), sort_key="organisation__name"
            ),
            Column("call", label=capfirst(_("call"))),
            StatusTagColumn(
                "get_status_display",
                label=capfirst(_("status")),
                sort_key="status",
                primary=lambda application: application.status == Status.ACCEPTED,
            ),
            ReviewsColumn("reviews", label=_("Reviews done/assigned")),
            CalendarDateColumn(
                "submitted_at", label=capfirst(_("submitted at")), sort_key="submitted_at"
            ),
        ]

    @cached_property
    def selected_call(self):
        value = self.request.GET.get("call", "")
        return Call.objects.filter(pk=value).first() if value.isdigit() else None

    @cached_property
    def header_buttons(self):
        if not self.selected_call:
            return []
        return [
            HeaderButton(
                _("Ranking"), url=admin_url("ranking", self.selected_call.pk), icon_name="list-ol"
            )
        ]


class ApplicationInspectView(generic.InspectView):
    template_name = "ecosystem/admin_reviews/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            submitted_applications().select_related("call__programme", "created_by"),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return f"{self.object.reference} · {self.object.organisation}"

    def _buttons(self):
        application, here = self.object, self.request.path
        main, more = [], []
        if not self.user_has_permission("change"):
            return main, more
        if application.status in SCREENABLE:
            main.append(
                HeaderButton(
                    _("Eligible"),
                    url=bulk_url("eligible", application, here),
                    icon_name="circle-check",
                )
            )
            main.append(
                HeaderButton(
                    _("Not eligible"),
                    url=bulk_url("ineligible", application, here),
                    icon_name="circle-xmark",
                )
            )
        if application.status in ASSIGNABLE:
            main.append(
                HeaderButton(
                    _("Assign reviewers"),
                    url=bulk_url("assign", application, here),
                    icon_name="user",
                )
            )
            if not hasattr(application, "decision"):
                main.append(
                    HeaderButton(
                        _("Decide"), url=admin_url("decide", application.pk), icon_name="success"
                    )
                )
        if application.status in REQUESTABLE:
            more.append(
                Button(
                    _("Request more information"),
                    url=admin_url("request_information", application.pk),
                    icon_name="help",
                )
            )
        more.append(
            Button(
                _("Ranking of this call"),
                url=admin_url("ranking", application.call_id),
                icon_name="list-ol",
            )
        )
        return main, more

    @cached_property
    def header_buttons(self):
        return self._buttons()[0]

    @cached_property
    def header_more_buttons(self):
        return self._buttons()[1]

    def get_context_data(self, **kwargs):
        application = self.object
        criteria = list(application.call.criteria.all())
        reviews = list(
            application.reviews.select_related("reviewer", "override_by").prefetch_related("scores")
        )
        for review in reviews:
            by_criterion = {score.criterion_id: score for score in review.scores.all()}
            review.scored = [(criterion, by_criterion.get(criterion.pk)) for criterion in criteria]
        totals = application_review_totals(application=application)
        return super().get_context_data(
            application=application,
            answers=application_answers(application),
            transitions=application.transitions.select_related("by"),
            information_requests=application.information_requests.select_related("requested_by"),
            reviews=reviews,
            totals=totals,
            mean=sum(totals) / len(totals) if totals else None,
            decision=getattr(application, "decision", None),
            award=format_vnd(getattr(getattr(application, "decision", None), "award_amount", None)),
            **kwargs,
        )


class ApplicationActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A form about one application, reached from its inspect screen."""

    model = Application
    permission_required = "change"
    template_name = "ecosystem/admin_reviews/action.html"
    header_icon = "form"
    submit_label = ""
    allowed_statuses = ()

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            submitted_applications().select_related("call"), pk=kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        if self.object.status not in self.allowed_statuses:
            messages.error(
                request,
                _("%(reference)s is %(status)s: this cannot be done now.")
                % {"reference": self.object.reference, "status": self.object.get_status_display()},
            )
            return redirect(self.inspect_url)
        return super().get(request, *args, **kwargs)

    @cached_property
    def inspect_url(self):
        return admin_url("inspect", self.object.pk)

    def get_page_subtitle(self):
        return f"{self.object.reference} · {self.object.organisation}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": admin_url("index"), "label": capfirst(Application._meta.verbose_name_plural)},
            {"url": self.inspect_url, "label": self.object.reference},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "call": self.object.call}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            submit_label=self.submit_label,
            cancel_url=self.inspect_url,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            self.perform(form)
        except RegistryError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        return redirect(self.inspect_url)


class InformationRequestView(ApplicationActionView):
    page_title = gettext_lazy("Request more information")
    header_icon = "help"
    form_class = InformationRequestForm
    submit_label = gettext_lazy("Send the request")
    allowed_statuses = REQUESTABLE

    def perform(self, form):
        information_request(
            application=self.object,
            by=self.request.user,
            message=form.cleaned_data["message"],
            question_keys=form.cleaned_data["question_keys"],
        )
        messages.success(
            self.request,
            _("%(reference)s is sent back to the applicant, whose members have been emailed.")
            % {"reference": self.object.reference},
        )


class DecisionView(ApplicationActionView):
    page_title = gettext_lazy("Decide")
    header_icon = "success"
    form_class = DecisionForm
    template_name = "ecosystem/admin_reviews/decide.html"
    submit_label = gettext_lazy("Record the decision and email the applicant")
    allowed_statuses = DECIDABLE

    def get_context_data(self, **kwargs):
        totals = application_review_totals(application=self.object)
        reviews = self.object.reviews.all()
        return super().get_context_data(
            totals=totals,
            mean=sum(totals) / len(totals) if totals else None,
            spread=(totals[-1] - totals[0]) if totals else None,
            assigned=sum(review.status != Review.Status.RECUSED for review in reviews),
            maximum=format_vnd(self.object.call.max_award),
            **kwargs,
        )

    def perform(self, form):
        application_decide(
            application=self.object,
            by=self.request.user,
            outcome=form.cleaned_data["outcome"],
            award_amount=form.cleaned_data["award_amount"],
            rationale=form.cleaned_data["rationale"],
        )
        messages.success(
            self.request,
            _("The decision on %(reference)s is recorded and the applicant has been emailed.")
            % {"reference": self.object.reference},
        )


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
        self.call = get_object_or_404(
            Call.objects.select_related("programme"), pk=kwargs["call_pk"]
        )

    @cached_property
    def sort(self):
        sort = self.request.GET.get("sort", DEFAULT_SORT)
        return sort if sort.lstrip("-") in SORTS else DEFAULT_SORT

    @cached_property
    def ranking(self):
        return call_ranking(call=self.call, sort=self.sort)

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


class ApplicationBulkAction(BulkAction):
    """Bulk actions on the applications list; also reached with one id from an
    application's inspect screen."""

    models = [Application]
    template_name = "ecosystem/admin_reviews/bulk_action.html"
    action_title = ""
    action_description = ""
    action_button_text = ""
    action_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not can_change_applications(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, application):
        return can_change_applications(self.request.user)

    @classmethod
    def get_queryset(cls, model, object_ids):
        ids = [int(value) for value in object_ids if str(value).isdigit()]
        applications = list(submitted_applications().filter(pk__in=ids).order_by("pk"))
        if not applications:
            raise Http404
        return applications

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" means all that the list shows: same filters, same search.
        filters = ApplicationFilterSet(self.request.GET, queryset=submitted_applications())
        # A filter that does not make sense selects nothing, never everything.
        queryset = filters.qs if filters.is_valid() else Application.objects.none()
        return search_applications(queryset, self.request.GET.get("q", "")).values_list(
            "pk", flat=True
        )

    def object_context(self, application):
        return {"item": application, "url": admin_url("inspect", application.pk)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_title=self.action_title,
            action_description=self.action_description,
            action_button_text=self.action_button_text,
            action_button_class=" ".join(self.classes),
            action_icon=self.action_icon,
            conflicts=getattr(self, "conflicts", []),
            **kwargs,
        )

    def get_execution_context(self):
        return {"user": self.request.user}

    @staticmethod
    def count_done(objects, change) -> tuple[int, int]:
        done = 0
        for application in objects:
            try:
                change(application)
            except RegistryError:
                continue
            done += 1
        return done, len(objects) - done

    def report_unchanged(self, unchanged):
        if unchanged:
            messages.warning(
                self.request,
                ngettext(
                    "%(count)d application was not waiting for screening: left as it was.",
                    "%(count)d applications were not waiting for screening: left as they were.",
                    unchanged,
                )
                % {"count": unchanged},
            )


class EligibleBulkAction(ApplicationBulkAction):
    display_name = gettext_lazy("Eligible")
    action_type = "eligible"
    aria_label = gettext_lazy("Mark the selected applications eligible")
    action_priority = 10
    action_title = gettext_lazy("Eligible")
    action_icon = "circle-check"
    action_description = gettext_lazy(
        "These go to the advisory council for review. Applications that are not waiting "
        "for screening are left as they are."
    )
    action_button_text = gettext_lazy("Yes, they are eligible")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return cls.count_done(
            objects, lambda item: application_screen(application=item, by=user, eligible=True)
        )

    def get_success_message(self, num_parent_objects, num_child_objects):
        self.report_unchanged(num_child_objects)
        if num_parent_objects:
            return ngettext(
                "%(count)d application is eligible and in review.",
                "%(count)d applications are eligible and in review.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return None


class IneligibleBulkAction(ApplicationBulkAction):
    display_name = gettext_lazy("Not eligible")
    action_type = "ineligible"
    aria_label = gettext_lazy("Mark the selected applications not eligible")
    action_priority = 20
    form_class = IneligibleForm
    classes = {"serious"}
    action_title = gettext_lazy("Not eligible")
    action_icon = "circle-xmark"
    action_description = gettext_lazy(
        "These are closed without review. The members of each applicant get an email with "
        "your reason, in their own language."
    )
    action_button_text = gettext_lazy("Not eligible: email the reason")

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        return cls.count_done(
            objects,
            lambda item: application_screen(
                application=item, by=user, eligible=False, reason=reason
            ),
        )

    def get_success_message(self, num_parent_objects, num_child_objects):
        self.report_unchanged(num_child_objects)
        if num_parent_objects:
            return ngettext(
                "%(count)d application is not eligible; its members were emailed the reason.",
                "%(count)d applications are not eligible; their members were emailed the reason.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return None


class AssignmentBulkAction(ApplicationBulkAction):
    """Both assignments run their service directly: a refusal (a conflict of
    interest) goes back to the form instead of becoming an error page."""

    def assign(self, objects, form):
        raise NotImplementedError

    def form_valid(self, form):
        objects, _without_access = self.get_actionable_objects()
        try:
            result = self.assign(objects, form)
        except ConflictError as error:
            self.conflicts = error.conflicts
            form.add_error(None, _("Nothing was assigned: a conflict of interest was found."))
            return self.form_invalid(form)
        except RegistryError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        created = len(result.created)
        reviewers = len({review.reviewer_id for review in result.created})
        messages.success(
            self.request,
            ngettext("%(count)d review assigned.", "%(count)d reviews assigned.", created)
            % {"count": created},
        )
        if reviewers:
            messages.info(
                self.request,
                ngettext(
                    "%(count)d council member was emailed their new reviews.",
                    "%(count)d council members were emailed their new reviews.",
                    reviewers,
                )
                % {"count": reviewers},
            )
        if result.already_assigned:
            messages.info(
                self.request,
                ngettext(
                    "%(count)d was assigned already and left as it was.",
                    "%(count)d were assigned already and left as they were.",
                    result.already_assigned,
                )
                % {"count": result.already_assigned},
            )
        for conflict in result.skipped:
            messages.info(
                self.request,
                _("Skipped for a conflict of interest: %(conflict)s") % {"conflict": conflict},
            )
        for application, missing in result.shortfalls:
            messages.warning(
                self.request,
                ngettext(
                    "%(reference)s is %(count)d reviewer short: too few without a conflict.",
                    "%(reference)s is %(count)d reviewers short: too few without a conflict.",
                    missing,
                )
                % {"reference": application.reference, "count": missing},
            )
        return redirect(self.next_url)


class AssignReviewersBulkAction(AssignmentBulkAction):
    display_name = gettext_lazy("Assign reviewers")
    action_type = "assign"
    aria_label = gettext_lazy("Assign council members to the selected applications")
    action_priority = 30
    form_class = AssignReviewersForm
    action_title = gettext_lazy("Assign reviewers")
    action_icon = "user"
    action_description = gettext_lazy(
        "Each council member you tick reviews each of these applications and gets one email "
        "listing them. Someone in a conflict of interest with an applicant is refused unless "
        "you override it with a reason."
    )
    action_button_text = gettext_lazy("Assign and email the reviewers")

    def assign(self, objects, form):
        return review_assign(
            applications=objects,
            reviewers=form.cleaned_data["reviewers"],
            by=self.request.user,
            override_reason=form.reason_for_override,
        )


class AutoAssignBulkAction(AssignmentBulkAction):
    display_name = gettext_lazy("Assign automatically")
    action_type = "assign_auto"
    aria_label = gettext_lazy("Assign reviewers to the selected applications automatically")
    action_priority = 40
    form_class = AutoAssignForm
    action_title = gettext_lazy("Assign reviewers automatically")
    action_icon = "user"
    action_description = gettext_lazy(
        "Each application gets the number of reviewers you choose, from the council members "
        "with the fewest reviews in the same call. Anyone in a conflict of interest with an "
        "applicant is skipped."
    )
    action_button_text = gettext_lazy("Assign and email the reviewers")

    def assign(self, objects, form):
        return review_assign_automatically(
            applications=objects,
            by=self.request.user,
            per_application=form.cleaned_data["per_application"],
            pool=form.cleaned_data["reviewers"] or None,
        )


class ApplicationViewSet(ModelViewSet):
    model = Application
    name = NAMESPACE
    url_prefix = "applications"
    icon = "form"
    add_to_admin_menu = True
    menu_label = gettext_lazy("Applications")
    menu_order = 180
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    index_template_name = "ecosystem/admin_reviews/index.html"
    filterset_class = ApplicationFilterSet
    search_fields = ["organisation__name"]
    search_backend_name = None
    ordering = "-submitted_at"
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete or history screens: see the module docstring.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    @property
    def url_finder_class(self):
        return type(
            "_ApplicationAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    @property
    def ranking_view(self):
        return self.construct_view(RankingView)

    @property
    def decide_view(self):
        return self.construct_view(DecisionView)

    @property
    def information_request_view(self):
        return self.construct_view(InformationRequestView)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("ranking/<int:call_pk>/", self.ranking_view, name="ranking"),
            path("decide/<int:pk>/", self.decide_view, name="decide"),
            path(
                "request-information/<int:pk>/",
                self.information_request_view,
                name="request_information",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return ApplicationViewSet()


for bulk_action in (
    EligibleBulkAction,
    IneligibleBulkAction,
    AssignReviewersBulkAction,
    AutoAssignBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)

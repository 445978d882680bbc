"""Applications in the Wagtail admin: which ones coordinators see (drafts are the
applicant's own), how the list is searched and filtered, the admin's addresses
for an application, and the list and inspect screens. The actions are in
application_actions and application_bulk_actions, the ranking in ranking, and
application_viewset wires them all into one viewset."""

import re

import django_filters
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permissions import policy_registry

from ecosystem import search
from ecosystem.admin.columns import CalendarDateColumn
from ecosystem.formatting import format_vnd
from ecosystem.models import Application, Call, Organisation, Review
from ecosystem.selectors_ranking import application_review_totals
from ecosystem.services.reviews import ASSIGNABLE
from ecosystem.services.screening import SCREENABLE
from ecosystem.views.review import application_answers

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

"""Screens about one application, reached from its inspect screen: asking the
applicant for more information, and recording the decision. Each needs the
"change application" permission and a status in which it makes sense."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from ecosystem.admin.applications import (
    DECIDABLE,
    REQUESTABLE,
    admin_url,
    submitted_applications,
)
from ecosystem.exceptions import RegistryError
from ecosystem.formatting import format_vnd
from ecosystem.forms_review import DecisionForm, InformationRequestForm
from ecosystem.models import Application, Review
from ecosystem.selectors_ranking import application_review_totals
from ecosystem.services.decisions import application_decide
from ecosystem.services.screening import information_request


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

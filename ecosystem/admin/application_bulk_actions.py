"""Bulk actions on the applications list: screening (eligible, or not with a
reason) and assigning reviewers, chosen by hand or automatically. An
application's inspect screen opens the same screens for that one application."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.views.bulk_action import BulkAction

from ecosystem.admin.applications import (
    ApplicationFilterSet,
    admin_url,
    can_change_applications,
    search_applications,
    submitted_applications,
)
from ecosystem.exceptions import RegistryError
from ecosystem.forms_review import AssignReviewersForm, AutoAssignForm, IneligibleForm
from ecosystem.models import Application
from ecosystem.services.reviews import ConflictError, review_assign, review_assign_automatically
from ecosystem.services.screening import application_screen


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

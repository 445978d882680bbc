"""Verifying, rejecting and merging organisations in the admin: the buttons at the
top of an organisation's edit and inspect screens, the confirmation screens they
lead to, and Verify and Reject as bulk actions on the lists. The changes
themselves are made by ecosystem.services.verification (which emails the
members) and ecosystem.services.merge."""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import snippets as snippet_views

from ecosystem.admin.forms import MergeChooseForm, RejectForm
from ecosystem.exceptions import RegistryError
from ecosystem.models import Organisation, Partner, ResearchGroup, Startup
from ecosystem.services.merge import organisation_merge, organisation_merge_preview
from ecosystem.services.verification import organisation_reject, organisation_verify


class OrganisationActionsMixin:
    """Verify, reject and merge, offered at the top of an organisation's screens."""

    verify_url_name = None
    reject_url_name = None
    merge_url_name = None

    def organisation_action_buttons(self, organisation):
        if not self.user_has_permission("change"):
            return [], []
        pk = quote(organisation.pk)
        main, more = [], []
        if organisation.status != Organisation.Status.VERIFIED:
            main.append(
                HeaderButton(
                    _("Verify"),
                    url=reverse(self.verify_url_name, args=[pk]),
                    icon_name="circle-check",
                    priority=10,
                )
            )
        reject = Button(
            _("Reject"),
            url=reverse(self.reject_url_name, args=[pk]),
            icon_name="circle-xmark",
            priority=20,
        )
        # Pending ones wait for a decision: both buttons in sight. Otherwise a
        # rejection (or a new reason for one) is rarer and sits in the menu.
        if organisation.status == Organisation.Status.PENDING:
            main.append(HeaderButton(reject.label, url=reject.url, icon_name=reject.icon_name))
        else:
            more.append(reject)
        if self.user_has_permission("delete"):
            more.append(
                Button(
                    _("Merge a duplicate into this one"),
                    url=reverse(self.merge_url_name, args=[pk]),
                    icon_name="resubmit",
                    priority=40,
                )
            )
        return main, more

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *self.organisation_action_buttons(self.object)[0]]

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *self.organisation_action_buttons(self.object)[1]]


class OrganisationEditView(OrganisationActionsMixin, snippet_views.EditView):
    pass


class OrganisationInspectView(OrganisationActionsMixin, snippet_views.InspectView):
    pass


class OrganisationActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A confirmation form about one organisation, reached from its screens."""

    model = None
    # Where the object is looked up; the model's default manager if None.
    queryset = None
    permission_required = "change"
    index_url_name = None
    edit_url_name = None
    template_name = "ecosystem/admin/organisation_action.html"
    submit_label = ""
    submit_classname = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])

    def get_queryset(self):
        if self.queryset is not None:
            return self.queryset.all()
        return self.model._default_manager.all()

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(self.model._meta.verbose_name_plural),
            },
            {"url": self.edit_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def edit_url(self):
        return reverse(self.edit_url_name, args=[quote(self.object.pk)])

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or self.edit_url

    def get_description(self):
        return ""

    def get_cancel_url(self):
        return self.edit_url

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            description=self.get_description(),
            cancel_url=self.get_cancel_url(),
            submit_label=self.submit_label,
            submit_classname=self.submit_classname,
            **kwargs,
        )


class VerifyView(OrganisationActionView):
    page_title = gettext_lazy("Verify")
    header_icon = "circle-check"
    form_class = forms.Form
    submit_label = gettext_lazy("Yes, verify")

    def get_description(self):
        return _(
            "'%(name)s' will be public in the directory, and each of its members will get "
            "an email about it in their own language."
        ) % {"name": self.object}

    def form_valid(self, form):
        if organisation_verify(organisation=self.object, by=self.request.user):
            messages.success(
                self.request,
                _("'%(name)s' is verified and public; its members have been emailed.")
                % {"name": self.object},
            )
        else:
            messages.info(
                self.request,
                _("'%(name)s' was already verified; nothing changed.") % {"name": self.object},
            )
        return redirect(self.get_success_url())


class RejectView(OrganisationActionView):
    page_title = gettext_lazy("Reject")
    header_icon = "circle-xmark"
    form_class = RejectForm
    submit_label = gettext_lazy("Reject and email the members")
    submit_classname = "serious"

    def get_initial(self):
        return {"reason": self.object.rejection_reason}

    def get_description(self):
        return _(
            "'%(name)s' will not be shown in the directory. Each of its members will get an "
            "email with your reason, in their own language."
        ) % {"name": self.object}

    def form_valid(self, form):
        try:
            changed = organisation_reject(
                organisation=self.object, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except RegistryError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        if changed:
            messages.success(
                self.request,
                _("'%(name)s' is rejected; its members have been emailed the reason.")
                % {"name": self.object},
            )
        else:
            messages.info(
                self.request,
                _("'%(name)s' was already rejected for this reason; nothing changed.")
                % {"name": self.object},
            )
        return redirect(self.get_success_url())


class MergePermissionMixin:
    # The duplicate is deleted at the end, so merging needs both rights.
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission("delete"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MergeChooseView(MergePermissionMixin, OrganisationActionView):
    page_title = gettext_lazy("Merge a duplicate into this one")
    header_icon = "resubmit"
    form_class = MergeChooseForm
    submit_label = gettext_lazy("Next: review the merge")
    merge_confirm_url_name = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "survivor": self.object}

    def get_description(self):
        return _(
            "Choose the other record of '%(name)s'. You will see everything that moves "
            "before anything changes."
        ) % {"name": self.object}

    def form_valid(self, form):
        duplicate = form.cleaned_data["duplicate"]
        return redirect(
            reverse(self.merge_confirm_url_name, args=[quote(self.object.pk), duplicate.pk])
        )


class MergeConfirmView(MergePermissionMixin, OrganisationActionView):
    page_title = gettext_lazy("Merge a duplicate into this one")
    header_icon = "resubmit"
    template_name = "ecosystem/admin/merge_confirm.html"
    form_class = forms.Form
    submit_label = gettext_lazy("Yes, merge and delete the duplicate")
    submit_classname = "serious"
    merge_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.duplicate = get_object_or_404(Organisation, pk=kwargs["duplicate_pk"])

    def get(self, request, *args, **kwargs):
        try:
            self.preview = organisation_merge_preview(
                survivor=self.object, duplicate=self.duplicate
            )
        except RegistryError as error:
            messages.error(request, error.message)
            return redirect(self.get_cancel_url())
        return super().get(request, *args, **kwargs)

    def get_cancel_url(self):
        return reverse(self.merge_url_name, args=[quote(self.object.pk)])

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview, duplicate=self.duplicate, **kwargs)

    def form_valid(self, form):
        name = str(self.duplicate)
        try:
            organisation_merge(survivor=self.object, duplicate=self.duplicate, by=self.request.user)
        except RegistryError as error:
            messages.error(self.request, error.message)
            return redirect(self.get_cancel_url())
        messages.success(
            self.request,
            _("'%(duplicate)s' has been merged into '%(survivor)s' and deleted.")
            % {"duplicate": name, "survivor": self.object},
        )
        return redirect(self.edit_url)


class OrganisationBulkAction(SnippetBulkAction):
    models = [Startup, ResearchGroup, Partner]
    action_priority = 10

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, organisation):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", organisation
        )

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def report_unchanged(self, unchanged, message):
        if unchanged:
            messages.info(self.request, message % {"count": unchanged})


class VerifyBulkAction(OrganisationBulkAction):
    display_name = gettext_lazy("Verify")
    action_type = "verify"
    aria_label = gettext_lazy("Verify the selected organisations")
    template_name = "ecosystem/admin/bulk_verify.html"
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = sum(organisation_verify(organisation=item, by=user) for item in objects)
        return changed, len(objects) - changed

    def get_success_message(self, num_parent_objects, num_child_objects):
        self.report_unchanged(
            num_child_objects,
            ngettext(
                "%(count)d was already verified and left as it was.",
                "%(count)d were already verified and left as they were.",
                num_child_objects,
            ),
        )
        if num_parent_objects:
            return ngettext(
                "%(count)d organisation verified; its members have been emailed.",
                "%(count)d organisations verified; their members have been emailed.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return None


class RejectBulkAction(OrganisationBulkAction):
    display_name = gettext_lazy("Reject")
    action_type = "reject"
    aria_label = gettext_lazy("Reject the selected organisations")
    template_name = "ecosystem/admin/bulk_reject.html"
    action_priority = 20
    form_class = RejectForm
    classes = {"serious"}

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        changed = sum(
            organisation_reject(organisation=item, by=user, reason=reason) for item in objects
        )
        return changed, len(objects) - changed

    def get_success_message(self, num_parent_objects, num_child_objects):
        self.report_unchanged(
            num_child_objects,
            ngettext(
                "%(count)d was already rejected for this reason and left as it was.",
                "%(count)d were already rejected for this reason and left as they were.",
                num_child_objects,
            ),
        )
        if num_parent_objects:
            return ngettext(
                "%(count)d organisation rejected; its members have been emailed the reason.",
                "%(count)d organisations rejected; their members have been emailed the reason.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return None

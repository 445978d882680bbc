"""Approving and declining mentors, one at a time or several from the list,
and inviting them: the confirmation screens and the bulk action. The changes
are made by mentors.invitations, which emails the people concerned."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from ecosystem.admin.organisation_actions import OrganisationActionView

from .. import invitations
from ..models import MentorProfile
from ..services import MentoringError


class ConfirmActionView(OrganisationActionView):
    """A confirmation about one row (a mentor, a booking), reached from its
    edit screen (the registry's confirm-then-act screen). Refused input
    answers 400."""

    template_name = "mentors/admin/action.html"
    queryset = MentorProfile.objects.select_related("user")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class ApproveView(ConfirmActionView):
    page_title = gettext_lazy("Approve")
    header_icon = "circle-check"
    form_class = forms.Form
    submit_label = gettext_lazy("Yes, approve")

    def get_description(self):
        return _(
            "%(name)s's profile will be public in the mentor directory, and startups can "
            "book their office hours. They will get an email about it."
        ) % {"name": self.object}

    def form_valid(self, form):
        if invitations.mentor_approve(mentor=self.object, by=self.request.user):
            messages.success(
                self.request,
                _("%(name)s is approved and public; they have been emailed.")
                % {"name": self.object},
            )
        else:
            messages.info(
                self.request,
                _("%(name)s was already approved; nothing changed.") % {"name": self.object},
            )
        return redirect(self.get_success_url())


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Sent to the mentor, who can change the profile and send it again."),
    )


class RejectView(ConfirmActionView):
    page_title = gettext_lazy("Decline")
    header_icon = "circle-xmark"
    form_class = RejectForm
    submit_label = gettext_lazy("Decline and email the mentor")
    submit_classname = "serious"

    def get_description(self):
        return _(
            "%(name)s's profile will not be shown to startups, and their free slots cannot "
            "be booked. They will get an email with your reason."
        ) % {"name": self.object}

    def form_valid(self, form):
        try:
            changed = invitations.mentor_reject(
                mentor=self.object, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except MentoringError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        if changed:
            messages.success(
                self.request,
                _("%(name)s's profile is not public; they have been emailed the reason.")
                % {"name": self.object},
            )
        else:
            messages.info(
                self.request,
                _("%(name)s's profile was already declined; nothing changed.")
                % {"name": self.object},
            )
        return redirect(self.get_success_url())


class InviteView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A coordinator invites a mentor by email."""

    model = None  # the viewset's: its permissions apply
    permission_required = "add"
    index_url_name = None
    template_name = "mentors/admin/action.html"
    page_title = gettext_lazy("Invite a mentor")
    header_icon = "mail"
    form_class = invitations.InvitationForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(_("mentors"))},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        description = _(
            "They get an email with a link that works once, for %(days)s days. With it they "
            "sign in or create an account, then fill in their profile; it becomes public "
            "when you approve it."
        ) % {"days": invitations.VALID_DAYS}
        return super().get_context_data(
            cancel_url=reverse(self.index_url_name),
            description=description,
            submit_label=_("Send the invitation"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            invitations.invitation_send(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                message=form.cleaned_data["message"],
                language=form.cleaned_data["language"],
                inviter=self.request.user,
                site_url=self.request.build_absolute_uri("/"),
            )
        except MentoringError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Invitation sent to %(email)s. The link works once, for %(days)s days; their "
                "profile appears here when they accept."
            )
            % {"email": form.cleaned_data["email"], "days": invitations.VALID_DAYS},
        )
        return redirect(reverse(self.index_url_name))


class ApproveBulkAction(SnippetBulkAction):
    models = [MentorProfile]
    display_name = gettext_lazy("Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the selected mentors")
    template_name = "mentors/admin/bulk_approve.html"
    action_priority = 10

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, mentor):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", mentor
        )

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = sum(invitations.mentor_approve(mentor=item, by=user) for item in objects)
        return changed, len(objects) - changed

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_child_objects:
            messages.info(
                self.request,
                ngettext(
                    "%(count)d was already approved and left as it was.",
                    "%(count)d were already approved and left as they were.",
                    num_child_objects,
                )
                % {"count": num_child_objects},
            )
        if num_parent_objects:
            return ngettext(
                "%(count)d mentor approved and emailed.",
                "%(count)d mentors approved and emailed.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return None

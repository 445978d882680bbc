"""Everything the ecosystem adds to the Wagtail admin, registered in one place:
the viewsets (programmes, applications, the registry and its choosers), the bulk
actions, how our log entries read, and the dashboard's follow-ups panel. The
modules in ecosystem.admin only declare; nothing registers itself on import."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from ecosystem.admin import (
    application_bulk_actions,
    application_viewset,
    choosers,
    crm,
    organisation_actions,
    programmes,
    registry,
    taxonomies,
)
from ecosystem.services.calls import COPY_ROUND_ACTION
from ecosystem.services.merge import MERGE_ACTION
from ecosystem.services.verification import REJECT_ACTION, VERIFY_ACTION


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return programmes.ProgrammesViewSetGroup()


@hooks.register("register_log_actions")
def register_programme_log_actions(actions):
    @actions.register_action(COPY_ROUND_ACTION)
    class CopyRoundFormatter(LogFormatter):
        label = _("Copy to a new round")

        def format_message(self, log_entry):
            try:
                return gettext("Created as round %(round)d, copied from '%(source)s'") % {
                    "round": log_entry.data["round"],
                    "source": log_entry.data["source"]["title"],
                }
            except (KeyError, TypeError):
                return gettext("Created as a new round of another call")


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return application_viewset.ApplicationViewSet()


for bulk_action in (
    application_bulk_actions.EligibleBulkAction,
    application_bulk_actions.IneligibleBulkAction,
    application_bulk_actions.AssignReviewersBulkAction,
    application_bulk_actions.AutoAssignBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return [
        registry.EcosystemViewSetGroup(),
        taxonomies.TaxonomyViewSetGroup(),
        choosers.organisation_chooser_viewset,
        choosers.person_chooser_viewset,
    ]


hooks.register("register_bulk_action", organisation_actions.VerifyBulkAction)
hooks.register("register_bulk_action", organisation_actions.RejectBulkAction)


@hooks.register("register_log_actions")
def register_registry_log_actions(actions):
    actions.register_action(VERIFY_ACTION, _("Verify"), _("Verified"))

    @actions.register_action(REJECT_ACTION)
    class RejectFormatter(LogFormatter):
        label = _("Reject")

        # The history screens show the message, not the comment: the reason goes in it.
        def format_message(self, log_entry):
            if reason := log_entry.data.get("reason"):
                return _("Rejected: %(reason)s") % {"reason": reason}
            return _("Rejected")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    @actions.register_action(MERGE_ACTION)
    class MergeFormatter(LogFormatter):
        label = _("Merge")

        def format_message(self, log_entry):
            try:
                return _("Merged '%(duplicate)s' into this organisation") % {
                    "duplicate": log_entry.data["duplicate"]["name"]
                }
            except (KeyError, TypeError):
                return _("Merged a duplicate into this organisation")


@hooks.register("construct_homepage_panels")
def add_follow_ups_panel(request, panels):
    if crm.FollowUpsPanel.is_shown_to(request.user):
        panels.append(crm.FollowUpsPanel(request))

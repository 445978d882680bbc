from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

# The programmes and reviews admin modules register their own hooks on import.
from ecosystem import admin_programmes, admin_reviews, admin_views, viewsets  # noqa: F401
from ecosystem.services.merge import MERGE_ACTION
from ecosystem.services.verification import REJECT_ACTION, VERIFY_ACTION


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return [
        viewsets.EcosystemViewSetGroup(),
        viewsets.TaxonomyViewSetGroup(),
        viewsets.organisation_chooser_viewset,
        viewsets.person_chooser_viewset,
    ]


hooks.register("register_bulk_action", admin_views.VerifyBulkAction)
hooks.register("register_bulk_action", admin_views.RejectBulkAction)


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
    if admin_views.FollowUpsPanel.is_shown_to(request.user):
        panels.append(admin_views.FollowUpsPanel(request))

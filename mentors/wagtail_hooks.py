"""Everything mentoring adds to the Wagtail admin, registered in one place: the
Mentoring menu and its screens, approving mentors in bulk, how approvals read
in the history, and the guards against deleting what bookings still need."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import LogFormatter

from .admin import menu
from .admin.approval import ApproveBulkAction
from .invitations import APPROVE_ACTION, REJECT_ACTION
from .models import Booking, OfficeHourSlot


@hooks.register("register_admin_viewset")
def register_mentoring_viewsets():
    return menu.MentoringViewSetGroup()


hooks.register("register_bulk_action", ApproveBulkAction)


@hooks.register("register_log_actions")
def register_mentoring_log_actions(actions):
    actions.register_action(APPROVE_ACTION, gettext_lazy("Approve"), gettext_lazy("Approved"))

    @actions.register_action(REJECT_ACTION)
    class DeclineFormatter(LogFormatter):
        label = gettext_lazy("Decline")

        def format_message(self, log_entry):
            if reason := log_entry.data.get("reason"):
                return _("Declined: %(reason)s") % {"reason": reason}
            return _("Declined")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


def _deletion_refusal(model, instances) -> str | None:
    pks = [instance.pk for instance in instances]
    if model is OfficeHourSlot and Booking.objects.filter(slot__in=pks).exists():
        return _(
            "A slot with bookings cannot be deleted: the sessions are part of the mentoring "
            "record. Cancel its booking instead."
        )
    if (
        model is Booking
        and Booking.objects.filter(pk__in=pks).exclude(status=Booking.Status.CANCELLED).exists()
    ):
        return _(
            "Only cancelled bookings can be deleted: the others hold a slot or are part of "
            "the mentoring record. Cancel a booking first."
        )
    return None


# Both single and bulk deletes pass through this hook.
@hooks.register("before_delete_snippet")
def refuse_deleting_sessions(request, instances):
    if not instances:
        return None
    model = type(instances[0])
    refusal = _deletion_refusal(model, instances)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect(reverse(model.snippet_viewset.get_url_name("list")))

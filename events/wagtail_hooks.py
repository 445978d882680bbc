from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages

from events import viewsets
from events.admin_views import CANCEL_ACTION
from events.models import Event, Registration
from events.services_admin import events_deletion_refusal, registrations_deletion_refusal


@hooks.register("register_admin_viewset")
def register_event_viewsets():
    return viewsets.EventsViewSetGroup()


@hooks.register("register_log_actions")
def register_event_log_actions(actions):
    actions.register_action(CANCEL_ACTION, _("Cancel event"), _("Event cancelled"))


# Deleting would drop people's seats without a word (or a waitlist that never
# moves up); both single and bulk deletes pass through this hook.
@hooks.register("before_delete_snippet")
def refuse_deleting_seats(request, instances):
    if not instances:
        return None
    model = type(instances[0])
    if model is Event:
        refusal = events_deletion_refusal(events=instances)
    elif model is Registration:
        refusal = registrations_deletion_refusal(registrations=instances)
    else:
        return None
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect(reverse(model.snippet_viewset.get_url_name("list")))

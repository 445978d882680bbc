"""A mentor's own page: publish slots (one-off or weekly), withdraw free ones,
and follow the sessions booked with them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from .. import selectors, services
from ..forms import SlotForm
from ..models import MentorProfile, OfficeHourSlot
from .directory import crumbs


def _own_profile(user) -> MentorProfile:
    mentor = MentorProfile.objects.filter(user=user).select_related("user").first()
    if mentor is None:
        raise Http404
    return mentor


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def my_slots(request):
    mentor = _own_profile(request.user)
    now = timezone.now()
    can_publish = mentor.status != MentorProfile.Status.SUSPENDED
    form = SlotForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if can_publish and form.is_valid():
            try:
                published = services.slots_publish(
                    mentor=mentor, request=form.slot_request(), weeks=form.cleaned_data["weeks"]
                )
            except services.MentoringError as error:
                form.add_service_error(error.field, error.message)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d slot published.", "%(count)d slots published.", len(published)
                    )
                    % {"count": len(published)},
                )
                return redirect("mentors:my_slots")
    slots = selectors.mentor_slots(mentor, now)
    return render(
        request,
        "mentors/my_slots.html",
        {
            "title": _("My office hours"),
            "mentor": mentor,
            "form": form,
            "can_publish": can_publish,
            "free_days": selectors.slots_by_day(
                [slot for slot in slots if slot.status == OfficeHourSlot.Status.OPEN]
            ),
            "booked": [slot for slot in slots if slot.active_bookings],
            "past": selectors.mentor_past_bookings(mentor, now),
            "now": now,
            "crumbs": crumbs(),
        },
        status=status,
    )


@login_required
@require_POST
def slot_withdraw(request, pk):
    slot = get_object_or_404(OfficeHourSlot, pk=pk, mentor__user=request.user)
    try:
        services.slot_withdraw(slot=slot)
    except services.MentoringError as error:
        messages.error(request, error.message)
    else:
        local = timezone.localtime(slot.starts_at)
        messages.success(
            request,
            _("The slot of %(when)s is withdrawn.") % {"when": f"{local:%d/%m/%Y %H:%M}"},
        )
    return redirect("mentors:my_slots")

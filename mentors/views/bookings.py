"""Booking a slot, and a booking's private page: cancel, the mentor's notes,
the startup's rating and no-shows. Only the startup's members, the mentor and
coordinators see a booking; for anyone else it does not exist (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import selectors, services
from ..forms import BookingForm, NotesForm, RatingForm
from ..models import Booking, OfficeHourSlot
from .directory import crumbs

Status = Booking.Status
CLOSED = {Status.CANCELLED, Status.LATE_CANCELLED}


def _slot_problem(slot: OfficeHourSlot, now) -> str:
    """Why nobody can book this slot any more ("" if it is free)."""
    if slot.status != OfficeHourSlot.Status.OPEN:
        return _("This slot has already been taken. Choose another time.")
    if slot.starts_at <= now:
        return _("This slot has already started. Choose another time.")
    return ""


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def book(request, slug, slot_pk):
    """The booking form for one free slot: which startup, and the agenda."""
    mentor = selectors.mentor_profile(slug)
    if mentor is None:
        raise Http404
    slot = get_object_or_404(OfficeHourSlot.objects.filter(mentor=mentor), pk=slot_pk)
    slot.mentor = mentor
    now = timezone.now()
    startups = selectors.member_startups(request.user)
    slot_problem = _slot_problem(slot, now)
    # Each verified startup the person belongs to, with what stops it booking.
    candidates = []
    if not slot_problem:
        for startup in startups:
            if startup.is_public:
                problems = services.booking_problems(
                    slot=slot, startup=startup, user=request.user, now=now
                )
                candidates.append((startup, problems))
    bookable = [startup for startup, problems in candidates if not problems]
    form = BookingForm(request.POST or None, startups=bookable)
    status = 200
    busy = False
    if request.method == "POST":
        status = 400
        if slot_problem:
            status = 409
        elif not bookable:
            status = 403
        elif form.is_valid():
            try:
                booking = services.booking_create(
                    slot=slot,
                    startup=form.cleaned_data["startup"],
                    user=request.user,
                    agenda=form.cleaned_data["agenda"],
                )
            except services.SlotTaken:
                slot_problem = _("This slot has already been taken. Choose another time.")
                status = 409
            except services.MentoringBusy as error:
                busy = error.message
                status = 503
            except services.MentoringError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(
                    request,
                    _("Your session is booked. We have emailed you and the mentor the details."),
                )
                return redirect("mentors:booking", pk=booking.pk)
    response = render(
        request,
        "mentors/booking_form.html",
        {
            "mentor": mentor,
            "slot": slot,
            "form": form,
            "slot_problem": slot_problem,
            "busy": busy,
            "startups": startups,
            "candidates": candidates,
            "bookable": bookable,
            "crumbs": [*crumbs(), (str(mentor), mentor.get_absolute_url())],
        },
        status=status,
    )
    if status == 503:
        response["Retry-After"] = "5"
    return response


def _viewable(request, pk) -> Booking:
    booking = selectors.booking_for(request.user, pk)
    if booking is None:
        raise Http404
    return booking


def _roles(booking: Booking, user) -> dict:
    return {
        "is_mentor": booking.slot.mentor.user_id == user.pk,
        "is_member": booking.startup.memberships.filter(user=user).exists(),
    }


def _actions(booking: Booking, roles: dict, now) -> dict:
    """What the person may do with the booking now."""
    slot = booking.slot
    takes_part = roles["is_mentor"] or roles["is_member"]
    started = slot.starts_at <= now
    return {
        "can_cancel": takes_part and booking.status == Status.BOOKED and not started,
        "cancel_is_late": now > slot.starts_at - Booking.FREE_CANCELLATION,
        "can_write_notes": roles["is_mentor"] and started and booking.status not in CLOSED,
        "can_rate": roles["is_member"]
        and slot.ends_at <= now
        and booking.status in {Status.BOOKED, Status.COMPLETED},
        "can_report_no_show": takes_part and started and booking.status == Status.BOOKED,
        "started": started,
        "ended": slot.ends_at <= now,
    }


def _booking_page(request, booking, *, notes_form=None, rating_form=None, status=200):
    now = timezone.now()
    roles = _roles(booking, request.user)
    actions = _actions(booking, roles, now)
    if notes_form is None and actions["can_write_notes"]:
        notes_form = NotesForm(
            initial={"notes": booking.notes, "follow_up_actions": booking.follow_up_actions}
        )
    if rating_form is None and actions["can_rate"]:
        rating_form = RatingForm(
            initial={"rating": booking.rating, "comment": booking.rating_comment}
        )
    mentor = booking.slot.mentor
    return render(
        request,
        "mentors/booking_detail.html",
        {
            "booking": booking,
            "slot": booking.slot,
            "mentor": mentor,
            "notes_form": notes_form,
            "rating_form": rating_form,
            "now": now,
            **roles,
            **actions,
            "crumbs": [*crumbs(), (str(mentor), mentor.get_absolute_url())],
        },
        status=status,
    )


@login_required
def booking(request, pk):
    return _booking_page(request, _viewable(request, pk))


def _refused(request, booking, error: services.MentoringError):
    messages.error(request, error.message)
    return _booking_page(request, booking, status=400)


@login_required
@require_POST
def booking_cancel(request, pk):
    booking = _viewable(request, pk)
    roles = _roles(booking, request.user)
    if not (roles["is_mentor"] or roles["is_member"]):
        raise PermissionDenied
    try:
        cancelled = services.booking_cancel(booking=booking, by=request.user)
    except services.MentoringError as error:
        return _refused(request, booking, error)
    if cancelled.status == Status.LATE_CANCELLED:
        messages.warning(
            request,
            _(
                "The booking is cancelled. It was less than 12 hours before the session, "
                "so it is recorded as cancelled late and the slot stays taken."
            ),
        )
    else:
        messages.success(request, _("The booking is cancelled and the slot is free again."))
    return redirect("mentors:booking", pk=booking.pk)


@login_required
@require_POST
def booking_notes(request, pk):
    booking = _viewable(request, pk)
    if not _roles(booking, request.user)["is_mentor"]:
        raise PermissionDenied
    form = NotesForm(request.POST)
    if not form.is_valid():
        return _booking_page(request, booking, notes_form=form, status=400)
    try:
        services.booking_record_notes(
            booking=booking,
            notes=form.cleaned_data["notes"],
            follow_up_actions=form.cleaned_data["follow_up_actions"],
        )
    except services.MentoringError as error:
        return _refused(request, booking, error)
    messages.success(request, _("Your notes are saved. The startup's members can read them."))
    return redirect("mentors:booking", pk=booking.pk)


@login_required
@require_POST
def booking_rate(request, pk):
    booking = _viewable(request, pk)
    if not _roles(booking, request.user)["is_member"]:
        raise PermissionDenied
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _booking_page(request, booking, rating_form=form, status=400)
    try:
        services.booking_rate(
            booking=booking,
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
        )
    except services.MentoringError as error:
        return _refused(request, booking, error)
    messages.success(request, _("Thank you for rating the session."))
    return redirect("mentors:booking", pk=booking.pk)


@login_required
@require_POST
def booking_no_show(request, pk):
    """Either side records that the other did not come."""
    booking = _viewable(request, pk)
    roles = _roles(booking, request.user)
    if roles["is_mentor"] and roles["is_member"]:
        who = request.POST.get("who", "")
    elif roles["is_mentor"]:
        who = Booking.NoShow.STARTUP
    elif roles["is_member"]:
        who = Booking.NoShow.MENTOR
    else:
        raise PermissionDenied
    if booking.status != Status.BOOKED:
        return _refused(
            request, booking, services.MentoringError(_("This booking is no longer open."))
        )
    try:
        services.booking_report_no_show(booking=booking, who=who)
    except services.MentoringError as error:
        return _refused(request, booking, error)
    messages.success(request, _("The no-show is recorded."))
    return redirect("mentors:booking", pk=booking.pk)

"""Check-in at the door, on the public site: a coordinator's phone finds a
person by name or email (or opens their QR code) and checks them in with one
tap. Plain forms and redirects, so it works with JavaScript off.

Only people who may change registrations (the Coordinators group) see these
pages: others are sent to sign in, or get a 404 that says nothing about the
event's attendees. Someone else scanning a QR code (the person themselves,
most often) lands on the person's own manage page.
"""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .models import Event, Registration
from .services import RegistrationError
from .services_admin import (
    PROVINCE_TIME_ZONE,
    attendee_check_in,
    check_in_candidates,
    check_in_counts,
)

CHECK_IN_PERMISSION = "events.change_registration"
LIST_LIMIT = 50


class CheckInSearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Name or email"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
                "enterkeyhint": "search",
            }
        ),
    )


def coordinators_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(CHECK_IN_PERMISSION):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _tell(request, registration: Registration, changed: bool) -> None:
    if changed:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    else:
        messages.info(
            request,
            _("%(name)s was already checked in at %(time)s; nothing changed.")
            % {"name": registration.name, "time": _local_time(registration.attended_at)},
        )


def _local_time(moment) -> str:
    return timezone.localtime(moment, PROVINCE_TIME_ZONE).strftime("%H:%M") if moment else ""


def _check_in(request, registration: Registration) -> None:
    try:
        registration, changed = attendee_check_in(registration=registration)
    except RegistrationError as error:
        messages.error(request, error.message)
        return
    _tell(request, registration, changed)


@never_cache
@require_http_methods(["GET", "POST"])
@coordinators_only
def check_in(request, slug):
    """The event's check-in page: search, then one tap per person."""
    event = get_object_or_404(Event.objects.select_related("venue"), slug=slug)
    if request.method == "POST":
        query = request.POST.get("q", "")[:100]
        registration_pk = request.POST.get("registration", "")
        registration = (
            event.registrations.select_related("event").filter(pk=registration_pk).first()
            if registration_pk.isdigit()
            else None
        )
        if registration is None:
            messages.error(request, _("This person is not registered for this event."))
        else:
            _check_in(request, registration)
        address = reverse("events:check_in", kwargs={"slug": event.slug})
        return redirect(f"{address}?{urlencode({'q': query})}" if query else address)

    form = CheckInSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    people, matching = check_in_candidates(event=event, query=query, limit=LIST_LIMIT)
    return render(
        request,
        "events/checkin/event.html",
        {
            "event": event,
            "form": form,
            "query": query,
            "people": people,
            "matching": matching,
            "counts": check_in_counts(event=event),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def check_in_by_code(request, token):
    """Where a person's QR code leads. A coordinator sees who it is and checks
    them in; anyone else is taken to the person's own page."""
    if not (request.user.is_authenticated and request.user.has_perm(CHECK_IN_PERMISSION)):
        return redirect("events:manage", token=token)
    registration = get_object_or_404(
        Registration.objects.select_related("event__venue"), token=token
    )
    if request.method == "POST":
        _check_in(request, registration)
        return redirect("events:check_in_qr", token=token)
    return render(
        request,
        "events/checkin/registration.html",
        {
            "registration": registration,
            "event": registration.event,
            "counts": check_in_counts(event=registration.event),
        },
    )

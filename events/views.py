"""Event pages: the list and its month calendar, an event's page with the
registration form, and the private page of a registration (manage link)."""

import calendar as month_calendar
import re
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import notifications, selectors, services
from .calendar import LOCAL
from .filters import FIRST_DATE, LAST_DATE, PAST, CalendarFilterSet, EventFilterSet, local_midnight
from .forms import RegistrationForm
from .models import CalendarFeed, Registration

PAGE_SIZE = 20
# A day in the month calendar lists this many events, then links to the rest.
EVENTS_PER_DAY = 4
# More than this in one month (a typing slip in a bulk import, say) is cut off.
MONTH_LIMIT = 1000
MONTH_PATTERN = re.compile(r"(\d{4})-(\d{2})")
# The session remembers the address a guest just registered with, to say
# where the confirmation went without putting it in a URL.
SESSION_GUEST_EMAIL = "events_guest_email"
# A guest who registers again is sent their link again, at most this often (s).
RESEND_INTERVAL = 10 * 60

TABS = {
    "upcoming": gettext_lazy("Upcoming"),
    "past": gettext_lazy("Past events"),
    "calendar": gettext_lazy("Calendar"),
}

Status = Registration.Status


def _crumbs() -> list:
    return [(_("Home"), reverse("wagtail_serve", args=[""]))]


def _query_without(request, *names) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def event_list(request):
    """Upcoming events (or past ones), filtered and paginated."""
    now = timezone.now()
    filterset = EventFilterSet(request.GET, queryset=selectors.event_list(request.user), now=now)
    # get_page turns "abc", -1 and 99999 into the first or the last page.
    page_obj = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    tab = "past" if filterset.period == PAST else "upcoming"
    feed_query = _query_without(request, "page", "when")
    return render(
        request,
        "events/event_list.html",
        {
            "title": TABS[tab] if tab == "past" else _("Events"),
            "tab": tab,
            "tabs": TABS,
            "filter": filterset,
            "page_obj": page_obj,
            "query": _query_without(request, "page"),
            "feed_path": reverse("events:feed") + (f"?{feed_query}" if feed_query else ""),
            "calendar_query": _query_without(request, "page", "when", "start", "end"),
            "now": now,
            "crumbs": _crumbs(),
        },
    )


def _month_from(text: str) -> date | None:
    match = MONTH_PATTERN.fullmatch(text or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or not FIRST_DATE.year <= year <= LAST_DATE.year:
        return None
    return date(year, month, 1)


def _shift_month(first: date, months: int) -> date | None:
    index = first.year * 12 + first.month - 1 + months
    shifted = date(index // 12, index % 12 + 1, 1)
    return shifted if FIRST_DATE <= shifted <= LAST_DATE else None


def _month_days(first: date, events: list, today: date) -> list[dict]:
    """The weeks of the month, Monday first, as a flat list of days: each day
    of the month with the events on it (one that lasts several days is on
    each of them); the days before and after fill the first and last weeks."""
    _weekday, length = month_calendar.monthrange(first.year, first.month)
    last = first + timedelta(days=length - 1)
    by_day = {first + timedelta(days=n): [] for n in range(length)}
    for event in events:
        day = max(timezone.localtime(event.starts_at, LOCAL).date(), first)
        until = min(timezone.localtime(event.ends_at, LOCAL).date(), last)
        while day <= until:
            by_day[day].append(event)
            day += timedelta(days=1)
    days = [{"in_month": False} for _n in range(first.weekday())]
    for day, on_day in by_day.items():
        days.append(
            {
                "in_month": True,
                "date": day,
                "label": f"{WEEKDAYS[day.weekday()]}, {date_format(day, 'DATE_FORMAT')}",
                "is_today": day == today,
                "events": on_day[:EVENTS_PER_DAY],
                "more": max(0, len(on_day) - EVENTS_PER_DAY),
            }
        )
    days += [{"in_month": False} for _n in range(-len(days) % 7)]
    return days


def event_calendar(request):
    """A month of events as a grid (a list of days on phones). An unreadable
    month is reported, and the current month shown, with status 400."""
    now = timezone.now()
    today = timezone.localtime(now, LOCAL).date()
    asked = request.GET.get("month", "")
    first = _month_from(asked)
    status = 200
    if first is None:
        status = 400 if asked else 200
        first = today.replace(day=1)
    after = _shift_month(first, 1) or LAST_DATE + timedelta(days=1)
    filterset = CalendarFilterSet(
        request.GET, queryset=selectors.event_calendar(request.user), now=now
    )
    events = list(
        selectors.events_overlapping(filterset.qs, local_midnight(first), local_midnight(after))[
            :MONTH_LIMIT
        ]
    )
    filters_query = _query_without(request, "month", "page")
    previous_month, next_month = _shift_month(first, -1), _shift_month(first, 1)
    return render(
        request,
        "events/event_calendar.html",
        {
            "title": _("Calendar"),
            "tab": "calendar",
            "tabs": TABS,
            "filter": filterset,
            "month": first,
            "month_label": date_format(first, "YEAR_MONTH_FORMAT"),
            "month_error": status == 400,
            "previous_month": previous_month,
            "next_month": next_month,
            "this_month": today.replace(day=1),
            "weekdays": [(WEEKDAYS_ABBR[n], WEEKDAYS[n]) for n in range(7)],
            "days": _month_days(first, events, today),
            "event_count": len(events),
            "cut_off": len(events) >= MONTH_LIMIT,
            "filters_query": filters_query,
            "feed_path": reverse("events:feed") + (f"?{filters_query}" if filters_query else ""),
            "now": now,
            "crumbs": [*_crumbs(), (_("Events"), reverse("events:list"))],
        },
        status=status,
    )


def _registered_message(registration: Registration, created: bool) -> str:
    if not created:
        return _("You are already registered for this event.")
    if registration.status == Status.CONFIRMED:
        return _("You are registered: your seat is confirmed. We have emailed you the details.")
    if registration.status == Status.WAITLISTED:
        return _(
            "The event is full, so you are on the waitlist. If a seat becomes free you get "
            "it automatically and we email you."
        )
    return _("You are registered.")


@require_http_methods(["GET", "HEAD", "POST"])
def detail(request, slug):
    """An event's page. Signed-in people register with one click (plus the
    event's questions); guests give their name and email, and confirm by email."""
    event = get_object_or_404(selectors.event_detail(request.user), slug=slug)
    now = timezone.now()
    existing = selectors.registration_of(event, request.user)
    status = 200
    refusal = ""
    registration_open = event.registration_is_open(now)
    if request.method == "POST" and existing is None and not registration_open:
        # Nothing to fill in any more: say why, whatever was sent.
        form = RegistrationForm(event=event, user=request.user)
        refusal = (
            _("This event has been cancelled.")
            if event.is_cancelled
            else _("Registration for this event is closed.")
        )
    elif request.method == "POST" and existing is None:
        form = RegistrationForm(request.POST, event=event, user=request.user)
        if form.is_valid():
            user = request.user if request.user.is_authenticated else None
            try:
                registration, created = services.registration_create(
                    event=event,
                    user=user,
                    name=form.cleaned_data.get("name", ""),
                    email=form.cleaned_data.get("email", ""),
                    answers=form.answers(),
                )
            except services.EventBusy as error:
                form.add_error(None, error.message)
                status = 503
            except services.RegistrationError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                return _after_registering(request, event, registration, created)
    elif request.method == "POST":
        messages.info(request, _("You are already registered for this event."))
        return redirect(existing)
    else:
        form = RegistrationForm(event=event, user=request.user)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "form": form,
            "existing": existing,
            "registration_open": registration_open,
            "refusal": refusal,
            "has_ended": event.ends_at <= now,
            "call_page": _call_page(event),
            "now": now,
            "crumbs": [*_crumbs(), (_("Events"), reverse("events:list"))],
        },
        status=status,
    )


def _after_registering(request, event, registration, created):
    if request.user.is_authenticated:
        messages.success(request, _registered_message(registration, created))
        return redirect(registration)
    resend_key = f"events:link-resent:{registration.pk}"
    if not created and cache.add(resend_key, True, RESEND_INTERVAL):
        # Someone asked again with the same address: send its owner the link
        # again rather than show it here, where anyone could have typed it;
        # at most every few minutes, so the form cannot flood a mailbox.
        notifications.registered(registration)
    request.session[SESSION_GUEST_EMAIL] = registration.email
    return redirect("events:registered", slug=event.slug)


def _call_page(event):
    """The call's public page in the reader's language (or any), if it has one."""
    if not event.call_id:
        return None
    pages = list(event.call.pages.live().select_related("locale"))
    for page in pages:
        if page.locale.language_code == get_language():
            return page
    return pages[0] if pages else None


def registered(request, slug):
    """After a guest registers: where the confirmation link went."""
    event = get_object_or_404(selectors.event_detail(request.user), slug=slug)
    return render(
        request,
        "events/registration_check_email.html",
        {
            "event": event,
            "email": request.session.get(SESSION_GUEST_EMAIL, ""),
            "crumbs": [
                *_crumbs(),
                (_("Events"), reverse("events:list")),
                (event.localized("title"), event.get_absolute_url()),
            ],
        },
    )


def _registration_or_404(token: str) -> Registration:
    registration = selectors.registration_for_token(token)
    if registration is None:
        raise Http404
    return registration


def _manage_context(registration: Registration, now) -> dict:
    event = registration.event
    over = event.ends_at <= now
    return {
        "registration": registration,
        "event": event,
        "now": now,
        "has_ended": over,
        "position": selectors.waitlist_position(registration),
        "can_cancel": not over
        and registration.status in {Status.PENDING, Status.CONFIRMED, Status.WAITLISTED},
        "can_confirm": registration.status == Status.PENDING and not event.is_cancelled,
        "shows_code": registration.status in {Status.CONFIRMED, Status.ATTENDED} and not over,
        "seat_lapsed": registration.status == Status.PENDING
        and not (
            registration.holds_seat and registration.created_at > now - Registration.PENDING_HOLD
        ),
        "crumbs": [*_crumbs(), (_("Events"), reverse("events:list"))],
    }


# The page's address is the key to the registration: keep it out of caches.
@never_cache
def manage(request, token):
    """The private page of a registration, reached from its emails."""
    registration = _registration_or_404(token)
    context = _manage_context(registration, timezone.now())
    return render(request, "events/registration_manage.html", context)


# Confirming takes a POST: mail scanners that open every link in an email
# must not confirm on the person's behalf.
@never_cache
@require_POST
def confirm(request, token):
    registration = _registration_or_404(token)
    try:
        registration = services.registration_confirm(token=registration.token)
    except services.RegistrationError as error:
        messages.error(request, error.message)
        return redirect(registration)
    if registration.status == Status.CONFIRMED:
        messages.success(request, _("Thank you: your seat is confirmed."))
    elif registration.status == Status.WAITLISTED:
        messages.info(
            request,
            _("Thank you. The event is full, so you are on the waitlist."),
        )
    return redirect(registration)


@never_cache
def cancel(request, token):
    """Ask, then cancel the registration (or leave the waitlist)."""
    registration = _registration_or_404(token)
    now = timezone.now()
    context = _manage_context(registration, now)
    if not context["can_cancel"]:
        messages.info(request, _("This registration cannot be cancelled any more."))
        return redirect(registration)
    if request.method == "POST":
        was_waitlisted = registration.status == Status.WAITLISTED
        try:
            services.registration_cancel(registration=registration)
        except services.RegistrationError as error:
            messages.error(request, error.message)
            return redirect(registration)
        if was_waitlisted:
            messages.success(request, _("You have left the waitlist."))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(registration)
    return render(request, "events/registration_cancel.html", context)


@login_required
@require_POST
def personal_feed_renew(request):
    """Give the person a (new) private calendar address; the old one stops working."""
    feed, created = CalendarFeed.objects.get_or_create(user=request.user)
    if created:
        messages.success(request, _("Your personal calendar address is ready."))
    else:
        feed.renew()
        messages.success(
            request,
            _(
                "Your personal calendar has a new address. The old one no longer works: "
                "subscribe again with the new one."
            ),
        )
    return redirect(reverse("account_profile") + "#my-events")

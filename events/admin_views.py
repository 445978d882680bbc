"""The coordinators' event screens beyond the generic snippet views: saving
through the services, confirm-then-act screens (cancel an event, generate a
series' occurrences, check a person in, cancel a registration), the buttons
that lead to them, and the exports with one column per question."""

from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.panels import Panel
from wagtail.admin.utils import set_query_params
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log
from wagtail.snippets.views import snippets as snippet_views

from ecosystem.admin.exports import ReadableExportMixin
from ecosystem.admin.organisation_actions import OrganisationActionView
from ecosystem.search import MAX_QUERY_WORDS, normalize

from .admin_forms import ConfirmForm
from .models import Event, EventSeries, Registration
from .services import RegistrationError, registration_cancel
from .services_admin import (
    PROVINCE_TIME_ZONE,
    TOLD_STATUSES,
    attendee_check_in,
    event_cancel_and_count,
    event_create,
    event_update,
    registration_update_contact,
    series_apply,
    series_summary,
)

Status = Registration.Status
# Registered in wagtail_hooks with its label for the history screens.
CANCEL_ACTION = "events.cancel"


def registrations_url(event) -> str:
    return set_query_params(
        reverse(Registration.snippet_viewset.get_url_name("list")), {"event": event.pk}
    )


def occurrences_url(series) -> str:
    return set_query_params(
        reverse(Event.snippet_viewset.get_url_name("list")), {"series": series.pk}
    )


def check_in_url(event) -> str:
    return reverse("events:check_in", kwargs={"slug": event.slug})


def question_label(question: dict) -> str:
    if get_language() == "en" and question.get("label_en"):
        return question["label_en"]
    return question.get("label") or question.get("key", "")


def form_error_on(form, error: RegistrationError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


class ServiceFormMixin:
    """A refusal from the services becomes a form error; the transaction of
    the save has been rolled back, so nothing is kept."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RegistrationError as error:
            form_error_on(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ActionView(OrganisationActionView):
    """A confirmation about one object, reached from its screens (the
    registry's confirm-then-act screen)."""

    template_name = "events/admin/action.html"
    form_class = ConfirmForm


def with_next(url: str, next_url: str | None) -> str:
    return set_query_params(url, {"next": next_url}) if next_url else url


def list_address(view) -> str:
    """The list as the coordinator sees it, filters included (also when the
    rows come from the results address that filtering fetches)."""
    return set_query_params(reverse(view.index_url_name), view.request.GET.dict())


class EventButtonsMixin:
    cancel_url_name = None

    def event_buttons(self, event, *, next_url: str | None = None) -> list[Button]:
        """Registrations, the check-in page and cancelling, where allowed."""
        buttons = [
            Button(
                _("Registrations"),
                url=registrations_url(event),
                icon_name="group",
                priority=10,
            ),
            Button(
                _("Check-in page"), url=check_in_url(event), icon_name="mobile-alt", priority=20
            ),
        ]
        if not event.is_cancelled and self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Cancel event"),
                    url=with_next(reverse(self.cancel_url_name, args=[quote(event.pk)]), next_url),
                    icon_name="circle-xmark",
                    priority=30,
                )
            )
        return buttons


class EventIndexView(EventButtonsMixin, ReadableExportMixin, snippet_views.IndexView):
    def search_queryset(self, queryset):
        """Every word in the titles, accents and case ignored ("cho cong nghe"
        finds "Chợ công nghệ"). Matched on the stored accent-free document:
        events have no full-text column on PostgreSQL, and a few thousand rows
        need none."""
        if not self.is_searching:
            return queryset
        for word in normalize(self.search_query).split()[:MAX_QUERY_WORDS]:
            queryset = queryset.filter(search_document__contains=word)
        return queryset

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            queryset = queryset.select_related(
                "organiser", "programme", "call", "series"
            ).prefetch_related("visible_to")
        return queryset

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *self.event_buttons(instance, next_url=list_address(self)),
        ]

    def _export_value(self, item, field):
        try:
            return super()._export_value(item, field)
        except AttributeError:  # "venue.address" of an online event
            return ""


class EventCreateView(snippet_views.CreateView):
    def save_instance(self):
        event = event_create(event=self.form.save(commit=False))
        self.form.save_m2m()
        log(instance=event, action="wagtail.create", user=self.request.user)
        self.new_revision = None
        return event


class EventEditView(EventButtonsMixin, ServiceFormMixin, snippet_views.EditView):
    update = None

    def save_instance(self):
        event = self.form.save(commit=False)
        self.update = event_update(event=event)
        self.form.save_m2m()
        log(
            instance=event,
            action="wagtail.edit",
            user=self.request.user,
            content_changed=self.form.has_changed(),
        )
        self.new_revision = None
        return event

    def get_success_message(self, *args, **kwargs):
        message = super().get_success_message(*args, **kwargs)
        update = self.update
        notes = []
        if update and update.cancelled:
            notes.append(
                ngettext(
                    "It is cancelled; %(count)d person registered has been emailed.",
                    "It is cancelled; %(count)d people registered have been emailed.",
                    update.told,
                )
                % {"count": update.told}
            )
        elif update and update.moved:
            notes.append(
                ngettext(
                    "The new details have been emailed to %(count)d person registered.",
                    "The new details have been emailed to %(count)d people registered.",
                    update.told,
                )
                % {"count": update.told}
            )
        if update and update.promoted:
            notes.append(
                ngettext(
                    "%(count)d person from the waitlist got a seat and has been emailed.",
                    "%(count)d people from the waitlist got a seat and have been emailed.",
                    update.promoted,
                )
                % {"count": update.promoted}
            )
        return " ".join([message, *notes]) if message else message

    @cached_property
    def header_buttons(self):
        event = self.object
        return [
            *super().header_buttons,
            HeaderButton(
                _("Registrations (%(count)d)") % {"count": event.registrations.count()},
                url=registrations_url(event),
                icon_name="group",
            ),
        ]

    @cached_property
    def header_more_buttons(self):
        _registrations, *others = self.event_buttons(self.object)
        return [*super().header_more_buttons, *others]


class EventCancelView(ActionView):
    model = Event
    page_title = gettext_lazy("Cancel event")
    header_icon = "circle-xmark"
    submit_label = gettext_lazy("Yes, cancel the event and email everyone")
    submit_classname = "serious"

    def get_description(self):
        told = self.object.registrations.filter(status__in=TOLD_STATUSES).count()
        return ngettext(
            "'%(event)s' will be marked cancelled. It stays on the site and in calendar feeds "
            "as cancelled, and %(count)d person registered will get an email with a file that "
            "removes it from their calendar.",
            "'%(event)s' will be marked cancelled. It stays on the site and in calendar feeds "
            "as cancelled, and %(count)d people registered will get an email with a file that "
            "removes it from their calendar.",
            told,
        ) % {"event": self.object, "count": told}

    def form_valid(self, form):
        if self.object.is_cancelled:
            messages.info(
                self.request,
                _("'%(event)s' was already cancelled; nothing changed.") % {"event": self.object},
            )
            return redirect(self.get_success_url())
        told = event_cancel_and_count(event=self.object)
        log(instance=self.object, action=CANCEL_ACTION, user=self.request.user)
        messages.success(
            self.request,
            ngettext(
                "'%(event)s' is cancelled; %(count)d person registered has been emailed.",
                "'%(event)s' is cancelled; %(count)d people registered have been emailed.",
                told,
            )
            % {"event": self.object, "count": told},
        )
        return redirect(self.get_success_url())


class SeatsPanel(Panel):
    """Who holds the seats, counted from the registrations themselves."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/seats_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance
            if event.pk:
                counts = dict.fromkeys(Status.values, 0)
                counts.update(
                    event.registrations.values_list("status").annotate(n=Count("pk")).order_by()
                )
                context.update(
                    counts=counts,
                    # What the capacity is checked against, unconfirmed guests' held seats too.
                    seated=event.registrations.holding_seats().count(),
                    registrations_url=registrations_url(event),
                )
            return context


class OccurrencesPanel(Panel):
    """A series' occurrences, each with its seats and whether it was changed by hand."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/occurrences_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            series = self.instance
            if series.pk:
                occurrences = list(series.occurrences.select_related("venue").order_by("starts_at"))
                for occurrence in occurrences:
                    occurrence.local_start = timezone.localtime(
                        occurrence.starts_at, PROVINCE_TIME_ZONE
                    )
                context.update(
                    occurrences=occurrences,
                    edit_url_name=Event.snippet_viewset.get_url_name("edit"),
                    list_url=occurrences_url(series),
                    now=timezone.now(),
                )
            return context


class SeriesMixin:
    generate_url_name = None
    counts = None

    def save_instance(self):
        series = super().save_instance()
        self.counts = series_apply(series=series)
        return series

    def get_success_message(self, *args, **kwargs):
        message = super().get_success_message(*args, **kwargs)
        if self.counts is None:
            return message
        return f"{message} {series_summary(self.counts)}"


class SeriesCreateView(SeriesMixin, ServiceFormMixin, snippet_views.CreateView):
    pass


class SeriesEditView(SeriesMixin, ServiceFormMixin, snippet_views.EditView):
    @cached_property
    def header_buttons(self):
        series = self.object
        buttons = [*super().header_buttons]
        if self.user_has_permission("change"):
            buttons.append(
                HeaderButton(
                    _("Generate occurrences"),
                    url=reverse(self.generate_url_name, args=[quote(series.pk)]),
                    icon_name="rotate",
                )
            )
        buttons.append(
            HeaderButton(
                _("Occurrences (%(count)d)") % {"count": series.occurrences.count()},
                url=occurrences_url(series),
                icon_name="date",
            )
        )
        return buttons


class SeriesIndexView(ReadableExportMixin, snippet_views.IndexView):
    generate_url_name = None

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            queryset = queryset.select_related("organiser", "programme", "call")
        return queryset

    def get_list_more_buttons(self, instance):
        buttons = [
            *super().get_list_more_buttons(instance),
            Button(_("Occurrences"), url=occurrences_url(instance), icon_name="date", priority=10),
        ]
        if self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Generate occurrences"),
                    url=with_next(
                        reverse(self.generate_url_name, args=[quote(instance.pk)]),
                        list_address(self),
                    ),
                    icon_name="rotate",
                    priority=20,
                )
            )
        return buttons


class SeriesGenerateView(ActionView):
    model = EventSeries
    page_title = gettext_lazy("Generate occurrences")
    header_icon = "rotate"
    submit_label = gettext_lazy("Generate occurrences")

    def get_description(self):
        return _(
            "Each date of the rule gets its own event. Future occurrences nobody changed by "
            "hand take the series' details; those the rule no longer has are removed, or "
            "cancelled with an email to the people registered. Past occurrences stay as they "
            "are. People registered for an occurrence that moves are emailed the new details."
        )

    def form_valid(self, form):
        try:
            counts = series_apply(series=self.object)
        except RegistrationError as error:
            messages.error(self.request, error.message)
            return redirect(self.edit_url)
        messages.success(self.request, series_summary(counts))
        return redirect(self.get_success_url())


class AnswersPanel(Panel):
    """A person's answers to the event's questions, question by question."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/answers_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            registration = self.instance
            answers = dict(registration.answers or {})
            rows = [
                (question_label(question), answers.pop(question.get("key"), ""))
                for question in registration.event.questions or []
            ]
            rows += list(answers.items())
            context["rows"] = rows
            return context


class RegistrationButtonsMixin:
    check_in_url_name = None
    cancel_url_name = None

    def registration_buttons(self, registration, *, next_url: str | None = None) -> list[Button]:
        if not self.user_has_permission("change"):
            return []
        buttons = []
        pk = quote(registration.pk)
        if registration.status == Status.CONFIRMED:
            buttons.append(
                Button(
                    _("Check in"),
                    url=with_next(reverse(self.check_in_url_name, args=[pk]), next_url),
                    icon_name="circle-check",
                    priority=10,
                )
            )
        if registration.status not in {Status.CANCELLED, Status.ATTENDED}:
            buttons.append(
                Button(
                    _("Cancel registration"),
                    url=with_next(reverse(self.cancel_url_name, args=[pk]), next_url),
                    icon_name="circle-xmark",
                    priority=20,
                )
            )
        return buttons


class RegistrationIndexView(RegistrationButtonsMixin, ReadableExportMixin, snippet_views.IndexView):
    """Registrations, usually of one event (?event=<pk>). Exported, each of
    that event's questions is a column of its own."""

    ANSWER_PREFIX = "answer:"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        event_pk = request.GET.get("event", "")
        self.event = (
            Event.objects.filter(pk=event_pk).only("pk", "questions", "title", "title_en").first()
            if event_pk.isdigit()
            else None
        )
        if self.event is not None and self.list_export:
            self.list_export = [
                *(field for field in self.list_export if field not in {"event", "answers"}),
                *(
                    f"{self.ANSWER_PREFIX}{question['key']}"
                    for question in self.event.questions or []
                    if question.get("key")
                ),
            ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")

    def search_queryset(self, queryset):
        """Every word in the name or the email. For one event, diacritics are
        ignored ("nguyen" finds "Nguyễn"), matching in Python among its few
        hundred people; across all events, registrations keep no accent-free
        copy of names, so the words are matched as typed."""
        if not self.is_searching:
            return queryset
        words = self.search_query.split()[:MAX_QUERY_WORDS]
        if self.event is not None:
            wanted = normalize(self.search_query).split()[:MAX_QUERY_WORDS]
            people = queryset.filter(event=self.event).values_list("pk", "name", "email")
            matching = [
                pk
                for pk, name, email in people
                if all(word in normalize(f"{name} {email}") for word in wanted)
            ]
            return queryset.filter(pk__in=matching)
        for word in words:
            queryset = queryset.filter(Q(name__icontains=word) | Q(email__icontains=word))
        return queryset

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *self.registration_buttons(instance, next_url=list_address(self)),
        ]

    def get_heading(self, queryset, field):
        if field.startswith(self.ANSWER_PREFIX):
            key = field.removeprefix(self.ANSWER_PREFIX)
            for question in self.event.questions:
                if question.get("key") == key:
                    return question_label(question)
            return key
        return super().get_heading(queryset, field)

    def _export_value(self, item, field):
        if field.startswith(self.ANSWER_PREFIX):
            return (item.answers or {}).get(field.removeprefix(self.ANSWER_PREFIX), "")
        if field == "answers":
            answers = dict(item.answers or {})
            # In the order of the questions (PostgreSQL keeps no order in JSON),
            # then anything answered to a question since removed.
            pairs = [
                (question_label(question), answers.pop(question.get("key"), ""))
                for question in item.event.questions or []
            ]
            pairs += list(answers.items())
            return "; ".join(f"{label}: {value}" for label, value in pairs if value != "")
        return super()._export_value(item, field)


class RegistrationCreateView(snippet_views.CreateView):
    """People register on the event's page (which checks seats and emails
    them); a registration typed in here would skip both."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class RegistrationEditView(RegistrationButtonsMixin, snippet_views.EditView):
    def save_instance(self):
        registration = self.form.instance
        registration_update_contact(
            registration=registration,
            name=self.form.cleaned_data["name"],
            email=self.form.cleaned_data["email"],
        )
        log(
            instance=registration,
            action="wagtail.edit",
            user=self.request.user,
            content_changed=self.form.has_changed(),
        )
        self.new_revision = None
        return registration

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    @cached_property
    def header_buttons(self):
        registration = self.object
        buttons = [
            HeaderButton(
                button.label, url=button.url, icon_name=button.icon_name, priority=button.priority
            )
            for button in self.registration_buttons(registration)
        ]
        return [*super().header_buttons, *buttons]

    @cached_property
    def header_more_buttons(self):
        event = self.object.event
        return [
            *super().header_more_buttons,
            Button(
                _("All registrations for this event"),
                url=registrations_url(event),
                icon_name="group",
                priority=50,
            ),
        ]


class RegistrationActionView(ActionView):
    model = Registration

    def get_description(self):
        registration = self.object
        return _("%(name)s (%(email)s), registered for '%(event)s': %(status)s.") % {
            "name": registration.name,
            "email": registration.email,
            "event": registration.event,
            "status": registration.get_status_display(),
        }


class RegistrationCheckInView(RegistrationActionView):
    page_title = gettext_lazy("Check in")
    header_icon = "circle-check"
    submit_label = gettext_lazy("Check in")

    def form_valid(self, form):
        try:
            registration, changed = attendee_check_in(registration=self.object)
        except RegistrationError as error:
            messages.error(self.request, error.message)
            return redirect(self.get_success_url())
        if changed:
            messages.success(
                self.request, _("%(name)s is checked in.") % {"name": registration.name}
            )
        else:
            messages.info(
                self.request,
                _("%(name)s was already checked in; nothing changed.")
                % {"name": registration.name},
            )
        return redirect(self.get_success_url())


class RegistrationCancelView(RegistrationActionView):
    page_title = gettext_lazy("Cancel registration")
    header_icon = "circle-xmark"
    submit_label = gettext_lazy("Yes, cancel the registration")
    submit_classname = "serious"

    def get_description(self):
        return " ".join(
            [
                super().get_description(),
                _(
                    "Their seat goes to the first person on the waitlist, who is emailed. "
                    "The person cancelled is not emailed."
                ),
            ]
        )

    def form_valid(self, form):
        before = self.object.status
        registration = registration_cancel(registration=self.object)
        if registration.status == Status.CANCELLED and before != Status.CANCELLED:
            messages.success(
                self.request,
                _("The registration of %(name)s is cancelled.") % {"name": registration.name},
            )
        else:
            messages.info(
                self.request,
                _("The registration of %(name)s was not changed (%(status)s).")
                % {"name": registration.name, "status": registration.get_status_display()},
            )
        return redirect(self.get_success_url())

"""Events in the Wagtail admin: what coordinators list, filter, export and
edit. Declarations only; the screens that do more live in `admin_views`."""

from django import forms
from django.urls import path
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ecosystem.admin.exports import ExportIndexView
from ecosystem.admin.programmes import ProvinceDateTimeColumn

from . import admin_forms, admin_views
from .models import Event, EventSeries, Registration, Venue


def province_time_column(name, label):
    return ProvinceDateTimeColumn(name, label=capfirst(label), sort_key=name)


class SeatsColumn(Column):
    """Seats taken of the capacity, and who waits: the numbers kept for display."""

    def get_value(self, instance):
        if instance.capacity is None:
            taken = str(instance.confirmed_count)
        else:
            taken = f"{instance.confirmed_count} / {instance.capacity}"
        if instance.waitlist_count:
            return _("%(taken)s, %(waiting)d waiting") % {
                "taken": taken,
                "waiting": instance.waitlist_count,
            }
        return taken


class OccurrenceOnlyPanel(MultiFieldPanel):
    """Shown on the occurrences of a series only."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance.series_id) and super().is_shown()


def event_status_column():
    return StatusTagColumn(
        "get_status_display",
        label=capfirst(_("status")),
        sort_key="status",
        primary=lambda event: event.status == Event.Status.SCHEDULED,
    )


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_order = 100
    index_view_class = admin_views.EventIndexView
    add_view_class = admin_views.EventCreateView
    edit_view_class = admin_views.EventEditView
    # A copy would share nothing that matters (seats, registrations) and need
    # its own slug and times anyway.
    copy_view_enabled = False
    search_fields = ["title", "title_en"]
    search_backend_name = None
    filterset_class = admin_forms.EventFilterSet
    ordering = "-starts_at"
    list_per_page = 50
    list_display = [
        "title",
        "kind",
        province_time_column("starts_at", _("starts at")),
        "venue",
        event_status_column(),
        SeatsColumn("seats", label=capfirst(_("seats"))),
    ]
    list_export = [
        "title",
        "title_en",
        "kind",
        "status",
        "starts_at",
        "ends_at",
        "all_day",
        "venue",
        "venue.address",
        "online_url",
        "organiser",
        "programme",
        "call",
        "capacity",
        "confirmed_count",
        "waitlist_count",
        "waitlist_enabled",
        "registration_opens_at",
        "registration_closes_at",
        "visibility",
        "visible_to",
        "series",
        "changed_by_hand",
        "get_absolute_url",
    ]
    export_headings = {
        "venue.address": capfirst(_("address")),
        "confirmed_count": capfirst(_("seats taken")),
        "waitlist_count": capfirst(_("waiting")),
        "get_absolute_url": capfirst(_("public address")),
    }
    export_filename = "events"

    @cached_property
    def edit_handler(self):
        return TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("title"),
                        FieldPanel("title_en"),
                        FieldPanel("slug"),
                        FieldPanel("kind"),
                        FieldPanel("description"),
                        FieldPanel("description_en"),
                        FieldPanel("image"),
                    ],
                    heading=_("Details"),
                ),
                ObjectList(
                    [
                        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                        FieldPanel("all_day"),
                        FieldPanel("venue"),
                        FieldPanel("online_url"),
                        FieldPanel("status"),
                        OccurrenceOnlyPanel(
                            [FieldPanel("series", read_only=True), FieldPanel("changed_by_hand")],
                            heading=_("Series"),
                        ),
                    ],
                    heading=_("Time and place"),
                ),
                ObjectList(
                    [
                        admin_views.SeatsPanel(heading=_("Seats")),
                        FieldPanel("capacity"),
                        FieldPanel("waitlist_enabled"),
                        FieldRowPanel(
                            [
                                FieldPanel("registration_opens_at"),
                                FieldPanel("registration_closes_at"),
                            ]
                        ),
                        FieldPanel("questions"),
                    ],
                    heading=_("Registration"),
                ),
                ObjectList(
                    [
                        FieldPanel("visibility", widget=forms.RadioSelect),
                        FieldPanel("visible_to"),
                        FieldPanel("add_organisation"),
                    ],
                    heading=_("Visibility"),
                ),
                ObjectList(
                    [FieldPanel("organiser"), FieldPanel("programme"), FieldPanel("call")],
                    heading=_("Organiser and programme"),
                ),
            ],
            base_form_class=admin_forms.EventAdminForm,
        )

    def get_queryset(self, request):
        return Event.objects.select_related("venue")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(cancel_url_name=self.get_url_name("cancel"), **kwargs)

    @property
    def cancel_view(self):
        return self.construct_view(admin_views.EventCancelView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
        ]


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "calendar-alt"
    menu_label = _("Series")
    menu_order = 110
    index_view_class = admin_views.SeriesIndexView
    add_view_class = admin_views.SeriesCreateView
    edit_view_class = admin_views.SeriesEditView
    copy_view_enabled = False
    search_fields = ["title", "title_en"]
    search_backend_name = None
    filterset_class = admin_forms.EventSeriesFilterSet
    ordering = "-first_starts_at"
    list_display = [
        "title",
        "kind",
        "frequency",
        province_time_column("first_starts_at", _("first occurrence")),
        "until",
        "count",
        "venue",
    ]
    list_export = [
        "title",
        "title_en",
        "kind",
        "frequency",
        "interval",
        "first_starts_at",
        "duration",
        "until",
        "count",
        "exceptions",
        "venue",
        "online_url",
        "organiser",
        "programme",
        "call",
        "capacity",
        "waitlist_enabled",
    ]
    export_filename = "event-series"

    @cached_property
    def edit_handler(self):
        return TabbedInterface(
            [
                ObjectList(
                    [
                        FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval")]),
                        FieldRowPanel([FieldPanel("first_starts_at"), FieldPanel("duration")]),
                        MultiFieldPanel(
                            [FieldRowPanel([FieldPanel("until"), FieldPanel("count")])],
                            heading=_("Ends on a date or after a number of occurrences"),
                        ),
                        FieldPanel("exceptions"),
                    ],
                    heading=_("Rule"),
                ),
                ObjectList(
                    [
                        FieldPanel("title"),
                        FieldPanel("title_en"),
                        FieldPanel("kind"),
                        FieldPanel("description"),
                        FieldPanel("description_en"),
                        FieldPanel("image"),
                        FieldPanel("venue"),
                        FieldPanel("online_url"),
                    ],
                    heading=_("Details"),
                ),
                ObjectList(
                    [
                        FieldPanel("capacity"),
                        FieldPanel("waitlist_enabled"),
                        FieldPanel("questions"),
                    ],
                    heading=_("Registration"),
                ),
                ObjectList(
                    [FieldPanel("organiser"), FieldPanel("programme"), FieldPanel("call")],
                    heading=_("Organiser and programme"),
                ),
                ObjectList(
                    [admin_views.OccurrencesPanel(heading=_("Occurrences"))],
                    heading=_("Occurrences"),
                ),
            ],
            base_form_class=admin_forms.EventSeriesAdminForm,
        )

    def get_queryset(self, request):
        return EventSeries.objects.select_related("venue")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            generate_url_name=self.get_url_name("generate"), **kwargs
        )

    @property
    def generate_view(self):
        return self.construct_view(admin_views.SeriesGenerateView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("generate/<int:pk>/", self.generate_view, name="generate"),
        ]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_order = 120
    index_view_class = ExportIndexView
    copy_view_enabled = False
    search_fields = ["name", "address"]
    search_backend_name = None
    filterset_class = admin_forms.VenueFilterSet
    ordering = "name"
    list_display = ["name", "address", "area"]
    list_export = ["name", "address", "area", "map_url"]
    export_filename = "venues"
    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("area"), FieldPanel("map_url")]

    def get_queryset(self, request):
        return Venue.objects.select_related("area")


def registration_status_column():
    return StatusTagColumn(
        "get_status_display",
        label=capfirst(_("status")),
        sort_key="status",
        primary=lambda registration: (
            registration.status in {Registration.Status.CONFIRMED, Registration.Status.ATTENDED}
        ),
    )


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_order = 130
    index_view_class = admin_views.RegistrationIndexView
    add_view_class = admin_views.RegistrationCreateView
    edit_view_class = admin_views.RegistrationEditView
    copy_view_enabled = False
    search_fields = ["name", "email"]
    search_backend_name = None
    filterset_class = admin_forms.RegistrationFilterSet
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        "name",
        "email",
        "event",
        registration_status_column(),
        province_time_column("created_at", _("registered at")),
        province_time_column("attended_at", _("checked in at")),
    ]
    # With ?event=<pk>, "event" and "answers" give way to one column per question.
    list_export = [
        "event",
        "event.starts_at",
        "name",
        "email",
        "status",
        "created_at",
        "confirmed_at",
        "attended_at",
        "cancelled_at",
        "language",
        "answers",
    ]
    export_headings = {
        "event.starts_at": capfirst(_("event starts at")),
        "answers": capfirst(_("answers")),
    }
    export_filename = "registrations"
    panels = [
        FieldPanel("event", read_only=True),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("status", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("attended_at", read_only=True),
        admin_views.AnswersPanel(heading=_("Answers")),
    ]

    @cached_property
    def edit_handler(self):
        return ObjectList(self.panels, base_form_class=admin_forms.RegistrationAdminForm)

    def get_queryset(self, request):
        return Registration.objects.select_related("event")

    def get_index_view_kwargs(self, **kwargs):
        # People register on the event's page, which checks the seats.
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            check_in_url_name=self.get_url_name("check_in"),
            cancel_url_name=self.get_url_name("cancel"),
            **kwargs,
        )

    @property
    def check_in_view(self):
        return self.construct_view(admin_views.RegistrationCheckInView)

    @property
    def cancel_view(self):
        return self.construct_view(admin_views.RegistrationCancelView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("check-in/<int:pk>/", self.check_in_view, name="check_in"),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
        ]


class EventsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 170
    items = (EventViewSet, EventSeriesViewSet, VenueViewSet, RegistrationViewSet)

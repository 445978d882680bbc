"""Office-hour slots, bookings, engagements and languages in the admin.

Slots and bookings are made on the public site, where the services lock and
check them; here coordinators list, filter and export them, correct a place
or a link, keep notes, and cancel a booking (which emails both sides). Only
engagements, a coordinator's own decision, are added here."""

from django import forms
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ecosystem.admin.columns import date_column
from ecosystem.admin.exports import ExportIndexView
from ecosystem.admin.programmes import ProvinceDateTimeColumn

from ..models import Booking, Engagement, Language, OfficeHourSlot
from ..services import MentoringError, booking_cancel
from .approval import ConfirmActionView
from .filters import BookingFilterSet, EngagementFilterSet, SlotFilterSet


def province_time_column(name, label, accessor=None):
    return ProvinceDateTimeColumn(
        name, label=capfirst(label), sort_key=name, accessor=accessor or name
    )


class SlotViewSet(SnippetViewSet):
    model = OfficeHourSlot
    icon = "time"
    menu_label = gettext_lazy("Office hours")
    menu_order = 110
    index_view_class = ExportIndexView
    copy_view_enabled = False
    search_fields = ["mentor__user__full_name", "location"]
    search_backend_name = None
    filterset_class = SlotFilterSet
    ordering = "-starts_at"
    list_per_page = 50
    list_display = [
        "mentor",
        province_time_column("starts_at", gettext_lazy("starts at")),
        Column("minutes", label=capfirst(gettext_lazy("minutes"))),
        StatusTagColumn(
            "get_status_display",
            label=capfirst(gettext_lazy("status")),
            sort_key="status",
            primary=lambda slot: slot.status == OfficeHourSlot.Status.OPEN,
        ),
        Column(
            "location",
            label=capfirst(gettext_lazy("place")),
            accessor=lambda slot: slot.location or _("online"),
        ),
    ]
    list_export = [
        "mentor",
        "mentor.user.email",
        "starts_at",
        "ends_at",
        "minutes",
        "status",
        "location",
        "online_url",
        "created_at",
    ]
    export_headings = {
        "mentor.user.email": capfirst(gettext_lazy("email")),
        "minutes": capfirst(gettext_lazy("minutes")),
    }
    export_filename = "office-hour-slots"
    # Times and status change through the mentor's page and bookings, which check
    # overlaps and caps; the place or the link can be corrected here.
    panels = [
        FieldPanel("mentor", read_only=True),
        FieldRowPanel(
            [FieldPanel("starts_at", read_only=True), FieldPanel("ends_at", read_only=True)]
        ),
        FieldPanel("status", read_only=True),
        FieldPanel("location"),
        FieldPanel("online_url"),
    ]

    def get_queryset(self, request):
        return OfficeHourSlot.objects.select_related("mentor__user")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)


def booking_status_column():
    return StatusTagColumn(
        "get_status_display",
        label=capfirst(gettext_lazy("status")),
        sort_key="status",
        primary=lambda booking: booking.status in {Booking.Status.BOOKED, Booking.Status.COMPLETED},
    )


class BookingEditView(snippet_views.EditView):
    cancel_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.status == Booking.Status.BOOKED and self.user_has_permission("change"):
            buttons.append(
                HeaderButton(
                    _("Cancel booking"),
                    url=reverse(self.cancel_url_name, args=[quote(self.object.pk)]),
                    icon_name="circle-xmark",
                )
            )
        return buttons


class BookingCancelView(ConfirmActionView):
    """Cancel a booking for both sides, as they could themselves."""

    page_title = gettext_lazy("Cancel booking")
    header_icon = "circle-xmark"
    form_class = forms.Form
    submit_label = gettext_lazy("Yes, cancel and email both sides")
    submit_classname = "serious"

    queryset = Booking.objects.select_related("slot__mentor__user", "startup")

    def get_description(self):
        return _(
            "The mentor and the startup's members will get an email removing the session "
            "from their calendars. Up to 12 hours before, the slot is free again; later, "
            "it is recorded as cancelled late."
        )

    def form_valid(self, form):
        try:
            booking_cancel(booking=self.object, by=self.request.user)
        except MentoringError as error:
            messages.error(self.request, error.message)
        else:
            messages.success(self.request, _("The booking is cancelled; both sides are emailed."))
        return redirect(self.edit_url)


class BookingViewSet(SnippetViewSet):
    model = Booking
    icon = "date"
    menu_order = 120
    index_view_class = ExportIndexView
    edit_view_class = BookingEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_fields = ["startup__name", "slot__mentor__user__full_name"]
    search_backend_name = None
    filterset_class = BookingFilterSet
    ordering = "-slot__starts_at"
    list_per_page = 50
    list_display = [
        "startup",
        Column("mentor", label=capfirst(gettext_lazy("mentor")), accessor="slot.mentor"),
        province_time_column("slot__starts_at", gettext_lazy("session"), "slot.starts_at"),
        booking_status_column(),
        Column("rating", label=capfirst(gettext_lazy("rating")), sort_key="rating"),
        Column("no_show", label=capfirst(gettext_lazy("no-show")), accessor="get_no_show_display"),
    ]
    list_export = [
        "slot.mentor",
        "startup",
        "slot.starts_at",
        "slot.ends_at",
        "status",
        "agenda",
        "booked_by",
        "created_at",
        "cancelled_at",
        "notes",
        "follow_up_actions",
        "rating",
        "rating_comment",
        "no_show",
    ]
    export_headings = {
        "slot.mentor": capfirst(gettext_lazy("mentor")),
        "slot.starts_at": capfirst(gettext_lazy("starts at")),
        "slot.ends_at": capfirst(gettext_lazy("ends at")),
    }
    export_filename = "mentor-bookings"
    panels = [
        FieldPanel("slot", read_only=True),
        FieldPanel("startup", read_only=True),
        FieldPanel("booked_by", read_only=True),
        FieldPanel("agenda", read_only=True),
        FieldPanel("status", read_only=True),
        FieldPanel("notes"),
        FieldPanel("follow_up_actions"),
        FieldPanel("rating", read_only=True),
        FieldPanel("rating_comment", read_only=True),
        FieldPanel("no_show", read_only=True),
    ]

    def get_queryset(self, request):
        return Booking.objects.select_related("slot__mentor__user", "startup", "booked_by")

    def get_index_view_kwargs(self, **kwargs):
        # Startups book on the mentor's page, which checks the slot and the caps.
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            cancel_url_name=self.get_url_name("cancel_booking"), **kwargs
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "cancel-booking/<int:pk>/",
                self.construct_view(BookingCancelView, header_icon="circle-xmark"),
                name="cancel_booking",
            ),
        ]


class EngagementAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("An engagement cannot end before it starts."))
        return cleaned_data


class EngagementCreateView(snippet_views.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EngagementViewSet(SnippetViewSet):
    model = Engagement
    icon = "link"
    menu_order = 130
    index_view_class = ExportIndexView
    add_view_class = EngagementCreateView
    copy_view_enabled = False
    search_fields = ["startup__name", "mentor__user__full_name"]
    search_backend_name = None
    filterset_class = EngagementFilterSet
    ordering = "-starts_on"
    list_per_page = 50
    list_display = [
        "mentor",
        "startup",
        "programme",
        date_column("starts_on", gettext_lazy("from")),
        date_column("ends_on", gettext_lazy("until")),
    ]
    list_export = ["mentor", "startup", "programme", "starts_on", "ends_on", "created_by"]
    export_filename = "mentor-engagements"
    panels = [
        FieldPanel("mentor"),
        FieldPanel("startup"),
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    @cached_property
    def edit_handler(self):
        return ObjectList(self.panels, base_form_class=EngagementAdminForm)

    def get_queryset(self, request):
        return Engagement.objects.select_related("mentor__user", "startup", "programme")


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    menu_order = 150
    index_view_class = ExportIndexView
    copy_view_enabled = False
    search_fields = ["name", "name_en", "code"]
    search_backend_name = None
    ordering = "name"
    list_display = ["name", "name_en", "code"]
    list_export = ["code", "name", "name_en"]
    export_filename = "languages"
    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("name_en")]

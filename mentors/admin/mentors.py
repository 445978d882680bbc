"""Mentors in the admin: the list with each mentor's numbers, the inspect
screen, and the buttons and addresses of inviting, approving and declining
(whose screens are in approval)."""

from django import forms
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ecosystem.admin.organisations import SearchWithoutDiacriticsMixin

from .. import stats
from ..models import MentorProfile
from .approval import ApproveView, InviteView, RejectView
from .filters import MentorFilterSet
from .stats_columns import StatsExportMixin, stat_columns, stat_export_headings

STATUS = MentorProfile.Status


def mentor_status_column():
    return StatusTagColumn(
        "get_status_display",
        label=capfirst(gettext_lazy("status")),
        sort_key="status",
        primary=lambda mentor: mentor.status == STATUS.APPROVED,
    )


class MentorIndexView(SearchWithoutDiacriticsMixin, StatsExportMixin, snippet_views.IndexView):
    invite_url_name = None

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        # The title column: the person's name, sorted by it, with the row's actions.
        if field_name == "name":
            kwargs.update(
                label=capfirst(_("name")),
                accessor="user.get_full_name",
                sort_key="user__full_name",
            )
            return column_class("name", **kwargs)
        return super()._get_custom_column(field_name, column_class, **kwargs)

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            queryset = queryset.prefetch_related("expertise", "sectors__parent", "languages")
        return queryset

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.invite_url_name and self.user_has_permission("add"):
            buttons.append(
                HeaderButton(
                    _("Invite a mentor"), url=reverse(self.invite_url_name), icon_name="mail"
                )
            )
        return buttons


class MentorActionsMixin:
    """Approve and decline, at the top of a mentor's edit and inspect screens."""

    approve_url_name = None
    reject_url_name = None

    def mentor_action_buttons(self, mentor):
        if not self.user_has_permission("change"):
            return []
        pk = quote(mentor.pk)
        buttons = []
        if mentor.status != STATUS.APPROVED:
            buttons.append(
                HeaderButton(
                    _("Approve"),
                    url=reverse(self.approve_url_name, args=[pk]),
                    icon_name="circle-check",
                )
            )
        if mentor.status != STATUS.SUSPENDED:
            label = (
                _("Take out of public view") if mentor.status == STATUS.APPROVED else _("Decline")
            )
            buttons.append(
                HeaderButton(
                    label, url=reverse(self.reject_url_name, args=[pk]), icon_name="circle-xmark"
                )
            )
        return buttons

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *self.mentor_action_buttons(self.object)]


class MentorEditView(MentorActionsMixin, snippet_views.EditView):
    pass


class MentorInspectView(MentorActionsMixin, snippet_views.InspectView):
    """The profile, and its numbers over all time."""

    bookings_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(
            stats.mentors_with_stats(MentorProfile.objects.select_related("user")), pk=self.pk
        )

    def get_accepting_new_startups_display_value(self):
        return _("yes") if self.object.accepting_new_startups else _("no")

    def get_fields_context(self):
        fields = super().get_fields_context()
        labels = stats.LABELS["mentor"]
        numbers = [
            {
                "label": capfirst(labels[name]),
                "value": stats.stat_value(self.object, name, readable=True) or "0",
                "component": None,
            }
            for name in stats.STAT_NAMES
        ]
        return [*fields, *numbers]

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.bookings_url_name:
            url = f"{reverse(self.bookings_url_name)}?mentor={self.object.pk}"
            buttons.append(Button(_("Bookings"), url=url, icon_name="date", priority=30))
        return buttons


class MentorViewSet(SnippetViewSet):
    model = MentorProfile
    icon = "user"
    menu_order = 100
    index_view_class = MentorIndexView
    edit_view_class = MentorEditView
    inspect_view_class = MentorInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "status",
        "approved_at",
        "headline",
        "headline_en",
        "organisation_name",
        "job_title",
        "expertise",
        "sectors",
        "languages",
        "years_of_experience",
        "profile_url",
        "monthly_hours_cap",
        "accepting_new_startups",
    ]
    copy_view_enabled = False
    search_fields = ["search_document"]
    search_backend_name = None
    filterset_class = MentorFilterSet
    ordering = "user__full_name"
    list_per_page = 50
    list_display = [
        "name",
        mentor_status_column(),
        BooleanColumn(
            "accepting_new_startups",
            label=capfirst(gettext_lazy("accepting new startups")),
            sort_key="accepting_new_startups",
        ),
        *stat_columns("mentor"),
    ]
    list_export = [
        "user.get_full_name",
        "user.email",
        "status",
        "approved_at",
        "headline",
        "organisation_name",
        "job_title",
        "expertise",
        "sectors",
        "languages",
        "years_of_experience",
        "monthly_hours_cap",
        "accepting_new_startups",
        *stats.STAT_NAMES,
        "get_absolute_url",
    ]
    export_headings = {
        "user.get_full_name": capfirst(gettext_lazy("name")),
        "user.email": capfirst(gettext_lazy("email")),
        "get_absolute_url": capfirst(gettext_lazy("public address")),
        **stat_export_headings("mentor"),
    }
    export_filename = "mentors"

    @cached_property
    def edit_handler(self):
        return TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("user", read_only=True),
                        FieldPanel("slug"),
                        FieldPanel("photo"),
                        FieldPanel("headline"),
                        FieldPanel("headline_en"),
                        FieldPanel("bio"),
                        FieldPanel("bio_en"),
                        FieldPanel("organisation_name"),
                        FieldPanel("job_title"),
                        FieldPanel("years_of_experience"),
                        FieldPanel("profile_url"),
                    ],
                    heading=gettext_lazy("Profile"),
                ),
                ObjectList(
                    [
                        FieldPanel("expertise", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                    ],
                    heading=gettext_lazy("Expertise"),
                ),
                ObjectList(
                    [
                        FieldPanel("monthly_hours_cap"),
                        FieldPanel("accepting_new_startups"),
                        FieldPanel(
                            "status",
                            read_only=True,
                            help_text=gettext_lazy(
                                "Use Approve or Decline at the top of the page: the mentor "
                                "is emailed."
                            ),
                        ),
                        FieldPanel("approved_at", read_only=True),
                    ],
                    heading=gettext_lazy("Office hours and approval"),
                ),
            ]
        )

    def get_queryset(self, request):
        return stats.mentors_with_stats(MentorProfile.objects.select_related("user"))

    def get_index_view_kwargs(self, **kwargs):
        # A mentor is invited, and accepts with their own account; nothing to add here.
        return super().get_index_view_kwargs(
            add_url_name=None, invite_url_name=self.get_url_name("invite"), **kwargs
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            approve_url_name=self.get_url_name("approve"),
            reject_url_name=self.get_url_name("reject"),
            bookings_url_name="wagtailsnippets_mentors_booking:list",
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("invite/", self.construct_view(InviteView, header_icon="mail"), name="invite"),
            path(
                "approve/<int:pk>/",
                self.construct_view(ApproveView, header_icon="circle-check"),
                name="approve",
            ),
            path(
                "reject/<int:pk>/",
                self.construct_view(RejectView, header_icon="circle-xmark"),
                name="reject",
            ),
        ]

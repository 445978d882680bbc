"""Memberships and invitations in the admin: who belongs to which organisation, in
which role, and the invitations owners have sent from their accounts."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from ecosystem.admin.choosers import person_chooser_viewset
from ecosystem.admin.columns import date_column
from ecosystem.admin.exports import ExportIndexView
from ecosystem.admin.filters import InvitationFilterSet, MembershipFilterSet
from ecosystem.models import Invitation, Membership


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_order = 150
    index_view_class = ExportIndexView
    search_fields = ["user__email", "user__full_name", "organisation__name"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = MembershipFilterSet
    ordering = "organisation"
    list_display = [
        "user",
        Column("user.email", label=capfirst(_("email"))),
        "organisation",
        "role",
        "title",
        date_column("created_at", _("member since")),
    ]
    list_export = ["organisation", "user", "user.email", "role", "title", "created_at"]
    export_headings = {"user.email": capfirst(_("email"))}
    export_filename = "memberships"
    panels = [
        FieldPanel("organisation"),
        FieldPanel("user", widget=person_chooser_viewset.widget_class),
        FieldPanel("role"),
        FieldPanel("title"),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("organisation", "user")


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    menu_order = 160
    index_view_class = ExportIndexView
    search_fields = ["email", "organisation__name"]
    search_backend_name = None
    copy_view_enabled = False
    filterset_class = InvitationFilterSet
    ordering = "-created_at"
    list_display = [
        "email",
        "organisation",
        "invited_by",
        date_column("created_at", _("sent")),
        date_column("accepted_at", _("accepted")),
        date_column("revoked_at", _("withdrawn")),
    ]
    list_export = ["email", "organisation", "invited_by", "created_at", "accepted_at", "revoked_at"]
    export_filename = "invitations"
    panels = [
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("invited_by", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("accepted_by", read_only=True),
        FieldPanel("accepted_at", read_only=True),
        FieldPanel(
            "revoked_at",
            help_text=_("Set a date to withdraw the invitation: its link stops working."),
        ),
    ]

    def get_queryset(self, request):
        return Invitation.objects.select_related("organisation", "invited_by")

    def get_index_view_kwargs(self, **kwargs):
        # Owners send invitations from their account, which emails the link; one
        # added here would reach nobody.
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)

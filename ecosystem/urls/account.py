"""Self-service for members: /account/organisations/..."""

from django.urls import path

from ecosystem.views import members, offers, organisations

app_name = "organisations"

urlpatterns = [
    path("register/<slug:kind>/", organisations.register, name="register"),
    path("invitations/<str:token>/", members.invitation, name="invitation"),
    path("<int:pk>/edit/", organisations.edit, name="edit"),
    path("<int:pk>/members/", members.members, name="members"),
    path("<int:pk>/members/invite/", members.invite, name="invite"),
    path(
        "<int:pk>/members/<int:membership_pk>/remove/",
        members.member_remove,
        name="member_remove",
    ),
    path(
        "<int:pk>/members/<int:membership_pk>/make-owner/",
        members.ownership_transfer,
        name="ownership_transfer",
    ),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/withdraw/",
        members.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("<int:pk>/offers/", offers.offers, name="offers"),
    path("<int:pk>/offers/new/", offers.offer_form, name="offer_add"),
    path("<int:pk>/offers/<int:offer_pk>/", offers.offer_form, name="offer_edit"),
    path("<int:pk>/offers/<int:offer_pk>/delete/", offers.offer_delete, name="offer_delete"),
]

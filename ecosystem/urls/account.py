"""Self-service for members: /account/organisations/..."""

from django.urls import path

from ecosystem.views import account as views

app_name = "organisations"

urlpatterns = [
    path("register/<slug:kind>/", views.register, name="register"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/members/", views.members, name="members"),
    path("<int:pk>/members/invite/", views.invite, name="invite"),
    path(
        "<int:pk>/members/<int:membership_pk>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "<int:pk>/members/<int:membership_pk>/make-owner/",
        views.ownership_transfer,
        name="ownership_transfer",
    ),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("<int:pk>/offers/", views.offers, name="offers"),
    path("<int:pk>/offers/new/", views.offer_form, name="offer_add"),
    path("<int:pk>/offers/<int:offer_pk>/", views.offer_form, name="offer_edit"),
    path("<int:pk>/offers/<int:offer_pk>/delete/", views.offer_delete, name="offer_delete"),
]

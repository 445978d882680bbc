"""Mentors: /mentors/... (DESIGN.md §5). Fixed paths come before `<slug>/`,
so a mentor's slug never hides them."""

from django.urls import path

from . import invitations, views

app_name = "mentors"

urlpatterns = [
    path("", views.mentor_list, name="list"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("me/profile/", invitations.profile_edit, name="profile_edit"),
    path("me/slots/", views.my_slots, name="my_slots"),
    path("me/slots/<int:pk>/withdraw/", views.slot_withdraw, name="slot_withdraw"),
    path("invitations/<str:token>/", invitations.accept, name="invitation"),
    path("bookings/<int:pk>/", views.booking, name="booking"),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/notes/", views.booking_notes, name="booking_notes"),
    path("bookings/<int:pk>/rating/", views.booking_rate, name="booking_rate"),
    path("bookings/<int:pk>/no-show/", views.booking_no_show, name="booking_no_show"),
    path("<slug:slug>/", views.profile, name="profile"),
    path("<slug:slug>/book/<int:slot_pk>/", views.book, name="book"),
]

"""Mentors: /mentors/... (DESIGN.md §5)."""

from django.urls import path

from . import invitations, views

app_name = "mentors"

urlpatterns = [
    path("invitations/<str:token>/", invitations.accept, name="invitation"),
    path("bookings/<int:pk>/", views.booking, name="booking"),
    path("<slug:slug>/", views.profile, name="profile"),
]

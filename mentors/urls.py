"""Mentors: /mentors/... (DESIGN.md §5)."""

from django.urls import path

from . import views

app_name = "mentors"

urlpatterns = [
    path("bookings/<int:pk>/", views.booking, name="booking"),
    path("<slug:slug>/", views.profile, name="profile"),
]

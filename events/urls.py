"""Public event pages: /events/... (DESIGN.md §5)."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("r/<str:token>/", views.manage, name="manage"),
    path("<slug:slug>/", views.detail, name="detail"),
]

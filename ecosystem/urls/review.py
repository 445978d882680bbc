"""The advisory council: /review/... (reviewers see only what is assigned to them)."""

from django.urls import path

from ecosystem.views import review as views

app_name = "review"

urlpatterns = [
    path("", views.index, name="index"),
]

"""The advisory council: /review/... (reviewers see only what is assigned to them)."""

from django.urls import path

from ecosystem.views import review as views

app_name = "review"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/declare/", views.declare, name="declare"),
    path("<int:pk>/recuse/", views.recuse, name="recuse"),
]

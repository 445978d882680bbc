"""Applicants: /account/applications/... (organisation members)."""

from django.urls import path

from ecosystem.views import applications as views

app_name = "applications"

urlpatterns = [
    # Linked from the call pages: start (or resume) this organisation's application.
    path("new/<int:call_pk>/<int:organisation_pk>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
]

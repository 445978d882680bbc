"""Applicants: /account/applications/... (organisation members)."""

from django.urls import path

from ecosystem.views import applications as views

app_name = "applications"

urlpatterns = [
    # Linked from the call pages: start (or resume) this organisation's application.
    path("new/<int:call_pk>/<int:organisation_pk>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    # Members, coordinators and the reviewers who may see the application; 404 for others.
    path("<int:pk>/files/<int:file_pk>/", views.download, name="file"),
]

"""Public event pages: /events/... (DESIGN.md §5). Fixed paths come before
<slug>, so an event cannot hide them."""

from django.urls import include, path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("", include("events.urls_checkin")),
    path("", views.event_list, name="list"),
    path("calendar/", views.event_calendar, name="calendar"),
    path("feed.ics", feeds.public_feed, name="feed"),
    path("feed/<str:secret>.ics", feeds.personal_feed, name="personal_feed"),
    path("my-calendar/new-address/", views.personal_feed_renew, name="personal_feed_renew"),
    path("r/<str:token>/", views.manage, name="manage"),
    path("r/<str:token>/confirm/", views.confirm, name="confirm"),
    path("r/<str:token>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>.ics", feeds.event_ics, name="ics"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/registered/", views.registered, name="registered"),
]

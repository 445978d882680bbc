"""Check-in at the door (coordinators): included by events.urls, inside the
`events` namespace. The QR code on a person's manage page encodes the address
of `check_in_qr` for their token."""

from django.urls import path

from . import views_checkin

urlpatterns = [
    path("r/<str:token>/check-in/", views_checkin.check_in_by_code, name="check_in_qr"),
    path("<slug:slug>/check-in/", views_checkin.check_in, name="check_in"),
]

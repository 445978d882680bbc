"""What events add to /account/: the person's registrations and their private
calendar address."""

from django.urls import reverse
from django.utils import timezone

from . import selectors
from .models import CalendarFeed


def my_events(request):
    user = request.user
    if not user.is_authenticated:
        return None
    feed = CalendarFeed.objects.filter(user=user).first()
    feed_path = reverse("events:personal_feed", kwargs={"secret": feed.secret}) if feed else ""
    return {
        **selectors.account_registrations(user, timezone.now()),
        "calendar_feed": feed,
        "feed_url": request.build_absolute_uri(feed_path) if feed else "",
        "feed_path": feed_path,
    }

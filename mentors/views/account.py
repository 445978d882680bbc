"""What mentoring adds to /account/: the person's sessions, as a founder and
as a mentor."""

from django.utils import timezone

from .. import selectors


def my_mentoring(request) -> dict | None:
    """Left out for people who neither mentor nor belong to a startup."""
    user = request.user
    if not user.is_authenticated:
        return None
    roles = selectors.account_roles(user)
    if not (roles["is_mentor"] or roles["in_startup"]):
        return None
    return {**selectors.account_bookings(user, timezone.now()), **roles, "user": user}

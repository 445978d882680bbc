"""What the registry, applications and reviews add to /account/."""

from django.contrib.auth.models import Group

from .models import Review
from .selectors_applications import applications_for_member


def organisations(request):
    memberships = request.user.memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    return {"memberships": memberships}


def applications(request):
    return {"applications": applications_for_member(request.user)}


def reviews(request):
    """Only for council members and people with reviews to do."""
    user = request.user
    open_reviews = Review.objects.filter(
        reviewer=user, status__in=[Review.Status.ASSIGNED, Review.Status.DRAFT]
    ).count()
    in_council = Group.objects.filter(name="Council members", user=user).exists()
    if not in_council and not open_reviews and not user.reviews.exists():
        return None
    return {"open_reviews": open_reviews}

"""What the registry, applications and reviews add to /account/."""

from django.db.models import Count, Q

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
    """Only for council members and people who have reviews."""
    user = request.user
    counts = Review.objects.filter(reviewer=user).aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status__in=[Review.Status.ASSIGNED, Review.Status.DRAFT])),
    )
    if not counts["total"] and not user.groups.filter(name="Council members").exists():
        return None
    return {"open_reviews": counts["open"]}

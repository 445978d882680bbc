"""The public side: the mentor directory, a mentor's profile with free slots,
and suggested mentors for a startup."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import selectors
from ..filters import MentorFilterSet
from ..forms import SuggestionsForm
from ..matching import suggest_mentors
from ..models import MentorProfile

PAGE_SIZE = 20
SUGGESTIONS = 10


def crumbs(*, directory: bool = True) -> list:
    items = [(_("Home"), reverse("wagtail_serve", args=[""]))]
    if directory:
        items.append((_("Mentors"), reverse("mentors:list")))
    return items


def own_profile(user) -> MentorProfile | None:
    if not user.is_authenticated:
        return None
    return MentorProfile.objects.filter(user=user).first()


def mentor_list(request):
    """Approved mentors, filtered and paginated."""
    now = timezone.now()
    filterset = MentorFilterSet(request.GET, queryset=selectors.mentor_directory(now))
    # get_page turns "abc", -1 and 99999 into the first or the last page.
    page_obj = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "mentors/mentor_list.html",
        {
            "title": _("Mentors"),
            "filter": filterset,
            "page_obj": page_obj,
            "query": query.urlencode(),
            "crumbs": crumbs(directory=False),
            "own_profile": own_profile(request.user),
        },
    )


def profile(request, slug):
    """An approved mentor's profile and free slots of the next four weeks;
    anything else is a 404."""
    mentor = selectors.mentor_profile(slug)
    if mentor is None:
        raise Http404
    now = timezone.now()
    slots = list(selectors.upcoming_free_slots(mentor, now))
    startups = selectors.member_startups(request.user)
    return render(
        request,
        "mentors/mentor_detail.html",
        {
            "mentor": mentor,
            "days": selectors.slots_by_day(slots),
            "slot_count": len(slots),
            "startups": startups,
            "can_book": any(startup.is_public for startup in startups),
            "is_self": request.user.is_authenticated and mentor.user_id == request.user.pk,
            "crumbs": crumbs(),
        },
    )


@login_required
def suggestions(request):
    """Mentors suggested for one of the person's startups, best first, with the
    reasons. Only members of the startup see its suggestions."""
    startups = selectors.member_startups(request.user)
    asked = request.GET.get("startup", "")
    if asked and not any(str(startup.pk) == asked for startup in startups):
        raise Http404
    context = {
        "title": _("Mentors for your startup"),
        "crumbs": crumbs(),
        "startups": startups,
    }
    if not startups:
        return render(request, "mentors/suggestions.html", context)

    form = SuggestionsForm(request.GET or None, startups=startups)
    startup, needs = startups[0], []
    if form.is_bound:
        form.is_valid()
        startup = form.cleaned_data.get("startup") or startup
        needs = list(form.cleaned_data.get("needs") or [])
    if len(startups) == 1:
        form.initial["startup"] = startup.pk
    found = suggest_mentors(
        startup=startup, needs=needs, language=get_language(), now=timezone.now(), limit=SUGGESTIONS
    )
    selectors.photos_for([suggestion.mentor for suggestion in found])
    context.update(
        form=form,
        startup=startup,
        needs=needs,
        suggestions=found,
        can_book=startup.is_public,
    )
    return render(request, "mentors/suggestions.html", context)

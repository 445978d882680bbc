from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from .forms import ProfileForm


@login_required
def profile(request):
    """The signed-in person's page: their details and their organisations;
    applications, events and bookings as those parts of the portal arrive."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
        return redirect(translate_url(request.path, user.preferred_language))
    memberships = request.user.memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    return render(request, "accounts/profile.html", {"form": form, "memberships": memberships})

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .sections import render_account_sections


@login_required
def profile(request):
    """The signed-in person's page: their details, then what the other apps
    register (organisations, applications, reviews, events, bookings)."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
        return redirect(translate_url(request.path, user.preferred_language))
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "sections": render_account_sections(request)},
    )

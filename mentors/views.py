"""Mentor pages."""

from django.http import Http404


def profile(request, slug):
    raise Http404


def booking(request, pk):
    raise Http404

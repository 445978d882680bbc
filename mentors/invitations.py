"""Coordinators invite mentors by email; the link signs the person up or in and
starts a profile for approval."""

from django.http import Http404


def accept(request, token):
    raise Http404

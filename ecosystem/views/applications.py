"""Applying to calls (organisation members)."""

from django.http import Http404


def start(request, call_pk, organisation_pk):
    raise Http404


def detail(request, pk):
    raise Http404

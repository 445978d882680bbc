"""The council's reviews on the public site."""

from django.http import Http404


def index(request):
    raise Http404

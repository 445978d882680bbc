"""/search/: one results page over pages, documents, the directory, events and
mentors, grouped by kind."""

from django.http import HttpResponse


def search(request):
    return HttpResponse("")

"""robots.txt and the sitemap."""

from django.http import HttpResponse


def robots_txt(request):
    return HttpResponse("User-agent: *\nDisallow:\n", content_type="text/plain; charset=utf-8")

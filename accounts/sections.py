"""Sections of the /account/ page contributed by other apps.

accounts sits below every domain app, so it cannot import them; each app
registers what it shows there (organisations, applications, reviews, event
registrations, bookings) from its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string


@dataclass(frozen=True)
class AccountSection:
    name: str
    template: str
    # Returns the section's template context, or None to leave the section out.
    context: Callable[[HttpRequest], dict | None]
    order: int = 100


_sections: dict[str, AccountSection] = {}


def register_account_section(
    name: str,
    *,
    template: str,
    context: Callable[[HttpRequest], dict | None],
    order: int = 100,
) -> None:
    _sections[name] = AccountSection(name, template, context, order)


def render_account_sections(request: HttpRequest) -> list[str]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.name)):
        context = section.context(request)
        if context is not None:
            rendered.append(render_to_string(section.template, context, request=request))
    return rendered

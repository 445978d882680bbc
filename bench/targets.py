"""The URLs the bench measures. Each issue that adds public pages registers them here.

A target's path may be a callable, called after seeding, for URLs that depend on
the data (a detail page's slug, say).
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    name: str
    path: str | Callable[[], str]
    method: str = "GET"
    data: dict = field(default_factory=dict)
    # Sign this user in first (by email); None for an anonymous visitor.
    user_email: str | None = None
    expected_status: int = 200

    def resolve_path(self) -> str:
        return self.path() if callable(self.path) else self.path


TARGETS = [
    Target("home (vi)", "/"),
    Target("home (en)", "/en/"),
    Target("login", "/account/login/"),
    Target("sign-up", "/account/signup/"),
    Target("my account", "/account/", user_email="founder@example.com"),
]

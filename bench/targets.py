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


def first_startup_profile() -> str:
    """The profile of the first verified startup by name (the data differs by tier)."""
    from ecosystem.models import Startup

    startup = Startup.objects.public().order_by("name", "pk").only("kind", "slug").first()
    return startup.get_absolute_url()


# The public directory (issue 3). Page 100 is past the end at tier demo and
# shows the last page there.
TARGETS += [
    Target("directory: startups", "/directory/startups/"),
    Target(
        "directory: startups by sector and area",
        "/directory/startups/?sector=nong-nghiep&area=rach-gia",
    ),
    Target("directory: startup search", "/directory/startups/?q=nuoi+tom"),
    Target("directory: startups page 100", "/directory/startups/?page=100"),
    Target("directory: startup profile", first_startup_profile),
]

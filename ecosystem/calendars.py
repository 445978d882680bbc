"""The registry behind a person's private calendar feed.

The feed is served by the events app; the mentors app adds the person's
bookings. Those two apps do not import each other, so both meet here, in the
core they may both import.
"""

from collections.abc import Callable

import icalendar

PersonalFeedSource = Callable[[object], list[icalendar.Event]]
_personal_sources: list[PersonalFeedSource] = []


def register_personal_feed_source(source: PersonalFeedSource) -> None:
    """Add components to every person's private feed: `source(user)` returns
    icalendar Events (each with a stable UID, DTSTAMP and LAST-MODIFIED, and
    no private links). Registering the same callable twice adds it once."""
    if source not in _personal_sources:
        _personal_sources.append(source)


def personal_feed_components(user) -> list[icalendar.Event]:
    components = []
    for source in _personal_sources:
        components.extend(source(user))
    return components

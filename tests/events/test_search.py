import pytest

from ecosystem.search import search
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_events_are_found_without_diacritics_on_either_database():
    wanted = EventFactory(title="Hội thảo khởi nghiệp du lịch")
    EventFactory(title="Tập huấn sở hữu trí tuệ")
    assert list(search(Event.objects.all(), "khoi nghiep")) == [wanted]

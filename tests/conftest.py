import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached fragments live in the cache; no test inherits another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request leaves its language active in the thread, so code called
    # directly would speak whatever the previous test's last request spoke.
    # Start every test in English, the language of the source strings; tests
    # of Vietnamese output say so (a vi URL, or translation.override("vi")).
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Tests create many users; the real hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploads and renditions from a test never land in the project's media folder.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def user_factory(db):
    return UserFactory


def pytest_collection_modifyitems(config, items):
    """Every transactional test keeps the migrations' data (serialized rollback).

    A transactional test without it ends in a flush that re-creates content
    types with new ids; the next test that restores the serialized data then
    inserts them a second time and fails on PostgreSQL."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )

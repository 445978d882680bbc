import pytest
from django.contrib.auth.models import Group

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, user_factory):
    client.force_login(user_factory(is_staff=True, is_superuser=True))
    return client


def test_admin_creates_a_user_with_one_full_name(admin_client):
    form = admin_client.get("/admin/users/new/")
    assert form.status_code == 200
    assert 'name="full_name"' in form.content.decode()
    assert 'name="first_name"' not in form.content.decode()

    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "can-bo@example.com",
            "full_name": "Đặng Thị Phương",
            "preferred_language": "vi",
            "password1": "Sen-hong-Dong-Thap-2026",
            "password2": "Sen-hong-Dong-Thap-2026",
            "groups": [Group.objects.get(name="Coordinators").pk],
        },
    )
    assert response.status_code == 302
    created = User.objects.get(email="can-bo@example.com")
    assert created.full_name == "Đặng Thị Phương"
    assert created.groups.filter(name="Coordinators").exists()


def test_admin_edits_a_user(admin_client, user):
    page = admin_client.get(f"/admin/users/edit/{user.pk}/")
    assert page.status_code == 200
    response = admin_client.post(
        f"/admin/users/edit/{user.pk}/",
        {
            "email": user.email,
            "full_name": "Tên đã sửa",
            "preferred_language": "en",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Tên đã sửa", "en")


def test_admin_user_list_shows_full_names(admin_client, user):
    response = admin_client.get("/admin/users/")
    assert response.status_code == 200
    assert user.full_name in response.content.decode()

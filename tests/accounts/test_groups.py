import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

pytestmark = pytest.mark.django_db


def image_policy():
    Image = get_image_model()
    return CollectionOwnershipPermissionPolicy(
        Image, auth_model=Image, owner_field_name="uploaded_by_user"
    )


def document_policy():
    Document = get_document_model()
    return CollectionOwnershipPermissionPolicy(
        Document, auth_model=Document, owner_field_name="uploaded_by_user"
    )


def test_the_four_roles_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Coordinators", "Editors", "Council members", "Mentors"} <= names


def test_editors_write_pages_and_images_only(user_factory):
    editor = user_factory(groups=["Editors"])
    home = Page.objects.get(depth=2, locale__language_code="vi")
    permissions = home.permissions_for_user(editor)

    assert editor.has_perm("wagtailadmin.access_admin")
    # No page type may be added under the home page yet, so ask the policy.
    assert PagePermissionPolicy().user_has_permission_for_instance(editor, "add", home)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert image_policy().user_has_permission(editor, "add")
    assert not document_policy().user_has_permission(editor, "add")
    assert not editor.has_perm("accounts.change_user")


def test_coordinators_publish_and_manage_documents_and_site_settings(user_factory, client):
    coordinator = user_factory(groups=["Coordinators"])
    home = Page.objects.get(depth=2, locale__language_code="vi")

    assert home.permissions_for_user(coordinator).can_publish()
    assert document_policy().user_has_permission(coordinator, "add")
    client.force_login(coordinator)
    assert client.get("/admin/settings/cms/sitesettings/").status_code in {200, 302}
    response = client.get("/admin/settings/cms/sitesettings/", follow=True)
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["Council members", "Mentors"])
def test_council_members_and_mentors_have_no_admin(user_factory, role):
    person = user_factory(groups=[role])
    assert not person.has_perm("wagtailadmin.access_admin")

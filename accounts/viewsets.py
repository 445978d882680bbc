from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import User

PERSON_FIELDS = ["email", "full_name", "preferred_language", "is_superuser", "groups"]


# Wagtail's forms declare first and last names; our user has one full name.
class InnohubUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = PERSON_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}


class InnohubUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = [*PERSON_FIELDS, "is_active"]
        widgets = {"groups": forms.CheckboxSelectMultiple}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return InnohubUserEditForm if for_update else InnohubUserCreationForm

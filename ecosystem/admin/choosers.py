"""The choosers of the registry's admin: the modals in which coordinators pick an
organisation (of one kind, or of any kind) or a person, with a search box that
ignores Vietnamese diacritics and the columns that tell similar names apart."""

from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as generic_chooser
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser

from accounts.models import User
from ecosystem.admin.columns import kind_column, status_column
from ecosystem.admin.forms import PersonChooserFilterForm, SearchChooserFilterForm
from ecosystem.models import Membership, Organisation


class SearchableChooserMixin:
    """Choosing among ten thousand startups needs a search box (Wagtail's only
    appears for models in its search index) and the verification state."""

    filter_form_class = SearchChooserFilterForm
    extra_columns = ()

    @property
    def columns(self):
        return [*super().columns, *(make() for make in self.extra_columns)]


class SearchableChooseView(SearchableChooserMixin, snippet_chooser.ChooseView):
    extra_columns = (status_column,)


class SearchableChooseResultsView(SearchableChooserMixin, snippet_chooser.ChooseResultsView):
    extra_columns = (status_column,)


class OrganisationChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = SearchableChooseView
    choose_results_view_class = SearchableChooseResultsView


class PersonChooseViewMixin:
    """People's email addresses are for coordinators, who manage memberships."""

    filter_form_class = PersonChooserFilterForm

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(Membership)
        if not policy.user_has_any_permission(request.user, ["add", "change"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return User.objects.filter(is_active=True).order_by("email")

    @property
    def columns(self):
        return [*super().columns, Column("email", label=capfirst(_("email")))]


class PersonChooseView(PersonChooseViewMixin, generic_chooser.ChooseView):
    pass


class PersonChooseResultsView(PersonChooseViewMixin, generic_chooser.ChooseResultsView):
    pass


person_chooser_viewset = ChooserViewSet(
    "ecosystem_person_chooser",
    model=User,
    url_prefix="ecosystem/choose-person",
    icon="user",
    choose_one_text=_("Choose a person"),
    choose_another_text=_("Choose another person"),
    choose_view_class=PersonChooseView,
    choose_results_view_class=PersonChooseResultsView,
    # Only where memberships are edited, not for every user field in the admin.
    register_widget=False,
)


class RegistryChooseView(SearchableChooserMixin, generic_chooser.ChooseView):
    extra_columns = (kind_column, status_column)


class RegistryChooseResultsView(SearchableChooserMixin, generic_chooser.ChooseResultsView):
    extra_columns = (kind_column, status_column)


organisation_chooser_viewset = ChooserViewSet(
    "ecosystem_organisation_chooser",
    model=Organisation,
    url_prefix="ecosystem/choose-organisation",
    icon="pick",
    choose_one_text=_("Choose an organisation"),
    choose_another_text=_("Choose another organisation"),
    choose_view_class=RegistryChooseView,
    choose_results_view_class=RegistryChooseResultsView,
)

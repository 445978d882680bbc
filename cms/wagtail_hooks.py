"""The CMS's lists in the Wagtail admin: official documents with their issuing
bodies, and news categories, under one Publishing menu."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.search.backends import get_search_backend
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.filters import DocumentAdminFilterSet
from cms.models import IssuingBody, NewsCategory, OfficialDocument
from ecosystem.search import normalize


class DocumentTypeColumn(Column):
    def get_value(self, instance):
        return capfirst(instance.get_doc_type_display())


class OfficialDocumentIndexView(IndexView):
    """The search box matches as people type, ignoring case and diacritics
    (the index holds each document's normalised text)."""

    def search_queryset(self, queryset):
        words = normalize(self.search_query)
        if not words:
            return queryset
        return get_search_backend().autocomplete(
            words, queryset, operator="and", order_by_relevance=not self.is_explicitly_ordered
        )


class OfficialDocumentViewSet(SnippetViewSet):
    model = OfficialDocument
    icon = "doc-full"
    index_view_class = OfficialDocumentIndexView
    filterset_class = DocumentAdminFilterSet
    ordering = ["-date_issued", "-pk"]
    list_per_page = 50
    list_display = [
        "number",
        "title",
        DocumentTypeColumn("doc_type", label=capfirst(_("type")), sort_key="doc_type"),
        "issuing_body",
        "date_issued",
    ]
    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
        FieldRowPanel([FieldPanel("issuing_body", widget=forms.Select), FieldPanel("date_issued")]),
        FieldPanel("document"),
        MultiFieldPanel([FieldPanel("title"), FieldPanel("summary")], heading=_("Vietnamese")),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("summary_en")],
            heading=_("English"),
            help_text=_(
                "Readers of the English site see the Vietnamese text when these are empty."
            ),
        ),
    ]

    def get_queryset(self, request):
        return OfficialDocument.objects.select_related("issuing_body")


class NamedListViewSet(SnippetViewSet):
    """A short list of names in both languages, with a slug for addresses."""

    search_fields = ["name", "name_en", "slug"]
    search_backend_name = None
    copy_view_enabled = False
    list_display = ["name", "name_en", "slug"]
    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]


class IssuingBodyViewSet(NamedListViewSet):
    model = IssuingBody
    icon = "group"


class NewsCategoryViewSet(NamedListViewSet):
    model = NewsCategory
    icon = "tag"


class PublishingViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Publishing")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (OfficialDocumentViewSet, IssuingBodyViewSet, NewsCategoryViewSet)


@hooks.register("register_admin_viewset")
def register_publishing_viewsets():
    return PublishingViewSetGroup()

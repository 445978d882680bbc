"""Official documents (văn bản): plans, decisions, guidelines… with their number,
date, issuing body and file, listed on the documents page."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.search import search_text


class IssuingBody(models.Model):
    name = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["name"]

    def __str__(self):
        return self.name_en if get_language() == "en" and self.name_en else self.name


class OfficialDocument(index.Indexed, models.Model):
    class Type(models.TextChoices):
        PLAN = "plan", _("plan")
        DECISION = "decision", _("decision")
        RESOLUTION = "resolution", _("resolution")
        DIRECTIVE = "directive", _("directive")
        CIRCULAR = "circular", _("circular")
        GUIDELINE = "guideline", _("guideline")
        NOTICE = "notice", _("notice")
        OFFICIAL_LETTER = "official_letter", _("official letter")
        REPORT = "report", _("report")

    number = models.CharField(
        _("number"), max_length=60, help_text=_("As written on the document, e.g. 44/KH-UBND.")
    )
    title = models.CharField(_("title (Vietnamese)"), max_length=400)
    title_en = models.CharField(_("title (English)"), max_length=400, blank=True)
    doc_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    date_issued = models.DateField(_("date issued"))
    summary = models.TextField(_("summary (Vietnamese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("search_text"),
        index.SearchField("number"),
        # For the admin list's search box, which matches as people type.
        index.AutocompleteField("search_text"),
        # Filters, and the admin list's sortable columns.
        index.FilterField("number"),
        index.FilterField("title"),
        index.FilterField("doc_type"),
        index.FilterField("issuing_body"),
        index.FilterField("date_issued"),
    ]

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["-date_issued", "-pk"]
        indexes = [models.Index(fields=["doc_type", "-date_issued"], name="document_type_date")]

    def __str__(self):
        return f"{self.number} · {self.localized('title')}"

    def localized(self, field: str) -> str:
        english = getattr(self, f"{field}_en", "")
        return english if get_language() == "en" and english else getattr(self, field)

    def search_text(self) -> str:
        return search_text(self.number, self.title, self.title_en, self.summary, self.summary_en)

    def fallback_language(self, field: str) -> str:
        """The `lang` attribute for `field`: "vi" when an English reader is shown
        the Vietnamese text because there is no English one, else ""."""
        if get_language() == "en" and getattr(self, field) and not getattr(self, f"{field}_en"):
            return "vi"
        return ""

    @property
    def title_lang(self) -> str:
        return self.fallback_language("title")

    @property
    def summary_lang(self) -> str:
        return self.fallback_language("summary")

    @classmethod
    def for_listing(cls):
        """Documents with what a row of the documents page shows, newest first."""
        return cls.objects.select_related("issuing_body", "document").order_by(
            "-date_issued", "-pk"
        )


class DocumentIndexPage(Page):
    """The official documents, filterable by type, year and issuing body, searchable."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    PAGE_SIZE = 20

    class Meta:
        verbose_name = _("documents page")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the filters module imports these models.
        from cms.filters import DocumentFilterSet

        context = super().get_context(request, *args, **kwargs)
        filterset = DocumentFilterSet(request.GET, queryset=OfficialDocument.for_listing())
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=filterset,
            # get_page turns "abc", -1 and 99999 into the first or the last page.
            page_obj=Paginator(filterset.qs, self.PAGE_SIZE).get_page(request.GET.get("page")),
            query=query.urlencode(),
        )
        return context

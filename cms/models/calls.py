"""Calls for applications: the index of calls and one page per call. The call's
dates, eligibility and Apply buttons come from the `ecosystem.Call` it links to."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.feeds import CallAtomFeed, CallRssFeed
from ecosystem.models import Call, Criterion, Programme
from ecosystem.services.calls import call_applicant_choices, call_detail


class CallFilterForm(forms.Form):
    """The filters of the calls page, read from the query string. A value that
    cannot be used is reported next to its field and left out."""

    LEFT_OUT = {"invalid_choice": _("This is not one of the choices, so this filter was left out.")}

    kind = forms.ChoiceField(
        label=_("Kind of programme"),
        required=False,
        choices=[("", _("All kinds"))]
        + [(value, capfirst(label)) for value, label in Programme.Kind.choices],
        error_messages=LEFT_OUT,
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states"))]
        + [(value, capfirst(label)) for value, label in Call.State.choices],
        error_messages=LEFT_OUT,
    )

    def clean_value(self, name: str) -> str:
        # The fields that are fine still filter when another one is not.
        self.is_valid()
        return self.cleaned_data.get(name, "")

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


class CallIndexPage(RoutablePageMixin, Page):
    """The list of calls at /calls/: its children, one CallPage per call; with
    RSS (feed/) and Atom (feed/atom/) feeds (cms.feeds)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CallPage"]
    max_count_per_parent = 1

    PAGE_SIZE = 20

    class Meta:
        verbose_name = _("calls page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        form = CallFilterForm(request.GET)
        pages = self.call_pages(
            now=now, kind=form.clean_value("kind"), state=form.clean_value("state")
        )
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            now=now,
            filter_form=form,
            page_obj=Paginator(pages, self.PAGE_SIZE).get_page(request.GET.get("page")),
            query=query.urlencode(),
        )
        return context

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return CallRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return CallAtomFeed(self)(request)

    def call_pages(self, *, now, kind: str = "", state: str = ""):
        """Live call pages below this one: open calls first, closing soonest; then
        upcoming ones, opening soonest; then closed ones, the latest first."""
        is_open = Q(call__opens_at__lte=now, call__closes_at__gt=now)
        is_upcoming = Q(call__opens_at__gt=now)
        pages = (
            CallPage.objects.child_of(self)
            .live()
            .select_related("locale", "call__programme")
            .annotate(
                state_rank=Case(
                    When(is_open, then=Value(0)), When(is_upcoming, then=Value(1)), default=Value(2)
                ),
                next_date=Case(
                    When(is_open, then=F("call__closes_at")),
                    When(is_upcoming, then=F("call__opens_at")),
                    default=None,
                    output_field=models.DateTimeField(),
                ),
            )
            .order_by("state_rank", "next_date", "-call__closes_at", "pk")
        )
        if kind:
            pages = pages.filter(call__programme__kind=kind)
        if state == Call.State.OPEN:
            pages = pages.filter(is_open)
        elif state == Call.State.UPCOMING:
            pages = pages.filter(is_upcoming)
        elif state == Call.State.CLOSED:
            pages = pages.filter(call__closes_at__lte=now)
        return pages


class CallPage(Page):
    """The public page of one call. Everything about the call itself (dates,
    who may apply, questions, criteria, the Apply buttons) comes from the Call;
    the page adds its introduction. The Vietnamese page and its English
    translation point at the same call."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("Context for applicants. Dates, eligibility and the form come from the call."),
    )

    content_panels = [*Page.content_panels, FieldPanel("call"), FieldPanel("intro")]

    parent_page_types = ["cms.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call page")

    def clean(self):
        super().clean()
        if self.call_id and self.locale_id:
            others = CallPage.objects.filter(call_id=self.call_id, locale_id=self.locale_id)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError({"call": _("This call has a page in this language already.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        call = call_detail(pk=self.call_id)
        state = call.state_at(now)
        choices = call_applicant_choices(call=call, user=request.user)
        if state == Call.State.CLOSED:
            # Past the deadline only an application already made is worth a line.
            choices = [choice for choice in choices if choice.application]
        criteria = list(Criterion.objects.filter(call=call).order_by("sort_order", "pk"))
        total_weight = sum(criterion.weight for criterion in criteria)
        for criterion in criteria:
            criterion.share = round(100 * criterion.weight / total_weight)
        context.update(
            now=now,
            call=call,
            state=state,
            criteria=criteria,
            choices=choices,
            required_documents=[
                line.strip()
                for line in call.localized("required_documents").splitlines()
                if line.strip()
            ],
        )
        return context

"""Standard pages (about, guides, FAQ) and the contact form."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.search import search_text, stream_text

# A field people never see and bots fill in. Its name is one a bot is glad
# to fill; form fields editors add are named after their labels, so a clash
# needs a label of exactly "Company website (leave empty)".
HONEYPOT_FIELD = "company_website_leave_empty"
# Messages one address may send, and over how long (seconds).
CONTACT_LIMIT = 5
CONTACT_WINDOW = 10 * 60


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("search_text")]

    class Meta:
        verbose_name = _("standard page")

    def search_text(self) -> str:
        return search_text(self.title, self.intro, stream_text(self.body))


class FormField(AbstractFormField):
    page = ParentalKey("cms.FormPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactFormBuilder(FormBuilder):
    """The fields editors chose, plus the honeypot."""

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        return fields


def _client_key(request) -> str:
    from allauth.account.adapter import get_adapter

    # allauth's reading of the address honours the trusted proxies setting.
    return f"contact-form:{get_adapter(request).get_client_ip(request)}"


def contact_limit_reached(request) -> bool:
    return cache.get(_client_key(request), 0) >= CONTACT_LIMIT


def contact_count(request) -> None:
    """Count one message from this address; the window starts at its first."""
    key = _client_key(request)
    if not cache.add(key, 1, CONTACT_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, CONTACT_WINDOW)


class FormPage(AbstractEmailForm):
    """The contact form: submissions are stored and emailed to coordinators.
    A filled-in honeypot gets the thank-you page and nothing else; more than
    CONTACT_LIMIT messages from one address in CONTACT_WINDOW get a 429."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(_("thank-you message"), blank=True, features=RICH_TEXT_FEATURES)

    form_builder = ContactFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("search_text")]

    class Meta:
        verbose_name = _("contact form")

    def search_text(self) -> str:
        return search_text(self.title)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = HONEYPOT_FIELD
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if contact_limit_reached(request):
            return self._form_response(
                request, self.get_form(page=self, user=request.user), status=429, rate_limited=True
            )
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if request.POST.get(HONEYPOT_FIELD):
            # A bot: it sees what a person would, and nothing is kept or sent.
            contact_count(request)
            return self.render_landing_page(request)
        if not form.is_valid():
            return self._form_response(request, form, status=400)
        contact_count(request)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission)

    def _form_response(self, request, form, *, status: int, rate_limited: bool = False):
        context = self.get_context(request)
        context.update(
            form=form, rate_limited=rate_limited, contact_window_minutes=CONTACT_WINDOW // 60
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)

    def send_mail(self, form):
        """Through the portal's mail: recorded, and sent by a task once the
        submission is saved, so a mail server that is down never loses a
        message or shows the sender an error."""
        from accounts.mail import email_send

        admin_path = reverse("wagtailforms:list_submissions", args=[self.pk])
        context = {
            "page": self,
            "subject": self.subject,
            "content": self.render_email(form),
            "received_at": timezone.localtime(),
            "submissions_url": settings.SITE_URL + admin_path,
        }
        for address in {address.strip() for address in self.to_address.split(",")} - {""}:
            email_send(
                to=address,
                template="cms/emails/contact_submission",
                context=context,
                language=settings.LANGUAGE_CODE,
            )

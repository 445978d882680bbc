"""Tags for the directory's profiles: safe outbound links, absolute URLs and the
structured data search engines read (JSON-LD)."""

import json
from urllib.parse import urlsplit

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

register = template.Library()

# What django.utils.html.json_script escapes, so the data cannot close its <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def external_url(url: str) -> str:
    """The URL if it is a web address; nothing for javascript:, data: and the like,
    whatever was stored."""
    if not url:
        return ""
    return url if urlsplit(url.strip()).scheme in ("http", "https") else ""


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    request = context.get("request")
    if not path or request is None:
        return path or ""
    return request.build_absolute_uri(path)


@register.filter
def initials(name: str) -> str:
    """Up to two initials, for organisations without a logo."""
    words = [word for word in (name or "").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper()


def summary(organisation) -> str:
    """One or two sentences that describe the organisation, for search results and
    link previews."""
    return organisation.tagline or Truncator(organisation.description).words(40)


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, organisation, logo_url=""):
    """A schema.org Organization data block for the profile."""
    request = context.get("request")

    def absolute(path):
        return request.build_absolute_uri(path) if request and path else path

    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": absolute(organisation.get_absolute_url()),
        "description": summary(organisation),
        "logo": absolute(logo_url),
        "sameAs": [
            link
            for link in (
                external_url(organisation.website),
                external_url(organisation.facebook_url),
                external_url(organisation.linkedin_url),
            )
            if link
        ],
    }
    founded = getattr(organisation, "founded_year", None)
    if founded:
        data["foundingDate"] = str(founded)
    team_size = getattr(organisation, "team_size", None)
    if team_size:
        data["numberOfEmployees"] = {"@type": "QuantitativeValue", "value": team_size}
    if organisation.area_id:
        area = organisation.area
        address = {"@type": "PostalAddress", "addressCountry": "VN"}
        if area.parent_id:
            address.update(
                addressLocality=area.localized_name, addressRegion=area.parent.localized_name
            )
        else:
            address["addressRegion"] = area.localized_name
        data["address"] = address
    host = getattr(organisation, "host_institution", None)
    if host is not None and host.is_public:
        data["parentOrganization"] = {
            "@type": "Organization",
            "name": host.name,
            "url": absolute(host.get_absolute_url()),
        }
    if organisation.show_contact:
        data["email"] = organisation.contact_email
        data["telephone"] = organisation.contact_phone
    cleaned = {key: value for key, value in data.items() if value not in ("", [], None)}
    text = json.dumps(cleaned, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped as json_script does
    )


@register.simple_tag
def organisation_summary(organisation) -> str:
    return summary(organisation)

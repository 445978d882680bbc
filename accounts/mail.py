"""Email from the portal: rendered from templates in the recipient's language,
recorded, and sent by a background task once the transaction commits.

Templates come in pairs: `<template>_subject.txt` and `<template>_body.txt`.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import OutboundEmail


def email_send(
    *,
    to: str,
    template: str,
    context: dict,
    language: str | None = None,
    attachments: list[dict] | None = None,
) -> OutboundEmail:
    """Render and record one email, and have it sent after the current
    transaction commits (nothing is sent for work that is rolled back)."""
    from .tasks import deliver_email

    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    email = OutboundEmail.objects.create(
        to=to,
        subject=" ".join(subject.split())[:255],
        body=body,
        template=template,
        language=language,
        attachments=attachments or [],
    )
    transaction.on_commit(partial(deliver_email.enqueue, email.pk))
    return email


def language_for(user) -> str:
    return getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE

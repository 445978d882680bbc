"""Applying to calls, under /account/applications/ (organisation members).

An application's pages exist only for the members of the organisation that
applies: anyone else gets a 404, which says nothing about whether it exists.
Its files are served by download(), to the members, the Department's
coordinators and the reviewers who may see it; never from a public URL.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ecosystem.exceptions import RegistryError
from ecosystem.forms_applications import (
    ApplicationForm,
    InformationReplyForm,
    WithdrawForm,
    error_summary,
)
from ecosystem.models import Application, ApplicationFile, Call, Organisation
from ecosystem.selectors_applications import (
    application_files_viewable,
    application_page,
    applications_for_member,
    current_files,
)
from ecosystem.services import applying

Status = Application.Status


def _member_application(request, pk: int) -> Application:
    return get_object_or_404(applications_for_member(request.user), pk=pk)


def _home(application: Application):
    """Where an application lives for its members: the form while it is a
    draft, its status page after."""
    if application.status == Status.DRAFT:
        return redirect("applications:edit", pk=application.pk)
    return redirect("applications:detail", pk=application.pk)


def _crumbs() -> list[tuple[str, str]]:
    return [(_("My account"), reverse("account_profile"))]


def _add_error(form, error: RegistryError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def start(request, call_pk: int, organisation_pk: int):
    """Start this organisation's application to this call (or go to the one it
    has). Linked from the call's page, so a GET does it as well as a POST: a
    draft is the only thing made, and never twice."""
    organisation = get_object_or_404(
        Organisation.objects.for_member(request.user), pk=organisation_pk
    )
    call = get_object_or_404(Call.objects.select_related("programme"), pk=call_pk)
    try:
        application, created = applying.application_start(
            call=call, organisation=organisation, by=request.user
        )
    except applying.ApplyRefused as refusal:
        return render(
            request,
            "ecosystem/applications/refused.html",
            {
                "call": call,
                "organisation": organisation,
                "reasons": refusal.reasons,
                "crumbs": _crumbs(),
                "title": _("%(organisation)s cannot apply to this call")
                % {"organisation": organisation.name},
            },
            status=403,
        )
    if created:
        messages.success(
            request,
            _(
                "Your application is started. We filled in what we already knew from your "
                "profile and earlier applications: check it. Save it as a draft at any time."
            ),
        )
    return _home(application)


@login_required
def edit(request, pk: int):
    """The application form of a draft: save it, or submit it."""
    application = _member_application(request, pk)
    if application.status != Status.DRAFT:
        messages.info(
            request, _("This application has been submitted; it can no longer be edited.")
        )
        return redirect("applications:detail", pk=application.pk)
    call = application.call
    posted = request.method == "POST"
    submitting = posted and request.POST.get("action") == "submit"
    # After the deadline "Submit" only saves: the service refuses the
    # submission and keeps what was entered, instead of a list of errors.
    complete = submitting and call.is_open_at(timezone.now())
    form = ApplicationForm(
        data=request.POST if posted else None,
        files=request.FILES if posted else None,
        call=call,
        answers=application.answers,
        current_files=current_files(application=application),
        complete=complete,
    )
    if posted and form.is_valid():
        changes = {
            "application": application,
            "by": request.user,
            "answers": form.answers(),
            "uploads": form.checked_uploads,
            "removals": form.removals(),
        }
        try:
            if submitting:
                submitted = applying.application_submit(**changes)
            else:
                applying.application_save(**changes)
        except applying.SubmissionRefused as refusal:
            messages.error(request, refusal.message)
            return redirect("applications:edit", pk=application.pk)
        except applying.NotEditable as error:
            messages.info(request, error.message)
            return redirect("applications:detail", pk=application.pk)
        except RegistryError as error:
            _add_error(form, error)
        else:
            if submitting:
                messages.success(
                    request,
                    _(
                        "Your application has been submitted. Its reference number is "
                        "%(reference)s; we have emailed you a confirmation."
                    )
                    % {"reference": submitted.reference},
                )
                return redirect("applications:detail", pk=application.pk)
            messages.success(
                request, _("Draft saved. You can come back to it at any time from My account.")
            )
            return redirect("applications:edit", pk=application.pk)
    return render(
        request,
        "ecosystem/applications/form.html",
        {
            "application": application,
            "call": call,
            "organisation": application.organisation,
            "form": form,
            "summary": error_summary(form),
            "call_state": call.state_at(timezone.now()),
            "opens_at": applying.local_time(call.opens_at),
            "closes_at": applying.local_time(call.closes_at),
            "required_documents": [
                line.strip()
                for line in call.localized("required_documents").splitlines()
                if line.strip()
            ],
            "title": _("Application to %(call)s") % {"call": call},
            "crumbs": _crumbs(),
        },
    )


@login_required
def detail(request, pk: int):
    """The application as sent, its status and history, requests for more
    information, and the decision with the reviewers' comments for the applicant."""
    application = _member_application(request, pk)
    page = application_page(application=application)
    return render(
        request,
        "ecosystem/applications/detail.html",
        {
            "application": application,
            "call": application.call,
            "organisation": application.organisation,
            "page": page,
            "closes_at": applying.local_time(application.call.closes_at),
            "title": _("Application to %(call)s") % {"call": application.call},
            "crumbs": _crumbs(),
        },
    )


@login_required
def reply(request, pk: int):
    """Answer a request for more information: change the answers it names,
    write a reply, and send the application back to the Department."""
    application = _member_application(request, pk)
    open_request = None
    if application.status == Status.INFO_REQUESTED:
        open_request = applying.open_information_request(application=application)
    if open_request is None:
        messages.info(request, _("No information is waiting for a reply on this application."))
        return redirect("applications:detail", pk=application.pk)
    posted = request.method == "POST"
    keys = list(open_request.question_keys)
    form = ApplicationForm(
        data=request.POST if posted else None,
        files=request.FILES if posted else None,
        call=application.call,
        answers=application.answers,
        current_files=current_files(application=application),
        keys=keys,
        complete=True,
    )
    reply_form = InformationReplyForm(
        data=request.POST if posted else None, message_required=not form.questions
    )
    if posted and all([form.is_valid(), reply_form.is_valid()]):
        try:
            applying.information_reply(
                application=application,
                by=request.user,
                reply=reply_form.cleaned_data["message"],
                answers=form.answers(),
                files=form.checked_uploads,
                removals=form.removals(),
            )
        except applying.NotEditable as error:
            messages.info(request, error.message)
            return redirect("applications:detail", pk=application.pk)
        except RegistryError as error:
            _add_error(reply_form if error.field == "message" else form, error)
        else:
            messages.success(
                request, _("Your reply has been sent. The Department will continue with it.")
            )
            return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "ecosystem/applications/reply.html",
        {
            "application": application,
            "call": application.call,
            "organisation": application.organisation,
            "information_request": open_request,
            "form": form,
            "reply_form": reply_form,
            "summary": error_summary(form, reply_form),
            "title": _("Reply to the Department"),
            "crumbs": [
                *_crumbs(),
                (
                    _("Application to %(call)s") % {"call": application.call},
                    reverse("applications:detail", args=[application.pk]),
                ),
            ],
        },
    )


@login_required
def withdraw(request, pk: int):
    """Withdraw the application, after a confirmation step."""
    application = _member_application(request, pk)
    page = application_page(application=application)
    if not page.can_withdraw:
        messages.info(request, _("This application can no longer be withdrawn."))
        return redirect("applications:detail", pk=application.pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            applying.application_withdraw(
                application=application, by=request.user, reason=form.cleaned_data["reason"]
            )
        except RegistryError as error:
            messages.info(request, error.message)
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "ecosystem/applications/withdraw.html",
        {
            "application": application,
            "call": application.call,
            "organisation": application.organisation,
            "form": form,
            "title": _("Withdraw the application"),
            "crumbs": [
                *_crumbs(),
                (
                    _("Application to %(call)s") % {"call": application.call},
                    reverse("applications:detail", args=[application.pk]),
                ),
            ],
        },
    )


@require_safe
def download(request, pk: int, file_pk: int):
    """One file of an application, as an attachment under its cleaned name.
    Anyone who may not see it, signed in or not, gets a 404."""
    application_file = (
        ApplicationFile.objects.select_related("application")
        .filter(application_id=pk, pk=file_pk)
        .first()
    )
    if application_file is None or not application_files_viewable(
        user=request.user, application=application_file.application
    ):
        raise Http404
    try:
        content = application_file.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        content,
        as_attachment=True,
        filename=application_file.original_name,
        content_type=application_file.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Should a browser render it anyway, it gets nothing to run.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response

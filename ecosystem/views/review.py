"""The advisory council's reviews on the public site, under /review/.

A reviewer sees only the reviews assigned to them: anyone else's is a 404, which
says nothing about whether it exists. Before any of the application is shown
they declare that they have no conflict of interest with the applicant, or
recuse themselves. Other reviewers' numbers are never shown before their own
review is submitted; afterwards only the anonymous range of the totals.
"""

import contextlib
from datetime import date
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecosystem.blocks import localized
from ecosystem.exceptions import RegistryError
from ecosystem.forms_review import RecusalForm, ReviewForm
from ecosystem.models import Application, ApplicationFile, Review
from ecosystem.selectors_ranking import application_review_totals
from ecosystem.services import reviews as review_services

Status = Review.Status


def _crumbs(*extra):
    return [(_("My reviews"), reverse("review:index")), *extra]


def _own_review(request, pk: int) -> Review:
    return get_object_or_404(
        Review.objects.select_related("application__call__programme", "application__organisation"),
        pk=pk,
        reviewer=request.user,
    )


@login_required
def index(request):
    """The reviewer's assigned reviews, grouped by call, latest call first."""
    reviews = list(
        Review.objects.filter(reviewer=request.user)
        .select_related("application__call__programme", "application__organisation")
        .order_by("-application__call__closes_at", "application__call_id", "assigned_at", "pk")
    )
    if not reviews and not review_services.is_council_member(request.user):
        raise Http404
    now = timezone.now()
    calls = []
    for call, items in groupby(reviews, key=lambda review: review.application.call):
        rows = [
            {
                "review": review,
                "due_at": review_services.review_due_at(review),
                "overdue": review.status in review_services.OPEN
                and review_services.review_due_at(review) < now,
            }
            for review in items
        ]
        calls.append(
            {
                "call": call,
                "rows": rows,
                "submitted": sum(row["review"].status == Status.SUBMITTED for row in rows),
                "open": sum(row["review"].status in review_services.OPEN for row in rows),
            }
        )
    return render(request, "ecosystem/review/index.html", {"calls": calls})


@login_required
def detail(request, pk: int):
    """The declaration step, then the application and the scoring form; after
    submission, the review read-only."""
    review = _own_review(request, pk)
    application = review.application
    context = {
        "review": review,
        "application": application,
        "call": application.call,
        "organisation": application.organisation,
        "due_at": review_services.review_due_at(review),
        "crumbs": _crumbs(),
        "current": application.reference,
    }
    if review.status == Status.RECUSED:
        return render(request, "ecosystem/review/recused.html", context)
    if review.declared_at is None:
        return render(
            request, "ecosystem/review/declare.html", {**context, "recusal_form": RecusalForm()}
        )
    criteria = list(application.call.criteria.all())
    context.update(answers=application_answers(application), criteria=criteria)
    if review.status == Status.SUBMITTED:
        scores = {score.criterion_id: score for score in review.scores.all()}
        totals = application_review_totals(application=application)
        return render(
            request,
            "ecosystem/review/submitted.html",
            {
                **context,
                "scored": [(criterion, scores.get(criterion.pk)) for criterion in criteria],
                "totals": totals,
                "lowest": totals[0] if totals else None,
                "highest": totals[-1] if totals else None,
                "assigned": application.reviews.exclude(status=Status.RECUSED).count(),
            },
        )
    is_open = application.status in review_services.SCORABLE
    form = None
    if is_open and request.method == "POST":
        submitting = request.POST.get("action") == "submit"
        form = ReviewForm(request.POST, criteria=criteria, submitting=submitting)
        if form.is_valid():
            try:
                review_services.review_save(
                    review=review,
                    by=request.user,
                    scores=form.scores(),
                    comment_for_applicant=form.cleaned_data["comment_for_applicant"],
                    comment_for_council=form.cleaned_data["comment_for_council"],
                    submit=submitting,
                )
            except RegistryError as error:
                field = error.field if error.field in form.fields else None
                form.add_error(field, error.message)
            else:
                if submitting:
                    messages.success(request, _("Your review is submitted. Thank you."))
                else:
                    messages.success(
                        request, _("Draft saved. You can come back and finish it later.")
                    )
                return redirect("review:detail", pk=review.pk)
    elif is_open:
        form = ReviewForm(initial=ReviewForm.initial_for(review), criteria=criteria)
    return render(request, "ecosystem/review/review.html", {**context, "form": form})


@login_required
@require_POST
def declare(request, pk: int):
    review = _own_review(request, pk)
    try:
        review_services.review_declare_no_conflict(review=review, by=request.user)
    except RegistryError as error:
        messages.error(request, error.message)
    return redirect("review:detail", pk=review.pk)


@login_required
@require_POST
def recuse(request, pk: int):
    review = _own_review(request, pk)
    form = RecusalForm(request.POST)
    if form.is_valid():
        try:
            review_services.review_recuse(
                review=review, by=request.user, reason=form.cleaned_data["reason"]
            )
        except RegistryError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("You have recused yourself. The coordinators have your reason.")
            )
        return redirect("review:detail", pk=review.pk)
    application = review.application
    return render(
        request,
        "ecosystem/review/declare.html",
        {
            "review": review,
            "application": application,
            "call": application.call,
            "organisation": application.organisation,
            "due_at": review_services.review_due_at(review),
            "crumbs": _crumbs(),
            "current": application.reference,
            "recusal_form": form,
        },
        status=400,
    )


def application_answers(application: Application) -> list[dict]:
    """The answers in the call's question order, ready to show: labels in the
    active language, choices by their labels, files as links (when the
    applicants' download view is installed)."""
    questions = application.call.question_map()
    answers = application.answers or {}
    files = {item.pk: item for item in ApplicationFile.objects.filter(application=application)}
    shown = []
    for key, question in questions.items():
        kind, value = question.block_type, question.value
        raw = answers.get(key)
        entry = {
            "key": key,
            "kind": kind,
            "label": localized(value, "label"),
            "value": raw,
            "files": [],
        }
        if kind in ("choice", "multiple_choice"):
            labels = {option["value"]: localized(option, "label") for option in value["options"]}
            chosen = raw if isinstance(raw, list) else ([raw] if raw else [])
            entry["value"] = [labels.get(item, item) for item in chosen]
        elif kind == "date" and isinstance(raw, str):
            with contextlib.suppress(ValueError):
                entry["value"] = date.fromisoformat(raw)
        elif kind == "file":
            ids = raw if isinstance(raw, list) else ([raw] if raw else [])
            ids = [int(file_id) for file_id in ids if str(file_id).isdigit()]
            entry["files"] = [
                {"file": files[file_id], "url": file_url(application, files[file_id])}
                for file_id in ids
                if file_id in files
            ]
        shown.append(entry)
    return shown


def file_url(application: Application, application_file: ApplicationFile) -> str:
    try:
        return reverse("applications:file", args=[application.pk, application_file.pk])
    except NoReverseMatch:
        return ""

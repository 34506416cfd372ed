import io

import segno
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from members.models import Membership, Organisation
from members.permissions import member_required
from pledges.feedback import charts, services
from pledges.feedback.forms import (
    EvidenceForm,
    LoopForm,
    ResponseForm,
    RoundForm,
    question_formset,
    question_initial,
)
from pledges.feedback.models import MIN_ORGANISATIONS, MIN_RESPONSES, FeedbackRound
from racop.access import is_coordinator
from racop.csv_export import csv_response
from racop.ratelimit import client_network

# The flood guard's cookie says only "this device answered this round": the same for everyone.
ANSWERED = "answered"
COOKIE_MAX_AGE = 12 * 60 * 60


def _represented(user):
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.REPRESENTATIVE
    ).order_by("name")


def _round_for(request, pk):
    """Return (round, manages): its representatives manage it; coordinators may look; else 404."""
    feedback_round = get_object_or_404(FeedbackRound.objects.select_related("organisation"), pk=pk)
    user = request.user
    manages = user.is_authenticated and feedback_round.organisation.is_represented_by(user)
    if not manages and not is_coordinator(user):
        raise Http404
    return feedback_round, manages


def _managed_round(request, pk):
    feedback_round, manages = _round_for(request, pk)
    if not manages:
        raise Http404
    return feedback_round


def feedback_home(request):
    """Explain feedback rounds; list a representative's rounds and coordinators' overview."""
    user = request.user
    context = {
        "notes": FeedbackRound.objects.loop_closed()
        .select_related("organisation")
        .order_by("-loop_closed_at")[:10],
        "mine": [],
        "can_create": False,
    }
    if user.is_authenticated and user.is_member:
        context["mine"] = list(
            FeedbackRound.objects.for_representative(user).with_counts().order_by("-opens_on")
        )
        context["can_create"] = _represented(user).exists()
    if is_coordinator(user):
        context["participation"] = services.participation()
        context["all_rounds"] = FeedbackRound.objects.with_counts().order_by("-opens_on")[:50]
    return render(request, "pledges/feedback/home.html", context)


@member_required
def round_create(request):
    """Let a representative start a round: its audience, languages and dates."""
    organisations = _represented(request.user)
    if not organisations.exists():
        return render(request, "pledges/feedback/representatives_only.html", status=403)
    form = RoundForm(
        request.POST or None,
        organisations=organisations,
        initial={
            "organisation": organisations.first(),
            "languages": ["en"],
            "main_language": request.LANGUAGE_CODE,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = {
            key: value
            for key, value in form.cleaned_data.items()
            if key not in {"organisation", "main_language"}
        }
        feedback_round = services.feedback_round_create(
            organisation=form.cleaned_data["organisation"], by=request.user, **data
        )
        messages.success(request, _("Round created. Now write its questions."))
        return redirect("feedback:round_questions", pk=feedback_round.pk)
    status = 400 if form.errors else 200
    return render(request, "pledges/feedback/round_form.html", {"form": form}, status=status)


@member_required
def round_questions(request, pk):
    """Write the round's two to five questions in each of its languages."""
    feedback_round = _managed_round(request, pk)
    if feedback_round.responses.exists():
        messages.error(request, _("People have answered already: the questions stay as they are."))
        return redirect(feedback_round)
    questions = list(feedback_round.questions.all())
    initial = [question_initial(question) for question in questions]
    kwargs = {"form_kwargs": {"languages": feedback_round.languages}, "prefix": "questions"}
    formset_class = question_formset(len(initial))
    if request.method == "POST":
        formset = formset_class(request.POST, initial=initial, **kwargs)
        if formset.is_valid():
            services.feedback_questions_save(
                feedback_round=feedback_round, questions=formset.questions()
            )
            messages.success(request, _("Questions saved. Share the link or the QR code."))
            return redirect(feedback_round)
    else:
        formset = formset_class(initial=initial, **kwargs)
    context = {"round": feedback_round, "formset": formset}
    status = 400 if request.method == "POST" else 200
    return render(request, "pledges/feedback/round_questions.html", context, status=status)


def _chart_results(results):
    for item in results["questions"]:
        if item.get("distribution"):
            item["chart"] = charts.distribution(item["distribution"])
    return results


def round_results(request, pk):
    """Show results as they come in; answers only past the small-numbers threshold."""
    feedback_round, manages = _round_for(request, pk)
    questions = list(feedback_round.questions.all())
    sees_answers = manages or feedback_round.share_with_coordinators
    results = _chart_results(services.round_results(feedback_round, questions, reveal=sees_answers))
    standards = {question.standard for question in questions if question.standard}
    comparisons = []
    if sees_answers and results["enough"]:
        medians = services.community_medians(standards)
        trends = services.organisation_trend(feedback_round.organisation, standards)
        for item in results["questions"]:
            standard = item["question"].standard
            if standard and item.get("net_score") is not None:
                points = trends.get(standard, [])
                comparisons.append(
                    {
                        "question": item["question"],
                        "net_score": item["net_score"],
                        **medians[standard],
                        "trend": charts.trend(points) if len(points) > 1 else None,
                        "points": points,
                    }
                )
    context = {
        "round": feedback_round,
        "manages": manages,
        "results": results,
        "comparisons": comparisons,
        "min_responses": MIN_RESPONSES,
        "min_organisations": MIN_ORGANISATIONS,
        "public_url": request.build_absolute_uri(feedback_round.get_public_url()),
        "evidence": feedback_round.evidence_for.select_related(
            "assessment__organisation", "commitment"
        ),
        "evidence_form": EvidenceForm(organisation=feedback_round.organisation)
        if manages
        else None,
    }
    return render(request, "pledges/feedback/round_results.html", context)


@require_GET
def round_csv(request, pk):
    """Download one row per response, in an order that says nothing about who answered when."""
    feedback_round, manages = _round_for(request, pk)
    if not (manages or feedback_round.share_with_coordinators):
        raise Http404
    questions = list(feedback_round.questions.all())
    responses = list(
        feedback_round.responses.prefetch_related("answers").order_by("language", "pk")
    )
    if len(responses) < MIN_RESPONSES:
        raise Http404
    language = feedback_round.languages[0]
    rows = []
    for response in responses:
        by_question = {answer.question_id: answer for answer in response.answers.all()}
        row = [response.language]
        for question in questions:
            answer = by_question.get(question.pk)
            if answer is None:
                row.append("")
            elif answer.score is not None:
                row.append(answer.score)
            elif answer.choice is not None:
                options = question.options_in(language)
                row.append(options[answer.choice] if answer.choice < len(options) else "")
            else:
                row.append(answer.text)
        rows.append(row)
    rows.sort(key=lambda row: [str(value) for value in row])
    header = [_("language")] + [q.text_in(language) for q in questions]
    return csv_response(f"feedback-{feedback_round.pk}.csv", header, rows)


@require_GET
def round_qr(request, pk):
    """Return the public link as a QR code, an SVG to print or share."""
    feedback_round = _managed_round(request, pk)
    url = request.build_absolute_uri(feedback_round.get_public_url())
    output = io.BytesIO()
    segno.make(url, error="m").save(
        output, kind="svg", scale=8, border=4, title=_("Link to the feedback round")
    )
    response = HttpResponse(output.getvalue(), content_type="image/svg+xml")
    if "download" in request.GET:
        response["Content-Disposition"] = f'attachment; filename="feedback-{pk}-qr.svg"'
    return response


@member_required
def round_loop(request, pk):
    """Write and publish "what you told us / what we are changing"."""
    feedback_round = _managed_round(request, pk)
    form = LoopForm(
        request.POST or None,
        instance=feedback_round,
        initial={"publish": feedback_round.loop_is_closed},
    )
    if request.method == "POST" and form.is_valid():
        services.feedback_loop_close(
            feedback_round=feedback_round,
            what_we_heard=form.cleaned_data["what_we_heard"],
            what_we_change=form.cleaned_data["what_we_change"],
            publish=form.cleaned_data["publish"],
        )
        if feedback_round.loop_is_closed:
            messages.success(request, _("Published: the people who answered can read it."))
        else:
            messages.success(request, _("Saved as a draft."))
        return redirect(feedback_round)
    status = 400 if form.errors else 200
    context = {"round": feedback_round, "form": form}
    return render(request, "pledges/feedback/round_loop.html", context, status=status)


@require_POST
@member_required
def round_evidence(request, pk):
    """Attach the round to a self-assessment commitment as evidence."""
    feedback_round = _managed_round(request, pk)
    form = EvidenceForm(request.POST, organisation=feedback_round.organisation)
    if form.is_valid():
        services.feedback_evidence_attach(feedback_round=feedback_round, **form.cleaned_data)
        messages.success(request, _("Attached to the self-assessment as evidence."))
    else:
        messages.error(request, _("Choose one of your self-assessments and a commitment."))
    return redirect(feedback_round)


def _cookie_name(feedback_round):
    return f"feedback_{feedback_round.token}"


def _already_answered(request, feedback_round):
    try:
        value = request.get_signed_cookie(
            _cookie_name(feedback_round), salt="feedback", max_age=COOKIE_MAX_AGE
        )
    except (KeyError, signing.BadSignature):
        return False
    return value == ANSWERED


def respond(request, token):
    """Let anyone answer, anonymously, in the language they choose."""
    feedback_round = get_object_or_404(
        FeedbackRound.objects.select_related("organisation").prefetch_related("questions"),
        token=token,
    )
    language = feedback_round.pick_language(request.POST.get("lang") or request.GET.get("lang"))
    questions = list(feedback_round.questions.all())
    answered = _already_answered(request, feedback_round)
    accepting = feedback_round.is_open and len(questions) >= 2 and not answered
    with translation.override(language):
        form = None
        status = 200
        if accepting:
            form = ResponseForm(
                request.POST or None, questions=questions, language=language, prefix="answer"
            )
            if request.method == "POST":
                # Only complete answers count towards the flood guard, so typos cost nothing.
                if form.is_valid() and not services.flood_allows(
                    feedback_round=feedback_round, address=client_network(request)
                ):
                    form.add_error(None, _("Too many answers from this network: try later."))
                if form.is_valid():
                    services.feedback_respond(
                        feedback_round=feedback_round, language=language, answers=form.answers()
                    )
                    response = redirect(f"{feedback_round.get_public_url()}thanks/?lang={language}")
                    response.set_signed_cookie(
                        _cookie_name(feedback_round),
                        ANSWERED,
                        salt="feedback",
                        max_age=COOKIE_MAX_AGE,
                        secure=request.is_secure(),
                        httponly=True,
                        samesite="Lax",
                    )
                    return response
                status = 400
        elif request.method == "POST":
            status = 403 if answered else 410
        context = {
            "round": feedback_round,
            "form": form,
            "language": language,
            "answered": answered,
            "languages": [(code, _language_name(code)) for code in feedback_round.languages],
            "today": timezone.localdate(),
        }
        response = render(request, "pledges/feedback/respond.html", context, status=status)
    response["Content-Language"] = language
    return response


def respond_thanks(request, token):
    """Thank the respondent, in their language."""
    feedback_round = get_object_or_404(
        FeedbackRound.objects.select_related("organisation"), token=token
    )
    language = feedback_round.pick_language(request.GET.get("lang"))
    with translation.override(language):
        response = render(
            request, "pledges/feedback/respond_thanks.html", {"round": feedback_round}
        )
    response["Content-Language"] = language
    return response


def _language_name(code):
    info = translation.get_language_info(code)
    return info["name_local"]

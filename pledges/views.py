import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_countries import countries

from members.models import Membership, Organisation
from members.permissions import member_required
from pledges import charts, services
from pledges.forms import (
    AnswerFormSet,
    AssessmentSettingsForm,
    AssessmentStartForm,
    PeerReviewRequestForm,
    ReviewCommentFormSet,
    SignatureFilterForm,
    SignForm,
)
from pledges.models import (
    Assessment,
    Commitment,
    Level,
    PeerReview,
    PledgeVersion,
    Signature,
)
from pledges.radar import commitment_radar
from racop import cache as shared_cache
from racop.access import is_coordinator, sees_members_content
from racop.audit import Action as AuditAction
from racop.audit import audit_record
from racop.csv_export import csv_download, csv_response

WALL_PAGE_SIZE = 48
# What the Pledge page shows: versions and signatures, with organisations' and people's names.
WALL_AREAS = ("pledge", "people")


def _represented(user):
    """Return the organisations the person represents."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.REPRESENTATIVE
    ).order_by("name")


def _wall_counts():
    """Return the public signatures per country and type, shared by every reader."""
    return shared_cache.shared(
        "pledge:wall-counts",
        lambda: list(Signature.objects.public().counts_by_country()),
        areas=WALL_AREAS,
    )


def _filter_form(request, counts):
    """Return the wall's filter form (bound to the query) and what it selects."""
    choices = sorted(
        ((row["country"], countries.name(row["country"]) or _("Unknown")) for row in counts),
        key=lambda choice: choice[1],
    )
    asked = countries.alpha2(request.GET.get("country", ""))
    if asked and asked not in dict(choices):
        # A real country nobody signed from yet: a valid filter with no results.
        choices.append((asked, countries.name(asked)))
    form = SignatureFilterForm(request.GET or None, countries=choices)
    form.is_valid()
    # Each valid filter applies; an invalid one is ignored rather than answered with an error.
    data = getattr(form, "cleaned_data", {})
    return form, data.get("country") or "", data.get("type") or ""


def _filtered_signatures(request):
    """Return the wall's filter form and the public signatures it selects."""
    counts = _wall_counts()
    form, country, kind = _filter_form(request, counts)
    signatures = Signature.objects.public().in_country(country).of_type(kind)
    return form, signatures, counts


def _filtered_count(counts, country, kind):
    """Return how many public signatures the filters select, from the counts per country."""
    column = {
        Signature.Kind.ORGANISATION: "organisations",
        Signature.Kind.NETWORK: "networks",
        Signature.Kind.INDIVIDUAL: "individuals",
    }.get(kind, "total")
    return sum(row[column] for row in counts if not country or row["country"] == country)


def _country_rows(counts):
    return [{**row, "name": countries.name(row["country"]) or _("Unknown")} for row in counts]


def _wall_summary(counts):
    """Return the HTML of the wall's totals and chart, the same for everyone."""
    rows = _country_rows(counts)
    context = {
        "country_rows": rows,
        "chart": charts.country_bars(rows),
        "totals": {
            "organisations": sum(row["organisations"] for row in rows),
            "networks": sum(row["networks"] for row in rows),
            "individuals": sum(row["individuals"] for row in rows),
            "countries": len(rows),
        },
    }
    return render_to_string("pledges/includes/_wall_summary.html", context)


def _wall_cards(country, kind, page):
    """Return the HTML of one page of the wall's signatures, grouped by country."""
    signatures = Signature.objects.public().in_country(country).of_type(kind).for_wall()
    signatures = signatures[page.start_index() - 1 : page.end_index()]
    return render_to_string("pledges/includes/_wall_cards.html", {"signatures": signatures})


def _pledge_text(pk):
    """Return the HTML of the Pledge's text and of why it matters, the same for everyone."""
    version = PledgeVersion.objects.get(pk=pk)
    return {
        "text": render_to_string("pledges/includes/_pledge_text.html", {"version": version}),
        "why": render_to_string("pledges/includes/_pledge_why.html", {"version": version}),
    }


def _form_fields(form):
    """Return [(name in the shared cache or None, render)] for each of the wall's filters: a
    valid choice (or none) is one of a few, so its HTML is shared; a refused value is shown
    as typed, with its error, and rendered each time."""
    fields = []
    for field in form:
        name = None
        if not field.errors:
            value = form.data.get(field.name, "") if form.is_bound else "-"
            name = f"pledge:wall-field:{field.name}:{value}"
        fields.append((name, _field_renderer(field)))
    return fields


def _field_renderer(field):
    return lambda: render_to_string("includes/form_field.html", {"field": field})


def pledge_detail(request):
    """Show the current Pledge, why it matters and its public signatory wall."""
    shared = shared_cache.shared_many(
        {
            # Every version, drafts too: which are published depends on the time of the visit.
            "pledge:versions": lambda: list(
                PledgeVersion.objects.only("number", "title", "published_at").order_by("-number")
            ),
            "pledge:wall-counts": lambda: list(Signature.objects.public().counts_by_country()),
        },
        areas=WALL_AREAS,
    )
    now = timezone.now()
    versions = [v for v in shared["pledge:versions"] if v.published_at and v.published_at <= now]
    version = versions[0] if versions else None
    counts = shared["pledge:wall-counts"]
    form, country, kind = _filter_form(request, counts)
    # The counts give the number of pages without a query; a page's signatures are only
    # read when its HTML is not in the cache.
    count = _filtered_count(counts, country, kind)
    page = Paginator(range(count), WALL_PAGE_SIZE).get_page(request.GET.get("page"))
    # The wall is the same for every reader: rendered once per language, filter and page.
    cards = f"pledge:wall-cards:{country}:{kind}:{page.number}"
    fields = _form_fields(form)
    wall = {"pledge:wall-summary": lambda: _wall_summary(counts)}
    if version:
        # Keyed by version: a version published for a later time becomes current unsaved.
        wall[f"pledge:text:{version.pk}"] = lambda: _pledge_text(version.pk)
    wall.update((name, render) for name, render in fields if name)
    if count:
        wall[cards] = lambda: _wall_cards(country, kind, page)
    wall = shared_cache.shared_many(wall, areas=WALL_AREAS)
    mine = []
    # The member's signatures matter here only if one is of another version than the current.
    other_versions = len(shared["pledge:versions"]) > 1
    if request.user.is_authenticated and request.user.is_member and other_versions:
        mine = list(Signature.objects.signed_by_user(request.user))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "version": version,
        "versions": versions,
        "pledge_text": wall.get(f"pledge:text:{version.pk}", {}) if version else {},
        "filter_fields": [wall[name] if name else render() for name, render in fields],
        "page_obj": page,
        "query_string": query.urlencode(),
        "wall_summary": wall["pledge:wall-summary"],
        "wall_cards": wall.get(cards, ""),
        "mine": mine,
    }
    return render(request, "pledges/pledge_detail.html", context)


def version_detail(request, number):
    """Show any published version of the Pledge, with who signed it."""
    version = get_object_or_404(PledgeVersion.objects.published(), number=number)
    signatures = Signature.objects.public().filter(version=version).for_wall()
    context = {
        "version": version,
        "current": PledgeVersion.objects.current(),
        "signatures": signatures,
    }
    return render(request, "pledges/pledgeversion_detail.html", context)


OPEN_DATA_FIELDS = ["signatory", "type", "country", "version", "signed_at", "statement"]


def _open_data_rows(request):
    _form, signatures, _counts = _filtered_signatures(request)
    for signature in signatures.for_wall().iterator(chunk_size=500):
        yield {
            "signatory": signature.signatory_name,
            "type": signature.kind.value,
            "country": signature.country,
            "version": signature.version.number,
            "signed_at": signature.signed_at.isoformat(),
            "statement": signature.statement,
        }


@require_GET
def signatures_csv(request):
    """Download the public signatures (with the wall's filters) as CSV."""
    rows = ([row[key] for key in OPEN_DATA_FIELDS] for row in _open_data_rows(request))
    return csv_response("pledge-signatures.csv", OPEN_DATA_FIELDS, rows)


@require_GET
def signatures_json(request):
    """Download the public signatures (with the wall's filters) as JSON."""
    data = {"signatures": list(_open_data_rows(request))}
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="pledge-signatures.json"'
    return response


@member_required
def pledge_sign(request):
    """Let a member sign for themself, or a representative for their organisation."""
    version = PledgeVersion.objects.current()
    if version is None:
        raise Http404
    organisations = list(_represented(request.user))
    form = SignForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            signature = services.pledge_sign(
                user=request.user,
                organisation=form.signing_organisation(),
                statement=form.cleaned_data["statement"],
                is_public=form.cleaned_data["is_public"],
            )
        except ValidationError as error:
            form.add_error("signatory", error.messages)
        else:
            messages.success(
                request,
                _("Thank you: %(signatory)s signed the Pledge.")
                % {"signatory": signature.signatory_name},
            )
            return redirect("pledges:pledge_sign")
    context = {
        "version": version,
        "form": form,
        "mine": Signature.objects.signed_by_user(request.user),
    }
    return render(request, "pledges/pledge_sign.html", context, status=400 if form.errors else 200)


def _own_signature(request, pk):
    return get_object_or_404(Signature.objects.signed_by_user(request.user), pk=pk)


@require_POST
@member_required
def signature_withdraw(request, pk):
    """Withdraw a signature (it stays in the history)."""
    signature = _own_signature(request, pk)
    services.signature_withdraw(signature=signature, user=request.user)
    messages.success(
        request,
        _("%(signatory)s's signature was withdrawn.") % {"signatory": signature.signatory_name},
    )
    return redirect("pledges:pledge_sign")


@require_POST
@member_required
def signature_renew(request, pk):
    """Sign the current version in place of an older one."""
    signature = _own_signature(request, pk)
    try:
        renewed = services.signature_renew(signature=signature, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(signatory)s now supports version %(number)s.")
            % {"signatory": renewed.signatory_name, "number": renewed.version.number},
        )
    return redirect("pledges:pledge_sign")


def commitment_list(request):
    """List the 12 commitments by cluster."""
    return render(
        request,
        "pledges/commitment_list.html",
        {"commitments": Commitment.objects.for_list()},
    )


def commitment_detail(request, slug):
    """Show one commitment, its guiding questions and the community's levels on it."""
    commitment = get_object_or_404(Commitment, slug=slug)
    radar = commitment_radar(year=_radar_year(request), with_countries=False)
    row = next((r for r in radar.rows if r.commitment.pk == commitment.pk), None)
    context = {
        "commitment": commitment,
        "radar": radar,
        "row": row,
        "levels": Level.choices,
        "neighbours": Commitment.objects.filter(
            number__in=[commitment.number - 1, commitment.number + 1]
        ).order_by("number"),
    }
    return render(request, "pledges/commitment_detail.html", context)


def _radar_year(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.now().year
    return year if 2000 <= year <= 2100 else timezone.now().year


def _accountability_body(year, is_member, for_coordinators):
    """Return the HTML of the radar and the commitments, the same for a whole audience."""
    radar = commitment_radar(year=year, with_countries=is_member)
    years = (
        Assessment.objects.submitted().order_by("-year").values_list("year", flat=True).distinct()
    )
    context = {
        "radar": radar,
        "years": years,
        "levels": Level.choices,
        "is_member": is_member,
        "for_coordinators": for_coordinators,
        "commitments": [row.commitment for row in radar.rows],
    }
    return render_to_string("pledges/includes/_accountability_body.html", context)


def accountability(request):
    """Show the commitments and the community radar; members also see it per country."""
    user = request.user
    is_member = sees_members_content(user)
    for_coordinators = is_coordinator(user)
    year = _radar_year(request)
    # Everyone in an audience (visitors, members, coordinators) sees the same page.
    body = shared_cache.shared(
        "pledge:accountability",
        lambda: _accountability_body(year, is_member, for_coordinators),
        areas=("pledge", "people"),
        user=user,
        key=(year,),
    )
    return render(request, "pledges/accountability.html", {"body": body})


@require_GET
def radar_csv(request):
    """Export the radar for coordinators (small groups are left out here too)."""
    if not is_coordinator(request.user):
        raise Http404
    radar = commitment_radar(year=_radar_year(request), with_countries=True)
    audit_record(
        actor=request.user, action=AuditAction.EXPORT, note=f"commitment radar {radar.year}"
    )
    response, writer = csv_download(f"commitment-radar-{radar.year}.csv")
    writer.writerow(
        [
            "commitment",
            "title",
            *[label for _value, label in Level.choices],
            "average",
            *[row.name for row in radar.countries],
        ]
    )
    for index, row in enumerate(radar.rows):
        writer.writerow(
            [
                row.commitment.number,
                row.commitment.title,
                *row.counts,
                row.average,
                *[country.averages[index] for country in radar.countries],
            ]
        )
    return response


@member_required
def assessment_list(request):
    """List the person's and their organisations' assessments and peer reviews."""
    organisations = list(_represented(request.user))
    form = AssessmentStartForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_start(
                user=request.user,
                year=form.cleaned_data["year"],
                organisation=form.owner_organisation(),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your self-assessment was started."))
            return redirect("pledges:assessment_edit", pk=assessment.pk)
    context = {
        "form": form,
        "assessments": Assessment.objects.owned_by(request.user).for_list(),
        "reviews": PeerReview.objects.involving(request.user).for_list(),
    }
    return render(
        request, "pledges/assessment_list.html", context, status=400 if form.errors else 200
    )


def assessment_detail(request, pk):
    """Show an assessment to whoever its visibility allows; 404 to everyone else."""
    assessment = get_object_or_404(
        Assessment.objects.visible_to(request.user).with_answers(), pk=pk
    )
    user = request.user
    is_owner = user.is_authenticated and (
        assessment.user_id == user.pk or Assessment.objects.owned_by(user).filter(pk=pk).exists()
    )
    reviews = PeerReview.objects.none()
    if is_owner or is_coordinator(user):
        reviews = assessment.peer_reviews.select_related("reviewer")
    request_form = None
    if is_owner and not assessment.is_draft and assessment.organisation_id:
        request_form = PeerReviewRequestForm(assessment=assessment)
    context = {
        "assessment": assessment,
        "is_owner": is_owner,
        "reviews": reviews,
        "request_form": request_form,
    }
    return render(request, "pledges/assessment_detail.html", context)


@member_required
def assessment_edit(request, pk):
    """Fill in a draft: save as often as needed, submit to lock it."""
    assessment = get_object_or_404(Assessment.objects.owned_by(request.user), pk=pk)
    if not assessment.is_draft:
        messages.info(request, _("This self-assessment was submitted and can no longer change."))
        return redirect(assessment)
    answers = assessment.answers.select_related("commitment").order_by("commitment__number")
    formset = AnswerFormSet(request.POST or None, queryset=answers)
    settings_form = AssessmentSettingsForm(request.POST or None, instance=assessment)
    if request.method == "POST" and formset.is_valid() and settings_form.is_valid():
        formset.save()
        settings_form.save()
        if "submit" in request.POST:
            # Saved as a draft first: submitting is asked for on a page of its own.
            return redirect("pledges:assessment_submit", pk=pk)
        messages.success(request, _("Draft saved."))
        return redirect("pledges:assessment_edit", pk=pk)
    if request.method == "POST":
        messages.error(request, _("Some answers need fixing: see the messages below."))
    context = {"assessment": assessment, "formset": formset, "settings_form": settings_form}
    status = 400 if request.method == "POST" else 200
    return render(request, "pledges/assessment_form.html", context, status=status)


@member_required
def assessment_submit(request, pk):
    """Ask before locking a saved draft (GET), then lock it (POST)."""
    assessment = get_object_or_404(Assessment.objects.owned_by(request.user), pk=pk)
    if not assessment.is_draft:
        messages.info(request, _("This self-assessment was submitted and can no longer change."))
        return redirect(assessment)
    missing = assessment.missing_levels()
    if request.method == "POST":
        try:
            services.assessment_submit(assessment=assessment, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("pledges:assessment_edit", pk=pk)
        messages.success(request, _("Submitted. Thank you for holding yourselves to account."))
        return redirect(assessment)
    if missing:
        messages.error(
            request,
            _("Choose a level for every commitment before submitting (%(count)s missing).")
            % {"count": missing},
        )
        return redirect("pledges:assessment_edit", pk=pk)
    return render(request, "pledges/assessment_submit.html", {"assessment": assessment})


@require_POST
@member_required
def peer_review_request(request, pk):
    """Ask another organisation to review a submitted assessment."""
    assessment = get_object_or_404(Assessment.objects.owned_by(request.user).with_answers(), pk=pk)
    form = PeerReviewRequestForm(request.POST, assessment=assessment)
    if form.is_valid():
        try:
            services.peer_review_request(
                assessment=assessment, reviewer=form.cleaned_data["reviewer"], user=request.user
            )
        except ValidationError as error:
            form.add_error("reviewer", error.messages)
        else:
            messages.success(
                request,
                _("%(reviewer)s was asked to review.")
                % {"reviewer": form.cleaned_data["reviewer"]},
            )
            return redirect(assessment)
    context = {
        "assessment": assessment,
        "is_owner": True,
        "reviews": assessment.peer_reviews.select_related("reviewer"),
        "request_form": form,
    }
    return render(request, "pledges/assessment_detail.html", context, status=400)


def _review_for(request, pk):
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(PeerReview.objects.involving(request.user).for_list(), pk=pk)


@member_required
def review_detail(request, pk):
    """The exchange between reviewer and reviewed, comment by commitment."""
    review = _review_for(request, pk)
    side = services.review_side(request.user, review)
    comments = review.comments.select_related("commitment").order_by("commitment__number")
    answers = {
        answer.commitment_id: answer
        for answer in review.assessment.answers.select_related("commitment")
    }
    editable = side is not None and not review.is_complete
    formset = None
    if editable:
        formset = ReviewCommentFormSet(
            request.POST or None, queryset=comments, form_kwargs={"side": side}
        )
        if request.method == "POST" and formset.is_valid():
            formset.save()
            messages.success(request, _("Your comments were saved."))
            return redirect(review)
    rows = (
        [(form.instance, answers.get(form.instance.commitment_id), form) for form in formset]
        if formset
        else [(comment, answers.get(comment.commitment_id), None) for comment in comments]
    )
    context = {"review": review, "side": side, "formset": formset, "rows": rows}
    status = 400 if formset is not None and formset.errors and request.method == "POST" else 200
    return render(request, "pledges/review_detail.html", context, status=status)


@require_POST
@member_required
def review_done(request, pk):
    """Mark one's side of the review complete."""
    review = _review_for(request, pk)
    try:
        services.peer_review_mark_done(review=review, user=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("Marked complete on your side."))
    return redirect(review)


def organisation_accountability(request, slug):
    """An organisation's pledge status, progress over the years and open next steps."""
    organisation = get_object_or_404(Organisation, slug=slug)
    signature = (
        Signature.objects.active().for_organisation(organisation).select_related("version").first()
    )
    assessments = list(
        Assessment.objects.visible_to(request.user)
        .submitted()
        .filter(organisation=organisation)
        .with_answers()
        .order_by("year")
    )
    commitments = list(Commitment.objects.for_list())
    years = [a.year for a in assessments]
    levels = {
        (a.year, answer.commitment_id): answer.level
        for a in assessments
        for answer in a.answers.all()
    }
    rows = [
        {"number": c.number, "commitment": c, "levels": [levels.get((y, c.pk)) for y in years]}
        for c in commitments
    ]
    latest = assessments[-1] if assessments else None
    today = timezone.now().date()
    next_steps = (
        [a for a in latest.answers.all() if a.next_step and (a.next_step_due or today) >= today]
        if latest
        else []
    )
    reviewed_years = sorted(
        PeerReview.objects.completed()
        .filter(assessment__organisation=organisation)
        .values_list("assessment__year", flat=True)
        .distinct()
    )
    context = {
        "organisation": organisation,
        "signature": signature,
        "assessments": assessments,
        "rows": rows,
        "years": years,
        "chart": charts.progress(years, rows) if years else None,
        "next_steps": next_steps,
        "reviewed_years": reviewed_years,
        "levels": dict(Level.choices),
    }
    return render(request, "pledges/organisation_accountability.html", context)

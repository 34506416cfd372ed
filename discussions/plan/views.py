"""Pages of the action plan: proposals, the plan and its progress, champions, the pulse."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from discussions.plan import charts, services
from discussions.plan.forms import (
    AskChampionForm,
    ChampionForm,
    CommentForm,
    ProposalForm,
    TriageForm,
)
from discussions.plan.models import (
    Champion,
    PlanItem,
    PlanPeriod,
    Proposal,
    Support,
    is_member,
)
from discussions.plan.pulse import community_pulse
from members.models import Membership, User
from members.permissions import member_required, members_only_response
from racop.access import is_coordinator
from racop.csv_export import csv_download

PROPOSALS_PER_PAGE = 20


# The plan


def _period_or_none(slug):
    if slug is None:
        return PlanPeriod.objects.current()
    return get_object_or_404(PlanPeriod, slug=slug)


def _may_see_plan(user, period):
    return is_member(user) or (period is not None and period.summary_is_public)


def plan_detail(request, slug=None):
    """Show the plan of the current (or a past) period; its summary to visitors if public."""
    period = _period_or_none(slug)
    if not _may_see_plan(request.user, period):
        return members_only_response(request)
    items = period.items.for_plan() if period else PlanItem.objects.none()
    return render(
        request,
        "discussions/plan/plan_detail.html",
        {
            "period": period,
            "items": items,
            "full": is_member(request.user),
            "periods": PlanPeriod.objects.all(),
            "statuses": PlanItem.Status,
        },
    )


def _progress(period):
    items = list(period.items.prefetch_related("topics").order_by("starts_on", "pk"))
    by_status = Counter(item.status for item in items)
    by_topic = Counter(topic.name for item in items for topic in item.topics.all())
    return items, {
        "status": charts.bars([(str(s.label), by_status.get(s.value, 0)) for s in PlanItem.Status]),
        "topic": charts.bars(sorted(by_topic.items(), key=lambda row: (-row[1], row[0]))),
        "timeline": charts.timeline(items, period.starts_on, period.ends_on),
    }


def plan_progress(request, slug):
    """Show the period's items by status, by topic and on a timeline, as printable SVG."""
    period = get_object_or_404(PlanPeriod, slug=slug)
    if not _may_see_plan(request.user, period):
        return members_only_response(request)
    items, progress_charts = _progress(period)
    return render(
        request,
        "discussions/plan/plan_progress.html",
        {"period": period, "items": items, "charts": progress_charts},
    )


@member_required
def plan_csv(request, slug):
    """Download the period's items as CSV."""
    period = get_object_or_404(PlanPeriod, slug=slug)
    response, writer = csv_download(f"plan-{period.slug}.csv")
    writer.writerow(
        [_("Title"), _("Status"), _("Owner"), _("Starts"), _("Ends"), _("Topics"), _("Reason")]
    )
    for item in period.items.for_plan():
        writer.writerow(
            [
                item.title,
                item.get_status_display(),
                str(item.owner or ""),
                item.starts_on.isoformat(),
                item.ends_on.isoformat(),
                "; ".join(topic.name for topic in item.topics.all()),
                item.dropped_reason,
            ]
        )
    return response


# Proposals


@member_required
def proposal_list(request):
    """List proposals, most supported first, filtered by status."""
    proposals = Proposal.objects.for_list()
    status = request.GET.get("status", "")
    if status in Proposal.Status.values:
        proposals = proposals.filter(status=status)
    else:
        status = ""
    page = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    supported = set(
        Support.objects.filter(user=request.user, proposal__in=page.object_list).values_list(
            "proposal_id", flat=True
        )
    )
    return render(
        request,
        "discussions/plan/proposal_list.html",
        {
            "page_obj": page,
            "proposals": page.object_list,
            "supported": supported,
            "status": status,
            "statuses": Proposal.Status.choices,
            "query_string": f"status={status}" if status else "",
        },
    )


@member_required
def proposal_create(request):
    """Let a member propose an activity for the plan."""
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = services.proposal_create(user=request.user, form=form)
        messages.success(request, _("Thank you: your proposal is open for support."))
        return redirect(proposal)
    return render(request, "discussions/plan/proposal_form.html", {"form": form})


def _proposal_context(request, proposal, *, comment_form=None, triage_form=None):
    supporters = list(
        User.objects.filter(plan_supports__proposal=proposal)
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))
        )
        .order_by("plan_supports__created_at")
    )
    organisations = sorted(
        {m.organisation.name for person in supporters for m in person.memberships.all()}
    )
    countries = sorted({str(person.country.name) for person in supporters if person.country})
    return {
        "proposal": proposal,
        "support_count": len(supporters),
        "supports": any(person.pk == request.user.pk for person in supporters),
        "organisations": organisations,
        "countries": countries,
        "comments": proposal.comments.select_related("author"),
        "comment_form": comment_form or CommentForm(),
        "triage_form": (
            (triage_form or TriageForm(proposal=proposal)) if is_coordinator(request.user) else None
        ),
        "merged_proposals": proposal.merged_proposals.all(),
    }


def get_proposal_or_404(pk):
    return get_object_or_404(
        Proposal.objects.select_related(
            "proposer", "merged_into", "plan_item__period"
        ).prefetch_related("topics", "commitments"),
        pk=pk,
    )


@member_required
def proposal_detail(request, pk):
    """Show a proposal with its supporters' organisations and countries, and the comments."""
    proposal = get_proposal_or_404(pk)
    return render(
        request, "discussions/plan/proposal_detail.html", _proposal_context(request, proposal)
    )


@require_POST
@member_required
def proposal_support(request, pk):
    """Support the proposal, or withdraw one's support."""
    proposal = get_object_or_404(Proposal, pk=pk)
    if request.POST.get("action") == "withdraw":
        if services.proposal_unsupport(proposal=proposal, user=request.user):
            messages.success(request, _("Your support is withdrawn."))
        return redirect(proposal)
    try:
        services.proposal_support(proposal=proposal, user=request.user)
        messages.success(request, _("You support this proposal."))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(proposal)


@member_required
def proposal_comment(request, pk):
    """Add a comment; on a bad one, show the proposal again with the text kept."""
    proposal = get_proposal_or_404(pk)
    if request.method != "POST":
        return redirect(proposal)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.proposal_comment(
            proposal=proposal, user=request.user, body=form.cleaned_data["body"]
        )
        messages.success(request, _("Your comment is posted."))
        return redirect(proposal)
    context = _proposal_context(request, proposal, comment_form=form)
    return render(request, "discussions/plan/proposal_detail.html", context, status=400)


@member_required
def proposal_triage(request, pk):
    """Let a coordinator accept, send back, merge or decline a proposal."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    proposal = get_proposal_or_404(pk)
    if request.method != "POST":
        return redirect(proposal)
    form = TriageForm(request.POST, proposal=proposal)
    if form.is_valid():
        try:
            services.proposal_triage(
                proposal=proposal,
                by=request.user,
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
                into=form.cleaned_data["into"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision is saved and the proposer is told."))
            return redirect(proposal)
    context = _proposal_context(request, proposal, triage_form=form)
    return render(request, "discussions/plan/proposal_detail.html", context, status=400)


# Champions


@member_required
def champion_list(request):
    """List the confirmed champions by topic and commitment; nominations wait for coordinators."""
    champions = Champion.objects.for_list()
    nominations = champions.filter(status=Champion.Status.NOMINATED)
    return render(
        request,
        "discussions/plan/champion_list.html",
        {
            "champions": champions.confirmed(),
            "nominations": nominations if is_coordinator(request.user) else [],
        },
    )


@member_required
def champion_nominate(request):
    """Let a member nominate another member as a champion of a topic or commitment."""
    form = ChampionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.champion_nominate(
                user=form.cleaned_data["user"],
                nominated_by=request.user,
                reason=form.cleaned_data["reason"],
                topic=form.cleaned_data["topic"],
                commitment=form.cleaned_data["commitment"],
            )
        except ValidationError as error:
            form.add_error("user", error)
        else:
            messages.success(request, _("Thank you: the coordinators will confirm the nomination."))
            return redirect("plan:champion_list")
    return render(request, "discussions/plan/champion_form.html", {"form": form})


@member_required
def champion_ask(request, pk):
    """Ask a confirmed champion to host or review something."""
    champion = get_object_or_404(
        Champion.objects.confirmed().select_related("user", "topic", "commitment"), pk=pk
    )
    form = AskChampionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.champion_ask(
            champion=champion,
            asker=request.user,
            role=form.cleaned_data["role"],
            message=form.cleaned_data["message"],
        )
        messages.success(request, _("Your request is sent by email."))
        return redirect("plan:champion_list")
    return render(
        request, "discussions/plan/champion_ask.html", {"champion": champion, "form": form}
    )


# The pulse


def _coordinators_only(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_coordinator(request.user):
        raise PermissionDenied
    return None


def pulse(request):
    """Show coordinators the community's activity as counts and SVG charts."""
    if response := _coordinators_only(request):
        return response
    data = community_pulse()
    month_labels = [date_format(month, "YEAR_MONTH_FORMAT") for month in data.months]
    return render(
        request,
        "discussions/plan/pulse.html",
        {
            "pulse": data,
            "monthly": list(
                zip(month_labels, data.applications, data.new_members, data.active, strict=True)
            ),
            "charts": {
                "active": charts.bars(list(zip(month_labels, data.active, strict=True))),
                "countries": charts.bars(data.active_by_country),
                "proposals": charts.bars(data.proposals_by_status),
            },
        },
    )


def pulse_csv(request):
    """Download the pulse's counts as CSV."""
    if response := _coordinators_only(request):
        return response
    data = community_pulse()
    response, writer = csv_download("community-pulse.csv")
    writer.writerow([_("Measure"), _("Period"), _("Count")])
    for month, applications, new_members, active in zip(
        data.months, data.applications, data.new_members, data.active, strict=True
    ):
        label = month.strftime("%Y-%m")
        writer.writerow([_("New applications"), label, applications])
        writer.writerow([_("New members"), label, new_members])
        writer.writerow([_("Active members"), label, active])
    for country, count in data.active_by_country:
        writer.writerow([_("Active members in the last 90 days: %s") % country, "", count])
    for status, count in data.proposals_by_status:
        writer.writerow([_("Proposals: %s") % status, "", count])
    for row in data.surveys:
        writer.writerow([_("Survey responses: %s") % row["survey"].title, "", row["submitted"]])
    writer.writerow([_("Members"), "", data.member_count])
    writer.writerow([_("Members not active for 90 days"), "", data.inactive_count])
    return response

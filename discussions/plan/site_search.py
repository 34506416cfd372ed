"""The action plan's group in the site search: proposals (members) and plan items (members,
or everyone where the period's plan is public)."""

from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discussions.plan.models import PlanItem, Proposal, is_member
from racop.search import CAP, Found, HasFoldedWords, Hit, Provider


def search_plan(words, request, limit):
    """Return the plan items, then the proposals, the reader may see that hold the words."""
    member = is_member(request.user)
    items = PlanItem.objects.filter(HasFoldedWords(words, "title", "description"))
    if not member:
        items = items.filter(Q(period__summary_is_public=True))
    items = list(items.select_related("period").order_by()[: CAP + 1])
    items.sort(key=lambda item: (-item.starts_on.toordinal(), item.pk))
    proposals = []
    if member:
        proposals = list(
            Proposal.objects.filter(HasFoldedWords(words, "title", "description", "offer"))
            .order_by()
            .only("pk", "title", "description", "status", "created_at")[: CAP + 1]
        )
        proposals.sort(key=lambda proposal: (-proposal.created_at.timestamp(), proposal.pk))
    count = len(items) + len(proposals)
    hits = [
        Hit(
            title=item.title,
            url=item.get_absolute_url(),
            snippet=item.description[:240],
            kind=_("Plan item"),
            facts=[item.period.name],
        )
        for item in items
    ] + [
        Hit(
            title=proposal.title,
            url=proposal.get_absolute_url(),
            snippet=proposal.description[:240],
            kind=_("Proposal"),
            facts=[proposal.get_status_display()],
        )
        for proposal in proposals
    ]
    url = reverse("search") + "?" + urlencode({"q": words, "in": "plan"})
    return Found(min(count, CAP + 1), hits[:limit], url)


provider = Provider(name="plan", label=_("Action plan"), search=search_plan, order=40)

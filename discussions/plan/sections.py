"""Blocks the action plan adds to topic pages, to people in the directory and to a
member's home."""

from django.db.models import Count, Prefetch

from discussions.plan.models import Champion, Proposal, is_member


def topic_champions(request, topic, **kwargs):
    """Return the topic's confirmed champions (for members) and the link to the plan."""
    if not is_member(request.user):
        return {"champions": [], "show_plan": False}
    champions = Champion.objects.confirmed().filter(topic=topic).select_related("user")
    return {"champions": list(champions.order_by("user__last_name")), "show_plan": True}


def person_championships():
    """Return the prefetch of a person's confirmed championships, as `championships_confirmed`."""
    return Prefetch(
        "championships",
        queryset=Champion.objects.confirmed().select_related("topic", "commitment"),
        to_attr="championships_confirmed",
    )


HOME_PROPOSALS = 5


def home_my_proposals(request, **kwargs):
    """Return the person's latest proposals for the plan, with their support counts."""
    proposals = (
        Proposal.objects.filter(proposer=request.user)
        .annotate(support_count=Count("supports"))
        .order_by("-created_at", "-pk")[:HOME_PROPOSALS]
    )
    return {"proposals": list(proposals)}

"""What the Pledge adds to a member's home: the next steps (sign, assess, ask for a peer
review) and the peer reviews waiting for the person's organisations, in fixed queries."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Membership
from pledges.models import Assessment, PeerReview, Signature
from racop.sections import Step

HOME_REVIEWS = 5


def _pledge_step(user, represented, others, signed_organisations, signed_self):
    """Return the Pledge step: a representative signs for the organisation, others ask one."""
    url = reverse("pledges:pledge_sign")
    action = _("Sign the Pledge")
    if represented:
        unsigned = [o for o in represented if o.pk not in signed_organisations]
        organisation = (unsigned or represented)[0]
        return Step(
            name="pledges.sign",
            title=_("Sign the Pledge"),
            why=_(
                "As a representative of %(organisation)s you sign for it: the organisation "
                "commits in public to making its work more accountable and transparent."
            )
            % {"organisation": organisation.name},
            action=action,
            url=url,
            order=10,
            done=not unsigned,
        )
    if others:
        done = signed_self or any(o.pk in signed_organisations for o in others)
        return Step(
            name="pledges.sign",
            title=_("Sign the Pledge") if done else _("Ask your representative to sign the Pledge"),
            why=_(
                "Only a representative of %(organisation)s can sign for it: ask them. "
                "You can also sign for yourself, as an individual."
            )
            % {"organisation": others[0].name},
            action=action,
            url=url,
            order=10,
            done=done,
        )
    return Step(
        name="pledges.sign",
        title=_("Sign the Pledge"),
        why=_("Commit in public to making your own work more accountable and transparent."),
        action=action,
        url=url,
        order=10,
        done=signed_self,
    )


def _assessment_step(assessments, can_assess):
    """Return the self-assessment step: start one, finish the draft, or done for the year."""
    action = _("Assess the 12 commitments")
    step = {"name": "pledges.assess", "title": _("Assess the 12 commitments"), "order": 20}
    recent = timezone.now().year - 1
    if any(not a.is_draft and a.year >= recent for a in assessments):
        return Step(
            **step,
            why=_(
                "Your self-assessment is submitted. Thank you for holding yourselves to account."
            ),
            done=True,
        )
    draft = next((a for a in assessments if a.is_draft), None)
    if draft is not None:
        return Step(
            **step,
            why=_("Your self-assessment for %(year)s is a draft: finish it and submit it.")
            % {"year": draft.year},
            action=action,
            url=reverse("pledges:assessment_edit", kwargs={"pk": draft.pk}),
        )
    if not can_assess:
        return Step(
            **step,
            why=_(
                "Once the Pledge is signed: each year, say where you stand on each commitment, "
                "with evidence."
            ),
        )
    return Step(
        **step,
        why=_(
            "Each year, say where you stand on each commitment, with evidence. "
            "Save a draft as often as you like."
        ),
        action=action,
        url=reverse("pledges:assessment_list"),
    )


def _peer_review_step(assessments):
    """Return the peer review step, for organisations: after their assessment is submitted."""
    step = {"name": "pledges.peer_review", "title": _("Ask for a peer review"), "order": 40}
    submitted = [a for a in assessments if a.organisation_id and not a.is_draft]
    if any(a.review_count for a in submitted):
        return Step(
            **step,
            why=_("Another member organisation is reading your self-assessment."),
            done=True,
        )
    if not submitted:
        return Step(
            **step,
            why=_(
                "Once your organisation's self-assessment is submitted, ask another member "
                "organisation to read it and comment: a fresh look helps."
            ),
        )
    return Step(
        **step,
        why=_(
            "Ask another member organisation to read your self-assessment and comment: "
            "a fresh look helps."
        ),
        action=_("Ask for a peer review"),
        url=submitted[0].get_absolute_url() + "#reviews-heading",
    )


def member_steps(request, **kwargs):
    """Return the Pledge's next steps for the person, in three queries."""
    user = request.user
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    represented = [m.organisation for m in memberships if m.role == Membership.Role.REPRESENTATIVE]
    others = [m.organisation for m in memberships if m.role != Membership.Role.REPRESENTATIVE]
    signatures = list(
        Signature.objects.active()
        .filter(Q(user=user) | Q(organisation__in=[m.organisation_id for m in memberships]))
        .values_list("organisation_id", "user_id")
    )
    signed_organisations = {organisation for organisation, _person in signatures if organisation}
    signed_self = any(person for _organisation, person in signatures)
    assessments = list(
        Assessment.objects.filter(Q(user=user) | Q(organisation__in=[o.pk for o in represented]))
        .annotate(review_count=Count("peer_reviews"))
        .order_by("-year", "pk")
    )
    can_assess = signed_self or any(o.pk in signed_organisations for o in represented)
    steps = [
        _pledge_step(user, represented, others, signed_organisations, signed_self),
        _assessment_step(assessments, can_assess),
    ]
    # Peer review is between organisations: only their representatives ask for one.
    if represented:
        steps.append(_peer_review_step(assessments))
    return steps


def home_reviews(request, **kwargs):
    """Return the peer reviews the person's organisations were asked for and have not
    finished, oldest request first, in one query."""
    reviews = (
        PeerReview.objects.filter(
            reviewer__memberships__user=request.user, reviewer_done_at__isnull=True
        )
        .select_related("reviewer", "assessment__organisation", "assessment__user")
        .order_by("created_at", "pk")[:HOME_REVIEWS]
    )
    return {"reviews": list(reviews)}

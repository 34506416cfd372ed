"""Workflows of the action plan: proposing, supporting, triage, plan items and champions."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from discussions.plan.models import (
    Champion,
    PlanItem,
    PlanPeriod,
    Proposal,
    ProposalComment,
    Support,
    is_member,
)
from members.notifications.services import email_person, writing_language
from racop.access import is_coordinator


def _notify_proposer(proposal, *, subject, template, context) -> None:
    """Email the proposer in their language (text and HTML, with why they got it)."""
    proposer = proposal.proposer
    email_person(
        user=proposer,
        subject=subject,
        template=template,
        context=lambda: {
            "site_name": settings.SITE_NAME,
            "proposal": proposal,
            "proposal_url": settings.SITE_URL + proposal.get_absolute_url(),
            **context,
        },
        reason=gettext_lazy("You receive this because you proposed an activity for the plan."),
        language=writing_language(proposer),
    )


def _require_member(user):
    if not is_member(user):
        raise PermissionDenied(_("Only members can take part in the action plan."))


@transaction.atomic
def proposal_create(*, user, form) -> Proposal:
    """Save a member's proposal with its topics and commitments."""
    _require_member(user)
    proposal = form.save(commit=False)
    proposal.proposer = user
    proposal.save()
    form.save_m2m()
    return proposal


def proposal_support(*, proposal, user) -> Support:
    """Support an open proposal once; a second support (even at the same moment) is refused."""
    _require_member(user)
    if not proposal.is_open:
        raise ValidationError(_("This proposal is no longer open for support."))
    already = _("You already support this proposal.")
    if Support.objects.filter(proposal=proposal, user=user).exists():
        raise ValidationError(already)
    try:
        with transaction.atomic():
            return Support.objects.create(proposal=proposal, user=user)
    except IntegrityError as error:
        raise ValidationError(already) from error


def proposal_unsupport(*, proposal, user) -> bool:
    """Withdraw the person's support; return whether there was one."""
    deleted, _rows = Support.objects.filter(proposal=proposal, user=user).delete()
    return bool(deleted)


def proposal_comment(*, proposal, user, body) -> ProposalComment:
    """Add a member's comment to a proposal."""
    _require_member(user)
    return ProposalComment.objects.create(proposal=proposal, author=user, body=body)


def _decide(proposal, *, by, status, note="", merged_into=None):
    if not is_coordinator(by):
        raise PermissionDenied(_("Only coordinators triage proposals."))
    if proposal.status in {Proposal.Status.MERGED, Proposal.Status.ACCEPTED}:
        raise ValidationError(_("This proposal was already decided."))
    proposal.status = status
    proposal.triage_note = note
    proposal.merged_into = merged_into
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save(
        update_fields=["status", "triage_note", "merged_into", "decided_by", "decided_at"]
    )


@transaction.atomic
def proposal_accept(*, proposal, by, period=None, note="") -> PlanItem:
    """Accept a proposal into the plan's current period as a planned item."""
    period = period or PlanPeriod.objects.current()
    if period is None:
        raise ValidationError(_("Create a plan period covering today first."))
    _decide(proposal, by=by, status=Proposal.Status.ACCEPTED, note=note)
    # The proposal's words become the item's text in the site's language, the one every
    # other language falls back to; coordinators add translations in the back office.
    with translation.override(settings.LANGUAGE_CODE):
        item = PlanItem.objects.create(
            period=period,
            proposal=proposal,
            title=proposal.title,
            description=proposal.description,
            owner_user=proposal.proposer,
            starts_on=max(timezone.localdate(), period.starts_on),
            ends_on=period.ends_on,
        )
    item.topics.set(proposal.topics.all())
    _notify_proposer(
        proposal,
        subject=gettext_lazy("Your proposal is in the action plan"),
        template="discussions/plan/email/proposal_triaged.txt",
        context={"decision": "accepted", "note": note, "item": item},
    )
    return item


@transaction.atomic
def proposal_needs_work(*, proposal, by, note) -> Proposal:
    """Send a proposal back to its proposer with a note on what it needs."""
    if not note.strip():
        raise ValidationError(_("Say what the proposal needs."))
    _decide(proposal, by=by, status=Proposal.Status.NEEDS_WORK, note=note)
    _notify_proposer(
        proposal,
        subject=gettext_lazy("Your proposal needs some work"),
        template="discussions/plan/email/proposal_triaged.txt",
        context={"decision": "needs-work", "note": note},
    )
    return proposal


@transaction.atomic
def proposal_decline(*, proposal, by, note) -> Proposal:
    """Decline a proposal, with the reason."""
    if not note.strip():
        raise ValidationError(_("Give the reason for declining."))
    _decide(proposal, by=by, status=Proposal.Status.DECLINED, note=note)
    _notify_proposer(
        proposal,
        subject=gettext_lazy("Your proposal was declined"),
        template="discussions/plan/email/proposal_triaged.txt",
        context={"decision": "declined", "note": note},
    )
    return proposal


@transaction.atomic
def proposal_merge(*, proposal, into, by, note="") -> Proposal:
    """Merge a proposal into another: its supports move over, a person counted once."""
    if into.pk == proposal.pk:
        raise ValidationError(_("A proposal cannot be merged into itself."))
    if into.status in {Proposal.Status.MERGED, Proposal.Status.DECLINED}:
        raise ValidationError(_("Merge into a proposal that is still open or accepted."))
    _decide(proposal, by=by, status=Proposal.Status.MERGED, note=note, merged_into=into)
    already = Support.objects.filter(proposal=into).values("user")
    proposal.supports.exclude(user__in=already).update(proposal=into)
    proposal.supports.all().delete()
    _notify_proposer(
        proposal,
        subject=gettext_lazy("Your proposal was merged into another"),
        template="discussions/plan/email/proposal_triaged.txt",
        context={
            "decision": "merged",
            "note": note,
            "into": into,
            # Lazy: built in the proposer's language (/mk/plan/…), not the coordinator's.
            "into_url": format_lazy("{}{}", settings.SITE_URL, lazy(into.get_absolute_url, str)()),
        },
    )
    return proposal


TRIAGE_LABELS = {
    "accept": gettext_lazy("Accept into the plan"),
    "needs-work": gettext_lazy("Needs work"),
    "merge": gettext_lazy("Merge into another proposal"),
    "decline": gettext_lazy("Decline"),
}


def proposal_triage(*, proposal, by, decision, note="", into=None):
    """Apply a coordinator's decision named by the triage form."""
    if decision == "accept":
        return proposal_accept(proposal=proposal, by=by, note=note)
    if decision == "needs-work":
        return proposal_needs_work(proposal=proposal, by=by, note=note)
    if decision == "decline":
        return proposal_decline(proposal=proposal, by=by, note=note)
    if decision == "merge":
        return proposal_merge(proposal=proposal, into=into, by=by, note=note)
    raise ValidationError(_("Choose a decision."))


def champion_nominate(*, user, nominated_by, reason, topic=None, commitment=None) -> Champion:
    """Record a member's nomination of another member as a champion."""
    _require_member(nominated_by)
    if not user.is_member:
        raise ValidationError(_("Only members can be champions."))
    try:
        with transaction.atomic():
            return Champion.objects.create(
                user=user,
                topic=topic,
                commitment=commitment,
                reason=reason,
                nominated_by=nominated_by,
            )
    except IntegrityError as error:
        raise ValidationError(_("This person is already nominated for it.")) from error


def champion_decide(*, champion, by, confirm: bool) -> Champion:
    """Confirm or turn down a nomination (coordinators)."""
    if not is_coordinator(by):
        raise PermissionDenied(_("Only coordinators confirm champions."))
    champion.status = Champion.Status.CONFIRMED if confirm else Champion.Status.DECLINED
    champion.decided_by = by
    champion.save(update_fields=["status", "decided_by"])
    return champion


def champion_ask(*, champion, asker, role, message) -> None:
    """Ask a confirmed champion, by email in their language, to host or review something."""
    _require_member(asker)
    if champion.status != Champion.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed champions can be asked."))
    person = champion.user
    email_person(
        user=person,
        subject=gettext_lazy("A member asks for your help as a champion"),
        template="discussions/plan/email/champion_ask.txt",
        context=lambda: {
            "site_name": settings.SITE_NAME,
            "champion": champion,
            "asker": asker,
            "role": role,
            "message": message,
            "asker_url": settings.SITE_URL + asker.get_absolute_url(),
            "champions_url": settings.SITE_URL + reverse("plan:champion_list"),
        },
        reason=gettext_lazy("You receive this because you are a confirmed champion."),
        language=writing_language(person),
    )

"""Workflows of the Pledge, self-assessments and peer review."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Membership, NotificationPreference, Organisation, User
from members.notifications.services import notification_send
from pledges.models import (
    Answer,
    Assessment,
    Commitment,
    PeerReview,
    PledgeVersion,
    ReviewComment,
    Signature,
)
from racop.access import is_coordinator


def is_representative(user: User, organisation: Organisation) -> bool:
    """Tell whether the person represents the organisation."""
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.Role.REPRESENTATIVE
    ).exists()


def representatives(organisation_ids) -> list[User]:
    """Return the people who represent the organisations."""
    return list(
        User.objects.filter(
            memberships__organisation__in=organisation_ids,
            memberships__role=Membership.Role.REPRESENTATIVE,
        ).distinct()
    )


@transaction.atomic
def pledge_sign(
    *,
    user: User,
    organisation: Organisation | None = None,
    statement: str = "",
    is_public: bool = True,
) -> Signature:
    """Sign the current Pledge for the organisation the person represents, or for themself."""
    if not user.is_member:
        raise PermissionDenied(_("Only members can sign the Pledge."))
    version = PledgeVersion.objects.current()
    if version is None:
        raise ValidationError(_("The Pledge has not been published yet."))
    if organisation is not None and not is_representative(user, organisation):
        raise PermissionDenied(_("Only a representative can sign for an organisation."))
    signatory = {"organisation": organisation} if organisation else {"user": user}
    if organisation:
        already = _(
            "%(organisation)s has already signed the Pledge. Withdraw that signature first "
            "to sign again."
        ) % {"organisation": organisation}
    else:
        already = _(
            "You have already signed the Pledge. Withdraw that signature first to sign again."
        )
    if Signature.objects.active().filter(**signatory).exists():
        raise ValidationError(already)
    try:
        # A savepoint, so a representative signing at the same moment gets the message.
        with transaction.atomic():
            return Signature.objects.create(
                version=version,
                signed_by=user,
                country=str(organisation.country) if organisation else _user_country(user),
                statement=statement,
                is_public=is_public,
                **signatory,
            )
    except IntegrityError as error:
        raise ValidationError(already) from error


def _user_country(user: User) -> str:
    """Return the country of the person's first organisation, if any."""
    organisation = Organisation.objects.filter(memberships__user=user).order_by("name").first()
    return str(organisation.country) if organisation else ""


def can_act_on(user: User, signature: Signature) -> bool:
    """Tell whether the person may withdraw or renew the signature."""
    if signature.user_id:
        return signature.user_id == user.pk
    return is_representative(user, signature.organisation)


@transaction.atomic
def signature_withdraw(*, signature: Signature, user: User) -> Signature:
    """Withdraw a signature: it stays in the history and leaves the wall."""
    if not (is_coordinator(user) or can_act_on(user, signature)):
        raise PermissionDenied
    if not signature.is_active:
        raise ValidationError(_("This signature was already withdrawn."))
    signature.withdrawn_at = timezone.now()
    signature.save(update_fields=["withdrawn_at"])
    return signature


@transaction.atomic
def signature_renew(*, signature: Signature, user: User) -> Signature:
    """Sign the current version in place of an older one, keeping the statement."""
    if not can_act_on(user, signature):
        raise PermissionDenied
    version = PledgeVersion.objects.current()
    if not signature.is_active or version is None or signature.version_id == version.pk:
        raise ValidationError(_("This signature is already on the current version."))
    signature.withdrawn_at = timezone.now()
    signature.save(update_fields=["withdrawn_at"])
    renewed = Signature.objects.create(
        version=version,
        organisation=signature.organisation,
        user=signature.user,
        signed_by=user,
        country=signature.country,
        statement=signature.statement,
        is_public=signature.is_public,
    )
    signature.renewed_as = renewed
    signature.save(update_fields=["renewed_as"])
    return renewed


@transaction.atomic
def pledge_version_publish(*, version: PledgeVersion) -> int:
    """Publish a version and invite everyone who signed an older one to renew.

    Return how many people were invited.
    """
    if version.is_published:
        raise ValidationError(_("This version is already published."))
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    older = Signature.objects.active().exclude(version=version)
    people = {
        user.pk: user
        for user in User.objects.filter(pk__in=older.filter(user__isnull=False).values("user"))
    }
    organisations = older.filter(organisation__isnull=False).values("organisation")
    people.update((user.pk, user) for user in representatives(organisations))
    notification_send(
        recipients=people.values(),
        kind=NotificationPreference.Kind.PLEDGE_RENEWAL,
        subject=gettext_lazy("The Pledge has a new version: please renew your signature"),
        template="pledges/emails/renew_invitation.txt",
        # Lazy addresses are built in each recipient's language (/mk/pledge/sign/).
        context={"version": version, "sign_url": reverse_lazy("pledges:pledge_sign")},
        url=reverse("pledges:pledge_sign"),
    )
    return len(people)


@transaction.atomic
def assessment_start(
    *, user: User, year: int, organisation: Organisation | None = None
) -> Assessment:
    """Start a year's self-assessment with one empty answer per commitment."""
    if organisation is not None and not is_representative(user, organisation):
        raise PermissionDenied(_("Only a representative can assess an organisation."))
    owner = {"organisation": organisation} if organisation else {"user": user}
    if not Signature.objects.active().filter(**owner).exists():
        raise ValidationError(_("Sign the Pledge first: self-assessments are for signatories."))
    if Assessment.objects.filter(year=year, **owner).exists():
        raise ValidationError(
            _("There is already a self-assessment for %(year)s.") % {"year": year}
        )
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(year=year, created_by=user, **owner)
    except IntegrityError as error:
        raise ValidationError(
            _("There is already a self-assessment for %(year)s.") % {"year": year}
        ) from error
    Answer.objects.bulk_create(
        Answer(assessment=assessment, commitment=commitment)
        for commitment in Commitment.objects.for_list()
    )
    return assessment


def can_edit_assessment(user: User, assessment: Assessment) -> bool:
    """Tell whether the person may change the assessment (only its owners, only drafts)."""
    if not assessment.is_draft:
        return False
    if assessment.user_id:
        return assessment.user_id == user.pk
    return is_representative(user, assessment.organisation)


@transaction.atomic
def assessment_submit(*, assessment: Assessment, user: User) -> Assessment:
    """Lock the year's assessment once every commitment has a level."""
    if not can_edit_assessment(user, assessment):
        raise PermissionDenied
    missing = assessment.missing_levels()
    if missing:
        raise ValidationError(
            _("Choose a level for every commitment before submitting (%(count)s missing).")
            % {"count": missing}
        )
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_at", "updated_at"])
    return assessment


@transaction.atomic
def peer_review_request(
    *, assessment: Assessment, reviewer: Organisation, user: User
) -> PeerReview:
    """Ask another member organisation to review a submitted self-assessment."""
    is_owner = (
        assessment.user_id == user.pk
        if assessment.user_id
        else is_representative(user, assessment.organisation)
    )
    if not (is_owner or is_coordinator(user)):
        raise PermissionDenied
    if assessment.is_draft:
        raise ValidationError(_("Submit the self-assessment before asking for a peer review."))
    if reviewer.pk == assessment.organisation_id:
        raise ValidationError(_("An organisation cannot review itself."))
    if PeerReview.objects.filter(assessment=assessment, reviewer=reviewer).exists():
        raise ValidationError(_("%(reviewer)s was already asked.") % {"reviewer": reviewer})
    review = PeerReview.objects.create(assessment=assessment, reviewer=reviewer, requested_by=user)
    ReviewComment.objects.bulk_create(
        ReviewComment(review=review, commitment_id=answer.commitment_id)
        for answer in assessment.answers.all()
    )
    notification_send(
        recipients=representatives([reviewer.pk]),
        kind=NotificationPreference.Kind.PEER_REVIEW,
        subject=gettext_lazy("You are asked to peer-review a self-assessment"),
        template="pledges/emails/review_request.txt",
        context={"review": review, "review_url": lazy(review.get_absolute_url, str)()},
        url=review.get_absolute_url(),
    )
    return review


def review_side(user: User, review: PeerReview) -> str | None:
    """Return "reviewer", "reviewed" or None for someone not on either side."""
    if is_representative(user, review.reviewer):
        return "reviewer"
    assessment = review.assessment
    if assessment.user_id == user.pk or (
        assessment.organisation_id and is_representative(user, assessment.organisation)
    ):
        return "reviewed"
    return None


def _notify_other_side(review: PeerReview, *, side: str) -> None:
    """Tell the other side of a peer review that this side has answered."""
    if side == "reviewer":
        assessment = review.assessment
        if assessment.user_id:
            people = [assessment.user]
        else:
            people = representatives([assessment.organisation_id])
        subject = gettext_lazy("Your peer review was answered")
    else:
        people = representatives([review.reviewer_id])
        subject = gettext_lazy("The reviewed side finished the peer review")
    notification_send(
        recipients=people,
        kind=NotificationPreference.Kind.PEER_REVIEW,
        subject=subject,
        template="pledges/emails/review_answered.txt",
        context={
            "review": review,
            "review_url": lazy(review.get_absolute_url, str)(),
            "side": side,
        },
        url=review.get_absolute_url(),
    )


@transaction.atomic
def peer_review_mark_done(*, review: PeerReview, user: User) -> PeerReview:
    """Record that the person's side considers the review complete."""
    side = review_side(user, review)
    if side is None:
        raise PermissionDenied
    field = "reviewer_done_at" if side == "reviewer" else "reviewed_done_at"
    if getattr(review, field) is None:
        setattr(review, field, timezone.now())
        review.save(update_fields=[field])
        _notify_other_side(review, side=side)
    return review

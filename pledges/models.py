from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from members.models import Membership, Organisation
from racop.access import is_coordinator

# Aggregates about fewer contributors than this are never shown, so nobody is singled out.
MIN_GROUP_SIZE = 3


class PledgeVersionQuerySet(models.QuerySet):
    def published(self):
        """Return versions already published, newest first."""
        return self.filter(published_at__isnull=False, published_at__lte=timezone.now()).order_by(
            "-number"
        )

    def current(self):
        """Return the latest published version, or None before the first is published."""
        return self.published().first()


class PledgeVersion(models.Model):
    """One wording of the Pledge; older versions and their signatures stay readable."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "pledge"

    number = models.PositiveIntegerField(_("version number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown."))
    why_it_matters = models.TextField(_("why it matters"), blank=True, help_text=_("Markdown."))
    changes = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("A short note for signatories invited to renew."),
    )
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("Empty while the version is a draft."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PledgeVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("pledge version")
        verbose_name_plural = _("pledge versions")

    def __str__(self):
        return _("Version %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def get_absolute_url(self):
        return reverse("pledges:version_detail", kwargs={"number": self.number})

    @property
    def is_published(self):
        return self.published_at is not None and self.published_at <= timezone.now()


class SignatureQuerySet(models.QuerySet):
    def active(self):
        """Return signatures that are neither withdrawn nor replaced by a renewal."""
        return self.filter(withdrawn_at__isnull=True)

    def public(self):
        """Return active signatures the signatories agreed to show."""
        return self.active().filter(is_public=True)

    def for_organisation(self, organisation):
        """Return the organisation's signatures (chain after active() for its pledge status)."""
        return self.filter(organisation=organisation)

    def for_individual(self, user):
        """Return the person's signatures made for themself."""
        return self.filter(user=user)

    def of_type(self, kind):
        """Return signatures by organisations, networks or individuals."""
        if kind == Signature.Kind.INDIVIDUAL:
            return self.filter(user__isnull=False)
        if kind in {Signature.Kind.ORGANISATION, Signature.Kind.NETWORK}:
            return self.filter(organisation__kind=kind)
        return self

    def in_country(self, country):
        """Return signatures from organisations or people based in the country."""
        return self.filter(country=country) if country else self

    def for_wall(self):
        """Return signatures with what the wall shows, grouped by country."""
        return (
            self.select_related("version", "organisation", "user")
            # Only what a card shows: a version's texts in every language weigh kilobytes.
            .only(
                "country",
                "signed_at",
                "statement",
                "is_public",
                "withdrawn_at",
                "version__number",
                "organisation__name",
                "organisation__slug",
                "organisation__kind",
                "user__first_name",
                "user__last_name",
            )
            .order_by(
                "country", "organisation__name", "user__first_name", "user__last_name", "signed_at"
            )
        )

    def counts_by_country(self):
        """Return [{country, organisations, networks, individuals, total}] in one query."""
        return (
            self.order_by()
            .values("country")
            .annotate(
                organisations=Count(
                    "pk", filter=Q(organisation__kind=Organisation.Kind.ORGANISATION)
                ),
                networks=Count("pk", filter=Q(organisation__kind=Organisation.Kind.NETWORK)),
                individuals=Count("pk", filter=Q(user__isnull=False)),
                total=Count("pk"),
            )
            .order_by("-total", "country")
        )

    def totals(self):
        """Return how many organisations, individuals and countries signed, in one query."""
        return self.aggregate(
            organisations=Count("pk", filter=Q(organisation__isnull=False)),
            individuals=Count("pk", filter=Q(user__isnull=False)),
            countries=Count("country", distinct=True, filter=~Q(country="")),
        )

    def signed_by_user(self, user):
        """Return active signatures the person may act on: their own and their organisations'."""
        organisations = Membership.objects.filter(
            user=user, role=Membership.Role.REPRESENTATIVE
        ).values("organisation")
        # Two indexed lookups joined by UNION: with an OR, PostgreSQL expects half the table
        # and scans every person to join them.
        own = self.model.objects.filter(user=user).values("pk")
        represented = self.model.objects.filter(organisation__in=organisations).values("pk")
        return (
            self.active()
            .filter(pk__in=own.union(represented))
            .select_related("version", "organisation", "user")
        )


class Signature(models.Model):
    """A signature of the Pledge by an organisation (through its representative) or a person."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "pledge"

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        NETWORK = "network", _("Network")
        INDIVIDUAL = "individual", _("Individual")

    version = models.ForeignKey(
        PledgeVersion, models.PROTECT, related_name="signatures", verbose_name=_("version")
    )
    organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="pledge_signatures",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="pledge_signatures",
        verbose_name=_("individual"),
        help_text=_("Set when a person signs for themself."),
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    # Copied when signing so the wall groups by country without a join per kind of signatory.
    country = models.CharField(_("country"), max_length=2, blank=True)
    statement = models.TextField(
        _("why we sign"), blank=True, max_length=1000, help_text=_("Optional, shown publicly.")
    )
    is_public = models.BooleanField(
        _("show on the public wall"),
        default=True,
        help_text=_("Uncheck to sign without appearing on the wall or in the open data."),
    )
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("ended"), null=True, blank=True)
    renewed_as = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="renews",
        verbose_name=_("renewed as"),
        help_text=_("The signature of a newer version that replaced this one."),
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_at"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True) ^ Q(user__isnull=True),
                name="signature_organisation_xor_user",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(withdrawn_at__isnull=True, organisation__isnull=False),
                name="signature_one_active_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(withdrawn_at__isnull=True, user__isnull=False),
                name="signature_one_active_per_individual",
            ),
        ]

    def __str__(self):
        return _("%(signatory)s signed version %(number)s") % {
            "signatory": self.signatory_name,
            "number": self.version.number,
        }

    @property
    def signatory_name(self):
        """Return the public name: never an individual's email address."""
        if self.organisation_id:
            return self.organisation.name
        return self.user.get_full_name() or _("A member who gave no name")

    @property
    def country_name(self):
        return countries.name(self.country) if self.country else ""

    @property
    def kind(self):
        if self.user_id:
            return self.Kind.INDIVIDUAL
        return self.Kind(self.organisation.kind)

    @property
    def is_active(self):
        return self.withdrawn_at is None


class CommitmentQuerySet(models.QuerySet):
    def for_list(self):
        """Return the commitments in their numbered order."""
        return self.order_by("number")


class Commitment(models.Model):
    """One of the 12 commitments of the Global Standard for CSO Accountability."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "pledge"

    class Cluster(models.TextChoices):
        A = "A", _("What we want to achieve")
        B = "B", _("Our approach to change")
        C = "C", _("What we do internally")

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    cluster = models.CharField(_("cluster"), max_length=1, choices=Cluster)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    guiding_questions = models.TextField(
        _("guiding questions"), blank=True, help_text=_("One question per line.")
    )

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("pledges:commitment_detail", kwargs={"slug": self.slug})

    @property
    def questions(self):
        return [line.strip() for line in self.guiding_questions.splitlines() if line.strip()]


class Level(models.IntegerChoices):
    NOT_STARTED = 0, _("Not started")
    EMERGING = 1, _("Emerging")
    ESTABLISHED = 2, _("Established")
    LEADING = 3, _("Leading")


class AssessmentQuerySet(models.QuerySet):
    def submitted(self):
        """Return assessments whose owners submitted them."""
        return self.filter(status=Assessment.Status.SUBMITTED)

    def owned_by(self, user):
        """Return assessments the person may edit: their own and their organisations'."""
        organisations = Membership.objects.filter(
            user=user, role=Membership.Role.REPRESENTATIVE
        ).values("organisation")
        return self.filter(Q(user=user) | Q(organisation__in=organisations))

    def visible_to(self, user):
        """Return assessments the person may read."""
        if is_coordinator(user):
            return self
        visible = Q(status=Assessment.Status.SUBMITTED, visibility=Assessment.Visibility.PUBLIC)
        if user.is_authenticated:
            organisations = Membership.objects.filter(user=user).values("organisation")
            reviewing = PeerReview.objects.filter(reviewer__in=organisations).values("assessment")
            visible |= Q(user=user) | Q(organisation__in=organisations)
            visible |= Q(status=Assessment.Status.SUBMITTED, pk__in=reviewing)
            if user.is_member:
                visible |= Q(
                    status=Assessment.Status.SUBMITTED,
                    visibility=Assessment.Visibility.MEMBERS,
                )
        return self.filter(visible)

    def for_list(self):
        """Return assessments with their owner, newest year first."""
        return self.select_related("organisation", "user").order_by("-year", "organisation__name")

    def with_answers(self):
        """Return assessments with their answers and commitments loaded."""
        return self.select_related("organisation", "user", "created_by").prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("commitment")
                .prefetch_related("feedback_rounds")
                .order_by("commitment__number"),
            )
        )

    def contributors_by_country(self, year):
        """Return [{country, count}] of organisations that submitted for the year."""
        return (
            self.submitted()
            .filter(year=year, organisation__isnull=False)
            .order_by()
            .values(country=models.F("organisation__country"))
            .annotate(count=Count("pk"))
            .order_by("country")
        )


class Assessment(models.Model):
    """A yearly self-assessment against the 12 commitments, by an organisation or a person."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "pledge"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Only us (and coordinators)")
        MEMBERS = "members", _("Community members")
        PUBLIC = "public", _("Everyone")

    organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("individual"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    visibility = models.CharField(
        _("who may read it"), max_length=20, choices=Visibility, default=Visibility.MEMBERS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True) ^ Q(user__isnull=True),
                name="assessment_organisation_xor_user",
            ),
            models.UniqueConstraint(
                fields=["organisation", "year"],
                condition=Q(organisation__isnull=False),
                name="assessment_one_per_organisation_year",
            ),
            models.UniqueConstraint(
                fields=["user", "year"],
                condition=Q(user__isnull=False),
                name="assessment_one_per_individual_year",
            ),
        ]

    def __str__(self):
        return _("%(owner)s, %(year)s") % {"owner": self.owner_name, "year": self.year}

    def get_absolute_url(self):
        return reverse("pledges:assessment_detail", kwargs={"pk": self.pk})

    @property
    def owner_name(self):
        return str(self.organisation or self.user)

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    def missing_levels(self):
        """Return how many commitments have no level yet (submitting needs every one)."""
        return self.answers.filter(level__isnull=True).count()


class AnswerQuerySet(models.QuerySet):
    def submitted_in(self, year):
        """Return levelled answers of assessments submitted for the year."""
        return self.filter(
            assessment__status=Assessment.Status.SUBMITTED,
            assessment__year=year,
            level__isnull=False,
        )

    def level_counts(self):
        """Return [{commitment_id, level, count}]: how many answers gave each level."""
        return (
            self.order_by()
            .values("commitment_id", "level")
            .annotate(count=Count("pk"))
            .order_by("commitment_id", "level")
        )

    def level_counts_by_country(self):
        """Return [{commitment_id, level, country, count}] in one pass over the answers; the
        country is the owning organisation's (None for individuals' assessments)."""
        return (
            self.order_by()
            .values("commitment_id", "level", country=models.F("assessment__organisation__country"))
            .annotate(count=Count("pk"))
            .order_by()
        )


class Answer(models.Model):
    """An assessment's level, evidence and next step for one commitment."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "pledge"

    assessment = models.ForeignKey(
        Assessment, models.CASCADE, related_name="answers", verbose_name=_("self-assessment")
    )
    commitment = models.ForeignKey(
        Commitment, models.PROTECT, related_name="answers", verbose_name=_("commitment")
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level, null=True, blank=True)
    evidence = models.TextField(
        _("evidence"), blank=True, max_length=5000, help_text=_("What shows it. Markdown.")
    )
    evidence_links = models.TextField(
        _("evidence links"), blank=True, help_text=_("One web address per line.")
    )
    next_step = models.TextField(_("what we will improve"), blank=True, max_length=2000)
    next_step_owner = models.CharField(_("who owns the next step"), max_length=200, blank=True)
    next_step_due = models.DateField(_("next step due"), null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["commitment__number"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "commitment"], name="answer_one_per_commitment"
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__gte=0, level__lte=3),
                name="answer_level_range",
            ),
        ]

    def __str__(self):
        return f"{self.assessment} – {self.commitment}"

    @property
    def links(self):
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


class PeerReviewQuerySet(models.QuerySet):
    def involving(self, user):
        """Return reviews where the person belongs to the reviewer or the reviewed side."""
        if is_coordinator(user):
            return self
        organisations = Membership.objects.filter(user=user).values("organisation")
        return self.filter(
            Q(reviewer__in=organisations)
            | Q(assessment__organisation__in=organisations)
            | Q(assessment__user=user)
        )

    def for_list(self):
        """Return reviews with both sides loaded."""
        return self.select_related(
            "reviewer", "assessment__organisation", "assessment__user"
        ).order_by("-created_at")

    def completed(self):
        """Return reviews both sides marked complete."""
        return self.filter(reviewer_done_at__isnull=False, reviewed_done_at__isnull=False)


class PeerReview(models.Model):
    """A member organisation reads another's submitted self-assessment and comments on it."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "pledge"

    assessment = models.ForeignKey(
        Assessment, models.CASCADE, related_name="peer_reviews", verbose_name=_("self-assessment")
    )
    reviewer = models.ForeignKey(
        Organisation,
        models.CASCADE,
        related_name="peer_reviews_given",
        verbose_name=_("reviewing organisation"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    reviewer_done_at = models.DateTimeField(_("reviewer marked complete"), null=True, blank=True)
    reviewed_done_at = models.DateTimeField(
        _("reviewed side marked complete"), null=True, blank=True
    )

    objects = PeerReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "reviewer"], name="peer_review_once_per_pair"
            ),
        ]

    def __str__(self):
        return _("%(reviewer)s reviews %(assessment)s") % {
            "reviewer": self.reviewer,
            "assessment": self.assessment,
        }

    def get_absolute_url(self):
        return reverse("pledges:review_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.assessment_id and self.assessment.is_draft:
            raise ValidationError(_("Only a submitted self-assessment can be peer-reviewed."))
        if (
            self.reviewer_id
            and self.assessment_id
            and self.assessment.organisation_id == self.reviewer_id
        ):
            raise ValidationError(_("An organisation cannot review itself."))

    @property
    def is_complete(self):
        return self.reviewer_done_at is not None and self.reviewed_done_at is not None


class ReviewComment(models.Model):
    """The reviewer's comment on one commitment and the reviewed side's answer."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "pledge"

    review = models.ForeignKey(
        PeerReview, models.CASCADE, related_name="comments", verbose_name=_("peer review")
    )
    commitment = models.ForeignKey(
        Commitment, models.PROTECT, related_name="+", verbose_name=_("commitment")
    )
    comment = models.TextField(_("reviewer's comment"), blank=True, max_length=5000)
    response = models.TextField(_("response"), blank=True, max_length=5000)

    class Meta:
        ordering = ["commitment__number"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "commitment"], name="review_comment_one_per_commitment"
            )
        ]

    def __str__(self):
        return f"{self.review} – {self.commitment.number}"

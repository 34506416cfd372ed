"""The community's action plan: proposals, supports, plan periods and items, champions."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from racop.access import sees_members_content
from racop.models import Topic

User = settings.AUTH_USER_MODEL


def is_member(user):
    """Return whether the user takes part in members-only pages (members and coordinators)."""
    return sees_members_content(user)


class ProposalQuerySet(models.QuerySet):
    def for_list(self):
        """Return proposals with their proposer, topics and support count, most supported first."""
        return (
            self.select_related("proposer")
            .prefetch_related("topics")
            .annotate(support_count=Count("supports", distinct=True))
            .order_by("-support_count", "-created_at")
        )

    def open(self):
        """Return proposals still waiting for a decision or for more work."""
        return self.filter(status__in=[Proposal.Status.OPEN, Proposal.Status.NEEDS_WORK])


class Proposal(models.Model):
    """An activity a member proposes for the community's action plan."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "plan"

    class Kind(models.TextChoices):
        CONVENING = "convening", _("Convening")
        RESOURCE = "resource", _("Resource to produce")
        TRANSLATION = "translation", _("Resource to translate")
        PEER_EXCHANGE = "peer-exchange", _("Peer exchange")
        WORKING_GROUP = "working-group", _("Working group")
        CAMPAIGN = "campaign", _("Campaign")

    class Status(models.TextChoices):
        OPEN = "open", _("Open for support")
        ACCEPTED = "accepted", _("Accepted into the plan")
        NEEDS_WORK = "needs-work", _("Needs work")
        MERGED = "merged", _("Merged into another proposal")
        DECLINED = "declined", _("Declined")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of activity"), max_length=20, choices=Kind)
    description = models.TextField(
        _("why it matters"), max_length=5000, help_text=_("Markdown. What need does it answer?")
    )
    offer = models.TextField(
        _("what I offer to do"),
        max_length=2000,
        help_text=_("Your own part: hosting, writing, translating, gathering people…"),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="plan_proposals", verbose_name=_("topics")
    )
    commitments = models.ManyToManyField(
        "pledges.Commitment",
        blank=True,
        related_name="plan_proposals",
        verbose_name=_("commitments"),
    )
    proposer = models.ForeignKey(
        User, models.PROTECT, related_name="plan_proposals", verbose_name=_("proposed by")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    triage_note = models.TextField(
        _("note from the coordinators"),
        blank=True,
        max_length=2000,
        help_text=_("What needs work, or why it was declined."),
    )
    merged_into = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_proposals",
        verbose_name=_("merged into"),
    )
    decided_by = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="merged", merged_into__isnull=False)
                | (~Q(status="merged") & Q(merged_into__isnull=True)),
                name="proposal_merged_has_target",
            ),
            models.CheckConstraint(
                condition=~Q(pk=models.F("merged_into")), name="proposal_not_merged_into_itself"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plan:proposal_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self):
        return self.status in {self.Status.OPEN, self.Status.NEEDS_WORK}


class Support(models.Model):
    """A member's support for a proposal: one per member, withdrawable."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "plan"

    proposal = models.ForeignKey(
        Proposal, models.CASCADE, related_name="supports", verbose_name=_("proposal")
    )
    user = models.ForeignKey(
        User, models.CASCADE, related_name="plan_supports", verbose_name=_("person")
    )
    created_at = models.DateTimeField(_("supported"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="plan_support_unique")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.proposal_id}"


class ProposalComment(models.Model):
    """A member's comment on a proposal."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "plan"

    proposal = models.ForeignKey(
        Proposal, models.CASCADE, related_name="comments", verbose_name=_("proposal")
    )
    author = models.ForeignKey(
        User, models.CASCADE, related_name="plan_comments", verbose_name=_("author")
    )
    body = models.TextField(_("comment"), max_length=3000, help_text=_("Markdown."))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on a proposal")
        verbose_name_plural = _("comments on proposals")

    def __str__(self):
        return _("Comment %(id)s") % {"id": self.pk}


class PlanPeriodQuerySet(models.QuerySet):
    def current(self):
        """Return the period that includes today, the latest if several do."""
        today = timezone.localdate()
        return self.filter(starts_on__lte=today, ends_on__gte=today).order_by("-starts_on").first()


def _one_year_on(start):
    try:
        return start.replace(year=start.year + 1) - datetime.timedelta(days=1)
    except ValueError:  # 29 February
        return start + datetime.timedelta(days=364)


class PlanPeriod(models.Model):
    """A period of the action plan, a year by default; past periods stay readable."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "plan"

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), blank=True, help_text=_("Empty: one year on."))
    summary = models.TextField(_("summary"), blank=True, help_text=_("Markdown."))
    summary_is_public = models.BooleanField(
        _("summary public"),
        default=False,
        help_text=_("Visitors see the plan's items and their status; never proposals or people."),
    )

    objects = PlanPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("plan period")
        verbose_name_plural = _("plan periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="plan_period_ends_after_start"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("plan:plan_period", kwargs={"slug": self.slug})

    def clean(self):
        # Before the constraints are checked, so an empty end means one year on.
        if self.ends_on is None and self.starts_on:
            self.ends_on = _one_year_on(self.starts_on)


class PlanItemQuerySet(models.QuerySet):
    def for_plan(self):
        """Return items with their owner, topics, what they produced and event action items."""
        from discussions.models import ActionItem

        return self.select_related("owner_user", "owner_organisation", "proposal").prefetch_related(
            "topics",
            "events",
            "resources",
            "threads__topic",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("event", "owner")),
        )


class PlanItem(models.Model):
    """An activity in the plan, with an owner, a timeline and a status."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "plan"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in-progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    period = models.ForeignKey(
        PlanPeriod, models.PROTECT, related_name="items", verbose_name=_("period")
    )
    proposal = models.OneToOneField(
        Proposal,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_item",
        verbose_name=_("from proposal"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="plan_items", verbose_name=_("topics")
    )
    owner_user = models.ForeignKey(
        User,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("owner (member)"),
    )
    owner_organisation = models.ForeignKey(
        "members.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("owner (organisation)"),
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    dropped_reason = models.CharField(_("why it was dropped"), max_length=300, blank=True)
    events = models.ManyToManyField(
        "discussions.Event", blank=True, related_name="plan_items", verbose_name=_("events")
    )
    resources = models.ManyToManyField(
        "library.Resource", blank=True, related_name="plan_items", verbose_name=_("resources")
    )
    threads = models.ManyToManyField(
        "discussions.Thread", blank=True, related_name="plan_items", verbose_name=_("threads")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="plan_item_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(status="dropped") | ~Q(dropped_reason=""),
                name="plan_item_dropped_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.period.get_absolute_url() + f"#item-{self.pk}"

    @property
    def owner(self):
        return self.owner_user or self.owner_organisation


class ChampionQuerySet(models.QuerySet):
    def confirmed(self):
        """Return champions the coordinators confirmed."""
        return self.filter(status=Champion.Status.CONFIRMED)

    def for_list(self):
        """Return champions with the person, topic and commitment shown."""
        return self.select_related("user", "topic", "commitment", "nominated_by").order_by(
            "topic__name", "commitment__number", "user__last_name"
        )


class Champion(models.Model):
    """A member championing a topic or commitment, nominated by a member."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "plan"

    class Status(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Not confirmed")

    user = models.ForeignKey(
        User, models.CASCADE, related_name="championships", verbose_name=_("champion")
    )
    topic = models.ForeignKey(
        Topic,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="champions",
        verbose_name=_("topic"),
    )
    commitment = models.ForeignKey(
        "pledges.Commitment",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="champions",
        verbose_name=_("commitment"),
    )
    reason = models.TextField(_("why this person"), max_length=2000)
    nominated_by = models.ForeignKey(
        User,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="champion_nominations",
        verbose_name=_("nominated by"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NOMINATED)
    decided_by = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    created_at = models.DateTimeField(_("nominated"), default=timezone.now)

    objects = ChampionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("champion")
        verbose_name_plural = _("champions")
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=False, commitment__isnull=True)
                | Q(topic__isnull=True, commitment__isnull=False),
                name="champion_of_one_thing",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False) & ~Q(status="declined"),
                name="champion_topic_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "commitment"],
                condition=Q(commitment__isnull=False) & ~Q(status="declined"),
                name="champion_commitment_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.topic or self.commitment}"

    @property
    def subject(self):
        return self.topic or self.commitment

import zoneinfo

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Func, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from library.models import ChoiceArrayField, StoredGeneratedField, concatenated
from members.models import LANGUAGE_NAMES, WORKING_LANGUAGES
from racop.access import is_coordinator, sees_members_content
from racop.markdown import render_markdown
from racop.models import Topic

# How many replies a page of a thread shows.
REPLIES_PER_PAGE = 20

User = settings.AUTH_USER_MODEL
REPLIES_PER_PAGE = 20


def exactly_one_post(name):
    """Return a constraint: the row points to a thread or to a reply, never both or neither."""
    return models.CheckConstraint(
        condition=Q(thread__isnull=False, reply__isnull=True)
        | Q(thread__isnull=True, reply__isnull=False),
        name=name,
    )


class RenderedBody(models.Model):
    """A post whose Markdown body is rendered once, when it is saved, and kept as HTML."""

    body_html = models.TextField(_("body as HTML"), editable=False, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    @property
    def body_rendered(self):
        """The body as sanitised HTML (rendered by render_markdown when it was saved)."""
        if not self.body_html and self.body:
            return render_markdown(self.body)
        return mark_safe(self.body_html)  # nosec B308 B703 - sanitised by render_markdown


# The stemmers a post is indexed with: its own language's (Serbian's serves both scripts);
# a post in another language keeps its words alone (library_vector(), library 0009).
POST_LANGUAGES_SQL = "ARRAY[CASE %(expressions)s WHEN 'sr-latn' THEN 'sr' ELSE %(expressions)s END]"
# Events say nothing of their language: every stemmer of the region's languages.
REGION_STEMMERS = ["en", "sr", "mk", "sq", "tr"]


def post_vector(field, weight, languages=None):
    """Return a tsvector expression for a field, indexed as the library indexes resources:
    each word folded and its stems in the post's language (or in the languages given)."""
    if languages is None:
        languages = Func(
            F("language"),
            template=POST_LANGUAGES_SQL + "::varchar[]",
            output_field=models.TextField(),
        )
    else:
        languages = Func(
            template="'{" + ",".join(languages) + "}'::varchar[]", output_field=models.TextField()
        )
    return Func(
        Func(
            languages,
            Coalesce(F(field), Value(""), output_field=models.TextField()),
            function="library_vector",
            output_field=SearchVectorField(),
        ),
        Value(weight),
        function="setweight",
        output_field=SearchVectorField(),
    )


def visible_post_index(name):
    """Return the GIN index of the vectors of posts members see (not hidden, not deleted):
    the only posts a search reads."""
    return GinIndex(
        fields=["search_vector"],
        name=name,
        condition=Q(hidden_at__isnull=True, deleted_at__isnull=True),
    )


def can_moderate(user):
    """Return whether the user sees anonymous authors, hidden posts and edit history."""
    return is_coordinator(user)


def topics_for_discussions(user):
    """Return the topics with how many threads each holds and when it was last active.

    The numbers come from TopicActivity, kept in step with the threads (discussions.counters);
    coordinators, who also see hidden threads, get the counts that include them.
    """
    prefix = "discussion_activity__all_" if can_moderate(user) else "discussion_activity__"
    return Topic.objects.for_list().annotate(
        thread_count=Coalesce(F(prefix + "thread_count"), 0),
        latest_activity_at=F(prefix + "latest_activity_at"),
    )


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return threads the user may open: hidden ones only for coordinators."""
        if can_moderate(user):
            return self
        return self.filter(hidden_at__isnull=True)

    def for_list(self, user):
        """Return threads pinned first then by latest activity, with when the user read them.

        Each thread carries its count of the replies members see (reply_count).
        """
        last_read = ThreadRead.objects.filter(thread=OuterRef("pk"), user=user.pk).values(
            "last_read_at"
        )[:1]
        return (
            self.select_related("author", "topic")
            .annotate(last_read_at=Subquery(last_read))
            .order_by("-pinned", "-last_activity_at", "-pk")
        )


# The languages a post can be written in: the site's, plus any other.
POST_LANGUAGES = [*settings.LANGUAGES, ("other", _("Another language"))]


def post_language_default():
    """Return the active interface language: what a post's author most likely writes in."""
    language = translation.get_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class Thread(RenderedBody):
    """A conversation in a topic of the members' safe space."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "discussions"

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Discussion")
        QUESTION = "question", _("Question")
        LESSONS = "lessons-learned", _("Lessons learned")

    topic = models.ForeignKey(
        Topic, models.PROTECT, related_name="threads", verbose_name=_("topic")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DISCUSSION)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=False)
    body = models.TextField(_("body"), help_text=_("Markdown."))
    language = models.CharField(
        _("language of the post"),
        max_length=10,
        choices=POST_LANGUAGES,
        default=post_language_default,
    )
    author = models.ForeignKey(
        User, models.PROTECT, related_name="discussion_threads", verbose_name=_("author")
    )
    anonymous = models.BooleanField(
        _("posted as a community member"),
        default=False,
        help_text=_("Other members do not see the author; coordinators do."),
    )
    chatham_house = models.BooleanField(_("Chatham House Rule"), default=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    answer = models.ForeignKey(
        "Reply",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted answer"),
    )
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    # Library resources the post or its visible replies link to, kept in step by
    # discussions/links.py, so a resource page finds its threads without reading every post.
    linked_resources = models.ManyToManyField(
        "library.Resource",
        related_name="linked_threads",
        blank=True,
        editable=False,
        verbose_name=_("linked resources"),
    )
    # The replies members see (not deleted, not hidden), kept by discussions.counters.
    reply_count = models.PositiveIntegerField(_("replies"), default=0, editable=False)
    # Title and body only: the author is never indexed (an anonymous post must not be found
    # by its author's name).
    search_vector = StoredGeneratedField(
        expression=concatenated(post_vector("title", "A"), post_vector("body", "B")),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-pinned", "-last_activity_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(fields=["topic", "-pinned", "-last_activity_at"]),
            # A topic's threads members see, in order, and how many (in some languages or
            # all): read from the index alone, however deep the page.
            models.Index(
                fields=["topic", "-pinned", "-last_activity_at", "-id"],
                include=["language"],
                condition=Q(hidden_at__isnull=True),
                name="thread_visible_topic_order",
            ),
            visible_post_index("thread_search_gin"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "discussions:thread_detail",
            kwargs={"topic": self.topic.slug, "pk": self.pk, "slug": self.slug},
        )

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        thread = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        # Remembered so that moving the thread recounts the topic it leaves.
        thread._loaded_topic_id = thread.__dict__.get("topic_id")
        return thread

    def is_unread(self):
        last_read = getattr(self, "last_read_at", None)
        return last_read is None or last_read < self.last_activity_at


class ReplyQuerySet(models.QuerySet):
    def for_thread(self):
        """Return replies oldest first with their authors."""
        return self.select_related("author").order_by("created_at", "pk")


class Reply(RenderedBody):
    """A reply in a thread."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "discussions"

    thread = models.ForeignKey(
        Thread, models.CASCADE, related_name="replies", verbose_name=_("thread")
    )
    body = models.TextField(_("body"), help_text=_("Markdown."))
    language = models.CharField(
        _("language of the post"),
        max_length=10,
        choices=POST_LANGUAGES,
        default=post_language_default,
    )
    author = models.ForeignKey(
        User, models.PROTECT, related_name="discussion_replies", verbose_name=_("author")
    )
    anonymous = models.BooleanField(_("posted as a community member"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    # The body only: the author is never indexed (see Thread.search_vector).
    search_vector = StoredGeneratedField(
        expression=post_vector("body", "B"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        indexes = [
            # A thread's replies in order, a page at a time.
            models.Index(fields=["thread", "created_at", "id"]),
            visible_post_index("reply_search_gin"),
        ]

    def __str__(self):
        return _("Reply %(id)s in “%(thread)s”") % {"id": self.pk, "thread": self.thread_id}

    def get_absolute_url(self):
        """Return the page of the thread the reply is on, and its anchor."""
        before = Reply.objects.filter(thread_id=self.thread_id).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        page = before.count() // REPLIES_PER_PAGE + 1
        query = f"?page={page}" if page > 1 else ""
        return f"{self.thread.get_absolute_url()}{query}#reply-{self.pk}"


class TopicActivity(models.Model):
    """How many threads a topic holds and when one last moved: kept by discussions.counters.

    The first two count what members see; the "all" ones include hidden threads.
    """

    # The area of shared content it belongs to (racop.cache).
    cache_area = "discussions"

    topic = models.OneToOneField(
        Topic,
        models.CASCADE,
        primary_key=True,
        related_name="discussion_activity",
        verbose_name=_("topic"),
    )
    thread_count = models.PositiveIntegerField(default=0)
    latest_activity_at = models.DateTimeField(null=True)
    all_thread_count = models.PositiveIntegerField(default=0)
    all_latest_activity_at = models.DateTimeField(null=True)

    def __str__(self):
        return str(self.topic_id)


class PostRevision(models.Model):
    """What a thread or reply said before an edit; kept for the coordinators."""

    thread = models.ForeignKey(
        Thread,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("thread"),
    )
    reply = models.ForeignKey(
        Reply,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("reply"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("body"))
    edited_by = models.ForeignKey(User, models.PROTECT, related_name="+", verbose_name=_("by"))
    created_at = models.DateTimeField(_("replaced at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")
        constraints = [exactly_one_post("revision_of_one_post")]

    def __str__(self):
        return _("Revision of %(when)s") % {"when": self.created_at}


class ThreadRead(models.Model):
    """When a member last read a thread, for unread markers."""

    user = models.ForeignKey(User, models.CASCADE, related_name="+", verbose_name=_("person"))
    thread = models.ForeignKey(
        Thread, models.CASCADE, related_name="reads", verbose_name=_("thread")
    )
    last_read_at = models.DateTimeField(_("last read"), default=timezone.now)

    class Meta:
        verbose_name = _("thread read")
        verbose_name_plural = _("threads read")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="thread_read_unique")
        ]

    def __str__(self):
        return f"{self.user_id} – {self.thread_id}"


class Subscription(models.Model):
    """A member following a thread or a whole topic (used by notifications)."""

    user = models.ForeignKey(
        User, models.CASCADE, related_name="discussion_subscriptions", verbose_name=_("person")
    )
    thread = models.ForeignKey(
        Thread,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("thread"),
    )
    topic = models.ForeignKey(
        Topic,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="discussion_subscriptions",
        verbose_name=_("topic"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, topic__isnull=True)
                | Q(thread__isnull=True, topic__isnull=False),
                name="subscription_to_one_thing",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="subscription_thread_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="subscription_topic_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.thread_id or self.topic_id}"


class ReportQuerySet(models.QuerySet):
    def open(self):
        """Return reports nobody has handled yet."""
        return self.filter(status=Report.Status.OPEN)


class Report(models.Model):
    """A member's report of a post to the coordinators."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HIDDEN = "hidden", _("Post hidden")
        DISMISSED = "dismissed", _("Dismissed")

    thread = models.ForeignKey(
        Thread,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("thread"),
    )
    reply = models.ForeignKey(
        Reply,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("reply"),
    )
    reporter = models.ForeignKey(
        User, models.CASCADE, related_name="discussion_reports", verbose_name=_("reported by")
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_by = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("handled by")
    )
    resolved_at = models.DateTimeField(_("handled"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [exactly_one_post("report_of_one_post")]

    def __str__(self):
        return _("Report %(id)s") % {"id": self.pk}

    @property
    def post(self):
        return self.thread or self.reply


class ModerationAction(models.Model):
    """A record of what a coordinator did to a post or thread, by whom and when."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        LOCK = "lock", _("Locked")
        UNLOCK = "unlock", _("Unlocked")
        PIN = "pin", _("Pinned")
        UNPIN = "unpin", _("Unpinned")
        MOVE = "move", _("Moved")
        DISMISS = "dismiss", _("Report dismissed")

    action = models.CharField(_("action"), max_length=20, choices=Action)
    thread = models.ForeignKey(
        Thread,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="moderation_actions",
        verbose_name=_("thread"),
    )
    reply = models.ForeignKey(
        Reply,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="moderation_actions",
        verbose_name=_("reply"),
    )
    report = models.ForeignKey(
        Report, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("report")
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    moderator = models.ForeignKey(User, models.PROTECT, related_name="+", verbose_name=_("by"))
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"


# Convenings


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone; use a name like Europe/Skopje."),
            params={"value": value},
        )


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return events the user may see: members-only ones for members and coordinators."""
        if sees_members_content(user):
            return self
        return self.filter(visibility=Event.Visibility.PUBLIC)

    def upcoming(self):
        """Return events that have not ended, soonest first (by id when they start together,
        so that pages neither repeat nor skip one)."""
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        """Return events that have ended, latest first (then by id, as upcoming() does)."""
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")

    def countries(self):
        """Return the codes of the countries events take place in."""
        return (
            self.exclude(country="")
            .order_by("country")
            .values_list("country", flat=True)
            .distinct()
        )

    def for_list(self):
        """Return events with their topics and the number of seats taken."""
        # A subquery, not a join: it counts for the page's events only, and count() drops it.
        seats = (
            Registration.objects.filter(event=OuterRef("pk"), status=Registration.Status.REGISTERED)
            .order_by()
            .values("event")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.prefetch_related("topics").annotate(
            registered_count=Coalesce(Subquery(seats), 0)
        )


class Event(models.Model):
    """A convening of the community: online, in person or both."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "events"

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in-person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    format = models.CharField(_("format"), max_length=20, choices=Format, default=Format.ONLINE)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The organiser's time zone: times are shown in it."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True, blank_label=_("Choose a country"))
    online_url = models.URLField(
        _("meeting link"), blank=True, help_text=_("Shown only to registered participants.")
    )
    languages = ChoiceArrayField(
        models.CharField(max_length=8, choices=WORKING_LANGUAGES),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility, default=Visibility.PUBLIC
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="events", verbose_name=_("topics")
    )
    organisers = models.ManyToManyField(
        User, blank=True, related_name="organised_events", verbose_name=_("organisers")
    )
    outcome_summary = models.TextField(
        _("outcome summary"), blank=True, help_text=_("Markdown; written after the event.")
    )
    decisions = models.TextField(_("decisions"), blank=True, help_text=_("Markdown."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    search_vector = StoredGeneratedField(
        expression=concatenated(
            post_vector("title", "A", REGION_STEMMERS),
            post_vector("description", "B", REGION_STEMMERS),
            post_vector("city", "C", REGION_STEMMERS),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"
            )
        ]
        indexes = [
            # Upcoming events soonest first, past ones latest first, a page at a time: the
            # page's ids come from the index alone.
            models.Index(
                fields=["starts_at", "id"], include=["ends_at", "visibility"], name="event_order"
            ),
            GinIndex(fields=["search_vector"], name="event_search_gin"),
            # Counting upcoming or past events: index only.
            models.Index(fields=["ends_at"], name="event_ends"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("discussions:event_detail", kwargs={"slug": self.slug})

    def get_languages_display(self):
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_online(self):
        return self.format in {self.Format.ONLINE, self.Format.HYBRID}

    @property
    def is_in_person(self):
        return self.format in {self.Format.IN_PERSON, self.Format.HYBRID}

    @property
    def location(self):
        """Return where the event happens, as one line."""
        place = ", ".join(
            part
            for part in [self.venue_name, self.venue_address, self.city, str(self.country.name)]
            if part
        )
        if self.format == self.Format.ONLINE:
            return str(_("Online"))
        if self.format == self.Format.HYBRID:
            return _("%(place)s and online") % {"place": place}
        return place

    def registration_is_open(self):
        now = timezone.now()
        if self.is_past:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now > self.registration_closes_at)


class Registration(models.Model):
    """A member's place at an event, or on its waiting list."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "events"

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        User, models.CASCADE, related_name="event_registrations", verbose_name=_("person")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status)
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"


class ActionItem(models.Model):
    """Something a convening decided someone will do, by when."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "events"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in-progress", _("In progress")
        DONE = "done", _("Done")

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="action_items", verbose_name=_("event")
    )
    text = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        User,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_action_items",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    plan_item = models.ForeignKey(
        "plan.PlanItem",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("part of the plan item"),
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.text


# Reply by email


class InboundEmail(models.Model):
    """A message that arrived at a reply address, kept so a redelivery is not posted twice."""

    class Outcome(models.TextChoices):
        POSTED = "posted", _("Posted")
        INVALID = "invalid", _("Bounced: address not valid")
        EXPIRED = "expired", _("Bounced: address expired")
        CLOSED = "closed", _("Bounced: thread closed or member inactive")
        EMPTY = "empty", _("Bounced: nothing to post")
        IGNORED = "ignored", _("Ignored: automatic message")
        HELD = "held", _("Held: waiting for the member to confirm it")
        DISCARDED = "discarded", _("Not posted: the member did not confirm it")

    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    sender = models.CharField(_("from"), max_length=254, blank=True)
    user = models.ForeignKey(
        User,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_emails",
        verbose_name=_("person"),
    )
    thread = models.ForeignKey(
        Thread,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_emails",
        verbose_name=_("thread"),
    )
    reply = models.ForeignKey(
        Reply, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("reply")
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    bounced = models.BooleanField(_("bounce sent"), default=False)
    authenticated = models.BooleanField(
        _("sender authenticated"),
        default=False,
        help_text=_("The receiving relay found a DKIM or DMARC pass for the sender's domain."),
    )
    # A held reply's text, until the member confirms it (then it is the reply's) or not.
    held_text = models.TextField(_("held text"), blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("inbound email")
        verbose_name_plural = _("inbound emails")
        indexes = [models.Index(fields=["sender", "received_at"], name="inbound_sender_recent")]

    def __str__(self):
        return self.message_id


class ReplyAddress(models.Model):
    """A reply address handed out in a notification: an opaque token standing for a member
    and a thread, so the address itself tells nobody who the member is."""

    token = models.CharField(_("token"), max_length=32, unique=True)
    user = models.ForeignKey(
        User, models.CASCADE, related_name="reply_addresses", verbose_name=_("person")
    )
    thread = models.ForeignKey(
        Thread, models.CASCADE, related_name="reply_addresses", verbose_name=_("thread")
    )
    issued_on = models.DateField(_("issued on"))

    class Meta:
        verbose_name = _("reply address")
        verbose_name_plural = _("reply addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread", "issued_on"], name="reply_address_one_a_day"
            )
        ]

    def __str__(self):
        return self.token

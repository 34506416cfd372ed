import unicodedata

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from racop.access import is_coordinator, sees_members_content
from racop.search import FoldedWords, HasFoldedWords, prefix_terms
from racop.slugs import slug_from

# Working languages people and organisations use; the region's first.
WORKING_LANGUAGES = [
    ("sq", _("Albanian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("mk", _("Macedonian")),
    ("cnr", _("Montenegrin")),
    ("sr", _("Serbian")),
    ("tr", _("Turkish")),
    ("rom", _("Romani")),
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
]
LANGUAGE_NAMES = dict(WORKING_LANGUAGES)

# Letters that do not decompose into a base letter plus an accent.
_FOLD = str.maketrans({"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ı": "i", "ß": "ss", "æ": "ae"})


def name_key(name):
    """Return a name folded for matching: no case, accents, punctuation or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


def unique_slug(model, text, *, exclude_pk=None, fallback="item"):
    """Return a slug for text that no other row of model uses."""
    base = slug_from(text, max_length=80, fallback=fallback)
    slug, n = base, 1
    others = model._default_manager.exclude(pk=exclude_pk)
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def names_hold(words, *fields):
    """Return the condition of a name search: each word begins a word of the name, accents
    and scripts folded (``djordjevic`` finds "Đorđević"), read through the names' GIN index
    (migration 0013). Words that fold to nothing (only punctuation) are looked for as typed."""
    if prefix_terms(words):
        return HasFoldedWords(words, *fields)
    condition = Q()
    for word in words.split():
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": word})
        condition &= either
    return condition


class UserQuerySet(models.QuerySet):
    def members(self):
        """Return approved members."""
        return self.filter(member_since__isnull=False, is_active=True)

    def listed_for(self, user):
        """Return members whose profile the user may see (public, or members-only to members)."""
        members = self.members()
        if sees_members_content(user):
            return members
        return members.filter(listing=User.Listing.PUBLIC)

    def named(self, words):
        """Return the people whose first or last name holds the words (names_hold)."""
        return self.filter(names_hold(words, "first_name", "last_name"))

    def for_directory(self):
        """Return people with what a directory card shows, in name order."""
        from members.sections import person_prefetches

        return self.prefetch_related(
            "topics",
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation")),
            *[prefetch() for prefetch in person_prefetches],
        ).order_by("last_name", "first_name", "pk")


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person: a visitor who signed up, an applicant, a member or a coordinator."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "people"
    # Columns that change nothing anyone else is shown.
    cache_ignore_columns = (
        "last_login",
        "password",
        "unread_notifications",
        "language",
        "digest_frequency",
        "only_my_languages",
        "welcomed_at",
    )

    email = models.EmailField(_("email address"), blank=True)
    member_since = models.DateTimeField(
        _("member since"),
        null=True,
        blank=True,
        help_text=_("Set when the person's application is approved; empty for applicants."),
    )

    class Listing(models.TextChoices):
        MEMBERS = "members", _("Listed to members only")
        PUBLIC = "public", _("Listed publicly")

    class DigestFrequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        OFF = "off", _("Off")

    slug = models.SlugField(_("slug"), max_length=100, unique=True, null=True, blank=True)
    country = CountryField(_("country"), blank=True, blank_label=_("Choose a country"))
    bio = models.TextField(_("short bio"), blank=True, max_length=2000, help_text=_("Markdown."))
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)
    languages = ArrayField(
        models.CharField(max_length=8, choices=WORKING_LANGUAGES),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
    )
    topics = models.ManyToManyField(
        "racop.Topic", verbose_name=_("topics of interest"), blank=True, related_name="people"
    )
    listing = models.CharField(
        _("who can see my profile"), max_length=10, choices=Listing, default=Listing.MEMBERS
    )
    digest_frequency = models.CharField(
        _("digest frequency"),
        max_length=10,
        choices=DigestFrequency,
        default=DigestFrequency.WEEKLY,
    )
    anonymised_at = models.DateTimeField(_("account deleted"), null=True, blank=True)
    language = models.CharField(
        _("language of the site and emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Saved when the person chooses a language in the footer."),
    )
    # Kept in step by members.notifications.services, so the header shows it without a query.
    unread_notifications = models.PositiveIntegerField(
        _("unread notifications"), default=0, editable=False
    )
    # Set when the member first sees their home page after approval: the welcome shows once.
    welcomed_at = models.DateTimeField(_("welcomed"), null=True, blank=True, editable=False)
    only_my_languages = models.BooleanField(
        _("Show me only content in the languages I read"),
        default=False,
        help_text=_("Library resources and discussion threads in other languages are hidden."),
    )

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Held by the Coordinators group and by superusers: racop.access.is_coordinator.
        permissions = [("coordinate", _("Can act as a coordinator"))]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="user_email_unique_ci"
            )
        ]
        indexes = [
            # The member directory lists members in name order, a page at a time.
            models.Index(
                fields=["last_name", "first_name", "id"],
                condition=models.Q(member_since__isnull=False, is_active=True),
                name="user_directory_order",
            ),
            # The site search finds members by any word of their names (racop.search).
            GinIndex(
                FoldedWords("first_name", "last_name"),
                condition=models.Q(member_since__isnull=False, is_active=True),
                name="user_name_search_gin",
            ),
        ]

    def __str__(self):
        if self.anonymised_at:
            return str(_("Former member"))
        return self.get_full_name() or self.email or self.username

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                User, self.get_full_name() or self.email.split("@")[0], fallback="member"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:person_detail", kwargs={"slug": self.slug})

    def language_names(self):
        return [LANGUAGE_NAMES.get(code, code) for code in self.languages]

    @property
    def is_member(self):
        return self.member_since is not None and self.is_active

    @property
    def is_coordinator(self):
        return is_coordinator(self)

    def make_member(self):
        """Record that the person is now an approved member."""
        if self.member_since is None:
            self.member_since = timezone.now()
            self.save(update_fields=["member_since"])


class OrganisationQuerySet(models.QuerySet):
    def for_list(self):
        """Return organisations in name order."""
        return self.order_by("name")

    def for_directory(self):
        """Return organisations with what a directory card shows, in name order."""
        return self.prefetch_related("topics").order_by("name")

    def named(self, words):
        """Return the organisations whose name holds the words (names_hold)."""
        return self.filter(names_hold(words, "name"))

    def matching(self, name):
        """Return organisations whose name matches, ignoring case, accents and punctuation."""
        return self.filter(name_key=name_key(name))


class Organisation(models.Model):
    """A civil-society organisation or network taking part in the community."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "people"

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        NETWORK = "network", _("Network")

    class Category(models.TextChoices):
        ASSOCIATION = "association", _("Association or NGO")
        FOUNDATION = "foundation", _("Foundation")
        THINK_TANK = "think_tank", _("Think-tank or research centre")
        GRASSROOTS = "grassroots", _("Grassroots or informal group")
        MEDIA = "media", _("Media organisation")
        OTHER = "other", _("Other")

    class Size(models.TextChoices):
        SMALL = "1-5", _("1–5 people")
        MEDIUM = "6-20", _("6–20 people")
        LARGE = "21-50", _("21–50 people")
        XLARGE = "50+", _("More than 50 people")

    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(
        _("name for matching"), max_length=200, db_index=True, editable=False, default=""
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ORGANISATION)
    country = CountryField(_("country"), blank_label=_("Choose a country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    category = models.CharField(_("type"), max_length=20, choices=Category, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=Size, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/", blank=True)
    topics = models.ManyToManyField(
        "racop.Topic", verbose_name=_("topics"), blank=True, related_name="organisations"
    )
    languages = ArrayField(
        models.CharField(max_length=8, choices=WORKING_LANGUAGES),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # The site search finds organisations by any word of their names (racop.search).
        indexes = [GinIndex(FoldedWords("name"), name="organisation_name_search_gin")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name, fallback="organisation")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organisation_detail", kwargs={"slug": self.slug})

    def language_names(self):
        return [LANGUAGE_NAMES.get(code, code) for code in self.languages]

    def is_represented_by(self, user):
        """Return whether user is one of the organisation's representatives."""
        return (
            user.is_authenticated
            and self.memberships.filter(user=user, role=Membership.Role.REPRESENTATIVE).exists()
        )


class Membership(models.Model):
    """A person's place in an organisation."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "people"

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        STAFF = "staff", _("Staff member")

    user = models.ForeignKey(
        User, models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.STAFF)
    position = models.CharField(_("position"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


class JoinApplicationQuerySet(models.QuerySet):
    def open(self):
        """Return applications still waiting for a decision."""
        return self.filter(
            status__in=[JoinApplication.Status.PENDING, JoinApplication.Status.NEEDS_INFO]
        )

    def for_admin(self):
        """Return applications with the people and organisations the queue shows."""
        return self.select_related("user", "existing_organisation", "decided_by")


class JoinApplication(models.Model):
    """A person's request to join the community, alone or for an organisation."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        NEEDS_INFO = "needs_info", _("Needs more information")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    class ApplicantKind(models.TextChoices):
        ORGANISATION = "organisation", _("An organisation")
        NETWORK = "network", _("A network")
        INDIVIDUAL = "individual", _("An individual activist")

    class Affiliation(models.TextChoices):
        NETWORK_MEMBER = "network_member", _("A member of the coordinating network")
        HUB_GRANTEE = "hub_grantee", _("A grantee of the coordinating network's regional hub")
        NEITHER = "neither", _("Neither")

    user = models.ForeignKey(
        User, models.CASCADE, related_name="join_applications", verbose_name=_("person")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    applicant_kind = models.CharField(_("joining as"), max_length=20, choices=ApplicantKind)
    organisation_name = models.CharField(_("organisation name"), max_length=200, blank=True)
    existing_organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="join_requests",
        verbose_name=_("existing organisation"),
        help_text=_("Set when the person asks to join an organisation already in the community."),
    )
    country = CountryField(_("country"), blank_label=_("Choose a country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    category = models.CharField(
        _("type of organisation"), max_length=20, choices=Organisation.Category, blank=True
    )
    size = models.CharField(
        _("size of organisation"), max_length=10, choices=Organisation.Size, blank=True
    )
    position = models.CharField(_("your position"), max_length=120, blank=True)
    affiliation = models.CharField(
        _("relation to the coordinating network"), max_length=20, choices=Affiliation
    )
    motivation = models.TextField(_("why do you want to join?"), max_length=4000)
    topics = models.ManyToManyField(
        "racop.Topic", verbose_name=_("topics of interest"), blank=True, related_name="+"
    )
    languages = ArrayField(
        models.CharField(max_length=8, choices=WORKING_LANGUAGES),
        verbose_name=_("working languages"),
        default=list,
        blank=True,
    )
    consented_at = models.DateTimeField(_("consented to the code of conduct and privacy notice"))
    language = models.CharField(
        _("language for emails"), max_length=10, default=settings.LANGUAGE_CODE
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    objects = JoinApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("application to join")
        verbose_name_plural = _("applications to join")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=["pending", "needs_info"]),
                name="join_application_one_open_per_person",
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_status_display()})"

    @property
    def is_editable(self):
        return self.status in {self.Status.PENDING, self.Status.NEEDS_INFO}

    @property
    def is_for_organisation(self):
        return self.applicant_kind != self.ApplicantKind.INDIVIDUAL

    @property
    def organisation_label(self):
        if self.existing_organisation_id:
            return self.existing_organisation.name
        return self.organisation_name


class ApplicationEvent(models.Model):
    """Something that happened to an application: who did it, when, and what they said."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        EDITED = "edited", _("Edited")
        APPROVED = "approved", _("Approved")
        NEEDS_INFO = "needs_info", _("Asked for more information")
        DECLINED = "declined", _("Declined")

    application = models.ForeignKey(
        JoinApplication, models.CASCADE, related_name="events", verbose_name=_("application")
    )
    actor = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self):
        return f"{self.get_action_display()} – {self.created_at:%Y-%m-%d}"


class NotificationPreference(models.Model):
    """How a person wants to hear about one kind of activity."""

    class Kind(models.TextChoices):
        APPLICATION = "application", _("News about my application to join")
        REPLY = "reply", _("Replies in threads I follow")
        NEW_THREAD = "new_thread", _("New threads in topics I follow")
        MENTION = "mention", _("Mentions of my name")
        REGISTRATION = "registration", _("Event registrations confirmed")
        EVENT_REMINDER = "event_reminder", _("Reminders the day before an event")
        WAITLIST = "waitlist", _("A seat freed for me on a waiting list")
        PLEDGE_RENEWAL = "pledge_renewal", _("A new Pledge version to renew")
        PEER_REVIEW = "peer_review", _("Peer reviews requested or answered")
        ACTION_DUE = "action_due", _("Next steps and action items coming due")
        NEWSLETTER = "newsletter", _("Newsletters from the coordinators")

    class Delivery(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately")
        DIGEST = "digest", _("In a digest")
        NEVER = "never", _("Never")

    user = models.ForeignKey(
        User, models.CASCADE, related_name="notification_preferences", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    delivery = models.CharField(
        _("delivery"), max_length=20, choices=Delivery, default=Delivery.DIGEST
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} – {self.get_delivery_display()}"

    # Considerate defaults: at once only what concerns the person directly; the rest waits for
    # the digest.
    DEFAULTS = {
        Kind.NEW_THREAD: Delivery.DIGEST,
    }

    @classmethod
    def default_for(cls, kind):
        return cls.DEFAULTS.get(kind, cls.Delivery.IMMEDIATELY)


class SurveyQuerySet(models.QuerySet):
    def open_now(self):
        """Return surveys that accept answers now."""
        now = timezone.now()
        return self.filter(opens_at__lte=now).filter(
            Q(closes_at__isnull=True) | Q(closes_at__gt=now)
        )

    def for_respondent(self, user):
        """Return surveys user may answer or read: members, and applicants when invited."""
        if not user.is_authenticated:
            return self.none()
        if sees_members_content(user):
            return self
        if user.join_applications.open().exists():
            return self.filter(audience=Survey.Audience.MEMBERS_AND_APPLICANTS)
        return self.none()


class Survey(models.Model):
    """A questionnaire coordinators send to members, such as expectations and priorities."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "surveys"

    class Audience(models.TextChoices):
        MEMBERS = "members", _("All members")
        MEMBERS_AND_APPLICANTS = "applicants", _("Members and applicants")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.MEMBERS
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    results_published = models.BooleanField(
        _("results published to members"),
        default=False,
        help_text=_("Members see the aggregated results; never who answered what."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("members:survey_detail", kwargs={"slug": self.slug})

    @property
    def is_open(self):
        now = timezone.now()
        return self.opens_at <= now and (self.closes_at is None or now < self.closes_at)


class Question(models.Model):
    """One question of a survey; choices are written one per line."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "surveys"

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale from 1 to 5")
        RANKING = "ranking", _("Ranking of options")
        TEXT = "text", _("Free text")

    survey = models.ForeignKey(
        Survey, models.CASCADE, related_name="questions", verbose_name=_("survey")
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind, default=Kind.SINGLE)
    options = models.TextField(
        _("options"), blank=True, help_text=_("One per line; for choice and ranking questions.")
    )
    required = models.BooleanField(_("required"), default=False)
    ordering = models.PositiveIntegerField(_("ordering"), default=0)

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    @property
    def choices(self):
        """Return the options as answers store them: the English wording, in any language."""
        if self.kind == self.Kind.SCALE:
            return ["1", "2", "3", "4", "5"]
        return _lines(self.options_en or self.options)

    @property
    def choice_labels(self):
        """Return {stored option: its wording in the active language}, line by line.

        A translation with a different number of lines than the English is not trusted.
        """
        choices = self.choices
        if self.kind == self.Kind.SCALE:
            return dict(zip(choices, choices, strict=True))
        translated = _lines(self.options)
        if len(translated) != len(choices):
            translated = choices
        return dict(zip(choices, translated, strict=True))


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SurveyResponse(models.Model):
    """A person's answers to a survey: a draft until submitted, changeable until it closes."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "surveys"

    survey = models.ForeignKey(
        Survey, models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    user = models.ForeignKey(
        User, models.CASCADE, related_name="survey_responses", verbose_name=_("person")
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="survey_response_unique")
        ]

    def __str__(self):
        return f"{self.survey} – {self.user}"


class Answer(models.Model):
    """The answer to one question: a choice, a list of choices in order, or text."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "surveys"

    response = models.ForeignKey(
        SurveyResponse, models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    value = models.JSONField(_("value"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_unique")
        ]

    def __str__(self):
        return f"{self.question}: {self.value}"

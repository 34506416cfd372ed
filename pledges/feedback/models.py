"""Feedback rounds a member organisation runs with the people it serves.

Answers are anonymous by construction: a response row holds the round, the language and the
day it arrived, and nothing else about the person who gave it (no user, address or agent).
"""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.models import Membership, Organisation

# Results about fewer responses than this show counts only, never the answers themselves.
MIN_RESPONSES = 5
# The community median of a standard question shows only when this many organisations ran it.
MIN_ORGANISATIONS = 5
MIN_QUESTIONS = 2
MAX_QUESTIONS = 5


class Standard(models.TextChoices):
    """Questions worded the same everywhere, so scores compare across organisations."""

    RECOMMEND = "recommend", _("How likely are you to recommend us to a friend or neighbour?")
    LISTEN = "listen", _("Do you feel we listen to you?")
    RESPECT = "respect", _("Do our staff treat you with respect?")
    INFLUENCE = "influence", _("Do you feel you can influence what we do?")


def round_token():
    return secrets.token_urlsafe(9)


class FeedbackRoundQuerySet(models.QuerySet):
    def for_representative(self, user):
        """Return rounds of the organisations the person represents."""
        organisations = Membership.objects.filter(
            user=user, role=Membership.Role.REPRESENTATIVE
        ).values("organisation")
        return self.filter(organisation__in=organisations)

    def with_counts(self):
        """Return rounds with their response and question counts."""
        return self.select_related("organisation").annotate(
            response_count=Count("responses", distinct=True),
            question_count=Count("questions", distinct=True),
        )

    def loop_closed(self):
        """Return rounds whose "what we changed" note is published."""
        return self.filter(loop_closed_at__isnull=False)

    def participation(self):
        """Return how many organisations ran rounds and closed the loop, in one query."""
        return self.aggregate(
            organisations=Count("organisation", distinct=True),
            rounds=Count("pk", distinct=True),
            closed=Count("organisation", distinct=True, filter=Q(loop_closed_at__isnull=False)),
            closed_rounds=Count("pk", distinct=True, filter=Q(loop_closed_at__isnull=False)),
        )


class FeedbackRound(models.Model):
    """A short set of questions put to the people an organisation works with."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "feedback"

    organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        related_name="feedback_rounds",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=160)
    audience = models.CharField(
        _("who it is for"),
        max_length=300,
        help_text=_("In words, e.g. “parents in our Tetovo programme”."),
    )
    languages = ArrayField(
        models.CharField(max_length=8, choices=settings.LANGUAGES),
        verbose_name=_("languages"),
        help_text=_("The languages respondents can choose; the first is the default."),
    )
    opens_on = models.DateField(_("opens on"), default=timezone.localdate)
    closes_on = models.DateField(_("closes on"))
    token = models.CharField(
        _("public link code"), max_length=20, unique=True, default=round_token, editable=False
    )
    share_with_coordinators = models.BooleanField(
        _("share the results with the coordinators"),
        default=False,
        help_text=_("Coordinators otherwise see only that the round ran."),
    )
    what_we_heard = models.TextField(
        _("what you told us"), blank=True, max_length=5000, help_text=_("Markdown.")
    )
    what_we_change = models.TextField(
        _("what we are changing"), blank=True, max_length=5000, help_text=_("Markdown.")
    )
    loop_closed_at = models.DateTimeField(_("note published"), null=True, blank=True)
    evidence_for = models.ManyToManyField(
        "pledges.Answer",
        blank=True,
        related_name="feedback_rounds",
        verbose_name=_("evidence for"),
        help_text=_("Self-assessment answers this round supports."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = FeedbackRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("feedback round")
        verbose_name_plural = _("feedback rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="feedback_round_closes_after_opening",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.title}"

    def get_absolute_url(self):
        return reverse("feedback:round_results", kwargs={"pk": self.pk})

    def get_public_url(self):
        return reverse("feedback:respond", kwargs={"token": self.token})

    @property
    def is_open(self):
        today = timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    @property
    def loop_is_closed(self):
        return self.loop_closed_at is not None

    def pick_language(self, asked):
        """Return the asked language when the round offers it, else its first language."""
        return asked if asked in self.languages else self.languages[0]


class FeedbackQuestion(models.Model):
    """One question of a round, worded in each of the round's languages."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "feedback"

    class Kind(models.TextChoices):
        SCALE = "scale", _("A scale from 0 to 10")
        CHOICE = "choice", _("A choice")
        OPEN = "open", _("An open question")

    round = models.ForeignKey(
        FeedbackRound, models.CASCADE, related_name="questions", verbose_name=_("round")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.SCALE)
    standard = models.CharField(_("standard question"), max_length=20, choices=Standard, blank=True)
    # {language code: wording}; {language code: [option, …]} for choices (answers keep the index).
    texts = models.JSONField(_("wording per language"), default=dict)
    options = models.JSONField(_("options per language"), default=dict, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("feedback question")
        verbose_name_plural = _("feedback questions")
        constraints = [
            models.CheckConstraint(
                condition=Q(standard="") | Q(kind="scale"),
                name="feedback_question_standard_is_scale",
            ),
        ]

    def __str__(self):
        return self.text_in(get_language())

    def text_in(self, language):
        """Return the wording in the language, else the standard wording, else any wording."""
        if self.texts.get(language):
            return self.texts[language]
        if self.standard:
            return str(Standard(self.standard).label)
        return next((text for text in self.texts.values() if text), "")

    def options_in(self, language):
        """Return the choices in the language, falling back to the first language's."""
        if self.options.get(language):
            return self.options[language]
        return next((options for options in self.options.values() if options), [])


class FeedbackResponse(models.Model):
    """One anonymous set of answers: which round, in which language, on which day. No more."""

    round = models.ForeignKey(
        FeedbackRound, models.CASCADE, related_name="responses", verbose_name=_("round")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # A day, not a time: a time could be matched against a server log to find the person.
    submitted_on = models.DateField(_("answered on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("feedback response")
        verbose_name_plural = _("feedback responses")

    def __str__(self):
        return _("Response to %(round)s") % {"round": self.round}


class FeedbackAnswer(models.Model):
    """The answer to one question: a score, a choice's index or a few words."""

    response = models.ForeignKey(
        FeedbackResponse, models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        FeedbackQuestion, models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    choice = models.PositiveSmallIntegerField(_("choice"), null=True, blank=True)
    text = models.TextField(_("answer"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="feedback_answer_one_per_question"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=10),
                name="feedback_answer_score_range",
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.score if self.score is not None else self.text}"

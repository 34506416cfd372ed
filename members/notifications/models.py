"""What the portal tells people, and the emails waiting to be sent."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the person's notifications, newest first."""
        return self.filter(user=user).order_by("-created_at", "-pk")

    def unread(self):
        """Return notifications not opened yet."""
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something a person should know, shown in the portal's header list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=20)
    subject = models.CharField(_("subject"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_user_recent")]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("notifications:notification_open", kwargs={"pk": self.pk})

    def get_kind_display(self):
        from members.models import NotificationPreference

        return dict(NotificationPreference.Kind.choices).get(self.kind, self.kind)


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self):
        """Return queued emails whose next attempt is now or past."""
        return self.filter(status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=timezone.now())


class OutgoingEmail(models.Model):
    """One email to one address, kept until it is sent; failures are retried with back-off."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="outgoing_emails",
        verbose_name=_("person"),
    )
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("plain text"))
    html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    reply_to = models.CharField(_("reply to"), max_length=300, blank=True)
    # [{"filename": ..., "content": text, "mimetype": ...}]; only text attachments (.ics).
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    kind = models.CharField(_("kind"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")

    def __str__(self):
        return f"{self.to}: {self.subject}"


class DigestLog(models.Model):
    """A digest sent to a person; the next one covers what came after it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="digests",
        verbose_name=_("person"),
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    items = models.PositiveIntegerField(_("items"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")

    def __str__(self):
        return f"{self.user} – {self.sent_at:%Y-%m-%d}"


class Newsletter(models.Model):
    """A newsletter coordinators write in Markdown and send to all members or a segment."""

    class Audience(models.TextChoices):
        ALL = "all", _("All members")
        COUNTRY = "country", _("Members in a country")
        TOPIC = "topic", _("Members interested in a topic")
        TYPE = "type", _("Members of a type of organisation")

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown."))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience, default=Audience.ALL
    )
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("Two-letter code, e.g. RS.")
    )
    topic = models.ForeignKey(
        "racop.Topic",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    organisation_kind = models.CharField(
        _("type of organisation"),
        max_length=20,
        blank=True,
        choices=[("organisation", _("Organisation")), ("network", _("Network"))],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sending_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def __str__(self):
        return self.subject

    def version_for(self, language):
        """Return (subject, body) in the language when translated, else the original."""
        for translation in self.translations.all():
            if translation.language == language:
                return translation.subject, translation.body
        return self.subject, self.body


class NewsletterTranslation(models.Model):
    newsletter = models.ForeignKey(
        Newsletter, models.CASCADE, related_name="translations", verbose_name=_("newsletter")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown."))

    class Meta:
        verbose_name = _("newsletter translation")
        verbose_name_plural = _("newsletter translations")
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "language"], name="newsletter_translation_unique"
            )
        ]

    def __str__(self):
        return f"{self.newsletter} ({self.language})"


class NewsletterDelivery(models.Model):
    """A newsletter queued for one person: the unique row makes a resumed send skip them."""

    newsletter = models.ForeignKey(
        Newsletter, models.CASCADE, related_name="deliveries", verbose_name=_("newsletter")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="newsletter_deliveries",
        verbose_name=_("person"),
    )
    email = models.ForeignKey(
        OutgoingEmail, models.SET_NULL, null=True, blank=True, verbose_name=_("email")
    )
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "user"], name="newsletter_delivery_once")
        ]

    def __str__(self):
        return f"{self.newsletter} → {self.user}"

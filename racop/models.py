from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TopicQuerySet(models.QuerySet):
    def for_list(self):
        """Return topics in the coordinators' order."""
        return self.order_by("ordering", "name")


class Topic(models.Model):
    """A key topic of interest, identified with the members, that every app links to."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "site"

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    ordering = models.PositiveIntegerField(_("ordering"), default=100)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topic_detail", kwargs={"slug": self.slug})


class Page(models.Model):
    """A static page (about, concept note, code of conduct, privacy) coordinators edit."""

    # The area of shared content it belongs to (racop.cache).
    cache_area = "site"

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences; the about page's is on home.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page_detail", kwargs={"slug": self.slug})


class AuditEntryQuerySet(models.QuerySet):
    def for_admin(self):
        """Return entries newest first, with the joins the admin's columns need."""
        return self.select_related("actor", "content_type").order_by("-created_at", "-pk")


class AuditEntry(models.Model):
    """One thing a coordinator did; written once, never changed (see racop.audit)."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("approved")
        REQUEST_INFO = "request_info", _("asked for more information")
        DECLINE = "decline", _("declined")
        PUBLISH = "publish", _("published")
        HIDE = "hide", _("hidden")
        RESTORE = "restore", _("restored")
        DISMISS = "dismiss", _("dismissed a report")
        LOCK = "lock", _("locked")
        UNLOCK = "unlock", _("unlocked")
        PIN = "pin", _("pinned")
        UNPIN = "unpin", _("unpinned")
        MOVE = "move", _("moved")
        DELETE = "delete", _("deleted")
        EXPORT = "export", _("exported")

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    actor_name = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    target = models.CharField(_("record"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display()} {self.target}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImproperlyConfigured("Audit log entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImproperlyConfigured("Audit log entries are never deleted.")


class RateLimitCounter(models.Model):
    """Attempts at one action by one client in the current window (racop.ratelimit).

    Counted in PostgreSQL, not in the cache: the cache answers as empty while Redis is away,
    and a limit that resets then would let a password be guessed during an outage. The table
    is UNLOGGED (migration 0005): cheap writes; a crash of PostgreSQL restarts every window.
    """

    key = models.CharField(max_length=100, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    window_ends_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"

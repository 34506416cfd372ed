from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from racop.services import COORDINATORS_GROUP


class UserQuerySet(models.QuerySet):
    def members(self):
        """Return approved members."""
        return self.filter(member_since__isnull=False, is_active=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person: a visitor who signed up, an applicant, a member or a coordinator."""

    email = models.EmailField(_("email address"), blank=True)
    member_since = models.DateTimeField(
        _("member since"),
        null=True,
        blank=True,
        help_text=_("Set when the person's application is approved; empty for applicants."),
    )

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="user_email_unique_ci"
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.email or self.username

    @property
    def is_member(self):
        return self.member_since is not None and self.is_active

    @cached_property
    def is_coordinator(self):
        return self.is_staff and self.groups.filter(name=COORDINATORS_GROUP).exists()

    def make_member(self):
        """Record that the person is now an approved member."""
        if self.member_since is None:
            self.member_since = timezone.now()
            self.save(update_fields=["member_since"])


class OrganisationQuerySet(models.QuerySet):
    def for_list(self):
        """Return organisations in name order."""
        return self.order_by("name")


class Organisation(models.Model):
    """A civil-society organisation or network taking part in the community."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        NETWORK = "network", _("Network")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ORGANISATION)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A person's place in an organisation."""

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        STAFF = "staff", _("Staff member")

    user = models.ForeignKey(User, models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="memberships")
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

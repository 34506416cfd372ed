from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from members import notify
from racop.access import sees_members_content
from racop.ratelimit import attempt_count, client_ip, client_network
from racop.services import message_id

LOCKED = _(
    "Too many failed login attempts. Try again later, or sign in with a code sent to your "
    "email address."
)


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """Return the address every rate limit counts: RATE_LIMIT_CLIENT_IP_HEADER behind a
        proxy (racop.ratelimit), so allauth's limits never count the proxy's address."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied
        return address

    def pre_authenticate(self, request, **credentials):
        """Count a password attempt against the failed-login limits (in PostgreSQL, so they
        hold while Redis is away); refuse it when one is spent.

        Per address, per account from that address and per account from anywhere. The last
        is set high enough that one address alone cannot reach it, so a stranger cannot lock
        a member out; a member refused all the same signs in with a code by email.
        """
        login = str(credentials.get("email") or credentials.get("username") or "").lower()
        network = client_network(request)
        self._login_attempts = []
        for action, who in (
            ("login_failed_ip", network),
            ("login_failed_account_ip", f"{login}\n{network}"),
            ("login_failed_account", login),
        ):
            attempt = attempt_count(action, who)
            if attempt is None:
                continue
            self._login_attempts.append(attempt)
            if not attempt.allowed:
                raise ValidationError(LOCKED, code="too_many_login_attempts")

    def authenticate(self, request, **credentials):
        """Authenticate; a correct password takes its attempt back, so only failures count."""
        user = super().authenticate(request, **credentials)
        if user is not None:
            for attempt in self._login_attempts:
                attempt.undo()
        return user

    def send_mail(self, template_prefix, email, context):
        """Queue allauth's email in the portal's outgoing queue: sent by the task worker with
        retries, so a failing mail server never fails the page (joining, a login code)."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request)}
            | context,
        )
        html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            "",
        )
        user = context.get("user")
        notify.email_queue(
            to=email,
            subject=message.subject,
            text=message.body,
            html=html,
            headers=message.extra_headers,
            user=user if getattr(user, "pk", None) else None,
        )

    def get_login_redirect_url(self, request):
        """Send applicants to their application's status; everyone else as usual."""
        user = request.user
        if not sees_members_content(user) and user.join_applications.exists():
            return reverse("members:application_status")
        return super().get_login_redirect_url(request)

    def render_mail(self, template_prefix, email, context, headers=None):
        """Say which language the account email is in, and give it the site's message id."""
        headers = {
            "Content-Language": translation.get_language() or settings.LANGUAGE_CODE,
            "Message-ID": message_id(),
            **(headers or {}),
        }
        return super().render_mail(template_prefix, email, context, headers=headers)


def email_added_tell_owner(*, request, user, email_address, **kwargs):
    """Tell the account's address that another one was added (allauth's email_added signal):
    a session taken over cannot quietly add the address it will take the account with."""
    get_adapter(request).send_notification_mail(
        "account/email/email_added", user, {"added_email": email_address.email}
    )

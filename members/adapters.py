from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from racop.access import sees_members_content
from racop.services import message_id


class AccountAdapter(DefaultAccountAdapter):
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

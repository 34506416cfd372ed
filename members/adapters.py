from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from racop.access import sees_members_content


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Send applicants to their application's status; everyone else as usual."""
        user = request.user
        if not sees_members_content(user) and user.join_applications.exists():
            return reverse("members:application_status")
        return super().get_login_redirect_url(request)

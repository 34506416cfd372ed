"""Who may see members-only pages: one rule, used by every app."""

from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from racop.access import sees_members_content


def members_only_response(request):
    """Send visitors to log in; tell signed-in non-members how to join."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "members/members_only.html", status=403)


def member_required(view):
    """Let approved members (and coordinators) in; answer everyone else helpfully."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if sees_members_content(user):
            return view(request, *args, **kwargs)
        return members_only_response(request)

    return wrapper


class MemberRequiredMixin(AccessMixin):
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if sees_members_content(user):
            return super().dispatch(request, *args, **kwargs)
        return members_only_response(request)

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from members.notifications import services
from members.notifications.forms import NotificationPreferencesForm
from members.notifications.models import Notification


@login_required
def notification_list(request):
    """List the person's notifications, newest first."""
    page = Paginator(Notification.objects.for_user(request.user), 30).get_page(
        request.GET.get("page")
    )
    return render(request, "members/notification_list.html", {"page_obj": page})


@login_required
def notification_open(request, pk):
    """Mark the notification read and go where it points."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_open(notification=notification)
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return redirect("notifications:me_notifications")
    return redirect(target)


@login_required
@require_POST
def notifications_read(request):
    """Mark every notification read."""
    services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("All notifications are marked read."))
    return redirect("notifications:me_notifications")


@login_required
def notification_preferences(request):
    """Let the person choose how they hear about each kind of activity."""
    form = NotificationPreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.notification_preferences_set(
            user=request.user,
            deliveries=form.deliveries(),
            digest_frequency=form.cleaned_data["digest_frequency"],
        )
        messages.success(request, _("Your notification preferences were saved."))
        return redirect("notifications:notification_preferences")
    return render(request, "members/me_notifications.html", {"form": form})


# Mail clients post the RFC 8058 one-click request without a CSRF token; the signed token in
# the address is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Stop one kind of email without logging in: GET asks to confirm, POST does it."""
    found = services.unsubscribe_read(token)
    if found is None:
        return render(request, "members/unsubscribe.html", {"invalid": True}, status=404)
    user, scope = found
    context = {"scope_label": services.scope_label(scope), "email": user.email}
    if request.method == "POST":
        services.unsubscribe(user=user, scope=scope)
        return render(request, "members/unsubscribe.html", {**context, "done": True})
    return render(request, "members/unsubscribe.html", context)

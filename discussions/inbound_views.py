"""The endpoint a mail relay or a provider's webhook posts inbound replies to."""

import hmac
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from discussions.inbound import (
    InvalidMessage,
    held_reply_confirm,
    held_reply_discard,
    held_reply_get,
    inbound_email_receive,
)
from discussions.models import InboundEmail

logger = logging.getLogger(__name__)


def _authorised(request):
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    expected = settings.INBOUND_EMAIL_TOKEN
    return (
        bool(expected)
        and scheme.lower() == "bearer"
        and hmac.compare_digest(token.strip().encode(), expected.encode())
    )


def _message_bytes(request, limit):
    """Return the body, at most limit + 1 bytes, whether its length was given or it came in
    chunks (Transfer-Encoding: chunked, no Content-Length)."""
    chunked = "chunked" in request.headers.get("Transfer-Encoding", "").lower()
    if not chunked or request.META.get("CONTENT_LENGTH"):
        # The stream itself: request.body would stop at DATA_UPLOAD_MAX_MEMORY_SIZE.
        return request.read(limit + 1)
    # Django reads only Content-Length bytes of a WSGI request, none here; the server
    # (gunicorn, mod_wsgi, uWSGI) has already joined the chunks in wsgi.input.
    stream = request.META.get("wsgi.input") or request
    raw = b""
    while len(raw) <= limit:
        part = stream.read(limit + 1 - len(raw))
        if not part:
            break
        raw += part
    return raw


def _nothing_arrived(request):
    """Answer a request without a message: retry later, so the relay keeps the message.

    A mail message is never empty (it has headers at least): an empty body means the message
    was lost on the way, by a proxy or a server that drops chunked bodies (Django's runserver
    does). A 4xx would make the relay bounce the reply for good; a 503 keeps it queued until
    the path is fixed, and the relay gives up (and tells the sender) only after its own
    queue lifetime.
    """
    logger.warning(
        "Inbound email: the request had no body (Content-Length %r, Transfer-Encoding %r)",
        request.headers.get("Content-Length"),
        request.headers.get("Transfer-Encoding"),
    )
    response = JsonResponse(
        {"error": "empty message: nothing arrived, try again later"}, status=503
    )
    response["Retry-After"] = "300"
    return response


@csrf_exempt
@require_POST
def inbound_email(request):
    """Take one raw RFC 5322 message: post it as a reply or bounce it (202), never fail (500).

    Authorization: Bearer <INBOUND_EMAIL_TOKEN>. The envelope recipient may be passed as
    ?recipient=… when the relay knows it.
    """
    if not settings.INBOUND_EMAIL_ENABLED:
        raise Http404
    if not _authorised(request):
        response = JsonResponse({"error": "unauthorised"}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="inbound-email"'
        return response
    limit = settings.INBOUND_EMAIL_MAX_MB * 1024 * 1024
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return JsonResponse({"error": "message too large"}, status=413)
    raw = _message_bytes(request, limit)
    if len(raw) > limit:
        return JsonResponse({"error": "message too large"}, status=413)
    if not raw.strip():
        return _nothing_arrived(request)
    try:
        # An address has no spaces: a "+" the relay did not encode reads as one.
        recipient = request.GET.get("recipient", "").replace(" ", "+")
        received = inbound_email_receive(raw=raw, recipient=recipient)
    except InvalidMessage as error:
        return JsonResponse({"error": f"not an email message: {error}"}, status=400)
    except Exception:
        # The relay keeps the message and tries again later; nothing is lost.
        logger.exception("Inbound email failed")
        return JsonResponse({"error": "try again later"}, status=503)
    return JsonResponse(
        {"outcome": received.record.outcome, "duplicate": received.duplicate}, status=202
    )


@login_required
@require_http_methods(["GET", "POST"])
def inbound_confirm(request, token):
    """Show a held emailed reply to its member; post it, or drop it, as they choose."""
    try:
        record = held_reply_get(token, user=request.user)
    except signing.BadSignature:
        return render(request, "discussions/inbound_confirm.html", {"state": "invalid"}, status=404)
    except InboundEmail.DoesNotExist:
        raise Http404 from None
    state = record.outcome
    if request.method == "POST" and state == InboundEmail.Outcome.HELD:
        if request.POST.get("discard"):
            held_reply_discard(record=record, user=request.user)
            messages.success(request, _("The reply is not posted."))
            return redirect(record.thread)
        try:
            reply = held_reply_confirm(record=record, user=request.user)
        except PermissionDenied:
            messages.error(
                request, _("The reply cannot be posted: the thread is closed to new replies.")
            )
            return redirect(record.thread)
        messages.success(request, _("Your reply is posted."))
        return redirect(reply.get_absolute_url())
    return render(request, "discussions/inbound_confirm.html", {"state": state, "record": record})

"""Rate limits on Django's cache, shared by every app server (Redis in production).

A fixed window per action and per person (their account when logged in, else their
address): `@ratelimit("posting")` on a view answers 429 with templates/429.html once the
limit in settings.RATE_LIMITS is spent. django-allauth's own limits (ACCOUNT_RATE_LIMITS)
use the same cache and the same page, through `handler429` in racop/urls.py.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """Return (count, seconds) for a rate such as "10/m" or "30/5m"."""
    count, _, period = rate.partition("/")
    digits = period[:-1] or "1"
    return int(count), int(digits) * UNITS[period[-1]]


def client_ip(request):
    """Return the client's address; behind a proxy, the one the proxy saw (settings)."""
    header = getattr(settings, "RATE_LIMIT_CLIENT_IP_HEADER", None)
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _identity(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request)}"


def rate_limit_hit(request, action, *, key=None):
    """Count one attempt at action; return False when the limit is already spent."""
    rate = settings.RATE_LIMITS.get(action)
    if not rate:
        return True
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    who = key if key is not None else _identity(request)
    digest = hashlib.sha256(f"{action}:{who}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{action}:{digest}:{window}"
    if cache.add(cache_key, 1, timeout=period + 1):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The window expired between add() and incr(): this attempt opens the next one.
        cache.set(cache_key, 1, timeout=period + 1)
        return True
    return count <= limit


def too_many_requests(request, exception=None):
    """Explain that the person must wait a little before trying again."""
    return render(request, "429.html", status=429)


def ratelimit(action, *, methods=("POST",), when=None):
    """Limit a view to settings.RATE_LIMITS[action] for the given methods.

    `when(request)` narrows what counts (for example only searches with a query).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            counts = request.method in methods and (when is None or when(request))
            if counts and not rate_limit_hit(request, action):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator

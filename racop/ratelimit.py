"""Rate limits counted in PostgreSQL, shared by every app server.

A fixed window per action and per person (their account when logged in, else their
address): `@ratelimit("posting")` on a view answers 429 with templates/429.html once the
limit in settings.RATE_LIMITS is spent. The counts live in the database, not in the cache:
Redis may be away (the cache then answers as empty), and a limit must not reset then.

Behind a reverse proxy, settings.RATE_LIMIT_CLIENT_IP_HEADER names the header that carries
the client's address; it drives every limit, django-allauth's included (members.adapters
asks client_ip()). Failed logins are counted here too (members.adapters), per address and
per account and address; django-allauth's own limits (ACCOUNT_RATE_LIMITS) answer with the
same page, through `handler429` in racop/urls.py.
"""

import datetime
import functools
import hashlib
import ipaddress
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# One attempt in this many also deletes the counters of windows that have ended.
SWEEP_ONE_IN = 200
# An IPv6 client usually holds a whole /64: count it as one address.
IPV6_PREFIX = 64


def parse_rate(rate):
    """Return (count, seconds) for a rate such as "10/m" or "30/5m"."""
    count, _, period = rate.partition("/")
    digits = period[:-1] or "1"
    return int(count), int(digits) * UNITS[period[-1]]


def client_ip(request):
    """Return the client's address; behind a proxy, the one the proxy saw (settings).

    The proxy appends the address it saw to a list such as X-Forwarded-For: the last entry
    is the one to trust, the first may be anything the client sent.
    """
    header = getattr(settings, "RATE_LIMIT_CLIENT_IP_HEADER", None)
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_network(request):
    """Return the client's address as rate limits count it (an IPv6 address by its /64)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.IPv6Network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return address


def _identity(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_network(request)}"


@dataclass(frozen=True)
class Attempt:
    """One counted attempt at an action, within its window."""

    key: str
    window_ends_at: datetime.datetime
    count: int
    limit: int

    @property
    def allowed(self) -> bool:
        return self.count <= self.limit

    def undo(self) -> None:
        """Take the attempt back: it turned out not to count (a correct password)."""
        from racop.models import RateLimitCounter

        RateLimitCounter.objects.filter(
            key=self.key, window_ends_at=self.window_ends_at, count__gt=0
        ).update(count=F("count") - 1)


def attempt_count(action, who) -> Attempt | None:
    """Count one attempt at action by who (any string); None when action has no limit."""
    from racop.models import RateLimitCounter

    rate = settings.RATE_LIMITS.get(action)
    if not rate:
        return None
    limit, period = parse_rate(rate)
    ends = datetime.datetime.fromtimestamp((time.time() // period + 1) * period, datetime.UTC)
    digest = hashlib.sha256(f"{action}:{who}".encode()).hexdigest()[:32]
    key = f"{action}:{digest}"
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    # One statement, so concurrent attempts never read the same count: a new window starts
    # at one, the current one adds one. The table's name is the model's, quoted; the values
    # are parameters.
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} AS c (key, count, window_ends_at) VALUES (%s, 1, %s) "  # nosec B608
            "ON CONFLICT (key) DO UPDATE SET "
            "count = CASE WHEN c.window_ends_at = EXCLUDED.window_ends_at "
            "THEN c.count + 1 ELSE 1 END, window_ends_at = EXCLUDED.window_ends_at "
            "RETURNING count",
            [key, ends],
        )
        (count,) = cursor.fetchone()
    if secrets.randbelow(SWEEP_ONE_IN) == 0:
        rate_limits_sweep()
    return Attempt(key=key, window_ends_at=ends, count=count, limit=limit)


def rate_limits_sweep() -> int:
    """Delete the counters of windows that have ended; return how many."""
    from racop.models import RateLimitCounter

    deleted, _ = RateLimitCounter.objects.filter(window_ends_at__lte=timezone.now()).delete()
    return deleted


def rate_limit_hit(request, action, *, key=None):
    """Count one attempt at action; return False when the limit is already spent."""
    attempt = attempt_count(action, key if key is not None else _identity(request))
    return attempt is None or attempt.allowed


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

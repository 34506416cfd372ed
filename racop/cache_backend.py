"""A Redis cache that degrades to misses while Redis is away.

The cache holds nothing that is not also in the database (sessions are ``cached_db``),
so when Redis stops answering the site keeps working from PostgreSQL: the cache then
answers as Django's DummyCache does (reads miss, writes are dropped, ``add`` succeeds so
that locks such as allauth's rate-limit lock never block), and logs a warning. When Redis
answers again it is used again, and ``take_recovery()`` says so once, so that racop.cache
starts every area anew (an invalidation may have been lost meanwhile).

django-allauth keeps its rate limits (sign-ups, password resets, login codes) in the default
cache under one prefix; a limit must hold while Redis is away, so those keys are kept in the
database cache named by DURABLE_CACHE instead (the portal's own limits count in PostgreSQL,
racop.ratelimit).

It wraps Django's own RedisCache through the public cache API only.
"""

import logging
import threading

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# The keys of django-allauth's rate limits (allauth.core.internal.ratelimit) and their locks.
DURABLE_PREFIX = "allauth:rl:"


class ResilientRedisCache(BaseCache):
    """Django's RedisCache, answering as if empty when the server cannot be reached; allauth's
    rate-limit keys are kept in the DURABLE_CACHE alias (the database) whatever Redis does."""

    def __init__(self, server, params):
        super().__init__(params)
        self.redis = RedisCache(server, params)
        self.durable_alias = params.get("DURABLE_CACHE")
        self._lock = threading.Lock()
        self._failed = False
        self._recovered = False

    def _durable(self, key):
        """Return the database cache that keeps this key, or None for Redis."""
        if self.durable_alias and str(key).startswith(DURABLE_PREFIX):
            return caches[self.durable_alias]
        return None

    def _call(self, name, fallback, *args, **kwargs):
        try:
            result = getattr(self.redis, name)(*args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Cache unavailable (%s failed: %s); falling back.", name, error)
            with self._lock:
                self._failed = True
            return fallback()
        if self._failed:
            with self._lock:
                if self._failed:
                    self._failed = False
                    self._recovered = True
        return result

    def take_recovery(self) -> bool:
        """Return True once after Redis answers again following a failure."""
        if not self._recovered:
            return False
        with self._lock:
            recovered, self._recovered = self._recovered, False
        return recovered

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if durable := self._durable(key):
            return durable.add(key, value, timeout, version)
        return self._call("add", lambda: True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        if durable := self._durable(key):
            return durable.get(key, default, version)
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if durable := self._durable(key):
            return durable.set(key, value, timeout, version)
        self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        if durable := self._durable(key):
            return durable.touch(key, timeout, version)
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        if durable := self._durable(key):
            return durable.delete(key, version)
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        if durable := self._durable(key):
            return durable.has_key(key, version)
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        if durable := self._durable(key):
            return durable.incr(key, delta, version)

        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")

        return self._call("incr", missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)

    def close(self, **kwargs):
        self.redis.close(**kwargs)

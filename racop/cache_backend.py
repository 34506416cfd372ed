"""A Redis cache that degrades to misses while Redis is away.

The cache holds nothing that is not also in the database (sessions are ``cached_db``),
so when Redis stops answering the site keeps working from PostgreSQL: the cache then
answers as Django's DummyCache does (reads miss, writes are dropped, ``add`` succeeds so
that locks such as allauth's rate-limit lock never block), and logs a warning. When Redis
answers again it is used again, and ``take_recovery()`` says so once, so that racop.cache
starts every area anew (an invalidation may have been lost meanwhile).

It wraps Django's own RedisCache through the public cache API only.
"""

import logging
import threading

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class ResilientRedisCache(BaseCache):
    """Django's RedisCache, answering as if empty when the server cannot be reached."""

    def __init__(self, server, params):
        super().__init__(params)
        self.redis = RedisCache(server, params)
        self._lock = threading.Lock()
        self._failed = False
        self._recovered = False

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
        return self._call("add", lambda: True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
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

"""A Redis cache that degrades to misses while Redis is away.

The cache holds nothing that is not also in the database (sessions are ``cached_db``),
so when Redis stops answering the site keeps working from PostgreSQL: it then answers as
Django's DummyCache does (reads miss, writes are dropped, ``add`` succeeds so that locks
such as allauth's rate-limit lock never block), and logs a warning. When Redis returns,
it is used again.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _fallback(name, on_error):
    method = getattr(RedisCache, name)

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Cache unavailable (%s failed: %s); falling back.", name, error)
            return on_error(*args, **kwargs)

    wrapper.__name__ = name
    wrapper.__doc__ = method.__doc__
    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (the cache is unavailable).")


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one redis.Redis per connection pool.

    Django makes a new redis.Redis (and its table of reply handlers) for every cache call,
    which costs more than the GET itself on a cached page. A redis.Redis is thread-safe and
    its pool reconnects after a fork, so one per pool serves every call.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class FallbackRedisCache(RedisCache):
    """Django's Redis cache, answering as if empty when the server cannot be reached."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    add = _fallback("add", lambda *a, **k: True)
    get = _fallback("get", _default)
    set = _fallback("set", lambda *a, **k: None)
    touch = _fallback("touch", lambda *a, **k: False)
    delete = _fallback("delete", lambda *a, **k: False)
    get_many = _fallback("get_many", lambda *a, **k: {})
    has_key = _fallback("has_key", lambda *a, **k: False)
    incr = _fallback("incr", _missing)
    set_many = _fallback("set_many", lambda *a, **k: [])
    delete_many = _fallback("delete_many", lambda *a, **k: None)
    clear = _fallback("clear", lambda *a, **k: False)

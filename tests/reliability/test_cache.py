"""The Redis cache answers like an empty cache while Redis cannot be reached."""

import pytest

from racop.cache_backend import ResilientRedisCache
from tests.reliability.stack import free_port


@pytest.fixture
def unreachable():
    port = free_port()  # nothing listens there
    return ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )


def test_reads_miss_and_writes_are_dropped(unreachable, caplog):
    assert unreachable.get("key", "default") == "default"
    assert unreachable.set("key", "value") is None
    assert unreachable.get_many(["a", "b"]) == {}
    assert unreachable.has_key("key") is False
    assert unreachable.delete("key") is False
    assert unreachable.set_many({"a": 1}) == ["a"]
    assert "Cache unavailable" in caplog.text


def test_add_succeeds_so_locks_built_on_it_do_not_block(unreachable):
    assert unreachable.add("lock", True) is True


def test_incr_behaves_as_a_missing_key(unreachable):
    with pytest.raises(ValueError):
        unreachable.incr("counter")


@pytest.mark.django_db
def test_nothing_stale_is_served_after_redis_was_unreachable(redis, settings):
    """Redis stops answering (but keeps its data) while content changes: the invalidation
    cannot reach it; once it answers again, nothing computed before is served."""
    import os
    import signal

    from library.models import Resource
    from racop import cache as shared_cache
    from tests.factories import ResourceFactory

    settings.CACHES = {
        "default": {
            "BACKEND": "racop.cache_backend.ResilientRedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    def titles():
        return shared_cache.shared(
            "titles",
            lambda: sorted(Resource.objects.values_list("title", flat=True)),
            areas=("library",),
        )

    ResourceFactory(title="Before")
    assert titles() == ["Before"]
    assert titles() == ["Before"]  # kept in Redis
    os.kill(redis.process.pid, signal.SIGSTOP)
    try:
        ResourceFactory(title="During")  # its invalidation cannot reach Redis
    finally:
        os.kill(redis.process.pid, signal.SIGCONT)
    assert titles() == ["Before", "During"]

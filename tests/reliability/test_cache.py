"""The Redis cache answers like an empty cache while Redis cannot be reached."""

import pytest

from racop.cache import FallbackRedisCache
from tests.reliability.stack import free_port


@pytest.fixture
def unreachable():
    port = free_port()  # nothing listens there
    return FallbackRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )


def test_reads_miss_and_writes_are_dropped(unreachable, caplog):
    assert unreachable.get("key", "default") == "default"
    assert unreachable.set("key", "value") is None
    assert unreachable.get_many(["a", "b"]) == {}
    assert unreachable.has_key("key") is False
    assert unreachable.delete("key") is False
    assert unreachable.set_many({"a": 1}) == []
    assert "Cache unavailable" in caplog.text


def test_add_succeeds_so_locks_built_on_it_do_not_block(unreachable):
    assert unreachable.add("lock", True) is True


def test_incr_behaves_as_a_missing_key(unreachable):
    with pytest.raises(ValueError):
        unreachable.incr("counter")

"""Work shared between requests: the one way to keep it.

Content is grouped in areas (library, pledge, events, discussions, people, site…); a
model names its area (``cache_area``), and models of other packages are watched with
``watch()`` from an app's ``ready()``. Every area has a generation number in the cache.
What is shared between people (``shared()``) is stored under a key derived from its name,
the reader's language and audience (racop.access.audience), the parameters it depends on,
and the generations of the areas it reads; the visitors' page cache (racop.pagecache)
stores whole pages under the generations of every area.

Any SQL statement that writes a watched table (a save, a delete, an admin bulk action,
``QuerySet.update()``, a bulk create, raw SQL in a service, an import, a task) starts a
new generation of its areas at once and again when its transaction commits, so the next
reader computes afresh; nothing needs emptying by hand and nothing is kept stale. If the
cache could not be told (Redis unreachable), every area starts a new generation as soon
as the cache answers again. Only Django's public cache API is used.
"""

import functools
import hashlib
import logging
import re
import secrets
import threading
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import NamedTuple

from django.core.cache import cache
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate
from django.utils import translation

from racop.access import audience as audience_of

logger = logging.getLogger(__name__)

# How long a shared part is kept at most: a new generation makes it unreachable sooner.
SECONDS = 3600
GENERATION_KEY = "gen:{}"

# table name -> (areas, columns whose change alone does not change what anyone sees)
_tables: dict[str, tuple[frozenset, frozenset]] = {}
AREAS: set[str] = set()

WRITE = re.compile(
    r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|COPY)\s+(?:ONLY\s+)?"?(\w+)"?',
    re.IGNORECASE,
)
COPY_OUT = re.compile(r"\s*COPY\b.*\bTO\s+(?:STDOUT|'|PROGRAM)", re.IGNORECASE | re.DOTALL)
SET_COLUMNS = re.compile(r"\s+SET\s+(.*?)\s+WHERE\s", re.IGNORECASE | re.DOTALL)
COLUMN = re.compile(r'"?(\w+)"?\s*=')


def watch(area, *models, ignore_columns=()):
    """Say that writing these models' tables (and their many-to-many tables) changes the
    area. An UPDATE that sets only ignore_columns (a last-login time, say) changes nothing."""
    AREAS.add(area)
    for model in models:
        tables = [model._meta.db_table]
        tables += [
            field.remote_field.through._meta.db_table
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        ]
        for table in tables:
            areas, ignored = _tables.get(table, (frozenset(), frozenset()))
            _tables[table] = (areas | {area}, ignored | frozenset(ignore_columns))


def areas_written(sql) -> frozenset:
    """Return the areas an SQL statement changes (none for reads and unwatched tables)."""
    if not isinstance(sql, str):
        sql = str(sql)
    match = WRITE.match(sql)
    if not match or match.group(1) not in _tables:
        return frozenset()
    if COPY_OUT.match(sql):
        return frozenset()  # COPY … TO reads
    areas, ignored = _tables[match.group(1)]
    if ignored and sql.lstrip()[:6].upper() == "UPDATE":
        found = SET_COLUMNS.search(sql)
        if found and set(COLUMN.findall(found.group(1))) <= ignored:
            return frozenset()
    return areas


# --- generations -------------------------------------------------------------------------

# The generations read once per request (racop.pagecache sets the memo up for every
# request); outside a request (commands, tasks) they are read each time.
_request_memo: ContextVar = ContextVar("racop_cache_memo", default=None)


@contextmanager
def request_scope():
    """Read each area's generation once in the block (a request)."""
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


def generation_keys(areas):
    """Return the cache keys of the areas' generations (racop.pagecache reads them with a
    page in one round trip)."""
    return [GENERATION_KEY.format(area) for area in areas]


def generations(areas, found=None) -> tuple:
    """Return the current generation of each area, in order (one cache round trip for
    those the request has not read yet). found: values already read with the caller's
    own round trip (racop.pagecache)."""
    areas = tuple(areas)
    _thread.unread.clear()
    memo = _request_memo.get()
    known = memo if memo is not None else {}
    missing = [area for area in areas if area not in known]
    if missing:
        keys = generation_keys(missing)
        values = found if found is not None else cache.get_many(keys)
        if _recovered():
            values = {}
        for area, key in zip(missing, keys, strict=True):
            value = values.get(key)
            if value is None:
                # A new area (or an emptied cache): a number never used before, so entries
                # of an earlier life of the cache can never match again.
                value = _new_generation()
                if not cache.add(key, value, None):
                    value = cache.get(key, value)
            known[area] = value
    return tuple(known[area] for area in areas)


def _new_generation() -> int:
    """A number never used before: generations need not grow, only never repeat, so two
    writers at once never leave one number that hides a change (no read, no race)."""
    return secrets.randbits(62)


def changed(*areas):
    """Start a new generation of these areas: what was shared from them is not used again."""
    if not areas:
        return
    cache.set_many({key: _new_generation() for key in generation_keys(areas)}, None)
    memo = _request_memo.get()
    if memo is not None:
        for area in areas:
            memo.pop(area, None)


def _recovered() -> bool:
    """Whether the cache answers again after it could not be reached: then every area
    starts a new generation, since an invalidation may have been lost meanwhile."""
    recovered = getattr(cache, "take_recovery", None)
    if recovered is None or not recovered():
        return False
    logger.warning("The cache answers again: every area starts a new generation.")
    cache.set_many({key: _new_generation() for key in generation_keys(AREAS)}, None)
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()
    return True


# --- shared parts --------------------------------------------------------------------------

PACKAGES = ("racop", "members", "pledges", "library", "discussions")
RELEASE_SOURCES = (
    "templates/**/*.html",
    "locale/*/LC_MESSAGES/*.po",
    "racop/locale_*/*/LC_MESSAGES/*.po",
    *(f"{package}/**/*.py" for package in PACKAGES),
)


@functools.cache
def release() -> str:
    """Return a digest of the code, templates and catalogs this process serves, part of every
    key: a deploy that changes what a page shows never gets the HTML of the one before,
    and servers running the same release share their entries."""
    from django.conf import settings

    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for pattern in RELEASE_SOURCES:
        for path in sorted(base.glob(pattern)):
            if "migrations" in path.relative_to(base).parts:
                continue
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:32]


def key_for(name, areas, *, user=None, audience=None, key=()):
    """Return the cache key of a shared part (see shared())."""
    if audience is None:
        audience = audience_of(user) if user is not None else ""
    language = translation.get_language() or ""
    return ":".join(
        [
            "shared",
            release(),
            name,
            language,
            audience,
            _digest((key, generations(sorted(areas)))),
        ]
    )


def shared(name, compute, *, areas, user=None, audience=None, key=(), seconds=SECONDS):
    """Return compute(), shared with everyone of the same audience who reads the same
    language, until anything in the areas changes.

    name: what it is ("library:results"); areas: the areas of content it shows; user (or
    audience): whose audience it is for, omitted when it is the same for everyone; key:
    the parameters it depends on (the page number, the address's query…). Never share one
    person's own data this way.
    """
    part = Part(name, compute, areas, key)
    return shared_parts([part], user=user, audience=audience, seconds=seconds)[name]


def shared_many(parts, *, areas, user=None, audience=None, key=(), seconds=SECONDS):
    """Return {name: compute()} for parts ({name: compute}) like shared(), in one round
    trip, computing and storing only what the cache does not hold."""
    return shared_parts(
        [Part(name, compute, areas, key) for name, compute in parts.items()],
        user=user,
        audience=audience,
        seconds=seconds,
    )


class Part(NamedTuple):
    """One shared part: see shared()."""

    name: str
    compute: Callable
    areas: tuple
    key: tuple = ()


def shared_parts(parts, *, user=None, audience=None, seconds=SECONDS):
    """Return {name: compute()} for Parts that may read different areas, in one round trip
    for the generations (unless the request read them already) and one for the parts."""
    if not parts:
        return {}
    generations(sorted({area for part in parts for area in part.areas}))
    keys = {
        part.name: key_for(part.name, part.areas, user=user, audience=audience, key=part.key)
        for part in parts
    }
    found = cache.get_many(list(keys.values()))
    result, computed = {}, {}
    for part in parts:
        value = found.get(keys[part.name])
        if value is None:
            value = part.compute()
            computed[keys[part.name]] = value
        result[part.name] = value
    if computed:
        cache.set_many(computed, seconds)
    return result


# --- watching writes -----------------------------------------------------------------------


class _Pending:
    """The areas a transaction has written, told to the cache again when it commits."""

    def __init__(self):
        self.areas = set()

    def __call__(self):
        changed(*sorted(self.areas))


class _ThreadState(threading.local):
    """Per thread (each has its own connections): the pending callback of each connection's
    transaction, and the areas this thread started a new generation of and has not read
    since (a further write in the same transaction needs no new one until a read)."""

    def __init__(self):
        self.pending = {}
        self.unread = set()


_thread = _ThreadState()


def _written(connection, areas):
    if not connection.in_atomic_block:
        changed(*sorted(areas))
        return
    pending = _thread.pending.get(connection.alias)
    # The callback is gone once the transaction committed or rolled back: a new transaction.
    if pending is None or all(entry[1] is not pending for entry in connection.run_on_commit):
        pending = _thread.pending[connection.alias] = _Pending()
        connection.on_commit(pending)
        _thread.unread.clear()
    pending.areas |= areas
    # At once too, for what this transaction reads next (and for tests, which never commit).
    new = areas - _thread.unread
    if new:
        changed(*sorted(new))
        _thread.unread |= new


class _Migrating:
    """Whether migrations are running: the cache (its table, even) may not exist yet, so
    writes are not watched then, and every area starts anew when they are done."""

    now = False


def _migrations_start(**kwargs):
    _Migrating.now = True


def _migrations_done(**kwargs):
    if _Migrating.now:
        _Migrating.now = False
        changed(*sorted(AREAS))


def _watcher(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if not _Migrating.now:
        areas = areas_written(sql)
        if areas:
            _written(context["connection"], areas)
    return result


def _install(connection, **kwargs):
    # First in the list: execute_wrapper() blocks pop the last one they added.
    if _watcher not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _watcher)


def connect():
    """Watch every database connection's writes (called once, from racop's ready()), to
    the tables of the models that name their area (``cache_area``)."""
    from django.apps import apps
    from django.contrib.sites.models import Site

    for model in apps.get_models():
        area = getattr(model, "cache_area", None)
        if area:
            watch(area, model, ignore_columns=getattr(model, "cache_ignore_columns", ()))
    watch("site", Site)
    connection_created.connect(_install, dispatch_uid="racop.cache.watch")
    pre_migrate.connect(_migrations_start, dispatch_uid="racop.cache.migrating")
    post_migrate.connect(_migrations_done, dispatch_uid="racop.cache.migrated")
    for connection in connections.all(initialized_only=True):
        _install(connection)

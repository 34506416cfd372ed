"""Harvesting other sources into the curation queue: another portal's API and news feeds.

Each item of a source becomes a suggestion (a resource in review) that names its source,
unless the library already holds it: the same address (the scheme, ``www.``, a trailing
slash and utm_* parameters aside) or the same title (case, accents, script and punctuation
aside; "dj" is "đ"). An item harvested before from the same source is found by its key at
the source and updated when the source changed it, while it is still in review; once a
coordinator has taken it out of the queue, the change is only recorded.
"""

import datetime
import hashlib
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from html import unescape
from xml.sax import SAXException

import feedparser
import nh3
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_countries import countries

from library.models import LANGUAGES, Resource, Source, title_key
from library.services import resource_unique_slug
from racop.models import Topic

TIMEOUT = 20  # seconds for each request
MAX_BYTES = 5 * 1024 * 1024  # a feed or an API page larger than this is refused
MAX_PAGES = 200  # of an API, 100 items each
PAGE_SIZE = 100
BLOCK_TAG = re.compile(r"</?(p|div|br|li|h[1-6]|tr|td|blockquote)\b", re.IGNORECASE)


class HarvestError(Exception):
    """A source could not be harvested: the message says why, for the admin."""


@dataclass
class Item:
    """One item of a source, in the library's terms."""

    key: str
    title: str
    address: str = ""
    summary: str = ""
    date: datetime.date | None = None
    year: int | None = None
    publisher: str = ""
    type: str = ""
    languages: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    scope: str = ""
    topics: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def digest(self) -> str:
        said = "\x1f".join([self.title, self.summary, str(self.date or self.year), self.address])
        return hashlib.sha256(said.encode()).hexdigest()


@dataclass
class Result:
    """What harvesting one source did."""

    source: Source
    ok: bool = True
    error: str = ""
    found: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    changed_elsewhere: int = 0
    not_modified: bool = False
    busy: bool = False


def address_key(url: str) -> str:
    """Return an address without what does not change the page it points to: the scheme,
    case of the host, ``www.``, a trailing slash, a fragment and utm_* parameters."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = urllib.parse.urlencode(
        [
            (name, value)
            for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if not name.lower().startswith("utm_")
        ]
    )
    return f"{host}{path}" + (f"?{query}" if query else "")


def without_tracking(url: str) -> str:
    """Return the address without utm_* parameters (kept as the resource's link)."""
    parts = urllib.parse.urlsplit(url.strip())
    query = [
        (name, value)
        for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_")
    ]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def name_key(title: str) -> str:
    """Return the title's key for duplicates: folded, letters and digits only, "dj" as "d"."""
    return title_key(title).replace("dj", "d")


def plain_text(html: str, limit: int) -> str:
    """Return the text of an HTML fragment (tags removed, entities decoded), cut to limit."""
    # Paragraphs and lines stay apart as words once their tags are gone.
    html = BLOCK_TAG.sub(r" \g<0>", html or "")
    text = nh3.clean(html, tags=set(), attributes={}, strip_comments=True)
    # Stored as text and escaped wherever it is shown.
    text = " ".join(unescape(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class WebRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to web addresses only (urllib would follow one to ftp: too)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme not in {"http", "https"}:
            raise HarvestError(f"Redirected away from the web: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


OPENER = urllib.request.build_opener(WebRedirects)


def fetch(
    url: str, *, headers: dict | None = None, timeout: float = TIMEOUT
) -> tuple[int, Message, bytes]:
    """Return the status, headers and body of a GET (304 with an empty body); raise
    HarvestError for anything else than a page of at most MAX_BYTES."""
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise HarvestError(f"Not a web address: {url}")
    agent = f"{settings.SITE_SHORT_NAME} harvester (+{settings.SITE_URL})"
    request = urllib.request.Request(url, headers={"User-Agent": agent, **(headers or {})})
    try:
        # Bandit B310 is a false positive: the scheme is http or https (checked above).
        with OPENER.open(request, timeout=timeout) as response:  # nosec B310
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise HarvestError(f"Larger than {MAX_BYTES // (1024 * 1024)} MB: {url}")
            return response.status, response.headers, body
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return 304, error.headers, b""
        raise HarvestError(f"HTTP {error.code} {error.reason} from {url}") from error
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise HarvestError(f"{reason} ({url})") from error


def feed_items(content: bytes, source: Source) -> list[Item]:
    """Return the items of an RSS or Atom feed; raise HarvestError if it is none."""
    # Its address resolves relative links (feedparser reads it as the base).
    parsed = feedparser.parse(content, response_headers={"content-location": source.address})
    problem = parsed.get("bozo_exception")
    # feedparser reads on past broken XML with a loose parser; what it would guess at is
    # refused instead (a feed cut off by a failing server would lose items by the guess).
    if isinstance(problem, SAXException):
        raise HarvestError(f"Not well-formed XML: {problem}"[:500])
    if not parsed.get("version"):
        raise HarvestError("Not an RSS or Atom feed.")
    # The source's languages, else the one the feed says it is in (<language>, xml:lang).
    said = (parsed.feed.get("language") or "").split("-")[0].lower()
    known = {code for code, _name in LANGUAGES}
    languages = list(source.languages) or ([said] if said in known else [])
    items = []
    for entry in parsed.entries:
        title = plain_text(entry.get("title", ""), 200)
        link = entry.get("link", "")
        key = entry.get("id") or link or title
        if not title or not key:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        date = datetime.date(*when[:3]) if when else None
        summary = entry.get("summary", "")
        if not summary and entry.get("content"):
            summary = entry.content[0].get("value", "")
        items.append(
            Item(
                key=key[:500],
                title=title,
                address=without_tracking(link) if link else "",
                summary=plain_text(summary, 1000),
                date=date,
                year=date.year if date else None,
                publisher=plain_text(entry.get("author", ""), 200),
                type=source.resource_type,
                languages=languages,
            )
        )
    return items


def api_address(address: str) -> str:
    """Return the resources endpoint of a portal named by its address or the endpoint's."""
    if "/api/v1/resources" in address:
        return address
    return urllib.parse.urljoin(address.rstrip("/") + "/", "api/v1/resources/")


def api_item(data: dict) -> Item:
    """Return an item of the portal API's shape (a resource object)."""
    if not isinstance(data, dict) or not data.get("title") or not data.get("id"):
        raise HarvestError("An item of the API has no id or title.")
    published = data.get("published")
    try:
        date = datetime.date.fromisoformat(published) if published else None
    except (TypeError, ValueError):
        date = None
    year = data.get("year")
    return Item(
        # The page on the other portal is the item's lasting name there.
        key=str(data.get("url") or data["id"])[:500],
        title=plain_text(str(data["title"]), 200),
        address=without_tracking(
            str(data.get("link") or data.get("file") or data.get("url") or "")
        ),
        summary=plain_text(str(data.get("summary") or ""), 1000),
        date=date,
        year=year if isinstance(year, int) and 1900 <= year <= 2100 else None,
        publisher=plain_text(str(data.get("publisher") or ""), 200),
        type=str(data.get("type") or ""),
        languages=[str(code) for code in data.get("languages") or []],
        countries=[str(code) for code in data.get("countries") or []],
        scope=str(data.get("scope") or ""),
        topics=[str(slug) for slug in data.get("topics") or []],
        tags=[str(tag)[:100] for tag in data.get("tags") or []],
    )


def portal_items(source: Source, *, timeout: float = TIMEOUT) -> list[Item]:
    """Return the resources another portal changed since the last successful harvest,
    following its pages."""
    query = {"page_size": PAGE_SIZE}
    if source.last_success_at:
        query["changed_since"] = source.last_success_at.isoformat()
    url = f"{api_address(source.address)}?{urllib.parse.urlencode(query)}"
    items, seen = [], set()
    for _page in range(MAX_PAGES):
        _status, _headers, body = fetch(
            url, headers={"Accept": "application/json"}, timeout=timeout
        )
        try:
            page = json.loads(body)
        except ValueError as error:
            raise HarvestError(f"Not JSON from {url}: {error}") from error
        if not isinstance(page, dict) or not isinstance(page.get("results"), list):
            raise HarvestError(f"Not the portal API's answer (no results) from {url}")
        items.extend(api_item(data) for data in page["results"])
        seen.add(url)
        url = page.get("next")
        if not url:
            return items
        if not isinstance(url, str) or url in seen:
            raise HarvestError("The API's pages lead back to themselves.")
    raise HarvestError(f"More than {MAX_PAGES} pages.")


class Library:
    """What the library holds, looked up by address and title key; one query a run."""

    def __init__(self, source: Source):
        self.by_address, self.by_title, self.harvested = {}, {}, {}
        rows = Resource.objects.values_list("pk", "url", "title", "source_id", "source_key")
        for pk, url, title, source_id, key in rows:
            self.remember(pk, url, title)
            if source_id == source.pk and key:
                self.harvested[key] = pk

    def remember(self, pk, url, title):
        if address := address_key(url):
            self.by_address.setdefault(address, pk)
        if name := name_key(title):
            self.by_title.setdefault(name, pk)

    def duplicate(self, item: Item):
        """Return the pk of a resource holding the item, or None."""
        address = address_key(item.address)
        return (address and self.by_address.get(address)) or self.by_title.get(name_key(item.title))


def _resource_values(item: Item, source: Source) -> dict:
    types, languages = set(Resource.Type.values), {code for code, _name in LANGUAGES}
    return {
        "title": item.title,
        "summary": item.summary,
        "url": item.address[:500]
        if urllib.parse.urlsplit(item.address).scheme in {"http", "https"}
        else "",
        "year": item.year,
        "publisher": item.publisher,
        "type": item.type if item.type in types else source.resource_type,
        "languages": [code for code in item.languages if code in languages]
        or list(source.languages),
        "countries": [code.upper() for code in item.countries if countries.alpha2(code)],
        "scope": item.scope if item.scope in Resource.Scope.values else Resource.Scope.REGIONAL,
        "source_digest": item.digest,
    }


def _save_items(source: Source, items: list[Item], result: Result) -> None:
    library = Library(source)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    default_topics = list(source.topics.all())
    now = timezone.now()
    for item in items:
        result.found += 1
        values = _resource_values(item, source)
        pk = library.harvested.get(item.key)
        if pk is not None:
            resource = Resource.objects.get(pk=pk)
            if resource.source_digest == item.digest:
                continue
            if resource.status != Resource.Status.IN_REVIEW:
                # A coordinator decided on it: their edits stay; the change is recorded.
                resource.source_digest, resource.source_changed_at = item.digest, now
                resource.save(update_fields=["source_digest", "source_changed_at", "updated_at"])
                result.changed_elsewhere += 1
                continue
            for name, value in values.items():
                setattr(resource, name, value)
            resource.save()
            result.updated += 1
            continue
        if library.duplicate(item):
            result.duplicates += 1
            continue
        resource = Resource.objects.create(
            **values,
            slug=resource_unique_slug(item.title),
            status=Resource.Status.IN_REVIEW,
            visibility=Resource.Visibility.PUBLIC,
            source=source,
            source_key=item.key,
        )
        chosen = [topics[slug] for slug in item.topics if slug in topics] or default_topics
        if chosen:
            resource.topics.set(chosen)
        if item.tags:
            resource.tags.set(item.tags)
        if chosen or item.tags:
            resource.refresh_keywords()
        library.remember(resource.pk, resource.url, resource.title)
        library.harvested[item.key] = resource.pk
        result.new += 1


# The first key of the PostgreSQL advisory locks that keep two runs off one source.
HARVEST_LOCK = 0x48525654


def source_harvest(*, source: Source, timeout: float = TIMEOUT) -> Result:
    """Harvest one source into the curation queue and record how it went on the source.

    A failure (no answer, an error status, not a feed or not the API's JSON) is recorded on
    the source and changes no resource; it is never raised. A source another run is
    harvesting (cron and "Harvest now" at once) is left to it.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [HARVEST_LOCK, source.pk])
        if not cursor.fetchone()[0]:
            return Result(source=source, busy=True)
    try:
        return _harvest(source, timeout)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [HARVEST_LOCK, source.pk])


def _harvest(source: Source, timeout: float) -> Result:
    result = Result(source=source)
    started = timezone.now()
    try:
        if source.kind == Source.Kind.FEED:
            conditional = {}
            if source.etag:
                conditional["If-None-Match"] = source.etag
            if source.modified:
                conditional["If-Modified-Since"] = source.modified
            status, headers, body = fetch(source.address, headers=conditional, timeout=timeout)
            if status == 304:
                items, result.not_modified = [], True
            else:
                items = feed_items(body, source)
                source.etag = headers.get("ETag", "")[:500]
                source.modified = headers.get("Last-Modified", "")[:100]
        else:
            items = portal_items(source, timeout=timeout)
        with transaction.atomic():
            _save_items(source, items, result)
    except HarvestError as error:
        result.ok, result.error = False, str(error)
    except Exception as error:
        result.ok, result.error = False, f"{type(error).__name__}: {error}"[:2000]
    source.last_harvested_at = timezone.now()
    source.last_status = Source.Status.OK if result.ok else Source.Status.FAILED
    source.last_error = result.error
    source.found_count, source.new_count = result.found, result.new
    source.updated_count = result.updated
    if result.ok:
        # The next harvest asks for what changed since this one began.
        source.last_success_at = started
    source.save()
    return result


def sources_harvest(*, sources, timeout: float = TIMEOUT) -> list[Result]:
    """Harvest each source in turn; one failing stops none of the others."""
    return [source_harvest(source=source, timeout=timeout) for source in sources]


def result_line(result: Result) -> str:
    """Return one line saying how harvesting a source went (for the command and logs)."""
    name = f"{result.source.name} (#{result.source.pk})"
    if result.busy:
        return f"{name}: skipped, another run is harvesting it."
    if not result.ok:
        return f"{name}: FAILED: {result.error}"
    if result.not_modified:
        return f"{name}: not modified since the last harvest."
    return (
        f"{name}: {result.found} found, {result.new} new, {result.updated} updated, "
        f"{result.duplicates} already in the library, "
        f"{result.changed_elsewhere} changed at the source after review."
    )

"""The public, read-only API of the open library, events and pages (Django Ninja).

Only what visitors see on the site is ever answered: published, public resources; published
collections (with their public resources only); topics; tags that public resources carry;
public events (never their meeting link or who registered); static pages. Every answer
carries an ETag and a Last-Modified date and honours If-None-Match and If-Modified-Since;
every request counts against settings.RATE_LIMITS["api"] per client address.
"""

import datetime
import enum
import functools
import hashlib
import math
import re
from typing import Annotated

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from ninja import NinjaAPI, Path, Query
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from pydantic import Field
from taggit.models import Tag

from api import schemas
from api.operations import OPERATIONS, PAGE_SIZE, PAGE_SIZE_MAX, PARAMETERS
from discussions.models import Event
from library.models import LANGUAGES, Collection, CollectionItem, FacetCount, Resource
from library.search import LibrarySearch, LibrarySearchForm
from racop import cache as shared_cache
from racop.models import Page, Topic
from racop.ratelimit import attempt_count, client_network

SLUG = r"^[-\w]+$"
# The codes of the languages resources are written in, as an enumeration for the schema.
Language = enum.StrEnum("Language", {code: code for code, _label in LANGUAGES})
# The largest page number asked for: further than any list reaches, small enough for SQL.
PAGE_MAX = 1_000_000
AUTHOR_SEPARATORS = re.compile(r"\s*[;\n|]\s*")


SlugPath = Annotated[str, Path(description=PARAMETERS["slug"], max_length=220)]


class Encoder(NinjaJSONEncoder):
    """Times to the microsecond, so that a harvester's next changed_since is exact."""

    def default(self, o):
        if isinstance(o, datetime.datetime) and timezone.is_aware(o):
            return o.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
        return super().default(o)


class Renderer(JSONRenderer):
    encoder_class = Encoder


class RacopAPI(NinjaAPI):
    """Ninja, with conditional GET (ETag, Last-Modified) and CORS on every answer."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        return conditional(request, response, areas=getattr(request, "api_areas", ()))


def conditional(request, response, *, areas=()):
    """Add ETag, Last-Modified and CORS to a response; answer 304 when the client has it.

    The ETag is a digest of the body. Last-Modified is the first time this body was served
    since the areas it shows last changed (kept in the shared cache): exact for clients
    that send If-Modified-Since alone, and never earlier than the content's last change.
    """
    cors(response)
    if response.status_code != 200:
        return response
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    first_served = shared_cache.shared(
        "api:first-served", lambda: int(timezone.now().timestamp()), areas=areas, key=(etag,)
    )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(first_served)
    patch_cache_control(response, public=True, no_cache=True)
    answer = get_conditional_response(
        request, etag=etag, last_modified=first_served, response=response
    )
    return cors(answer)


def cors(response):
    """Let pages on any site read the answer and its caching and limit headers."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


api = RacopAPI(
    title=f"{settings.SITE_SHORT_NAME} open library API",
    version="1.0.0",
    description=(
        "Read-only JSON about what the portal shows everyone: the open library's resources,"
        " collections, topics and tags, public events and public pages. No key is needed."
        f" Limit: {settings.RATE_LIMITS['api']} requests per client address (429 with"
        " Retry-After beyond it). Lists are paginated (`page`, `page_size`). Every answer"
        " has an ETag and a Last-Modified date: send If-None-Match or If-Modified-Since"
        " to get 304 when nothing changed."
    ),
    urls_namespace="api",
    renderer=Renderer(),
    docs_url=None,
    openapi_url=None,
)


# Events say whether they are upcoming, ongoing or past: their answers are kept a minute.
EVENT_SECONDS = 60


def shared_answer(*areas, seconds=shared_cache.SECONDS):
    """Keep an operation's answer in the shared cache until the areas it shows change.

    Every answer is what visitors see, the same for everyone; the key is the full address
    asked for (its links hold the host)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, **kwargs):
            request.api_areas = areas
            return shared_cache.shared(
                f"api:{view.__name__}",
                lambda: view(request, **kwargs),
                areas=areas,
                key=(request.build_absolute_uri(),),
                seconds=seconds,
            )

        return wrapped

    return decorator


def rate_limited(run):
    """Count the request against settings.RATE_LIMITS["api"] for the client's address."""

    @functools.wraps(run)
    def wrapped(request, *args, **kwargs):
        attempt = attempt_count("api", f"ip:{client_network(request)}")
        if attempt is not None and not attempt.allowed:
            left = (attempt.window_ends_at - timezone.now()).total_seconds()
            seconds = max(1, math.ceil(left))
            detail = f"Too many requests: try again in {seconds} seconds."
            response = api.create_response(request, {"detail": detail}, status=429)
            response["Retry-After"] = str(seconds)
            return response
        return run(request, *args, **kwargs)

    return wrapped


api.add_decorator(rate_limited, mode="view")


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(NinjaValidationError)
def bad_request(request, exc):
    """Answer 400 (not Ninja's 422) with one readable sentence per wrong parameter."""
    parts = []
    for error in exc.errors:
        where = [str(part) for part in error.get("loc", ()) if part not in CONTAINERS]
        parts.append(f"{'.'.join(where) or 'request'}: {error.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(parts)}, status=400)


NO_RESOURCE = "No public resource has this slug."
NO_COLLECTION = "No published collection has this slug."
# Where Ninja says a parameter came from: not part of its name.
CONTAINERS = {"query", "path", "filters", "paging"}


def refuse(message):
    return HttpError(400, message)


# Answers declared for every operation, with their examples.
ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}


def responses(model):
    return {200: model, **ERRORS}


def openapi_extra(name):
    """Return the OpenAPI details of an operation not said by its signature."""
    return OPERATIONS[name].openapi()


class Paging(schemas.Schema):
    page: int = Field(1, ge=1, le=PAGE_MAX, description=PARAMETERS["page"])
    page_size: int = Field(PAGE_SIZE, ge=1, le=PAGE_SIZE_MAX, description=PARAMETERS["page_size"])


def paginate(request, items, paging):
    """Return one page of items and its {count, next, previous}.

    A page after the last answers 404; the first page of an empty list is empty."""
    try:
        page = Paginator(items, paging.page_size).page(paging.page)
    except EmptyPage:
        raise Http404("No such page: the list is shorter.") from None
    return paginated(request, page)


def paginated(request, page):
    """Return the page and its {count, next, previous}, the neighbours' full addresses."""

    def address(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return page, {
        "count": page.paginator.count,
        "next": address(page.next_page_number()) if page.has_next() else None,
        "previous": address(page.previous_page_number()) if page.has_previous() else None,
    }


def absolute(path):
    return settings.SITE_URL + path


def english(name, **kwargs):
    """Return the absolute address of a page in English (no language prefix)."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse(name, kwargs=kwargs))


def authors(publisher):
    """Split "publisher or author" into names at semicolons, bars or line breaks: commas
    are left alone, as they separate a family name from the given one as often as two
    people."""
    return [name for name in AUTHOR_SEPARATORS.split(publisher or "") if name]


def resource_out(resource):
    return {
        "id": resource.pk,
        "slug": resource.slug,
        "url": english("library:resource_detail", slug=resource.slug),
        "title": resource.title,
        "summary": resource.summary,
        "authors": authors(resource.publisher),
        "publisher": resource.publisher,
        "year": resource.year,
        "published": timezone.localdate(resource.published_at) if resource.published_at else None,
        "type": resource.type,
        "languages": resource.languages,
        "countries": resource.countries,
        "scope": resource.scope,
        "topics": [topic.slug for topic in resource.topics.all()],
        "tags": sorted(tag.name for tag in resource.tags.all()),
        "link": resource.url or None,
        "file": english("library:resource_download", slug=resource.slug) if resource.file else None,
        "changed": resource.updated_at,
    }


def public_resources():
    return Resource.objects.published().filter(visibility=Resource.Visibility.PUBLIC)


def aware(moment):
    """Return an aware datetime (UTC when none was given), or refuse one out of range."""
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    try:
        return moment.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        raise refuse("changed_since: out of range") from None


class ResourceFilters(Paging):
    q: str | None = Field(
        None, max_length=200, description=PARAMETERS["q"], examples=["budget transparency"]
    )
    type: list[Resource.Type] | None = Field(None, description=PARAMETERS["type"])
    language: list[Language] | None = Field(None, description=PARAMETERS["language"])
    country: list[str] | None = Field(None, description=PARAMETERS["country"], examples=[["MK"]])
    topic: list[str] | None = Field(None, description=PARAMETERS["topic"])
    tag: list[str] | None = Field(None, description=PARAMETERS["tag"])
    year: list[int] | None = Field(None, description=PARAMETERS["year"], examples=[[2024]])
    changed_since: datetime.datetime | None = Field(
        None, description=PARAMETERS["changed_since"], examples=["2026-01-31T00:00:00Z"]
    )


def search_params(filters):
    """Return the library page's query for the filters, refusing what it would refuse."""
    data = QueryDict(mutable=True)
    if filters.q:
        data["q"] = filters.q
    for name in ("type", "language", "country", "topic", "tag", "year"):
        for value in getattr(filters, name) or []:
            data.appendlist(name, str(value))
    form = LibrarySearchForm(data)
    if not form.is_valid():
        problems = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        raise refuse("; ".join(problems))
    return data


def operation(path, schema, name):
    """Declare one GET operation: its answer's schema and its words from OPERATIONS."""
    return api.get(
        path,
        response=responses(schema),
        summary=OPERATIONS[name].summary,
        openapi_extra=openapi_extra(name),
        url_name=name,
    )


@operation("/resources/", schemas.ResourcePage, "resource_list")
@shared_answer("library", "site")
def resource_list(request, filters: Query[ResourceFilters]):
    search = LibrarySearch(search_params(filters), AnonymousUser())
    changed_since = aware(filters.changed_since) if filters.changed_since else None
    if not changed_since and (filters.q or not search.conditions):
        # As the library page does: best match first with words, ranked by its search; the
        # whole library's total read from the counts the database keeps, not counted.
        found = search.page(filters.page, filters.page_size)
        if found.number != filters.page:
            raise Http404("No such page: the list is shorter.")
        page, listing = paginated(request, found)
        resources = list(page.object_list)
        prefetch_related_objects(resources, "tags")
    else:
        queryset = search.results()
        if changed_since:
            queryset = queryset.filter(updated_at__gte=changed_since).order_by("updated_at", "pk")
        page, listing = paginate(request, queryset.prefetch_related("tags"), filters)
        resources = list(page.object_list)
    return {**listing, "results": [resource_out(resource) for resource in resources]}


@operation("/resources/{slug}/", schemas.ResourceOut, "resource_detail")
@shared_answer("library", "site")
def resource_detail(request, slug: SlugPath):
    if not re.match(SLUG, slug):
        raise Http404(NO_RESOURCE)
    resource = public_resources().prefetch_related("topics", "tags").filter(slug=slug).first()
    if resource is None:
        raise Http404(NO_RESOURCE)
    return resource_out(resource)


def collection_out(collection):
    return {
        "id": collection.pk,
        "slug": collection.slug,
        "url": english("library:collection_detail", slug=collection.slug),
        "title": collection.title,
        "summary": collection.summary,
        "resources": [item.resource.slug for item in collection.public_items],
        "changed": collection.updated_at,
    }


def collections():
    items = (
        CollectionItem.objects.filter(resource__in=public_resources())
        .select_related("resource")
        .only("collection_id", "position", "resource__slug")
        .order_by("position", "pk")
    )
    return Collection.objects.published().prefetch_related(
        Prefetch("items", queryset=items, to_attr="public_items")
    )


@operation("/collections/", schemas.CollectionPage, "collection_list")
@shared_answer("library")
def collection_list(request, paging: Query[Paging]):
    page, listing = paginate(request, collections().order_by("ordering", "title", "pk"), paging)
    return {**listing, "results": [collection_out(c) for c in page.object_list]}


@operation("/collections/{slug}/", schemas.CollectionOut, "collection_detail")
@shared_answer("library")
def collection_detail(request, slug: SlugPath):
    if not re.match(SLUG, slug):
        raise Http404(NO_COLLECTION)
    collection = collections().filter(slug=slug).first()
    if collection is None:
        raise Http404(NO_COLLECTION)
    return collection_out(collection)


@operation("/topics/", schemas.TopicPage, "topic_list")
@shared_answer("site")
def topic_list(request, paging: Query[Paging]):
    page, listing = paginate(request, Topic.objects.order_by("ordering", "name", "pk"), paging)
    results = [
        {
            "id": topic.pk,
            "slug": topic.slug,
            "url": english("topic_detail", slug=topic.slug),
            "name": topic.name,
            "description": topic.description,
        }
        for topic in page.object_list
    ]
    return {**listing, "results": results}


@operation("/tags/", schemas.TagPage, "tag_list")
@shared_answer("library")
def tag_list(request, paging: Query[Paging]):
    # How many public resources carry each tag: the counts the database keeps.
    counts = FacetCount.objects.filter(
        visibility=Resource.Visibility.PUBLIC, facet="tag", count__gt=0
    ).values_list("value", "count")
    page, listing = paginate(request, counts.order_by("-count", "value"), paging)
    rows = list(page.object_list)
    tags = Tag.objects.in_bulk([int(value) for value, _count in rows])
    results = [
        {"slug": tags[int(value)].slug, "name": tags[int(value)].name, "resources": count}
        for value, count in rows
        if int(value) in tags
    ]
    return {**listing, "results": results}


def event_status(event, now):
    if event.ends_at < now:
        return "past"
    if event.starts_at <= now:
        return "ongoing"
    return "upcoming"


def event_place(event):
    """Return where it happens, without the meeting link (for registered people only)."""
    if event.format == Event.Format.ONLINE:
        return ""
    parts = [event.venue_name, event.venue_address, event.city, str(event.country.name)]
    return ", ".join(part for part in parts if part)


@operation("/events/", schemas.EventPage, "event_list")
@shared_answer("events", seconds=EVENT_SECONDS)
def event_list(request, paging: Query[Paging]):
    events = Event.objects.filter(visibility=Event.Visibility.PUBLIC).order_by("-starts_at", "-pk")
    page, listing = paginate(request, events, paging)
    now = timezone.now()
    results = [
        {
            "id": event.pk,
            "slug": event.slug,
            "url": english("discussions:event_detail", slug=event.slug),
            "title": event.title,
            "starts": event.starts_at,
            "ends": event.ends_at,
            "timezone": event.time_zone,
            "format": event.format,
            "online": event.is_online,
            "place": event_place(event),
            "status": event_status(event, now),
            "changed": event.updated_at,
        }
        for event in page.object_list
    ]
    return {**listing, "results": results}


@operation("/pages/", schemas.PagePage, "page_list")
@shared_answer("site")
def page_list(request, paging: Query[Paging]):
    page, listing = paginate(request, Page.objects.order_by("title", "pk"), paging)
    results = [
        {
            "slug": item.slug,
            "title": item.title,
            "url": english("page_detail", slug=item.slug),
            "changed": item.updated_at,
        }
        for item in page.object_list
    ]
    return {**listing, "results": results}

import re
import sys
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView
from django.views.i18n import set_language

from racop import cache as shared_cache
from racop import sections
from racop.access import is_coordinator, sees_members_content
from racop.feeds import FORMATS, feeds
from racop.i18n import url_translate
from racop.models import Page, Topic
from racop.ratelimit import ratelimit
from racop.search import (
    CAP,
    Found,
    SiteSearchForm,
    has_query,
    provider_named,
    search_all,
    searchable,
)


def home(request):
    """Show what the community is, the join call and what each app contributes; a member
    gets their own home instead."""
    if sees_members_content(request.user):
        return member_home(request)
    about, topics = shared_cache.shared(
        "home",
        lambda: (Page.objects.filter(slug="about").first(), list(Topic.objects.for_list())),
        areas=("site",),
    )
    context = {
        "about": about,
        "topics": topics,
        "sections": sections.render_context(sections.home_sections, request=request),
    }
    return render(request, "racop/home.html", context)


def member_home(request):
    """Show a member what to do next and what is theirs: built from every app's steps and
    blocks (racop.sections), personal, so never shared and never cached."""
    user = request.user
    # The welcome shows on the first visit after approval, once: claimed by one UPDATE, so
    # two tabs opened at once do not both show it.
    welcome = (
        user.is_member
        and user.welcomed_at is None
        and bool(
            get_user_model()
            .objects.filter(pk=user.pk, welcomed_at__isnull=True)
            .update(welcomed_at=timezone.now())
        )
    )
    steps = sections.next_steps(request)
    context = {
        "welcome": welcome,
        "steps": steps,
        "steps_left": sum(not step.done for step in steps),
        # The first step that can be taken now gets the primary button.
        "first_step": next((s.name for s in steps if s.url and not s.done), ""),
        "sections": sections.render_context(sections.member_home_sections, request=request),
        "is_coordinator": is_coordinator(user),
    }
    response = render(request, "racop/member_home.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


class TopicDetailView(DetailView):
    model = Topic
    context_object_name = "topic"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections.render_context(
            sections.topic_sections, request=self.request, topic=self.object
        )
        return context


def feed_addresses(feed, **kwargs):
    """Return [(format's name, absolute address)] of a feed in the current language."""
    return [
        (FORMATS[kind][0], settings.SITE_URL + reverse(name, kwargs=kwargs))
        for kind, name in feed.formats
    ]


@require_GET
def feed_list(request):
    """List every feed and calendar of the portal, in each language, with addresses to copy."""
    topics = list(Topic.objects.for_list()) if any(f.per_topic for f in feeds) else []
    current = translation.get_language()
    entries = []
    for feed in feeds:
        entry = {"feed": feed, "languages": [], "topics": []}
        if feed.per_topic:
            entry["topics"] = [
                {"topic": topic, "addresses": feed_addresses(feed, slug=topic.slug)}
                for topic in topics
            ]
        else:
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    addresses = feed_addresses(feed)
                entry["languages"].append(
                    {
                        "code": code,
                        "info": translation.get_language_info(code),
                        "current": code == current,
                        "addresses": addresses,
                    }
                )
        entries.append(entry)
    return render(request, "racop/feed_list.html", {"entries": entries})


SEARCH_PAGE_SIZE = 20


@require_GET
@ratelimit("searching", methods=("GET",), when=has_query)
def search(request):
    """Search everything the reader may see: each group's count and best few, or one
    group's matches a page at a time (``?in=events``)."""
    form = SiteSearchForm(request.GET or None)
    words = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "words": words, "groups": [], "cap": CAP}
    group = provider_named(request.GET.get("in", "")) if request.GET.get("in") else None
    if words and not searchable(words):
        context["nothing_to_search"] = True
    elif words and group:
        found = group.search(words, request, CAP)
        if found is None:
            found = Found(0, [])
        page = Paginator(found.hits, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            group=group,
            found=found,
            page_obj=page,
            query_string=urlencode({"q": words, "in": group.name}),
        )
    elif words:
        context["groups"] = search_all(words, request)
        context["empty_groups"] = [p for p, found in context["groups"] if not found.hits]
    return render(request, "racop/search.html", context)


def page_detail(request, slug):
    """Show a static page coordinators write in the admin."""
    page = get_object_or_404(Page, slug=slug)
    return render(request, "racop/page_detail.html", {"page": page})


@never_cache
@require_GET
def healthz(request):
    """Answer 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def language_set(request):
    """Switch language like Django's set_language, and remember a member's choice."""
    next_url = request.POST.get("next", request.GET.get("next")) or ""
    # Django translates next resolving it in the active language (English here).
    with translation.override(
        translation.get_language_from_path(urlsplit(next_url).path) or translation.get_language()
    ):
        response = set_language(request)
    language = request.POST.get("language", "")
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and request.user.language != language
    ):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


def bench_bare(request):
    """Answer a short text: the benchmarks' yardstick for the fastest page Django serves."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
def language_choose(request, code):
    """Switch the interface language by a plain link, keeping the page the visitor was on.

    Visitors get links rather than a form, so their pages carry no CSRF token and can be
    shared from the visitors' page cache; logged-in members switch with a form that also
    saves their choice (language_set).
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(url_translate(target, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


# What a lost database connection raises; anything else is a real server error.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


# Posted fields never shown back: secrets, and what the site wrote rather than the person.
UNSHOWN_FIELD = re.compile(r"pass|token|csrf|secret|key|code|otp|signature|^next$", re.IGNORECASE)
POSTED_TEXT_MAX = 100_000  # characters shown back, all fields together


def posted_text(request) -> list[tuple[str, str]]:
    """Return [(field name, text)] of what the person posted, secrets left out."""
    if request.method != "POST":
        return []
    try:
        fields = request.POST.lists()
    except Exception:  # An unreadable body shows nothing back; the page never fails.
        return []
    shown, size = [], 0
    for name, values in fields:
        if UNSHOWN_FIELD.search(name):
            continue
        for value in values:
            if value.strip() and size + len(value) <= POSTED_TEXT_MAX:
                shown.append((name, value))
                size += len(value)
    return shown


def server_error(request):
    """Answer 503 with a friendly page when the database is away, 500 otherwise.

    Neither page touches the database, the session or the user: they render from
    settings alone, in the language the request already chose. The 503 page shows the
    person the text of a form they sent, which was not saved, so they can copy it.
    """
    error = sys.exc_info()[1]
    context = {"site_name": settings.SITE_NAME}
    if isinstance(error, DATABASE_UNAVAILABLE):
        posted = posted_text(request)
        body = loader.get_template("503.html").render({**context, "posted": posted})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        if posted:
            response["Cache-Control"] = "private, no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))

from django.contrib import messages
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from library import citations, services
from library.forms import ResourceSuggestForm
from library.models import Collection, CollectionItem, Resource
from library.search import LibrarySearch, highlight
from library.sections import resource_sections
from members.permissions import member_required
from racop import cache as shared_cache
from racop import jsonld, sections
from racop.ratelimit import ratelimit

PAGE_SIZE = 20


def has_query(request):
    return bool(request.GET.get("q", "").strip())


@require_GET
@ratelimit("searching", methods=("GET",), when=has_query)
def resource_list(request):
    """Search the library and narrow it down with facets.

    The results and facets are the same for everyone in an audience (visitors, or members)
    at the same address, so their HTML is kept in the shared cache until public content
    changes; only the page around them is rendered for each person.
    """
    search = LibrarySearch(request.GET, request.user)
    number = request.GET.get("page")

    def render_results():
        page = search.page(number, PAGE_SIZE)
        resources = list(page.object_list)
        if search.query:
            for resource in resources:
                resource.snippet = highlight(
                    resource.summary or resource.body,
                    search.query,
                    languages=resource.languages,
                )
        context = {
            "search": search,
            "page_obj": page,
            "resources": resources,
            "facets": search.facets(),
            "query_string": search.query_string(),
            "cite_cap": citations.EXPORT_CAP,
            "suggestion": (
                search.suggestion() if search.query and not page.paginator.count else ""
            ),
        }
        return render_to_string("library/resource_list.html#results", context, request=request)

    results_html = shared_cache.shared(
        "library:results",
        render_results,
        areas=("library", "site"),
        user=request.user,
        key=(search.query_string(), number, search.cap),
    )
    context = {
        "search": search,
        "form": search.form,
        "results_html": results_html,
        "active_filters": search.active_filters(),
    }
    return render(request, "library/resource_list.html", context)


def json_ld(request, resource):
    """Return schema.org metadata for a public resource, safe inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if resource.type == Resource.Type.NEWS else "CreativeWork",
        "name": resource.title,
        "headline": resource.title,
        "description": resource.summary,
        "url": request.build_absolute_uri(resource.get_absolute_url()),
        "inLanguage": resource.languages,
        "keywords": [tag.name for tag in resource.tags.all()],
        "about": [topic.name for topic in resource.topics.all()],
        "datePublished": resource.published_at,
        "dateModified": resource.updated_at,
    }
    if resource.year:
        data["copyrightYear"] = resource.year
    if resource.publisher:
        data["publisher"] = {"@type": "Organization", "name": resource.publisher}
    if resource.countries:
        data["spatialCoverage"] = resource.get_countries_display()
    if resource.url:
        data["sameAs"] = resource.url
    return jsonld.json_ld(data)


@require_GET
def resource_detail(request, slug):
    """Show a resource with its metadata, links and related resources.

    The article and its metadata are the same for everyone in an audience, so they are
    rendered once and kept in the shared cache until public content changes.
    """
    resource = get_object_or_404(Resource.objects.viewable_by(request.user), slug=slug)

    def render_article():
        prefetch_related_objects([resource], "topics", "tags")
        article = render_to_string(
            "library/resource_detail.html#article",
            {"resource": resource, "reference": citations.reference(resource)},
            request=request,
        )
        return article, json_ld(request, resource) if resource.is_public else ""

    # The JSON-LD holds the full address, hence the host.
    article_html, metadata = shared_cache.shared(
        "library:article",
        render_article,
        areas=("library", "site"),
        user=request.user,
        key=(request.get_host(), resource.pk),
    )
    context = {
        "resource": resource,
        "article_html": article_html,
        "json_ld": metadata,
        "citation_meta": citations.meta_tags(resource) if resource.is_public else [],
        "sections": sections.render_context(resource_sections, request=request, resource=resource),
    }
    return render(request, "library/resource_detail.html", context)


def cite_response(text, extension, filename, *, public):
    response = HttpResponse(text, content_type=citations.FORMATS[extension])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    if not public:
        # Keep shared caches and proxies from handing members' records to someone else.
        patch_cache_control(response, private=True)
    return response


@require_GET
def resource_cite(request, slug, extension):
    """Send a resource's citation as RIS, BibTeX or CSL-JSON to those who may see it."""
    if extension not in citations.FORMATS:
        raise Http404
    resource = get_object_or_404(Resource.objects.viewable_by(request.user), slug=slug)
    text = citations.export([resource], extension)
    return cite_response(text, extension, resource.slug, public=resource.is_public)


@require_GET
@ratelimit("searching", methods=("GET",), when=has_query)
def results_cite(request, extension):
    """Send a search's results (the same address's, up to citations.EXPORT_CAP, in the
    page's order) as RIS, BibTeX or CSL-JSON; only what the reader may see is in them."""
    if extension not in citations.FORMATS:
        raise Http404
    search = LibrarySearch(request.GET, request.user)
    resources = list(search.page(1, citations.EXPORT_CAP).object_list)
    text = citations.export(resources, extension)
    return cite_response(text, extension, "library", public=not search.sees_members_content)


@require_GET
def resource_download(request, slug):
    """Send a resource's file to those who may see the resource."""
    resource = get_object_or_404(Resource.objects.viewable_by(request.user), slug=slug)
    if not resource.file:
        raise Http404
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=resource.file_name)
    if not resource.is_public:
        # Keep shared caches and proxies from handing a members' file to someone else.
        patch_cache_control(response, private=True)
    return response


@member_required
@ratelimit("posting")
def resource_suggest(request):
    """Let a member suggest a resource; it waits for the coordinators' review."""
    form = ResourceSuggestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        resource = services.resource_suggest(user=request.user, form=form)
        messages.success(
            request,
            _("Thank you: “%(title)s” is waiting for the coordinators' review.")
            % {"title": resource.title},
        )
        return redirect("library:suggestion_list")
    return render(request, "library/resource_form.html", {"form": form})


@member_required
@require_GET
def suggestion_list(request):
    """Show the member's own suggestions and where each one stands."""
    suggestions = Resource.objects.filter(added_by=request.user).order_by("-created_at")
    return render(request, "library/suggestion_list.html", {"suggestions": suggestions})


@require_GET
def collection_list(request):
    """Show the reading lists coordinators curate."""
    collections = Collection.objects.published()
    return render(request, "library/collection_list.html", {"collections": collections})


@require_GET
def collection_detail(request, slug):
    """Show a reading list, in order, with what the visitor may see of it."""
    visible = Resource.objects.published().visible_to(request.user)
    items = (
        CollectionItem.objects.filter(resource__in=visible)
        .select_related("resource")
        .prefetch_related("resource__topics")
    )
    collection = get_object_or_404(
        Collection.objects.published().prefetch_related(Prefetch("items", queryset=items)),
        slug=slug,
    )
    return render(request, "library/collection_detail.html", {"collection": collection})

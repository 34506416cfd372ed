from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView

from racop import pagecache, sections
from racop.models import Page, Topic


def home(request):
    """Show what the community is, the join call and what each app contributes."""
    about, topics = pagecache.remember(
        "home",
        lambda: (Page.objects.filter(slug="about").first(), list(Topic.objects.for_list())),
    )
    context = {
        "about": about,
        "topics": topics,
        "sections": sections.render_context(sections.home_sections, request=request),
    }
    return render(request, "racop/home.html", context)


class TopicDetailView(DetailView):
    model = Topic
    context_object_name = "topic"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections.render_context(
            sections.topic_sections, request=self.request, topic=self.object
        )
        return context


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


def bench_bare(request):
    """Answer a short text: the benchmarks' yardstick for the fastest page Django serves."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
def language_choose(request, code):
    """Switch the interface language by a plain link, keeping the page the visitor was on.

    A link rather than a form, so pages carry no CSRF token and can be shared from the
    visitors' page cache; a member's saved choice is changed on /me/, by a form.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(translate_url(target, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response

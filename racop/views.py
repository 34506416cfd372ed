import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView

from racop import sections
from racop.models import Page, Topic


def home(request):
    """Show what the community is, the join call and what each app contributes."""
    about = Page.objects.filter(slug="about").first()
    context = {
        "about": about,
        "topics": Topic.objects.for_list(),
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


# What a lost database connection raises; anything else is a real server error.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request):
    """Answer 503 with a friendly page when the database is away, 500 otherwise.

    Neither page touches the database, the session or the user: they render from
    settings alone, in the language the request already chose.
    """
    error = sys.exc_info()[1]
    context = {"site_name": settings.SITE_NAME}
    if isinstance(error, DATABASE_UNAVAILABLE):
        body = loader.get_template("503.html").render(context)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))

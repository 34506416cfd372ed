from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from racop import views

handler500 = "racop.views.server_error"

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_SHORT_NAME
admin.site.index_title = _("Back office")

handler429 = "racop.ratelimit.too_many_requests"

# Machine endpoints: never prefixed, whatever the language.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.language_set, name="set_language"),
    # The public API: JSON and its OpenAPI document (the api package, above every app).
    path("api/", include("api.urls")),
]

# Pages: English at /library/, the other languages prefixed (/mk/library/). Feeds and
# calendars inside the apps answer at both; their unprefixed address is the one to share.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("language/<str:code>/", views.language_choose, name="language_choose"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic_detail"),
    path("feeds/", views.feed_list, name="feed_list"),
    path("search/", views.search, name="search"),
    path("", include("members.urls")),
    path("", include("members.notifications.urls")),
    path("", include("pledges.urls")),
    path("feedback/", include("pledges.feedback.urls")),
    path("library/", include("library.urls")),
    path("", include("discussions.urls")),
    path("plan/", include("discussions.plan.urls")),
    path("api/", include("api.page_urls")),
    # Static pages last: /about/, /concept-note/, /code-of-conduct/, /privacy/ …
    path("<slug:slug>/", views.page_detail, name="page_detail"),
    prefix_default_language=False,
)

if settings.BENCHMARK_BARE_VIEW:
    urlpatterns.insert(0, path("bench/bare", views.bench_bare, name="bench_bare"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

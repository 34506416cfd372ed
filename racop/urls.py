from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from racop import views

handler500 = "racop.views.server_error"

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_SHORT_NAME
admin.site.index_title = _("Back office")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic_detail"),
    path("", include("members.urls")),
    path("", include("pledges.urls")),
    path("library/", include("library.urls")),
    path("", include("discussions.urls")),
    # Static pages last: /about/, /concept-note/, /code-of-conduct/, /privacy/ …
    path("<slug:slug>/", views.page_detail, name="page_detail"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

"""The API's machine addresses, never prefixed by a language: /api/v1/… and the OpenAPI
document. Its documentation page is a page of the site (api.page_urls)."""

from django.urls import path

from api import docs
from api.views import api

urlpatterns = [
    path("v1/", api.urls),
    path("openapi.json", docs.openapi_json, name="api_openapi"),
]

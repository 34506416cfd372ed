"""The API's documentation page, in every language of the site (/api/, /mk/api/…)."""

from django.urls import path

from api import docs

urlpatterns = [
    path("", docs.api_docs, name="api_docs"),
]

"""The back office's search ignores case, accents and script in every list that searches."""

import pytest
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from taggit.models import Tag

from racop.models import Topic
from tests.factories import MemberFactory, ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def found(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return {str(obj) for obj in response.context["cl"].result_list}


def test_resources_are_found_without_accents_or_cyrillic(coordinator_client):
    ResourceFactory(title="Отчетност на организациите")
    ResourceFactory(title="Şeffaflık raporu")
    ResourceFactory(title="Something else")
    url = reverse("admin:library_resource_changelist")
    assert found(coordinator_client, url, "otcetnost") == {"Отчетност на организациите"}
    assert found(coordinator_client, url, "seffaflik") == {"Şeffaflık raporu"}
    assert found(coordinator_client, url, "ŞEFFAFLIK") == {"Şeffaflık raporu"}


def test_topics_tags_and_people_are_found_folded(coordinator_client):
    TopicFactory(name="Отчетност")
    Tag.objects.create(name="şeffaflık", slug="seffaflik")
    MemberFactory(first_name="Đorđe", last_name="Balašević", email="djordje@example.org")
    assert "Отчетност" in found(
        coordinator_client, reverse("admin:racop_topic_changelist"), "otcetnost"
    )
    assert found(coordinator_client, reverse("admin:taggit_tag_changelist"), "SEFFAF") == {
        "şeffaflık"
    }
    response = coordinator_client.get(reverse("admin:members_user_changelist"), {"q": "balasevic"})
    assert [user.email for user in response.context["cl"].result_list] == ["djordje@example.org"]


def test_like_wildcards_are_taken_literally(coordinator_client):
    ResourceFactory(title="100% local")
    ResourceFactory(title="1000 local")
    url = reverse("admin:library_resource_changelist")
    assert found(coordinator_client, url, "100%") == {"100% local"}


def test_every_admin_searches_its_text_fields_folded(coordinator):
    """A new ModelAdmin gets the folded search too: the site adds it when registering."""
    request = RequestFactory().get("/")
    request.user = coordinator
    searched = 0
    for model, model_admin in admin.site._registry.items():
        for name in model_admin.get_search_fields(request):
            if name[:1] in "^=@":
                continue
            *path, last = name.split("__")
            opts, field = model._meta, None
            for part in [*path, last]:
                try:
                    field = opts.get_field(part)
                except FieldDoesNotExist:  # a lookup, not a field
                    field = None
                    break
                if field.is_relation and field.related_model:
                    opts = field.related_model._meta
            # Whatever the admin wrote, a text field is never searched with icontains.
            assert not isinstance(field, (models.CharField, models.TextField)), (model, name)
            searched += name.endswith("__folded_contains")
    assert searched > 40
    assert Topic in admin.site._registry

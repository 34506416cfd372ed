"""With words, the facets of the capped matches are counted in Python from the rows the
search read: the counts must be those the SQL statement over the same candidates gives."""

import random

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

from library.models import Resource
from library.search import LibrarySearch, _facet_sql, count_candidates
from tests.factories import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

TYPES = ["guide", "toolkit", "news", "policy"]
LANGUAGES = ["en", "sq", "mk", "sr", "bs"]
COUNTRIES = ["AL", "MK", "RS", "BA"]
TAGS = ["budget", "gender", "отчетност", "şeffaflık", "media"]


@pytest.fixture
def library(django_user_model):
    rng = random.Random(17)
    topics = [TopicFactory(slug=f"topic-{n}") for n in range(4)]
    for n in range(60):
        resource = ResourceFactory(
            title=f"Accountability note {n}",
            type=rng.choice(TYPES),
            scope=rng.choice(["regional", "global", "countries"]),
            year=rng.choice([None, 2023, 2024, 2025]),
            languages=rng.sample(LANGUAGES, rng.randint(0, 2)),
            countries=rng.sample(COUNTRIES, rng.randint(0, 2)),
            commitments=rng.sample(range(1, 13), rng.randint(0, 3)),
        )
        resource.topics.set(rng.sample(topics, rng.randint(0, 2)))
        resource.tags.set(rng.sample(TAGS, rng.randint(0, 3)))
    # Not a match: counted by neither.
    ResourceFactory(title="Something else", summary="Nothing of the kind.", type="guide")


def sql_rows(ids, chosen):
    """The SQL statement's rows over the same candidates (the way counted before)."""
    candidates = (
        "SELECT id, type, scope, year, languages, countries, commitments"
        " FROM library_resource WHERE id = ANY(%s)",
        [ids],
    )
    content_type_id = ContentType.objects.get_for_model(Resource).pk
    statement, params = _facet_sql(candidates, chosen, content_type_id)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


CHOICES = [
    {},
    {"type": ["guide"]},
    {"type": ["guide", "news"], "language": ["sq"]},
    {"tag": ["отчетност"], "country": ["MK", "RS"]},
    {"topic": ["topic-1"], "commitment": [3, 5], "year": [2024]},
    {"scope": ["regional"], "tag": ["budget", "şeffaflık"], "topic": ["topic-0", "topic-2"]},
]


@pytest.mark.parametrize("chosen", CHOICES)
def test_python_counts_equal_the_sql_counts(library, chosen, django_user_model):
    params = QueryDict(mutable=True)
    params["q"] = "accountability"
    for name, values in chosen.items():
        params.setlist(name, [str(v) for v in values])
    search = LibrarySearch(params, django_user_model())
    search._matches()
    assert len(search._candidates) == 60
    full = {name: search.chosen[name] for name in search.chosen}
    ids = [c["id"] for c in search._candidates]

    counted = search._counted_rows(count_candidates(search._candidates, full))
    expected = search._counted_rows(sql_rows(ids, full))
    assert counted[0] == expected[0]
    assert counted[1]["topic"] == expected[1]["topic"]
    assert counted[1]["tag"] == expected[1]["tag"]
    # The candidates that pass every filter.
    if chosen:
        passing = Resource.objects.filter(*search.conditions.values(), pk__in=ids)
        assert counted[2] == set(passing.values_list("pk", flat=True))
        assert counted[2], "a choice that keeps nothing proves nothing"


def test_the_page_lists_exactly_the_filtered_matches(library, client):
    address = reverse("library:resource_list")
    response = client.get(address, {"q": "accountability", "type": "guide"})
    expected = Resource.objects.filter(title__startswith="Accountability", type="guide").count()
    assert response.context["page_obj"].paginator.count == expected
    assert {r.type for r in response.context["page_obj"].object_list} == {"guide"}

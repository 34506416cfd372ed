"""A search ranks and counts only the first matches, and says so; its queries stay few."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from library.models import query_terms
from tests.factories import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db
LIST = reverse("library:resource_list")
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def budget_guides(n, **kwargs):
    return [ResourceFactory(title=f"Budget guide {i}", type="guide", **kwargs) for i in range(n)]


def test_a_common_word_is_ranked_and_counted_only_up_to_the_cap(client, settings):
    settings.LIBRARY_SEARCH_CAP = 3
    budget_guides(5)
    response = client.get(LIST, {"q": "budget"})
    html = response.content.decode()
    assert "3 resources" in html
    assert "Many resources match these words" in html
    assert len(response.context["resources"]) == 3


def test_under_the_cap_nothing_is_said(client, settings):
    settings.LIBRARY_SEARCH_CAP = 10
    budget_guides(5)
    html = client.get(LIST, {"q": "budget"}).content.decode()
    assert "5 resources" in html
    assert "Many resources match these words" not in html


def test_facet_counts_cover_the_capped_matches_and_follow_the_other_filters(client, settings):
    settings.LIBRARY_SEARCH_CAP = 4
    budget_guides(3)
    ResourceFactory(title="Budget toolkit", type="toolkit")
    ResourceFactory(title="Budget toolkit two", type="toolkit")
    response = client.get(LIST, {"q": "budget", "type": "guide"})
    facets = {facet.name: facet for facet in response.context["facets"]}
    type_counts = {value.value: value.count for value in facets["type"].values}
    # The type facet ignores its own filter and counts the four capped matches.
    assert sum(type_counts.values()) == 4
    assert response.context["page_obj"].paginator.count == type_counts["guide"]


def test_the_best_match_comes_first(client):
    ResourceFactory(title="Procurement", summary="budget")
    ResourceFactory(title="Budget budget budget", summary="budget monitoring")
    resources = client.get(LIST, {"q": "budget"}).context["resources"]
    assert resources[0].title == "Budget budget budget"


@pytest.mark.parametrize("size", [2, 30])
def test_a_visitors_search_takes_five_queries_at_any_size(
    client, settings, django_assert_max_num_queries, size
):
    settings.CACHES = LOCMEM
    topic = TopicFactory()
    for resource in budget_guides(size):
        resource.topics.add(topic)
        resource.tags.add("monitoring")
    client.get(LIST, {"q": "budget", "topic": topic.slug})  # content types, cached
    # A query's words are stemmed once per process (query_terms): not a statement per search;
    # then the searching limit's counter, the ranked matches, the facets, the page, its topics.
    query_terms("budget monitoring")
    with django_assert_max_num_queries(5):
        response = client.get(LIST, {"q": "budget monitoring", "topic": topic.slug})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == size


def test_a_query_of_only_operators_or_symbols_is_no_error(client):
    budget_guides(2)
    for q in ['"', "-", "or", "!!!", "a & b | c", "((", "-budget"]:
        assert client.get(LIST, {"q": q}).status_code == 200


def titles(client, **params):
    return [resource.title for resource in client.get(LIST, params).context["resources"]]


def test_a_phrase_keeps_its_word_order(client):
    ResourceFactory(title="Civil society organisations", published_at=None)
    ResourceFactory(title="Organisations of a civil society", published_at=None)
    assert titles(client, q='"civil society organisations"') == ["Civil society organisations"]
    assert len(titles(client, q="civil society organisations")) == 2


def test_a_phrase_is_checked_only_among_the_capped_matches_and_the_page_says_so(client, settings):
    for title in ["Society of civil servants", "Civil rights society", "Civil society at work"]:
        ResourceFactory(title=title)
    # Rows in the order they were added, so a scan meets them in that order.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("CLUSTER library_resource USING library_resource_pkey")
    settings.LIBRARY_SEARCH_CAP = 2
    response = client.get(LIST, {"q": '"civil society"'})
    # Only the first two resources holding both words are read; neither has the phrase.
    assert "0 resources" in response.text
    assert "Civil society at work" not in response.text
    assert "Many resources match these words" in response.text
    settings.LIBRARY_SEARCH_CAP = 3
    assert titles(client, q='"civil society"') == ["Civil society at work"]


def test_words_left_out_are_left_out_even_alone(client):
    ResourceFactory(title="Budget and gender")
    ResourceFactory(title="Budget monitoring")
    ResourceFactory(title="Youth work")
    assert titles(client, q="budget -gender") == ["Budget monitoring"]
    assert sorted(titles(client, q="-gender")) == ["Budget monitoring", "Youth work"]


def test_a_joined_word_is_found_whole(client):
    ResourceFactory(title="A beneficiaries-charter for schools")
    ResourceFactory(title="Charter of the beneficiaries")
    assert titles(client, q="beneficiaries-charter") == ["A beneficiaries-charter for schools"]


def test_search_results_follow_the_chosen_order(client):
    now = timezone.now()
    ResourceFactory(title="B budget", summary="budget budget", published_at=now - timedelta(3))
    ResourceFactory(title="A budget", published_at=now - timedelta(2))
    ResourceFactory(title="C budget", published_at=now - timedelta(1))
    assert titles(client, q="budget", sort="title") == ["A budget", "B budget", "C budget"]
    assert titles(client, q="budget", sort="newest") == ["C budget", "A budget", "B budget"]
    assert titles(client, q="budget") == ["B budget", "C budget", "A budget"]


def test_words_and_filters_together_show_what_passes_every_filter(client):
    topic = TopicFactory()
    ResourceFactory(title="Budget guide", type="guide").topics.add(topic)
    ResourceFactory(title="Budget toolkit", type="toolkit").topics.add(topic)
    ResourceFactory(title="Budget guide elsewhere", type="guide")
    assert titles(client, q="budget", type="guide", topic=topic.slug) == ["Budget guide"]


def test_the_library_counts_are_exact_at_every_read(client, locmem_cache):
    budget_guides(2)
    assert "2 resources" in client.get(LIST).text
    ResourceFactory(title="A third guide", type="guide")
    html = client.get(LIST).text
    assert "A third guide" in html and "3 resources" in html


def test_a_member_who_reads_some_languages_gets_exact_counts_for_their_state(client, locmem_cache):
    from tests.factories import MemberFactory

    reader = MemberFactory(language="en", languages=["mk"], only_my_languages=True)
    ResourceFactory(title="Macedonian guide", languages=["mk"])
    ResourceFactory(title="Turkish guide", languages=["tr"])
    client.force_login(reader)
    assert "1 resource" in client.get(LIST).text
    ResourceFactory(title="Another Macedonian guide", languages=["mk"])
    assert "2 resources" in client.get(LIST).text

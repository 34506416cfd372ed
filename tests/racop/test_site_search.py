"""One search for everything (/search/, issue 20) and the discussions' own search."""

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import (
    EventFactory,
    MemberFactory,
    OrganisationFactory,
    PageFactory,
    PlanItemFactory,
    ProposalFactory,
    ReplyFactory,
    ResourceFactory,
    ThreadFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "coordinator"]


def group_titles(response, name):
    """Return the titles of the hits a group shows, or None when the group is not shown."""
    for provider, found in response.context["groups"]:
        if provider.name == name:
            return [hit.title for hit in found.hits]
    return None


def search(client, words, **extra):
    response = client.get("/search/", {"q": words, **extra})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("role", ROLES)
def test_every_role_may_search(as_role, role):
    response = search(as_role(role), "transparency")
    assert response.status_code == 200
    shown = {provider.name for provider, _found in response.context["groups"]}
    members_only = {"discussions"}
    if role in {"member", "coordinator"}:
        assert members_only <= shown
    else:
        assert not members_only & shown
    assert {"library", "events", "organisations", "pages", "plan", "people"} <= shown


def test_the_header_has_a_search_box(client):
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html
    assert 'id="header-search-q"' in html
    assert '<label for="header-search-q"' in html


def test_a_thread_is_found_by_another_form_of_its_words(member_client):
    ThreadFactory(title="Izveštaj o transparentnosti", language="sr-latn")
    ThreadFactory(title="Something else entirely")
    response = search(member_client, "izvestaji")
    assert group_titles(response, "discussions") == ["Izveštaj o transparentnosti"]
    # The discussions' own search finds it too.
    response = member_client.get("/discussions/", {"q": "izvestaji"})
    assert [hit.title for hit in response.context["page_obj"].object_list] == [
        "Izveštaj o transparentnosti"
    ]


def test_a_macedonian_reply_is_found_by_its_article_form(member_client):
    thread = ThreadFactory(title="Буџет", language="mk")
    ReplyFactory(thread=thread, body="Ја објавивме организацијата и извештајот.", language="mk")
    response = search(member_client, "организации")
    found = next(f for p, f in response.context["groups"] if p.name == "discussions")
    assert found.count == 1
    assert "#reply-" in found.hits[0].url
    assert "<mark>" in found.hits[0].snippet


def test_an_albanian_resource_is_found_in_its_other_form(client):
    ResourceFactory(title="Buxheti i shoqërisë civile", languages=["sq"], status="published")
    response = search(client, "buxhetet")
    assert group_titles(response, "library") == ["Buxheti i shoqërisë civile"]


def test_a_phrase_keeps_its_word_order(member_client):
    ThreadFactory(title="Civil society under pressure")
    ThreadFactory(title="Society, not civil at all")
    ResourceFactory(title="Civil society guide", status="published")
    ResourceFactory(title="Society civil guide", status="published")
    response = search(member_client, '"civil society"')
    assert group_titles(response, "discussions") == ["Civil society under pressure"]
    assert group_titles(response, "library") == ["Civil society guide"]
    assert [f.count for p, f in response.context["groups"] if p.name == "library"] == [1]


def test_visitors_never_see_discussions(client):
    ThreadFactory(title="Transparency failures we share")
    response = search(client, "transparency")
    assert group_titles(response, "discussions") is None
    assert "Transparency failures" not in response.content.decode()
    response = client.get("/search/", {"q": "transparency", "in": "discussions"})
    assert response.context["found"].count == 0


def test_hidden_and_deleted_posts_are_never_found(member_client, coordinator_client):
    ThreadFactory(title="Hidden budget thread", hidden_at=timezone.now())
    ThreadFactory(title="Deleted budget thread", deleted_at=timezone.now())
    visible = ThreadFactory(title="Visible thread")
    ReplyFactory(thread=visible, body="A hidden budget reply", hidden_at=timezone.now())
    hidden_thread = ThreadFactory(title="Quiet", hidden_at=timezone.now())
    ReplyFactory(thread=hidden_thread, body="A budget reply in a hidden thread")
    ReplyFactory(thread=visible, body="A budget reply members see")
    for client in (member_client, coordinator_client):
        found = next(
            f for p, f in search(client, "budget").context["groups"] if p.name == "discussions"
        )
        assert found.count == 1
        assert "members see" in found.hits[0].snippet


def test_an_anonymous_post_is_not_found_by_its_authors_name(member_client):
    author = MemberFactory(first_name="Zvonimira", last_name="Kovačević")
    ThreadFactory(title="A hard lesson", author=author, anonymous=True)
    ReplyFactory(body="We failed too", author=author, anonymous=True)
    ThreadFactory(title="Signed lesson", author=author)
    response = search(member_client, "Zvonimira")
    assert group_titles(response, "discussions") == []
    response = member_client.get("/discussions/", {"q": "kovacevic"})
    assert response.context["matches"].count == 0


def test_people_only_as_the_directory_shows_them(member_client):
    client = Client()
    MemberFactory(first_name="Jovana", last_name="Đorđević", listing="public")
    MemberFactory(first_name="Jovana", last_name="Petrović", listing="members")
    assert group_titles(search(client, "jovana"), "people") == ["Jovana Đorđević"]
    assert sorted(group_titles(search(member_client, "jovana"), "people")) == [
        "Jovana Petrović",
        "Jovana Đorđević",
    ]
    # Folded: "dj" for "đ", no accents.
    assert group_titles(search(client, "djordjevic"), "people") == ["Jovana Đorđević"]


def test_organisations_events_plan_and_pages(member_client):
    client = Client()
    OrganisationFactory(name="Fondacija za otvoreno društvo")
    EventFactory(title="Radionica o izveštajima", visibility="public")
    EventFactory(title="Members' izveštaj", visibility="members")
    PlanItemFactory(title="Regional transparency report", period__summary_is_public=True)
    ProposalFactory(title="Transparency peer exchange")
    PageFactory(slug="our-conduct", title="Our conduct", body="Our code for accountability.")
    response = search(client, "drustvo")
    assert group_titles(response, "organisations") == ["Fondacija za otvoreno društvo"]
    assert group_titles(search(client, "izvestaj"), "events") == ["Radionica o izveštajima"]
    assert len(group_titles(search(member_client, "izvestaj"), "events")) == 2
    assert group_titles(search(client, "transparency"), "plan") == ["Regional transparency report"]
    assert len(group_titles(search(member_client, "transparency"), "plan")) == 2
    assert group_titles(search(client, "accountability"), "pages") == ["Our conduct"]


def test_each_group_links_to_its_own_full_search(member_client):
    ThreadFactory(title="Budget tracking")
    ResourceFactory(title="Budget guide", status="published")
    EventFactory(title="Budget workshop")
    response = search(member_client, "budget")
    html = response.content.decode()
    assert 'href="/library/?q=budget"' in html
    assert 'href="/discussions/?q=budget"' in html
    assert 'href="/search/?q=budget&amp;in=events"' in html
    response = member_client.get("/search/", {"q": "budget", "in": "events"})
    assert [hit.title for hit in response.context["page_obj"].object_list] == ["Budget workshop"]


def test_counts_are_capped(member_client, settings):
    from racop import search as site_search

    thread = ThreadFactory(title="Lessons")
    ReplyFactory.create_batch(site_search.CAP + 2, thread=thread, body="budget lessons")
    response = search(member_client, "budget")
    found = next(f for p, f in response.context["groups"] if p.name == "discussions")
    assert found.capped
    assert f"more than {site_search.CAP}" in response.content.decode()


@pytest.mark.parametrize(
    "words",
    ["x" * 5000, "!!! ... ???", "*", "a\x00b", '"', "-", "or", "((", "transpar*", "-budget"],
)
@pytest.mark.parametrize("path", ["/search/", "/discussions/"])
def test_bad_input_is_never_an_error(member_client, words, path):
    ThreadFactory(title="Budget")
    response = member_client.get(path, {"q": words, "page": "x", "in": "nothing"})
    assert response.status_code == 200


def test_bad_input_says_why(client):
    html = client.get("/search/", {"q": "x" * 300}).content.decode()
    assert 'aria-invalid="true"' in html
    html = client.get("/search/", {"q": "a\x00b"}).content.decode()
    assert 'aria-invalid="true"' in html
    html = client.get("/search/", {"q": "?!"}).content.decode()
    assert "not only punctuation" in html


def _content(size):
    for n in range(size):
        thread = ThreadFactory(title=f"Budget thread {n}", language="sr-latn")
        ReplyFactory(thread=thread, body=f"Budget reply {n}")
        ResourceFactory(title=f"Budget resource {n}", status="published")
        EventFactory(title=f"Budget event {n}")
        ProposalFactory(title=f"Budget proposal {n}")
        OrganisationFactory(name=f"Budget watch {n}")
        MemberFactory(first_name="Budget", last_name=f"Person {n}")


@pytest.mark.parametrize("size", [2, 12])
def test_queries_do_not_grow_with_the_data(member_client, django_assert_max_num_queries, size):
    _content(size)
    search(member_client, "budget")  # warms the per-process query terms
    # Session, user, the rate limit; discussions 3 (threads and replies found together, then
    # loaded), plan 2, and library, events, people, organisations and pages 1 each.
    with django_assert_max_num_queries(13):
        response = search(member_client, "budget")
    found = {p.name: f for p, f in response.context["groups"]}
    assert found["discussions"].count == 2 * size
    assert found["people"].count == size


@pytest.mark.parametrize("size", [2, 12])
def test_discussion_search_queries_do_not_grow(member_client, django_assert_max_num_queries, size):
    _content(size)
    member_client.get("/discussions/", {"q": "budget"})
    # Session, user, the rate limit; threads and replies found together, then loaded.
    with django_assert_max_num_queries(6):
        response = member_client.get("/discussions/", {"q": "budget"})
    assert response.context["matches"].count == 2 * size


def snippets(response):
    return {
        hit.title: str(hit.snippet) for _provider, found in response.context["groups"]
        for hit in found.hits
    }  # fmt: skip


def test_snippets_show_the_words_not_the_markdown(member_client):
    ThreadFactory(title="Budgets in Ohrid", body="What did *you* learn about **budgets**?")
    EventFactory(title="Ohrid convening", description="We meet to **learn** [more](https://x.org).")
    ResourceFactory(title="Ohrid hearings", summary="", body="## Hearings\n\n*Open* budgets.")
    shown = snippets(search(member_client, "ohrid"))
    assert shown["Budgets in Ohrid"] == "What did you learn about budgets?"
    assert shown["Ohrid convening"] == "We meet to learn more."
    assert shown["Ohrid hearings"] == "Hearings Open budgets."


def test_a_discussion_search_without_a_match_says_so(member_client):
    ThreadFactory(title="Budgets in Ohrid")
    html = member_client.get("/discussions/", {"q": "повратни"}).content.decode()
    assert "0 results" in html
    assert "not only punctuation" not in html

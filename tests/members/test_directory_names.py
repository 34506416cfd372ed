"""The directory's own name search finds what the site search's people and organisations
groups count ("See all N" leads there): folded accents and scripts, "dj" for "đ"."""

import pytest

from tests.factories import MemberFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def listed(client, **query):
    return client.get("/members/", query).content.decode()


def site_count(client, words, group):
    response = client.get("/search/", {"q": words})
    for provider, found in response.context["groups"]:
        if provider.name == group:
            return found.count
    return None


@pytest.mark.parametrize(
    "words", ["djordjevic", "Dordevic", "ĐORĐEVIĆ", "Ђорђевић", "jovana djordj"]
)
def test_people_by_folded_names_as_the_site_search_counts(member_client, words):
    MemberFactory(first_name="Jovana", last_name="Đorđević", listing="members")
    MemberFactory(first_name="Marko", last_name="Petrović", listing="members")
    html = listed(member_client, type="people", q=words)
    assert "Jovana Đorđević" in html and "Marko Petrović" not in html
    assert "1 result<" in html
    assert site_count(member_client, words, "people") == 1


@pytest.mark.parametrize("words", ["drustvo", "Društvo", "ДРУШТВО", "otvoren"])
def test_organisations_by_folded_names_as_the_site_search_counts(member_client, words):
    OrganisationFactory(name="Fondacija za otvoreno društvo")
    OrganisationFactory(name="Tirana Watch")
    html = listed(member_client, q=words)
    assert "Fondacija za otvoreno društvo" in html and "Tirana Watch" not in html
    assert site_count(member_client, words, "organisations") == 1


def test_a_name_does_not_find_others_through_its_short_stems(member_client):
    """'Zana' stems to 'za' in Turkish and 'zan' in Serbian: neither is a name to find."""
    MemberFactory(first_name="Zana", last_name="Krasniqi", listing="members")
    OrganisationFactory(name="Centar za demokratiju")
    OrganisationFactory(name="Zan Studio")
    assert site_count(member_client, "Zana", "organisations") == 0
    assert site_count(member_client, "Zana", "people") == 1
    html = listed(member_client, q="Zana")
    assert "Centar za demokratiju" not in html and "Zan Studio" not in html
    # The short word typed as it is still finds its own.
    assert site_count(member_client, "za", "organisations") == 1


def test_punctuation_only_is_looked_for_as_typed(member_client):
    OrganisationFactory(name="Partners & Friends")
    OrganisationFactory(name="Tirana Watch")
    response = member_client.get("/members/", {"q": "&"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Partners &amp; Friends" in html and "Tirana Watch" not in html


def test_the_site_search_sees_all_link_lists_what_it_counted(member_client):
    for last_name in ("Đorđević", "Djordjević", "Dorđević"):
        MemberFactory(first_name="Ana", last_name=last_name, listing="members")
    response = member_client.get("/search/", {"q": "djordjevic"})
    found = next(f for p, f in response.context["groups"] if p.name == "people")
    assert found.count == 3
    html = member_client.get(found.url).content.decode()
    assert "3 results" in html

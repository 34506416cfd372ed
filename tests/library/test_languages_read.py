"""The library's default language filter for members who read only some languages, and
search across Serbian's two scripts."""

import pytest
from django.utils import translation

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def reader(member):
    member.languages = ["mk", "sr"]
    member.only_my_languages = True
    member.save()
    return member


def test_library_shows_the_languages_read_by_default_and_can_show_all(client, reader):
    ResourceFactory(title="Водич за отчетност", languages=["mk"])
    ResourceFactory(title="Vodič za odgovornost", languages=["sr"])
    ResourceFactory(title="Udhëzues", languages=["sq"])
    client.force_login(reader)
    html = client.get("/library/").text
    assert "Водич за отчетност" in html and "Vodič za odgovornost" in html
    assert "Udhëzues" not in html
    assert "Showing resources in the languages you read." in html
    assert 'href="?all_languages=1"' in html
    html = client.get("/library/?all_languages=1").text
    assert "Udhëzues" in html
    assert "Showing resources in the languages you read." not in html


def test_removing_the_default_language_chips_keeps_every_language(client, reader):
    ResourceFactory(title="Udhëzues", languages=["sq"])
    client.force_login(reader)
    response = client.get("/library/")
    chips = [item["url"] for item in response.context["active_filters"]]
    # Dropping one of the two default languages keeps the other chosen.
    assert "language=sr" in chips[0] or "language=mk" in chips[0]
    search = response.context["search"]
    assert "all_languages=1" in search.clear_url()


def test_a_chosen_language_replaces_the_default(client, reader):
    ResourceFactory(title="Udhëzues", languages=["sq"])
    ResourceFactory(title="Водич", languages=["mk"])
    client.force_login(reader)
    html = client.get("/library/?language=sq").text
    assert "Udhëzues" in html and "Водич" not in html


def test_everyone_else_sees_every_language(client, member):
    ResourceFactory(title="Udhëzues", languages=["sq"])
    assert "Udhëzues" in client.get("/library/").text
    client.force_login(member)
    assert "Udhëzues" in client.get("/library/").text


def test_bad_language_is_ignored_with_a_note(client, reader):
    client.force_login(reader)
    response = client.get("/library/?language=xx&all_languages=maybe")
    assert response.status_code == 200
    assert "was not understood" in response.text


@pytest.mark.parametrize("size", [2, 20])
def test_filtered_library_queries_stay_flat(
    client, reader, locmem_cache, django_assert_max_num_queries, size
):
    for index in range(size):
        ResourceFactory(languages=[["mk", "tr"][index % 2]])
    client.force_login(reader)
    with django_assert_max_num_queries(8):
        assert client.get("/library/").status_code == 200


@pytest.mark.parametrize(
    ("title", "query"),
    [("Odgovornost organizacija civilnog društva", "одговорност"),
     ("Одговорност организација цивилног друштва", "odgovornost"),
     ("Izveštaj o transparentnosti", "извештај"),
     ("Годишњи извештај", "godišnji")],
)  # fmt: skip
def test_search_finds_serbian_in_either_script(client, title, query):
    ResourceFactory(title=title)
    ResourceFactory(title="Annual report")
    html = client.get("/library/", {"q": query}).text
    assert "1 resource" in html
    assert "Annual report" not in html

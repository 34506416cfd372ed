"""The library in the region's languages: tags in any alphabet, topics' names, readable slugs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from discussions.services import thread_create
from library.models import Resource, resource_upload_to
from library.services import resource_unique_slug
from members.models import Organisation
from racop.slugs import slug_from
from tests.factories import MemberFactory, ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

# Macedonian, Serbian Cyrillic, Albanian ë, Turkish ş and ı.
TAGS = ["отчетност", "одговорност", "llogaridhënie", "şeffaflık"]


@pytest.fixture(autouse=True)
def english():
    """Requests under /mk/ leave their language active in the thread; start in English."""
    with translation.override("en"):
        yield


def list_url(language="en"):
    with translation.override(language):
        return reverse("library:resource_list")


def facets_of(response):
    return {
        facet.name: {value.value: (value.label, value.count) for value in facet.values}
        for facet in response.context["facets"]
    }


@pytest.mark.parametrize("tag", TAGS)
def test_a_tag_in_any_alphabet_filters_the_library(client, tag):
    tagged = ResourceFactory(title="Tagged guide")
    tagged.tags.add(tag, "feedback")
    ResourceFactory(title="Other guide").tags.add("feedback")
    slug = tagged.tags.get(name=tag).slug
    assert slug == tag  # taggit keeps the letters of the name

    response = client.get(list_url(), {"tag": slug})
    html = response.content.decode()
    assert "was not understood" not in html
    assert [r.title for r in response.context["page_obj"]] == ["Tagged guide"]
    # The facet lists the tag, chosen, with its name; the chip removes it.
    assert facets_of(response)["tag"][slug] == (tag, 1)
    assert response.context["active_filters"][0]["label"] == tag


def test_a_tag_filters_with_words_and_other_facets(client):
    tagged = ResourceFactory(title="Budget guide", type="guide")
    tagged.tags.add("şeffaflık")
    ResourceFactory(title="Budget news", type="news").tags.add("şeffaflık")
    ResourceFactory(title="Budget toolkit", type="guide")
    response = client.get(list_url(), {"tag": "şeffaflık", "type": "guide", "q": "budget"})
    assert [r.title for r in response.context["page_obj"]] == ["Budget guide"]
    assert facets_of(response)["type"] == {"guide": ("Guide", 1), "news": ("News", 1)}


def test_the_tag_links_of_a_resource_lead_to_its_filtered_list(client):
    resource = ResourceFactory(title="Отчетност на граѓанските организации")
    resource.tags.add("отчетност")
    ResourceFactory(title="Untagged")
    html = client.get(resource.get_absolute_url()).content.decode()
    link = "?tag=%D0%BE%D1%82%D1%87%D0%B5%D1%82%D0%BD%D0%BE%D1%81%D1%82"
    assert link in html
    response = client.get(list_url() + link)
    assert [r.title for r in response.context["page_obj"]] == [resource.title]


def test_the_feeds_carry_tags_in_any_alphabet(client):
    ResourceFactory(title="Guide").tags.add("llogaridhënie")
    xml = client.get(reverse("library:feed_atom")).content.decode()
    assert 'term="llogaridhënie"' in xml


def test_a_tag_that_is_not_a_slug_is_still_refused(client):
    ResourceFactory(title="Guide")
    html = client.get(list_url(), {"tag": "two words!"}).content.decode()
    assert "was not understood" in html


@pytest.mark.parametrize(
    ("language", "name"), [("mk", "Граѓански простор"), ("sq", "Hapësira qytetare")]
)
def test_topic_facet_labels_are_in_the_readers_language(client, language, name):
    topic = TopicFactory(name="Civic space")
    setattr(topic, f"name_{language}", name)
    topic.save()
    untranslated = TopicFactory(name="Failures")
    resource = ResourceFactory()
    resource.topics.set([topic, untranslated])

    # Without filters (the whole library's kept counts) and with one (counted).
    for params in ({}, {"type": "guide"}, {"topic": topic.slug}):
        facet = facets_of(client.get(list_url(language), params))["topic"]
        assert facet[topic.slug] == (name, 1), params
        assert facet[untranslated.slug] == ("Failures", 1), params
    # The chosen topic's chip is in the language too, and English readers get English.
    response = client.get(list_url(language), {"topic": topic.slug})
    assert response.context["active_filters"][0]["label"] == name
    english = facets_of(client.get(list_url("en")))["topic"]
    assert english[topic.slug] == ("Civic space", 1)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Извештај за отчетноста на граѓанските организации",
         "izvestaj-za-otcetnosta-na-gragjanskite-organizacii"),
        ("Ѓорѓи, Ќерка и ѕвезда", "gjorgji-kjerka-i-dzvezda"),
        ("Ђорђе Џаја: Љубљана, Њива, Ћуприја, Шабац, Жабљак, Чачак",
         "djordje-dzaja-ljubljana-njiva-cuprija-sabac-zabljak-cacak"),
        ("Građani i civilno društvo", "gradjani-i-civilno-drustvo"),
        ("Şeffaflık ve hesap verebilirlik: IŞIK", "seffaflik-ve-hesap-verebilirlik-isik"),
        ("Llogaridhënia në Shqipëri", "llogaridhenia-ne-shqiperi"),
        ("Open budgets, boards & reports", "open-budgets-boards-reports"),
    ],
)  # fmt: skip
def test_slugs_are_readable_latin(text, slug):
    assert slug_from(text) == slug


def test_slugs_are_cut_without_a_trailing_dash_and_fall_back():
    assert slug_from("Ђорђе џаја", max_length=7) == "djordje"
    assert slug_from("ab cd", max_length=3) == "ab"
    assert slug_from("!!!", fallback="resource") == "resource"


def test_resources_threads_organisations_people_and_files_get_readable_slugs(member):
    assert resource_unique_slug("Годишен извештај") == "godisen-izvestaj"
    ResourceFactory(slug="godisen-izvestaj")
    assert resource_unique_slug("Годишен извештај") == "godisen-izvestaj-2"
    assert resource_unique_slug("Şeffaflık") == "seffaflik"
    topic = TopicFactory()
    thread = thread_create(
        topic=topic, author=member, kind="question", title="Ко финансира цивилно друштво?", body="…"
    )
    assert thread.slug == "ko-finansira-civilno-drustvo"
    assert Organisation.objects.create(name="Здружение Ѓорѓија").slug == "zdruzenie-gjorgjija"
    assert MemberFactory(first_name="Ђурђа", last_name="Ilić").slug == "djurdja-ilic"
    upload = SimpleUploadedFile("Извештај 2025.PDF", b"%PDF")
    assert resource_upload_to(None, upload.name).endswith("/izvestaj-2025.pdf")


def test_existing_slugs_are_kept(member):
    resource = ResourceFactory(title="Old", slug="resource-7")
    resource.title = "Нов наслов"
    resource.save()
    assert Resource.objects.get(pk=resource.pk).slug == "resource-7"
    organisation = Organisation.objects.create(name="Old name", slug="old-name")
    organisation.name = "Ново име"
    organisation.save()
    assert Organisation.objects.get(pk=organisation.pk).slug == "old-name"

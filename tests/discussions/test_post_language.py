"""Posts carry their language; members who read only some languages see those first."""

import pytest
from django.urls import reverse
from django.utils import translation

from discussions.models import Reply, Thread
from tests.factories import ReplyFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Requests under /mk/ leave Macedonian active in the thread; start each test in English."""
    with translation.override("en"):
        yield


def thread_url(name, thread):
    return reverse(
        f"discussions:{name}",
        kwargs={"topic": thread.topic.slug, "pk": thread.pk, "slug": thread.slug},
    )


def test_a_thread_stores_the_language_chosen_and_renders_it(member_client):
    topic = TopicFactory()
    address = reverse("discussions:thread_create", args=[topic.slug, "discussion"])
    data = {"title": "Raporti vjetor", "body": "Si e **publikoni**?", "language": "sq"}
    response = member_client.post(address, {**data, "post": "1"})
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert thread.language == "sq"
    html = member_client.get(thread.get_absolute_url()).content.decode()
    assert '<div class="prose post-body" lang="sq">' in html


def test_the_language_defaults_to_the_interface_language(member_client):
    topic = TopicFactory()
    with translation.override("mk"):
        address = reverse("discussions:thread_create", args=[topic.slug, "question"])
    form = member_client.get(address).content.decode()
    assert '<option value="mk" selected>' in form
    member_client.post(address, {"title": "Прашање", "body": "Како?", "post": "1"})
    assert Thread.objects.get().language == "mk"


def test_a_reply_stores_its_language_and_other_gets_no_lang(member_client):
    thread = ThreadFactory()
    member_client.post(thread_url("reply_create", thread), {"body": "Hvala!", "language": "hr"})
    member_client.post(thread_url("reply_create", thread), {"body": "Tack!", "language": "other"})
    assert list(Reply.objects.order_by("pk").values_list("language", flat=True)) == [
        "hr",
        "other",
    ]
    html = member_client.get(thread.get_absolute_url()).content.decode()
    assert '<div class="prose post-body" lang="hr">' in html
    assert '<div class="prose post-body">' in html


def test_an_unknown_language_is_explained_and_the_text_kept(member_client):
    topic = TopicFactory()
    address = reverse("discussions:thread_create", args=[topic.slug, "discussion"])
    data = {"title": "A title", "body": "My careful text.", "language": "xx", "post": "1"}
    response = member_client.post(address, data)
    assert response.status_code == 200
    assert "valid choice" in " ".join(response.context["form"].errors["language"])
    assert "My careful text." in response.content.decode()
    assert not Thread.objects.exists()
    reply = member_client.post(
        thread_url("reply_create", ThreadFactory()), {"body": "Kept reply.", "language": "xx"}
    )
    assert reply.status_code == 200
    assert "Kept reply." in reply.content.decode()


@pytest.fixture
def reader(member):
    member.languages = ["mk", "sr"]
    member.language = "en"
    member.only_my_languages = True
    member.save()
    return member


def test_thread_list_hides_other_languages_with_a_reveal_link(client, reader):
    topic = TopicFactory()
    ThreadFactory(topic=topic, title="Во Скопје", language="mk")
    ThreadFactory(topic=topic, title="U Beogradu", language="sr-latn")
    ThreadFactory(topic=topic, title="Prishtinë", language="sq")
    ThreadFactory(topic=topic, title="Istanbul", language="tr")
    client.force_login(reader)
    address = reverse("discussions:thread_list", args=[topic.slug])
    html = client.get(address).content.decode()
    assert "Во Скопје" in html and "U Beogradu" in html
    assert "Prishtinë" not in html and "Istanbul" not in html
    assert "2 threads in other languages are hidden." in html
    assert 'href="?languages=all"' in html
    html = client.get(address, {"languages": "all"}).content.decode()
    assert "Prishtinë" in html and "Istanbul" in html
    assert "are hidden" not in html


def test_thread_list_shows_every_language_by_default(member_client):
    topic = TopicFactory()
    ThreadFactory(topic=topic, title="Istanbul", language="tr")
    html = member_client.get(reverse("discussions:thread_list", args=[topic.slug])).text
    assert "Istanbul" in html and "are hidden" not in html


@pytest.mark.parametrize("size", [2, 30])
def test_filtered_thread_list_queries_stay_flat(
    client, reader, django_assert_max_num_queries, size, locmem_cache
):
    topic = TopicFactory()
    for index in range(size):
        thread = ThreadFactory(topic=topic, language=["mk", "tr"][index % 2])
        ReplyFactory(thread=thread)
    client.force_login(reader)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("discussions:thread_list", args=[topic.slug]))
    assert response.status_code == 200
    assert f"{size // 2} thread" in response.text


def test_member_asks_for_only_their_languages_on_me(client, member):
    client.force_login(member)
    data = {"first_name": "Mira", "last_name": "Novak", "languages": ["mk"],
            "only_my_languages": "on", "listing": "members"}  # fmt: skip
    html = client.get("/me/").text
    assert "Show me only content in the languages I read" in html
    assert client.post("/me/", data).status_code == 302
    member.refresh_from_db()
    assert member.only_my_languages is True

import pytest

from library.models import Resource
from tests.factories import MemberFactory, ResourceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def titles(queryset):
    return [resource.title for resource in queryset]


def test_search_ranks_title_above_summary_above_body():
    ResourceFactory(title="Annual reports", summary="x", body="Mentions budgets once.")
    ResourceFactory(title="Reports", summary="How to open your budgets.", body="")
    ResourceFactory(title="Budgets", summary="x", body="")
    ResourceFactory(title="Unrelated", summary="Nothing here.")

    assert titles(Resource.objects.search("budgets")) == ["Budgets", "Reports", "Annual reports"]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Civilno društvo u Bosni", "drustvo"),
        ("Civilno drustvo u Bosni", "društvo"),
        ("Организације из Сарајева", "sarajeva"),
        ("Organizacije iz Sarajeva", "Сарајева"),
        ("Đorđe Balašević", "dorde"),
    ],
)
def test_search_ignores_accents_and_script(text, query):
    ResourceFactory(title=text)
    ResourceFactory(title="Something else")
    assert titles(Resource.objects.search(query)) == [text]


def test_search_understands_web_syntax():
    ResourceFactory(title="Open budgets guide")
    ResourceFactory(title="Budgets open to all")
    ResourceFactory(title="Feedback toolkit")
    assert titles(Resource.objects.search('"open budgets"')) == ["Open budgets guide"]
    assert len(Resource.objects.search("budgets -guide")) == 1
    assert len(Resource.objects.search("guide or toolkit")) == 2


def test_tags_and_topics_are_searchable():
    resource = ResourceFactory(title="A plain title")
    resource.tags.add("whistleblowing")
    resource.topics.add(TopicFactory(name="Civic space"))
    assert titles(Resource.objects.search("whistleblowing")) == ["A plain title"]
    assert titles(Resource.objects.search("civic")) == ["A plain title"]
    resource.tags.clear()
    assert not Resource.objects.search("whistleblowing").exists()


def test_visibility_by_role(coordinator):
    ResourceFactory(title="Public")
    ResourceFactory(title="Members", visibility="members")
    ResourceFactory(title="Draft", status="draft")
    visible = Resource.objects.published().visible_to
    assert set(titles(visible(UserFactory()))) == {"Public"}
    assert set(titles(visible(MemberFactory()))) == {"Public", "Members"}
    assert set(titles(visible(coordinator))) == {"Public", "Members"}


def test_a_suggester_may_open_their_own_suggestion_only():
    author, other = MemberFactory(), MemberFactory()
    ResourceFactory(title="Mine", status="in_review", added_by=author)
    assert titles(Resource.objects.viewable_by(author)) == ["Mine"]
    assert titles(Resource.objects.viewable_by(other)) == []


def test_a_resource_without_a_link_or_a_file_is_marked_as_having_no_link_yet():
    # A printed report or a reference: imported from a coordinator's spreadsheet.
    printed = ResourceFactory(url="")
    assert printed.has_no_link
    assert not ResourceFactory(url="https://example.org/x").has_no_link
    assert not Resource.objects.broken_links().exists()


def test_related_resources_share_topics_or_tags():
    topic = TopicFactory()
    resource = ResourceFactory()
    resource.topics.add(topic)
    resource.tags.add("feedback")
    both = ResourceFactory(title="Both")
    both.topics.add(topic)
    both.tags.add("feedback")
    one = ResourceFactory(title="One")
    one.tags.add("feedback")
    ResourceFactory(title="None")
    assert titles(Resource.objects.related_to(resource)) == ["Both", "One"]

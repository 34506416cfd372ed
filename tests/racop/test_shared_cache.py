"""One way to share work between requests (racop.cache): whatever path changes content,
the next reader sees the change; what changes nothing anyone is shown empties nothing."""

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from library import services as library_services
from library.models import Resource
from library.search import LibrarySearch, _vocabulary_words
from racop import cache as shared_cache
from racop.access import COORDINATOR, MEMBER, VISITOR, audience
from tests.factories import (
    CoordinatorFactory,
    MemberFactory,
    ResourceFactory,
    TopicFactory,
)
from tests.pledges.feedback_helpers import add_responses, make_round

pytestmark = pytest.mark.django_db
LIST = "/library/"


@pytest.fixture
def page_cache(settings, locmem_cache):
    """The visitors' page cache on, with a process-local cache."""
    settings.VISITOR_PAGE_CACHE_SECONDS = 60
    return locmem_cache


def published(**kwargs):
    return ResourceFactory(status="published", visibility="public", **kwargs)


def visitor_page(path):
    return Client().get(path).content.decode()


def test_the_audience_is_one_rule_for_everyone():
    assert audience(AnonymousUser()) == VISITOR
    assert audience(MemberFactory()) == MEMBER
    assert audience(CoordinatorFactory()) == COORDINATOR
    applicant = MemberFactory(member_since=None)
    assert audience(applicant) == VISITOR
    # The library's visibility rule is the same definition.
    ResourceFactory(status="published", visibility="members", title="For members only")
    assert not Resource.objects.visible_to(applicant).filter(visibility="members").exists()
    assert Resource.objects.visible_to(MemberFactory()).filter(visibility="members").exists()


def test_archiving_from_the_admin_list_hides_it_from_the_next_visitors_search(page_cache):
    resource = published(title="Budget tracking in Kičevo")
    search = f"{LIST}?q=budget"
    assert "Budget tracking in Kičevo" in visitor_page(search)
    assert "Budget tracking in Kičevo" in visitor_page(search)  # from the page cache
    coordinator = Client()
    coordinator.force_login(CoordinatorFactory(is_superuser=True))
    response = coordinator.post(
        reverse("admin:library_resource_changelist"),
        {"action": "archive", "_selected_action": [resource.pk]},
    )
    assert response.status_code == 302
    assert Resource.objects.get(pk=resource.pk).status == "archived"
    assert "Budget tracking in Kičevo" not in visitor_page(search)
    assert Client().get(resource.get_absolute_url()).status_code == 404


def test_the_librarys_total_and_pager_are_exact_after_any_change(page_cache):
    resources = [published(title=f"Guide {n}", type="guide") for n in range(41)]
    html = visitor_page(LIST)
    assert "41 resources" in html and "Page 1 of 3" in html
    # A service's QuerySet.update(), no save() and no signal.
    library_services.resources_archive(resources=Resource.objects.filter(pk=resources[0].pk))
    html = visitor_page(LIST)
    assert "40 resources" in html and "Page 1 of 2" in html
    Resource.objects.filter(pk=resources[1].pk).delete()
    assert "39 resources" in visitor_page(LIST)
    member = Client()
    member.force_login(MemberFactory())
    assert "39 resources" in member.get(LIST).content.decode()


def test_a_year_shows_a_resource_imported_a_moment_ago(page_cache, tmp_path):
    assert "0 resources" in visitor_page(f"{LIST}?year=2019")
    path = tmp_path / "resources.csv"
    path.write_text(
        "title,url,type,summary,body,publisher,year,languages,scope,countries,topics,tags,"
        "commitments,visibility,status\n"
        "Open budgets 2019,https://example.org/ob,guide,,,,2019,en,regional,,,,,public,published\n",
        encoding="utf-8",
    )
    call_command("import_resources", str(path), "--commit", "--publish", stdout=StringIO())
    html = visitor_page(f"{LIST}?year=2019")
    assert "1 resource" in html and "Open budgets 2019" in html


def test_a_feedback_answer_empties_nothing_anyone_is_shown(page_cache):
    published(title="Feedback loops in Tetovo")
    feedback_round = make_round()
    for path in ("/", LIST):
        visitor_page(path)
    before = shared_cache.generations(sorted(shared_cache.AREAS))
    add_responses(feedback_round, [9, 10])
    assert shared_cache.generations(sorted(shared_cache.AREAS)) == before
    with CaptureQueriesContext(connection) as queries:
        assert "Feedback loops in Tetovo" in visitor_page(LIST)
    assert len(queries) == 0  # still served from the page cache


def test_a_login_changes_nothing_anyone_is_shown(page_cache):
    member = MemberFactory()
    before = shared_cache.generations(sorted(shared_cache.AREAS))
    Client().force_login(member)  # writes last_login
    assert shared_cache.generations(sorted(shared_cache.AREAS)) == before
    member.first_name = "Arbëresha"
    member.save()
    assert (
        shared_cache.generations(["people"]) != before[sorted(shared_cache.AREAS).index("people")]
    )


def test_only_writes_to_watched_tables_name_areas():
    assert shared_cache.areas_written('UPDATE "library_resource" SET "status" = %s') == {"library"}
    assert shared_cache.areas_written('DELETE FROM "library_resource_topics" WHERE 1') == {
        "library"
    }
    assert shared_cache.areas_written('INSERT INTO "taggit_taggeditem" ("tag_id")') == {"library"}
    assert shared_cache.areas_written('SELECT * FROM "library_resource"') == set()
    assert shared_cache.areas_written("COPY library_resource (title) FROM STDIN") == {"library"}
    assert shared_cache.areas_written('COPY "library_resource" (id) TO STDOUT') == set()
    assert (
        shared_cache.areas_written('UPDATE "members_user" SET "last_login" = %s WHERE x') == set()
    )
    assert shared_cache.areas_written(
        'UPDATE "members_user" SET "last_login" = %s, "first_name" = %s WHERE x'
    ) == {"people"}
    assert shared_cache.areas_written("UPDATE discussions_thread SET reply_count = 3") == {
        "discussions"
    }


def test_a_shared_part_is_kept_per_audience_language_and_key(locmem_cache):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    member, visitor = MemberFactory(), AnonymousUser()
    first = shared_cache.shared("t", compute, areas=("library",), user=visitor, key=(1,))
    assert shared_cache.shared("t", compute, areas=("library",), user=visitor, key=(1,)) == first
    assert shared_cache.shared("t", compute, areas=("library",), user=member, key=(1,)) != first
    assert shared_cache.shared("t", compute, areas=("library",), user=visitor, key=(2,)) == 3
    from django.utils import translation

    with translation.override("mk"):
        assert shared_cache.shared("t", compute, areas=("library",), user=visitor, key=(1,)) == 4
    published(title="Any change to the library")
    assert shared_cache.shared("t", compute, areas=("library",), user=visitor, key=(1,)) == 5
    # Another area's change keeps it.
    TopicFactory()
    assert shared_cache.shared("t", compute, areas=("library",), user=visitor, key=(1,)) == 5


def live_counts(user):
    search = LibrarySearch(QueryDict(""), user)
    return search._count()[:2]


def kept_counts(user):
    search = LibrarySearch(QueryDict(""), user)
    return search._library_counts()[:2]


def split_vocabulary():
    """The vocabulary of "did you mean", split out of every published title and tag."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT word FROM ("
            " SELECT regexp_split_to_table(library_fold(title), '\\W+') AS word"
            " FROM library_resource WHERE status = 'published'"
            " UNION ALL SELECT regexp_split_to_table(library_fold(name), '\\W+')"
            " FROM taggit_tag) AS words WHERE length(word) > 2 AND word !~ '[0-9]'"
            " ORDER BY word"
        )
        return [row[0] for row in cursor.fetchall()]


def test_the_kept_facet_counts_equal_a_count_of_the_library_after_every_kind_of_change():
    member = MemberFactory()
    topics = [TopicFactory() for _ in range(3)]
    tags = ["otvorenost", "llogaridhënie", "отчетност"]
    resources = [
        ResourceFactory(
            status=status,
            visibility=visibility,
            languages=["sq", "mk"],
            countries=["AL", "MK"],
            commitments=[1, 5],
            year=2020 + n,
            title=f"Llogaridhënia {n} Отчетност",
        )
        for n, (status, visibility) in enumerate(
            [("published", "public"), ("published", "members"), ("draft", "public")] * 2
        )
    ]

    def same():
        for user in (AnonymousUser(), member):
            assert kept_counts(user) == live_counts(user)
        assert _vocabulary_words() == split_vocabulary()

    same()
    for resource in resources:
        resource.topics.add(*topics[:2])
        resource.tags.add(*tags[:2])
    same()
    resources[0].topics.remove(topics[0])
    resources[1].tags.clear()
    resources[0].title = "Şeffaflık raporu"
    resources[0].save()
    resources[2].status = "published"  # published with its topics and tags
    resources[2].save()
    same()
    Resource.objects.filter(pk=resources[3].pk).update(visibility="members", languages=["tr"])
    Resource.objects.filter(pk=resources[4].pk).update(status="archived")
    resources[5].delete()
    topics[1].delete()
    same()
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())
    same()


def test_a_new_release_never_gets_the_html_of_the_one_before(locmem_cache, monkeypatch):
    assert shared_cache.release() == shared_cache.release()  # one digest per process
    shared_cache.shared("page", lambda: "old template", areas=("site",))
    monkeypatch.setattr(shared_cache, "release", lambda: "a-new-release")
    assert shared_cache.shared("page", lambda: "new template", areas=("site",)) == "new template"

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from library.imports import table_read
from library.models import Collection, CollectionItem, Resource
from library.services import resources_check_links, resources_export, resources_import
from tests.factories import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]
CHANGELIST = reverse("admin:library_resource_changelist")
IMPORT = reverse("admin:library_resource_import")


def make_collection(size):
    collection = Collection.objects.create(title="Getting started", slug="start", is_published=True)
    for position in range(size):
        resource = ResourceFactory(title=f"Reading {position}")
        resource.topics.add(TopicFactory())
        CollectionItem.objects.create(
            collection=collection,
            resource=resource,
            position=size - position,
            note=f"Note {position}",
        )
    members_only = ResourceFactory(title="Members reading", visibility="members")
    CollectionItem.objects.create(collection=collection, resource=members_only, position=0)
    return collection


@pytest.mark.parametrize("role", ROLES)
def test_collection_page_shows_readings_in_order_by_role(as_role, role):
    collection = make_collection(2)
    html = as_role(role).get(collection.get_absolute_url()).content.decode()
    assert html.index("Reading 1") < html.index("Reading 0")
    assert "Note 0" in html
    assert ("Members reading" in html) == (role in {"member", "representative", "coordinator"})
    assert (
        "Getting started" in as_role(role).get(reverse("library:collection_list")).content.decode()
    )


def test_unpublished_collection_is_404(client):
    Collection.objects.create(title="Draft", slug="draft")
    assert client.get(reverse("library:collection_detail", args=["draft"])).status_code == 404


@pytest.mark.parametrize("size", [1, 12])
def test_collection_query_count_is_flat(client, django_assert_max_num_queries, size):
    collection = make_collection(size)
    with django_assert_max_num_queries(4):
        assert client.get(collection.get_absolute_url()).status_code == 200


def test_suggesting_a_duplicate_is_refused(member_client):
    ResourceFactory(title="Open Budgets: a Guide!", url="https://example.org/budgets")
    data = {"title": "Another", "type": "guide", "scope": "regional"}
    same_url = member_client.post(
        reverse("library:resource_suggest"), {**data, "url": "https://EXAMPLE.org/budgets"}
    )
    assert "already has this" in same_url.content.decode()
    same_title = member_client.post(
        reverse("library:resource_suggest"),
        {**data, "title": "open budgets – a guide", "url": "https://example.org/other"},
    )
    assert "already has this" in same_title.content.decode()
    assert Resource.objects.count() == 1


CSV = (
    "title,url,type,languages,countries,topics,tags,year,scope\n"
    "Good guide,https://example.org/good,guide,en;sq,AL,{topic},feedback;budgets,2024,regional\n"
    "Bad type,https://example.org/bad,novel,en,,,,2024,regional\n"
    "No link,,guide,,,,,,\n"
    "Bad year,https://example.org/year,guide,,,,,1492,\n"
    "Dup of good,https://example.org/good,guide,,,,,,\n"
)


def table(text):
    return table_read(text.encode())


def test_csv_import_reports_each_row_and_adds_the_good_ones(coordinator):
    topic = TopicFactory(slug="civic-space")
    text = CSV.format(topic=topic.slug)
    preview = resources_import(table=table(text), user=coordinator, commit=False)
    assert [bool(row.errors) for row in preview.rows] == [False, True, False, True, True]
    assert preview.rows[1].errors[0].startswith("type: “novel” is not known. Allowed: Guide,")
    assert preview.rows[2].notes == ["no link yet"]
    assert "Repeats an earlier row" in preview.rows[4].errors[0]
    assert not Resource.objects.exists()
    resources_import(table=table(text), user=coordinator, commit=True)
    resource = Resource.objects.get(title="Good guide")
    assert resource.languages == ["en", "sq"]
    assert [t.slug for t in resource.topics.all()] == ["civic-space"]
    assert sorted(t.name for t in resource.tags.all()) == ["budgets", "feedback"]
    assert resource.status == "draft" and resource.published_at is None
    assert Resource.objects.get(title="No link").has_no_link
    again = resources_import(table=table(text), user=coordinator, commit=False)
    assert "Already in the library" in again.rows[0].errors[0]


def test_csv_without_a_title_column_names_what_it_found(coordinator):
    report = resources_import(table=table("owner,notes\nx,y\n"), user=coordinator, commit=False)
    assert "No column of titles was found" in report.problems[0]
    assert "“owner”, “notes”" in report.problems[0]
    assert report.failed == 1


def test_csv_import_in_the_admin_previews_then_imports(coordinator_client):
    TopicFactory(slug="civic-space")
    upload = SimpleUploadedFile("r.csv", CSV.format(topic="civic-space").encode())
    preview = coordinator_client.post(IMPORT, {"file": upload})
    html = preview.content.decode()
    assert "2 of 5 rows can be imported" in html
    assert "is not known. Allowed:" in html
    assert not Resource.objects.exists()
    signed = preview.context["signed_table"]
    done = coordinator_client.post(IMPORT, {"confirm": "1", "table": signed})
    assert done.status_code == 302
    assert Resource.objects.filter(status="draft").count() == 2


def test_csv_import_reads_a_windows_1250_file(coordinator_client):
    upload = SimpleUploadedFile("r.csv", "title,url\nDruštvo,https://a.example\n".encode("cp1250"))
    html = coordinator_client.post(IMPORT, {"file": upload}).content.decode()
    assert "Windows-1250" in html and "Društvo" in html


def test_csv_import_command(tmp_path, coordinator):
    path = tmp_path / "r.csv"
    path.write_text(CSV.format(topic="gardening"), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_resources", str(path), stdout=out)
    assert failed.value.returncode == 1
    assert "line 2 (Good guide): not imported: topics: “gardening” is not known." in out.getvalue()
    assert "Dry run: 2 of 5 rows would be imported, as drafts." in out.getvalue()
    assert not Resource.objects.exists()
    with pytest.raises(CommandError):
        call_command("import_resources", str(path), "--commit", stdout=out)
    assert set(Resource.objects.values_list("title", flat=True)) == {"No link", "Dup of good"}


def test_export_round_trips_through_import(coordinator):
    resource = ResourceFactory(languages=["en"], countries=["MK"], commitments=[5], year=2020)
    resource.tags.add("feedback")
    out = io.StringIO()
    resources_export(resources=Resource.objects.all(), out=out)
    resource.delete()
    report = resources_import(table=table(out.getvalue()), user=coordinator, commit=True)
    assert not report.rows[0].errors
    copy = Resource.objects.get()
    assert (copy.languages, copy.countries, copy.commitments, copy.year) == (
        ["en"],
        ["MK"],
        [5],
        2020,
    )


def test_admin_export_action(coordinator_client):
    ResourceFactory(title="Exported")
    response = coordinator_client.post(
        CHANGELIST,
        {"action": "export_csv", "_selected_action": [r.pk for r in Resource.objects.all()]},
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "Exported" in response.content.decode()


def test_admin_adds_and_removes_tags_and_topics(coordinator_client):
    topic = TopicFactory()
    resources = ResourceFactory.create_batch(2)
    ids = [r.pk for r in resources]
    form = coordinator_client.post(
        CHANGELIST, {"action": "add_classification", "_selected_action": ids}
    )
    assert "Add tags and topics" in form.content.decode()
    coordinator_client.post(
        CHANGELIST,
        {"action": "add_classification", "_selected_action": ids, "apply": "1",
         "tags": "feedback, budgets", "topics": [topic.pk]},
    )  # fmt: skip
    for resource in Resource.objects.all():
        assert sorted(t.name for t in resource.tags.all()) == ["budgets", "feedback"]
        assert list(resource.topics.all()) == [topic]
    assert Resource.objects.search("budgets").count() == 2
    coordinator_client.post(
        CHANGELIST,
        {"action": "remove_classification", "_selected_action": ids, "apply": "1",
         "tags": "budgets", "topics": [topic.pk]},
    )  # fmt: skip
    for resource in Resource.objects.all():
        assert [t.name for t in resource.tags.all()] == ["feedback"]
        assert not resource.topics.exists()


def test_link_checker_records_status_and_lists_broken(local_server, coordinator_client):
    ok = ResourceFactory(url=f"{local_server}/ok")
    gone = ResourceFactory(url=f"{local_server}/gone")
    head_refused = ResourceFactory(url=f"{local_server}/no-head")
    unreachable = ResourceFactory(url="http://127.0.0.1:9/closed")
    out = io.StringIO()
    call_command("check_links", "--timeout", "3", stdout=out)
    assert "Checked 4 links; 2 broken." in out.getvalue()
    statuses = dict(Resource.objects.values_list("pk", "link_status"))
    assert statuses == {ok.pk: 200, gone.pk: 404, head_refused.pk: 200, unreachable.pk: 0}
    assert Resource.objects.get(pk=ok.pk).link_checked_at is not None
    assert set(Resource.objects.broken_links()) == {gone, unreachable}
    html = coordinator_client.get(CHANGELIST, {"link": "broken"}).content.decode()
    assert gone.title in html and unreachable.title in html and ok.title not in html


def test_link_checker_times_out(coordinator):
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    resource = ResourceFactory(url=f"http://127.0.0.1:{silent.getsockname()[1]}/slow")
    counts = resources_check_links(resources=Resource.objects.all(), timeout=0.5)
    silent.close()
    assert (counts["checked"], counts["broken"], counts["network_down"]) == (1, 1, False)
    resource.refresh_from_db()
    assert resource.link_status == 0
    assert "timed out" in resource.link_error


def test_duplicates_are_listed_on_the_change_page(coordinator_client):
    original = ResourceFactory(title="Open budgets guide", url="https://example.org/a")
    copy = ResourceFactory(title="Open Budgets Guide", url="https://example.org/b")
    html = coordinator_client.get(
        reverse("admin:library_resource_change", args=[copy.pk])
    ).content.decode()
    assert reverse("admin:library_resource_change", args=[original.pk]) in html

"""Events' working languages are chosen from a list, stored as codes and shown as names in
the reader's language; the free text of before becomes codes, and what was not understood
stays in the description."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from discussions.models import Event
from tests.factories import EventFactory

MIGRATION = importlib.import_module("discussions.migrations.0011_event_languages_as_codes")


@pytest.mark.parametrize(
    ("text", "codes", "unknown"),
    [
        ("English, Albanian", ["en", "sq"], []),
        ("engleski", ["en"], []),
        ("EN/MK", ["en", "mk"], []),
        ("Shqip dhe anglisht", ["sq", "en"], []),
        ("македонски и англиски (превод)", ["mk", "en"], []),
        ("Türkçe, İngilizce", ["tr", "en"], []),
        ("BCS", ["bs", "hr", "sr"], []),
        ("English, Klingon", ["en"], ["klingon"]),
        ("", [], []),
    ],
)
def test_free_text_is_read_as_language_codes(text, codes, unknown):
    assert MIGRATION.codes_of(text) == (codes, unknown)


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_converts_existing_events_and_keeps_what_it_cannot_read():
    before = [("discussions", "0010_reply_address_and_held_replies")]
    after = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate(before).get_model("discussions", "Event")
        common = {"starts_at": "2030-01-01T10:00Z", "ends_at": "2030-01-01T12:00Z"}
        old.objects.create(slug="a", title="A", languages="English, Albanian", **common)
        old.objects.create(slug="b", title="B", languages="EN and Esperanto", **common)
        old.objects.create(slug="c", title="C", description_en="Agenda.", languages="", **common)
        migrate(after)
        converted = {e.slug: e for e in Event.objects.all()}
        assert converted["a"].languages == ["en", "sq"]
        assert converted["b"].languages == ["en"]
        assert converted["b"].description.endswith("EN and Esperanto")
        assert converted["c"].languages == []
        assert converted["c"].description == "Agenda."
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"), [("en", "English, Albanian"), ("mk", "англиски, албански")]
)
def test_an_event_names_its_languages_in_the_readers_language(client, language, shown):
    event = EventFactory(languages=["en", "sq"])
    prefix = "" if language == "en" else f"/{language}"
    html = client.get(f"{prefix}{event.get_absolute_url()}").content.decode()
    assert f"<dd>{shown}</dd>" in html.replace("Англиски", "англиски")


@pytest.mark.django_db
def test_the_events_can_be_filtered_by_a_language(client):
    EventFactory(title="In Albanian", languages=["sq", "en"])
    EventFactory(title="In Serbian", languages=["sr"])
    html = client.get(reverse("discussions:event_list"), {"language": "sq"}).content.decode()
    assert "In Albanian" in html and "In Serbian" not in html
    assert '<option value="sq" selected>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["albanian", "x" * 500, "sq' OR 1=1", "%00"])
def test_an_unknown_language_in_the_address_is_ignored(client, bad):
    EventFactory(title="In Albanian", languages=["sq"])
    response = client.get(reverse("discussions:event_list"), {"language": bad})
    assert response.status_code == 200
    assert "In Albanian" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_offers_the_languages_as_checkboxes(admin_client):
    event = EventFactory(languages=["mk"])
    html = admin_client.get(reverse("admin:discussions_event_change", args=[event.pk])).text
    assert 'type="checkbox" name="languages" value="mk"' in html
    assert Event._meta.get_field("languages").base_field.choices

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from discussions import services
from discussions.models import Event, Registration
from tests.factories import (
    ActionItemFactory,
    EventFactory,
    MemberFactory,
    MembershipFactory,
    RegistrationFactory,
    TopicFactory,
)

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]
INSIDERS = ["member", "representative", "coordinator"]


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_event_list_shows_public_events_to_all_and_members_events_to_members(as_role, role):
    EventFactory(title="Open webinar")
    EventFactory(title="Closed workshop", visibility=Event.Visibility.MEMBERS)
    EventFactory(title="Last year", starts_at=in_days(-30), ends_at=in_days(-30))
    response = as_role(role).get(reverse("discussions:event_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Open webinar" in html
    assert "Last year" not in html
    assert ("Closed workshop" in html) == (role in INSIDERS)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_members_only_event_detail_is_404_for_outsiders(as_role, role):
    event = EventFactory(visibility=Event.Visibility.MEMBERS)
    response = as_role(role).get(event.get_absolute_url())
    assert response.status_code == (200 if role in INSIDERS else 404)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_public_event_detail_is_open_to_everyone(as_role, role):
    event = EventFactory(description="We meet to **learn**.")
    response = as_role(role).get(event.get_absolute_url())
    assert response.status_code == 200
    assert "<strong>learn</strong>" in response.content.decode()


@pytest.mark.django_db
def test_past_events_and_filters(client):
    topic = TopicFactory()
    EventFactory(title="Past online", starts_at=in_days(-9), ends_at=in_days(-9))
    tagged = EventFactory(title="Future hybrid", format="hybrid", city="Skopje", country="MK")
    tagged.topics.add(topic)
    EventFactory(title="Future online")
    address = reverse("discussions:event_list")
    past = client.get(address, {"when": "past"}).content.decode()
    assert "Past online" in past and "Future hybrid" not in past
    html = client.get(address, {"topic": topic.slug}).content.decode()
    assert "Future hybrid" in html and "Future online" not in html
    html = client.get(address, {"format": "online"}).content.decode()
    assert "Future online" in html and "Future hybrid" not in html
    html = client.get(address, {"country": "mk"}).content.decode()
    assert "Future hybrid" in html and "Future online" not in html


@pytest.mark.django_db
def test_bad_filters_and_pages_do_not_break_the_list(client):
    EventFactory(title="Still here")
    response = client.get(
        reverse("discussions:event_list"), {"format": "zeppelin", "page": "abc", "topic": "x"}
    )
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 25])
def test_event_list_query_count_is_flat(
    member_client, django_assert_max_num_queries, size, locmem_cache
):
    topic = TopicFactory()
    for event in EventFactory.create_batch(size):
        event.topics.add(topic)
        RegistrationFactory(event=event)
    with django_assert_max_num_queries(8):
        assert member_client.get(reverse("discussions:event_list")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 15])
def test_event_detail_query_count_is_flat(
    member_client, django_assert_max_num_queries, size, locmem_cache
):
    event = EventFactory(capacity=100)
    RegistrationFactory.create_batch(size, event=event)
    ActionItemFactory.create_batch(size, event=event)
    event.topics.add(*TopicFactory.create_batch(size))
    with django_assert_max_num_queries(10):
        assert member_client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_meeting_link_only_for_registered_participants(client, member):
    event = EventFactory(online_url="https://meet.example.org/secret-room")
    client.force_login(member)
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()
    client.post(reverse("discussions:event_register", args=[event.slug]))
    assert "secret-room" in client.get(event.get_absolute_url()).content.decode()
    client.logout()
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_members_register(as_role, role):
    event = EventFactory()
    response = as_role(role).post(reverse("discussions:event_register", args=[event.slug]))
    assert response.status_code == {"visitor": 302, "applicant": 403}.get(role, 302)
    registered = Registration.objects.filter(event=event, status="registered").exists()
    assert registered == (role in INSIDERS)


@pytest.mark.django_db
def test_register_refuses_get_and_closed_registration_says_why(member_client):
    event = EventFactory(registration_closes_at=in_days(-1))
    address = reverse("discussions:event_register", args=[event.slug])
    assert member_client.get(address).status_code == 405
    response = member_client.post(address, follow=True)
    assert "Registration for this event is closed." in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_full_event_puts_people_on_a_waiting_list_and_promotes_them():
    event = EventFactory(capacity=1)
    first, second, third = MemberFactory.create_batch(3)
    assert services.event_register(event=event, user=first).status == "registered"
    assert services.event_register(event=event, user=second).status == "waiting"
    assert services.event_register(event=event, user=third).status == "waiting"
    promoted = services.event_cancel(event=event, user=first)
    assert promoted.user == second
    statuses = dict(Registration.objects.values_list("user", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "registered", third.pk: "waiting"}
    assert services.event_cancel(event=event, user=third) is None
    assert services.event_register(event=event, user=first).status == "waiting"


@pytest.mark.django_db
def test_cancel_through_the_page(member_client, member):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, user=member)
    waiting = RegistrationFactory(event=event, status="waiting")
    member_client.post(reverse("discussions:event_cancel", args=[event.slug]))
    waiting.refresh_from_db()
    assert waiting.status == "registered"


@pytest.mark.django_db
def test_register_after_the_event_is_refused():
    event = EventFactory(starts_at=in_days(-2), ends_at=in_days(-2))
    with pytest.raises(ValidationError):
        services.event_register(event=event, user=MemberFactory())


@pytest.mark.django_db(transaction=True)
def test_two_members_taking_the_last_seat_at_once_get_one_seat():
    event = EventFactory(capacity=1)
    people = MemberFactory.create_batch(2)
    barrier = threading.Barrier(2)
    results = []

    def take(person):
        try:
            barrier.wait()
            results.append(services.event_register(event=event, user=person).status)
        finally:
            connection.close()

    workers = [threading.Thread(target=take, args=[person]) for person in people]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(results) == ["registered", "waiting"]
    assert event.registrations.filter(status="registered").count() == 1


@pytest.mark.django_db
def test_event_ics_is_valid_with_utc_times(client):
    event = EventFactory(
        title="Skopje workshop",
        format="in-person",
        venue_name="Hotel Arka",
        city="Skopje",
        country="MK",
        starts_at=datetime.datetime(2030, 5, 4, 10, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 5, 4, 16, 0, tzinfo=datetime.UTC),
    )
    response = client.get(reverse("discussions:event_ics", args=[event.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Skopje workshop"
    assert entry["UID"].startswith(f"event-{event.pk}@")
    assert entry["DTSTAMP"].dt.tzinfo is not None
    assert entry["DTSTART"].dt == event.starts_at
    assert entry["DTEND"].dt.utcoffset() == datetime.timedelta(0)
    assert b"DTSTART:20300504T100000Z" in response.content
    assert str(entry["URL"]).endswith(event.get_absolute_url())
    assert "Hotel Arka" in str(entry["LOCATION"]) and "Skopje" in str(entry["LOCATION"])


@pytest.mark.django_db
def test_an_edited_event_says_when_it_changed(client):
    """Calendar apps (LAST-MODIFIED) and the API's harvesters ("changed") see the edit."""
    event = EventFactory(title="Skopje workshop")
    Event.objects.filter(pk=event.pk).update(
        created_at=datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC),
        updated_at=datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC),
    )
    event.refresh_from_db()
    event.title = "Skopje workshop, new room"
    event.save()
    (entry,) = Calendar.from_ical(
        client.get(reverse("discussions:event_ics", args=[event.slug])).content
    ).walk("VEVENT")
    assert entry["CREATED"].dt == datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
    assert entry["LAST-MODIFIED"].dt > datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
    (listed,) = client.get("/api/v1/events/").json()["results"]
    changed = datetime.datetime.fromisoformat(listed["changed"])
    assert changed == entry["LAST-MODIFIED"].dt.replace(microsecond=changed.microsecond)
    assert changed > datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_calendar_feed_holds_only_visible_events(client, member):
    EventFactory(title="Public one")
    EventFactory(title="Members one", visibility=Event.Visibility.MEMBERS)
    feed = Calendar.from_ical(client.get(reverse("discussions:events_ics")).content)
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == ["Public one"]
    client.force_login(member)
    feed = Calendar.from_ical(client.get(reverse("discussions:events_ics")).content)
    assert sorted(str(e["SUMMARY"]) for e in feed.walk("VEVENT")) == ["Members one", "Public one"]


@pytest.mark.django_db
def test_members_only_event_ics_is_404_for_visitors(client):
    event = EventFactory(visibility=Event.Visibility.MEMBERS)
    assert client.get(reverse("discussions:event_ics", args=[event.slug])).status_code == 404


@pytest.mark.django_db
def test_outcomes_and_action_items_show_after_the_event(client):
    owner = MemberFactory(first_name="Ana", last_name="Owner")
    event = EventFactory(
        starts_at=in_days(-3),
        ends_at=in_days(-3),
        outcome_summary="We agreed to *share*.",
        decisions="- Meet again",
    )
    ActionItemFactory(event=event, text="Draft the plan", owner=owner, status="open")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<em>share</em>" in html
    assert "Draft the plan" in html and "Ana Owner" in html
    assert "This event has taken place." in html


@pytest.mark.django_db
def test_time_shown_in_the_organisers_time_zone(client):
    event = EventFactory(
        time_zone="Europe/Istanbul",
        starts_at=datetime.datetime(2030, 1, 10, 9, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 1, 10, 11, 0, tzinfo=datetime.UTC),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "12:00" in html and "Europe/Istanbul" in html


@pytest.mark.django_db
def test_language_filter(client):
    EventFactory(title="In Albanian", languages=["sq", "en"])
    EventFactory(title="In Serbian", languages=["sr"])
    html = client.get(reverse("discussions:event_list"), {"language": "sq"}).content
    assert b"In Albanian" in html and b"In Serbian" not in html


def outcome_data(**item):
    data = {
        "outcome_summary": "We agreed.",
        "decisions": "- One",
        "action_items-TOTAL_FORMS": "1",
        "action_items-INITIAL_FORMS": "0",
        "action_items-MIN_NUM_FORMS": "0",
        "action_items-MAX_NUM_FORMS": "1000",
    }
    data.update({f"action_items-0-{key}": value for key, value in item.items()})
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("role", [*ROLES, "organiser"])
def test_outcome_form_is_for_organisers_and_coordinators(client, request, role):
    event = EventFactory(starts_at=in_days(-2), ends_at=in_days(-2))
    if role == "organiser":
        user = MemberFactory()
        event.organisers.add(user)
        client.force_login(user)
    elif role != "visitor":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("discussions:event_outcome", args=[event.slug]))
    expected = {"visitor": 302, "applicant": 403, "member": 403, "representative": 403}
    assert response.status_code == expected.get(role, 200)


@pytest.mark.django_db
def test_organiser_records_outcome_and_action_items(client):
    organiser, owner = MemberFactory.create_batch(2)
    event = EventFactory(starts_at=in_days(-2), ends_at=in_days(-2))
    event.organisers.add(organiser)
    client.force_login(organiser)
    address = reverse("discussions:event_outcome", args=[event.slug])
    bad = client.post(
        address, outcome_data(text="Write it", owner=owner.pk, due_date="2026-13-45", status="open")
    )
    assert bad.status_code == 200
    assert "Enter a valid date." in bad.content.decode()
    assert "Write it" in bad.content.decode()
    response = client.post(
        address, outcome_data(text="Write it", owner=owner.pk, due_date="2030-01-31", status="open")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.outcome_summary == "We agreed."
    item = event.action_items.get()
    assert (item.text, item.owner, str(item.due_date)) == ("Write it", owner, "2030-01-31")


@pytest.mark.django_db
def test_attendance_count_for_all_and_organisations_for_members(client, member):
    event = EventFactory(starts_at=in_days(-2), ends_at=in_days(-2))
    membership = MembershipFactory()
    RegistrationFactory(event=event, user=membership.user, attended=True)
    RegistrationFactory(event=event, attended=False)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "1 person took part." in html
    assert membership.organisation.name not in html
    client.force_login(member)
    assert membership.organisation.name in client.get(event.get_absolute_url()).content.decode()

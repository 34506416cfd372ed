"""Public event pages carry a schema.org Event (JSON-LD) that others can read."""

import datetime
import json
import re

import pytest
from django.conf import settings

from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, event):
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    blocks = SCRIPT.findall(response.content.decode())
    return [json.loads(block) for block in blocks]


def start(hours=0):
    return datetime.datetime(2031, 3, 5, 9, 30, tzinfo=datetime.UTC) + datetime.timedelta(
        hours=hours
    )


def test_online_event_is_an_event_with_dates_in_its_time_zone(client):
    event = EventFactory(
        title="Feedback </script><script>alert(1)</script> clinic",
        starts_at=start(),
        ends_at=start(2),
        time_zone="Europe/Skopje",
        description="We **meet** & learn.",
        languages=["en", "mk"],
    )
    [data] = json_ld(client, event)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    # March in Skopje: UTC+1, written with its offset.
    assert data["startDate"] == "2031-03-05T10:30:00+01:00"
    assert data["endDate"] == "2031-03-05T12:30:00+01:00"
    for key in ("startDate", "endDate"):
        parsed = datetime.datetime.fromisoformat(data[key])
        assert parsed.utcoffset() == datetime.timedelta(hours=1)
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.starts_at
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["description"] == "We meet & learn."
    assert data["inLanguage"] == ["en", "mk"]
    assert data["url"] == settings.SITE_URL + event.get_absolute_url()
    assert data["organizer"] == {"@type": "Organization", "name": settings.SITE_OPERATOR} | (
        {"url": settings.SITE_OPERATOR_URL} if settings.SITE_OPERATOR_URL else {}
    )
    # The meeting link is for registered participants: the page is the virtual location.
    assert data["location"] == {"@type": "VirtualLocation", "url": data["url"]}
    html = client.get(event.get_absolute_url()).content.decode()
    assert "secret-room" not in html
    assert "<script>alert" not in html


def test_registered_participant_still_gets_no_meeting_link_in_the_metadata(client):
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    client.force_login(registration.user)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "secret-room" in html  # shown on the page to them
    [data] = json_ld(client, event)
    assert "secret-room" not in json.dumps(data)


def test_in_person_event_has_a_place_with_an_address(client):
    event = EventFactory(
        format="in-person", venue_name="Hotel Drin", venue_address="Rruga e Kavajës 10",
        city="Tirana", country="AL", online_url="", time_zone="Europe/Tirane",
        starts_at=start(), ends_at=start(3),
    )  # fmt: skip
    [data] = json_ld(client, event)
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Hotel Drin",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Rruga e Kavajës 10",
            "addressLocality": "Tirana",
            "addressCountry": "AL",
        },
    }
    assert data["startDate"] == "2031-03-05T10:30:00+01:00"
    assert data["endDate"] == "2031-03-05T13:30:00+01:00"


def test_hybrid_event_has_both_locations(client):
    event = EventFactory(format="hybrid", venue_name="Centre", city="Sarajevo", country="BA")
    [data] = json_ld(client, event)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_members_only_event_has_no_public_metadata(member_client):
    event = EventFactory(visibility="members")
    assert json_ld(member_client, event) == []
    html = member_client.get(event.get_absolute_url()).content.decode()
    assert 'property="og:title"' not in html and 'rel="canonical"' not in html


def test_json_ld_needs_no_exception_in_the_content_security_policy(client):
    response = client.get(EventFactory().get_absolute_url())
    policy = response.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("size", [1, 15])
def test_event_page_query_count_is_flat_with_metadata(client, django_assert_max_num_queries, size):
    events = EventFactory.create_batch(size)
    with django_assert_max_num_queries(6):
        assert client.get(events[0].get_absolute_url()).status_code == 200

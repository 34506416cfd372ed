"""schema.org Event metadata for public event pages (search engines and calendars read it)."""

import html
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from discussions.models import Event
from racop import jsonld
from racop.markdown import render_markdown

ATTENDANCE_MODES = {
    Event.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def local_iso(value, zone):
    """Return the time in the event's time zone, to the second, with its UTC offset."""
    return timezone.localtime(value, ZoneInfo(zone)).isoformat(timespec="seconds")


def event_json_ld(event):
    """Return a public event as schema.org JSON-LD for its page.

    The meeting link is shown only to registered participants, so it is never here: an
    online event's VirtualLocation is the event's page, where people register and then see
    the link. The organiser is the coordinating organisation, never a person. Events have
    no cancelled or postponed state in the portal, so every event is EventScheduled.
    """
    page = settings.SITE_URL + event.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": page,
        "startDate": local_iso(event.starts_at, event.time_zone),
        "endDate": local_iso(event.ends_at, event.time_zone),
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": settings.SITE_OPERATOR},
    }
    if settings.SITE_OPERATOR_URL:
        data["organizer"]["url"] = settings.SITE_OPERATOR_URL
    text = html.unescape(strip_tags(render_markdown(event.description)))
    description = " ".join(text.split())
    if description:
        data["description"] = Truncator(description).chars(500)
    # The working languages' codes (BCP 47, as schema.org asks).
    languages = list(event.languages or [])
    if languages:
        data["inLanguage"] = languages if len(languages) > 1 else languages[0]
    locations = []
    if event.is_in_person:
        address = {"@type": "PostalAddress"}
        if event.venue_address:
            address["streetAddress"] = event.venue_address
        if event.city:
            address["addressLocality"] = event.city
        if event.country:
            address["addressCountry"] = event.country.code
        locations.append(
            {"@type": "Place", "name": event.venue_name or event.city or event.title}
            | ({"address": address} if len(address) > 1 else {})
        )
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": page})
    if locations:
        data["location"] = locations if len(locations) > 1 else locations[0]
    return jsonld.json_ld(data)

"""Events as iCalendar (RFC 5545), for people's own calendars."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent


def calendar_for(events, request):
    """Return a VCALENDAR holding the events, times in UTC."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", settings.SITE_NAME)
    now = timezone.now()
    host = request.get_host()
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", now)
        entry.add("created", event.created_at.astimezone(datetime.UTC))
        entry.add("last-modified", event.updated_at.astimezone(datetime.UTC))
        entry.add("dtstart", event.starts_at.astimezone(datetime.UTC))
        entry.add("dtend", event.ends_at.astimezone(datetime.UTC))
        entry.add("summary", event.title)
        entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
        entry.add("location", str(event.location))
        if event.description:
            entry.add("description", event.description)
        calendar.add_component(entry)
    return calendar

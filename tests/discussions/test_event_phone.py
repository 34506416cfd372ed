"""An event's outcomes and action items fit a 390 px phone in every language."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import ActionItemFactory, EventFactory, MemberFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_action_items_fit_a_phone_in_every_language(browser, live_server):
    event = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=3),
        outcome_summary="We agreed on the next steps.",
    )
    owner = MemberFactory(first_name="Aleksandra", last_name="Stojanovska-Petrovska")
    for status in ["open", "in-progress", "done"]:
        ActionItemFactory(
            event=event,
            owner=owner,
            status=status,
            text="Share the feedback-round template with the network's member organisations",
        )
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 800})
    tab = context.new_page()
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        tab.goto(f"{prefix}/events/{event.slug}/")
        assert tab.locator(".action-items").count() == 1
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{code}: the event page scrolls sideways by {overflow}px"
    context.close()

"""The library's emails work like the others: text and HTML, why, unsubscribe, language."""

import pytest
from django.core import mail

from library.services import resource_publish, resource_reject
from tests.factories import MemberFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def suggestion(**person):
    return ResourceFactory(status="in_review", added_by=MemberFactory(**person))


def test_a_published_suggestion_email_has_both_parts_and_a_one_click_unsubscribe(
    django_capture_on_commit_callbacks,
):
    resource = suggestion()
    with django_capture_on_commit_callbacks(execute=True):
        resource_publish(resource=resource)
    (message,) = [m for m in mail.outbox if m.to == [resource.added_by.email]]
    assert message.alternatives and message.alternatives[0].mimetype == "text/html"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "suggested a resource" in message.body


def test_a_declined_suggestion_is_told_in_the_members_language(
    django_capture_on_commit_callbacks,
):
    resource = suggestion(language="mk")
    with django_capture_on_commit_callbacks(execute=True):
        resource_reject(resource=resource, reason="Out of scope.")
    (message,) = [m for m in mail.outbox if m.to == [resource.added_by.email]]
    assert "/mk/" in message.body
    assert "Out of scope." in message.body

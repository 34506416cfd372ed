"""Fixtures of the reply-by-email tests (a file defining its own keeps them)."""

import pytest

from discussions.inbound import inbound_email_receive
from tests.factories import MemberFactory, ThreadFactory


@pytest.fixture
def author(db):
    """The member who replies from her inbox."""
    return MemberFactory(email="ana@example.org", first_name="Ana", last_name="Petrovska")


@pytest.fixture
def thread(db):
    return ThreadFactory(title="Citizen scorecards for local budgets")


@pytest.fixture
def receive(django_capture_on_commit_callbacks):
    """Hand a message to the portal as the relay would, running its after-commit emails."""

    def receive(raw, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return inbound_email_receive(raw=raw, **kwargs)

    return receive

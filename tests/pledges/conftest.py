"""Fixtures for the Pledge and accountability tests."""

import pytest

from members.models import Membership
from pledges.models import Commitment
from tests.factories import MembershipFactory, PledgeVersionFactory

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]


@pytest.fixture
def commitments(db):
    """The 12 commitments a migration seeds (kept through flushes: see tests/conftest.py)."""
    return list(Commitment.objects.for_list())


@pytest.fixture
def version(db):
    return PledgeVersionFactory(number=1)


@pytest.fixture
def organisation(representative):
    return representative.memberships.get().organisation


@pytest.fixture
def second_representative(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.REPRESENTATIVE).user

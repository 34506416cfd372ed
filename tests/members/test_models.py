import pytest
from django.db import IntegrityError

from members.models import User
from tests.factories import CoordinatorFactory, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_unique_whatever_the_case():
    UserFactory(email="same@example.org")
    with pytest.raises(IntegrityError):
        UserFactory(email="SAME@example.org")


def test_member_roles():
    assert not UserFactory().is_member
    assert MemberFactory().is_member
    assert CoordinatorFactory().is_coordinator
    assert not MemberFactory(is_staff=True).is_coordinator


def test_make_member_sets_member_since_once():
    user = UserFactory()
    user.make_member()
    first = user.member_since
    user.make_member()
    assert user.member_since == first
    assert list(User.objects.members()) == [user]

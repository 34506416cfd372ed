"""Factories for test data; each builds one valid row and what it needs."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from members.models import Membership, Organisation, User
from racop.models import Page, Topic
from racop.services import COORDINATORS_GROUP

PASSWORD = "correct-horse-battery-staple"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = "A topic the members care about."


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"page-{n}")
    title = factory.Sequence(lambda n: f"Page {n}")
    body = "Some **text**."


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up person with a verified email; not yet a member."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.SelfAttribute("email")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class MemberFactory(UserFactory):
    member_since = factory.LazyFunction(timezone.now)


class CoordinatorFactory(MemberFactory):
    is_staff = True

    @factory.post_generation
    def coordinators_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=COORDINATORS_GROUP))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Civic Organisation {n}")
    slug = factory.Sequence(lambda n: f"civic-organisation-{n}")
    country = "MK"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(MemberFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.REPRESENTATIVE


# Discussions and convenings


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "discussions.Thread"

    topic = factory.SubFactory(TopicFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    slug = factory.Sequence(lambda n: f"thread-{n}")
    body = "What did *you* learn?"
    author = factory.SubFactory(MemberFactory)


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "discussions.Reply"

    thread = factory.SubFactory(ThreadFactory)
    body = factory.Sequence(lambda n: f"Reply number {n}.")
    author = factory.SubFactory(MemberFactory)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "discussions.Event"

    title = factory.Sequence(lambda n: f"Convening {n}")
    slug = factory.Sequence(lambda n: f"convening-{n}")
    format = "online"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    time_zone = "Europe/Skopje"
    online_url = "https://meet.example.org/secret-room"
    description = "We meet to **learn**."


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "discussions.Registration"

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(MemberFactory)
    status = "registered"


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "discussions.ActionItem"

    event = factory.SubFactory(EventFactory)
    text = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(MemberFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

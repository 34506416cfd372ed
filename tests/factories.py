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


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published, public library resource with a link."""

    class Meta:
        model = "library.Resource"

    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "A resource on accountability."
    url = factory.Sequence(lambda n: f"https://example.org/resource/{n}")
    status = "published"
    published_at = factory.LazyFunction(timezone.now)


# Pledges: the Pledge, signatures and self-assessments.
class PledgeVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pledges.PledgeVersion"
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n + 1)
    title = "Pledge for joint action"
    text = "We commit to **accountability**."
    why_it_matters = "Trust is earned."
    published_at = factory.LazyFunction(timezone.now)


class SignatureFactory(factory.django.DjangoModelFactory):
    """An organisation's signature of the current version, by its representative."""

    class Meta:
        model = "pledges.Signature"

    version = factory.SubFactory(PledgeVersionFactory, number=1)
    organisation = factory.SubFactory(OrganisationFactory)
    signed_by = factory.SubFactory(MemberFactory)
    country = factory.LazyAttribute(lambda s: str(s.organisation.country) if s.organisation else "")
    statement = "We sign because trust matters."


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pledges.Assessment"

    organisation = factory.SubFactory(OrganisationFactory)
    year = factory.LazyFunction(lambda: timezone.now().year)
    status = "submitted"
    visibility = "members"
    submitted_at = factory.LazyFunction(timezone.now)


class JoinApplicationFactory(factory.django.DjangoModelFactory):
    """A pending application by a verified person, for an organisation."""

    class Meta:
        model = "members.JoinApplication"

    user = factory.SubFactory(UserFactory)
    applicant_kind = "organisation"
    organisation_name = factory.Sequence(lambda n: f"Applicant Association {n}")
    country = "RS"
    affiliation = "neither"
    motivation = "We want to be more accountable to the people we serve."
    consented_at = factory.LazyFunction(timezone.now)


class SurveyFactory(factory.django.DjangoModelFactory):
    """An open survey for members."""

    class Meta:
        model = "members.Survey"

    title = factory.Sequence(lambda n: f"Survey {n}")
    slug = factory.Sequence(lambda n: f"survey-{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.Question"

    survey = factory.SubFactory(SurveyFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    kind = "single"
    options = "Online\nIn person\nHybrid"


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


# The action plan (people made here skip password hashing: it is slow and unused)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plan.Proposal"

    title = factory.Sequence(lambda n: f"Proposal {n}")
    kind = "convening"
    description = "It answers a *shared* need."
    offer = "I will host it."
    proposer = factory.SubFactory(MemberFactory, password=None)


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plan.Support"

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(MemberFactory, password=None)


class PlanPeriodFactory(factory.django.DjangoModelFactory):
    """The plan period of the current year."""

    class Meta:
        model = "plan.PlanPeriod"

    name = factory.Sequence(lambda n: f"Plan {n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate().replace(month=1, day=1))


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plan.PlanItem"

    period = factory.SubFactory(PlanPeriodFactory)
    title = factory.Sequence(lambda n: f"Plan item {n}")
    starts_on = factory.LazyAttribute(lambda o: o.period.starts_on)
    ends_on = factory.LazyAttribute(lambda o: o.period.starts_on + datetime.timedelta(days=90))


class ChampionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plan.Champion"

    user = factory.SubFactory(MemberFactory, password=None)
    topic = factory.SubFactory(TopicFactory)
    reason = "Keeps the topic alive."
    status = "confirmed"


# Feedback rounds (pledges/feedback): an open round with a standard scale question.
class FeedbackRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "feedback.FeedbackRound"

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Feedback round {n}")
    audience = "Parents in our Tetovo programme"
    languages = factory.LazyFunction(lambda: ["en", "mk"])
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))


class FeedbackQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "feedback.FeedbackQuestion"

    round = factory.SubFactory(FeedbackRoundFactory)
    position = factory.Sequence(lambda n: n)
    kind = "scale"
    standard = "listen"
    texts = factory.LazyFunction(lambda: {"mk": "Дали чувствувате дека ве слушаме?"})

"""Every kind of email the portal sends, written to a reader of each of the nine languages:
subject, body and links in that language, the HTML part's lang and Content-Language saying so.

Each kind names the email template it exercises; a template under an email folder that no
kind uses, or a notification kind none sends, fails the test: a new email cannot go untested.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from discussions import notifications as discussion_notifications
from discussions import services as discussions
from discussions.inbound import inbound_email_receive
from discussions.models import Subscription
from discussions.plan import services as plan
from discussions.reply_tokens import reply_address
from library.forms import ResourceSuggestForm
from library.services import resource_publish, resource_reject, resource_suggest
from members import services as members
from members.models import JoinApplication, NotificationPreference, User
from members.notifications.digest import digest_send
from members.notifications.models import Newsletter, NewsletterTranslation, Notification
from members.notifications.newsletter import newsletter_send
from pledges import services as pledges
from racop.services import site_domain
from tests.discussions.inbound_helpers import RELAY, message_file
from tests.factories import (
    ActionItemFactory,
    AssessmentFactory,
    ChampionFactory,
    CoordinatorFactory,
    EventFactory,
    JoinApplicationFactory,
    MemberFactory,
    MembershipFactory,
    PlanPeriodFactory,
    PledgeVersionFactory,
    ProposalFactory,
    RegistrationFactory,
    ResourceFactory,
    SignatureFactory,
    ThreadFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TEMPLATES = Path(settings.BASE_DIR) / "templates"
Kind = NotificationPreference.Kind


def other_than(language):
    """Return a language that is not language: who acts writes in another one."""
    return "tr" if language != "tr" else "sq"


def reader(language, **extra):
    """Return a member who reads the portal in language and hears of everything at once."""
    user = MemberFactory(language=language, **extra)
    NotificationPreference.objects.bulk_create(
        NotificationPreference(user=user, kind=kind, delivery="immediately") for kind in Kind
    )
    return user


@dataclass
class EmailKind:
    """One kind of email: how to make it for a reader of a language, and what it says."""

    name: str
    template: str
    subject: str  # the msgid of the subject, %(…)s filled from the send's answer
    phrases: list[str]  # msgids the text holds, %(…)s filled likewise
    send: object  # send(language) -> (address, parameters)
    kinds: list[str] = field(default_factory=list)  # notification kinds it covers
    html: bool = True


# The application to join: the applicant hears in their language, the coordinators in theirs.


def _apply(language):
    user = UserFactory(language=language)
    with translation.override(language):
        members.application_submit(
            user=user, application=JoinApplicationFactory.build(user=user), topics=[]
        )
    return user


def send_application_received(language):
    return _apply(language).email, {"site_name": settings.SITE_NAME}


def send_coordinators_new_application(language):
    _apply(other_than(language))
    return settings.SITE_CONTACT_EMAIL, {"site_name": settings.SITE_NAME}


def _decided(decide):
    def send(language):
        application = JoinApplicationFactory(user=UserFactory(language=language))
        with translation.override(other_than(language)):
            decide(application=application, by=CoordinatorFactory(), message="Thanks.")
        return application.user.email, {"site_name": settings.SITE_NAME}

    return send


# The Pledge and peer review


def send_pledge_renewal(language):
    membership = MembershipFactory(user=reader(language))
    SignatureFactory(organisation=membership.organisation)
    version = PledgeVersionFactory(number=2, published_at=None)
    with translation.override(other_than(language)):
        pledges.pledge_version_publish(version=version)
    return membership.user.email, {}


def _review(language):
    reviewer = MembershipFactory(user=reader(language))
    assessment = AssessmentFactory()
    with translation.override(other_than(language)):
        review = pledges.peer_review_request(
            assessment=assessment, reviewer=reviewer.organisation, user=CoordinatorFactory()
        )
    return reviewer, review


def send_review_request(language):
    reviewer = _review(language)[0]
    return reviewer.user.email, {}


def send_review_answered(language):
    owner = MembershipFactory(user=reader(language))
    reviewer = MembershipFactory()
    review = pledges.peer_review_request(
        assessment=AssessmentFactory(organisation=owner.organisation),
        reviewer=reviewer.organisation,
        user=CoordinatorFactory(),
    )
    with translation.override(other_than(language)):
        pledges.peer_review_mark_done(review=review, user=reviewer.user)
    return owner.user.email, {}


def send_review_finished(language):
    reviewer, review = _review(language)
    owner = MembershipFactory(organisation=review.assessment.organisation)
    with translation.override(other_than(language)):
        pledges.peer_review_mark_done(review=review, user=owner.user)
    return reviewer.user.email, {}


# Discussions and convenings


def send_reply(language):
    thread = ThreadFactory()
    follower = reader(language)
    Subscription.objects.create(user=follower, thread=thread)
    with translation.override(other_than(language)):
        discussions.thread_reply(thread=thread, author=MemberFactory(), body="My **answer**")
    return follower.email, {"title": thread.title}


def send_mention(language):
    thread = ThreadFactory()
    named = reader(language)
    with translation.override(other_than(language)):
        discussions.thread_reply(thread=thread, author=MemberFactory(), body=f"@{named.slug} ?")
    return named.email, {"title": thread.title}


def send_new_thread(language):
    topic = TopicFactory()
    follower = reader(language)
    Subscription.objects.create(user=follower, topic=topic)
    with translation.override(other_than(language)):
        thread = discussions.thread_create(
            topic=topic, author=MemberFactory(), kind="discussion", title="Budgets", body="Open?"
        )
    with translation.override(language):
        return follower.email, {"topic": str(thread.topic), "title": thread.title}


def send_registration(language):
    registration = RegistrationFactory(user=reader(language))
    discussion_notifications.registration_confirmed(registration)
    return registration.user.email, {"event": registration.event.title}


def send_waitlist(language):
    registration = RegistrationFactory(user=reader(language))
    discussion_notifications.registration_promoted(registration)
    return registration.user.email, {"event": registration.event.title}


def send_reminder(language):
    registration = RegistrationFactory(
        user=reader(language), event=EventFactory(starts_at=timezone.now() + datetime.timedelta(1))
    )
    with translation.override(other_than(language)):
        discussion_notifications.reminders_send()
    return registration.user.email, {"event": registration.event.title}


def send_action_due(language):
    item = ActionItemFactory(
        owner=reader(language), due_date=timezone.localdate() + datetime.timedelta(days=1)
    )
    with translation.override(other_than(language)):
        discussion_notifications.reminders_send()
    return item.owner.email, {"item": item.text}


def send_inbound_bounce(language):
    author, thread = reader(language), ThreadFactory(locked=True)
    raw = message_file("plain", address=reply_address(author, thread), sender=author.email)
    inbound_email_receive(raw=raw)
    return author.email, {}


def send_inbound_confirmation(language):
    author, thread = reader(language), ThreadFactory(title="Budgets")
    # No word from the trusted relay: the reply is held until the member confirms it.
    raw = message_file(
        "plain", address=reply_address(author, thread), sender=author.email, relay_passes=False
    )
    inbound_email_receive(raw=raw)
    return author.email, {"title": thread.title}


# The digest and newsletters


def send_digest(language):
    user = reader(language, digest_frequency=User.DigestFrequency.DAILY)
    NotificationPreference.objects.filter(user=user, kind=Kind.NEW_THREAD).update(delivery="digest")
    Notification.objects.create(user=user, kind=Kind.NEW_THREAD, subject="Budgets", url="/")
    digest_send(user)
    return user.email, {}


def send_newsletter(language):
    user = reader(language)
    newsletter = Newsletter.objects.create(subject="News", body="See [the plan](/plan/).")
    for code in LANGUAGES[1:]:
        NewsletterTranslation.objects.create(
            newsletter=newsletter, language=code, subject=f"News {code}", body="[→](/plan/)"
        )
    newsletter_send(newsletter=newsletter)
    return user.email, {"site": settings.SITE_NAME}


# The library's suggestions


def send_suggestion_received(language):
    form = ResourceSuggestForm(
        data={
            "title": "Our open budget",
            "url": "https://example.org/budget",
            "type": "template",
            "scope": "regional",
        }
    )
    assert form.is_valid(), form.errors
    with translation.override(other_than(language)):
        resource = resource_suggest(user=MemberFactory(language=other_than(language)), form=form)
    return settings.SITE_CONTACT_EMAIL, {"title": resource.title}


def send_suggestion_published(language):
    resource = ResourceFactory(status="in_review", added_by=reader(language))
    with translation.override(other_than(language)):
        resource_publish(resource=resource)
    return resource.added_by.email, {"title": resource.title}


def send_suggestion_rejected(language):
    resource = ResourceFactory(status="in_review", added_by=reader(language))
    with translation.override(other_than(language)):
        resource_reject(resource=resource, reason="Out of scope.")
    return resource.added_by.email, {"title": resource.title}


# The action plan


def _triaged(decide):
    def send(language):
        PlanPeriodFactory()
        proposal = ProposalFactory(proposer=reader(language))
        with translation.override(other_than(language)):
            decide(proposal=proposal, by=CoordinatorFactory(), note="Well argued.")
        return proposal.proposer.email, {}

    return send


def _merge(*, proposal, by, note):
    plan.proposal_merge(proposal=proposal, into=ProposalFactory(), by=by, note=note)


def send_champion_ask(language):
    champion = ChampionFactory(user=reader(language))
    with translation.override(other_than(language)):
        plan.champion_ask(champion=champion, asker=MemberFactory(), role="host", message="Hi")
    return champion.user.email, {}


APPLICATION = "members/email/application_decision.txt"
TRIAGED = "discussions/plan/email/proposal_triaged.txt"
REVIEW_ANSWERED = "pledges/emails/review_answered.txt"
FOOTER = "All your notification choices:"
HTML_FOOTER = "All your notification choices"

EMAIL_KINDS = [
    EmailKind(
        "application received",
        APPLICATION,
        "We received your application",
        [
            "Thank you: we received your application to join %(site_name)s. The coordinators "
            "will read it and write to you."
        ],
        send_application_received,
        [Kind.APPLICATION],
    ),
    EmailKind(
        "application approved",
        APPLICATION,
        "Welcome: your application was approved",
        [
            "Your application to join %(site_name)s was approved. Welcome! You can now take "
            "part in everything that is open to members."
        ],
        _decided(members.application_approve),
    ),
    EmailKind(
        "application needs information",
        APPLICATION,
        "Your application: more information needed",
        [
            "The coordinators of %(site_name)s need more information before they can decide "
            "on your application."
        ],
        _decided(members.application_request_info),
    ),
    EmailKind(
        "application declined",
        APPLICATION,
        "Your application was not approved",
        ["We are sorry: your application to join %(site_name)s was not approved."],
        _decided(members.application_decline),
    ),
    EmailKind(
        "coordinators: new application",
        "members/email/application_submitted.txt",
        "New application to join",
        ["Review it:", "You receive this at the coordinators' address of the site."],
        send_coordinators_new_application,
    ),
    EmailKind(
        "Pledge renewal",
        "pledges/emails/renew_invitation.txt",
        "The Pledge has a new version: please renew your signature",
        ["Your signature stays on the version you signed. Read the new text and renew it here:"],
        send_pledge_renewal,
        [Kind.PLEDGE_RENEWAL],
    ),
    EmailKind(
        "peer review requested",
        "pledges/emails/review_request.txt",
        "You are asked to peer-review a self-assessment",
        [
            "Read it and comment on each commitment here (only the two organisations and the "
            "coordinators see the exchange):"
        ],
        send_review_request,
        [Kind.PEER_REVIEW],
    ),
    EmailKind(
        "peer review answered",
        REVIEW_ANSWERED,
        "Your peer review was answered",
        ["Read the exchange here:"],
        send_review_answered,
    ),
    EmailKind(
        "peer review finished by the reviewed side",
        REVIEW_ANSWERED,
        "The reviewed side finished the peer review",
        ["Read the exchange here:"],
        send_review_finished,
    ),
    EmailKind(
        "reply",
        "discussions/emails/reply.txt",
        "New reply in “%(title)s”",
        ["Read the thread:"],
        send_reply,
        [Kind.REPLY],
    ),
    EmailKind(
        "mention",
        "discussions/emails/mention.txt",
        "You were mentioned in “%(title)s”",
        ["Read and answer:"],
        send_mention,
        [Kind.MENTION],
    ),
    EmailKind(
        "new thread",
        "discussions/emails/new_thread.txt",
        "New thread in %(topic)s: %(title)s",
        ["Read and answer:"],
        send_new_thread,
        [Kind.NEW_THREAD],
    ),
    EmailKind(
        "registration",
        "discussions/emails/registration.txt",
        "You are registered: %(event)s",
        ["The event is attached for your calendar. Details, or to give up your seat:"],
        send_registration,
        [Kind.REGISTRATION],
    ),
    EmailKind(
        "seat from the waiting list",
        "discussions/emails/registration.txt",
        "A seat is yours: %(event)s",
        ["The event is attached for your calendar. Details, or to give up your seat:"],
        send_waitlist,
        [Kind.WAITLIST],
    ),
    EmailKind(
        "event reminder",
        "discussions/emails/reminder.txt",
        "Tomorrow: %(event)s",
        ["Details:"],
        send_reminder,
        [Kind.EVENT_REMINDER],
    ),
    EmailKind(
        "action item due",
        "discussions/emails/action_due.txt",
        "Due tomorrow: %(item)s",
        ["See the event's outcomes:"],
        send_action_due,
        [Kind.ACTION_DUE],
    ),
    EmailKind(
        "reply by email bounced",
        "discussions/email/inbound_bounce.txt",
        "Your message was not posted",
        [
            "Hello,",
            "Your message was not posted: the thread is closed to new replies, or your "
            "membership is not active.",
        ],
        send_inbound_bounce,
        html=False,
    ),
    EmailKind(
        "held reply to confirm",
        "discussions/emails/inbound_confirm.txt",
        "Did you send this reply to “%(title)s”?",
        ["If you did not send it, do nothing: it will not be posted."],
        send_inbound_confirmation,
    ),
    EmailKind(
        "digest",
        "members/notifications/email/digest.txt",
        "What is new",
        ["For you"],
        send_digest,
    ),
    EmailKind(
        "newsletter",
        "members/notifications/email/newsletter.txt",
        "",  # written by the coordinators, per language
        ["You receive this newsletter as a member of %(site)s."],
        send_newsletter,
        [Kind.NEWSLETTER],
    ),
    EmailKind(
        "coordinators: suggested resource",
        "library/email/suggestion_received.txt",
        "A resource was suggested: %(title)s",
        ["Review it in the back office:"],
        send_suggestion_received,
    ),
    EmailKind(
        "suggestion published",
        "library/email/suggestion_published.txt",
        "Your suggestion is in the library",
        ["Thank you: the resource you suggested, “%(title)s”, is now in the library."],
        send_suggestion_published,
    ),
    EmailKind(
        "suggestion declined",
        "library/email/suggestion_rejected.txt",
        "About your suggestion: %(title)s",
        ["Their reason:"],
        send_suggestion_rejected,
    ),
    EmailKind(
        "proposal accepted",
        TRIAGED,
        "Your proposal is in the action plan",
        ["See the proposal:"],
        _triaged(plan.proposal_accept),
    ),
    EmailKind(
        "proposal needs work",
        TRIAGED,
        "Your proposal needs some work",
        ["See the proposal:"],
        _triaged(plan.proposal_needs_work),
    ),
    EmailKind(
        "proposal declined",
        TRIAGED,
        "Your proposal was declined",
        ["See the proposal:"],
        _triaged(plan.proposal_decline),
    ),
    EmailKind(
        "proposal merged",
        TRIAGED,
        "Your proposal was merged into another",
        ["See the proposal:"],
        _triaged(_merge),
    ),
    EmailKind(
        "champion asked",
        "discussions/plan/email/champion_ask.txt",
        "A member asks for your help as a champion",
        ["Champions:"],
        send_champion_ask,
    ),
]


def email_templates() -> set[str]:
    """Return the plain-text templates of every email (the HTML frame and footer aside).

    django-allauth's account emails (templates/account/email/) are sent in the language of
    the page that asked for them: tests/members/test_account_security.py tests those.
    """
    found = set()
    for path in TEMPLATES.rglob("*.txt"):
        name = path.relative_to(TEMPLATES).as_posix()
        if name.startswith("account/"):
            continue
        if re.search(r"/emails?/", name) and not name.endswith("/base.txt"):
            found.add(name)
    return found


def test_every_email_template_and_notification_kind_is_tested_here():
    assert email_templates() == {kind.template for kind in EMAIL_KINDS}
    assert set(Kind.values) == {covered for kind in EMAIL_KINDS for covered in kind.kinds}


def translated(msgid: str, language: str, parameters: dict) -> str:
    with translation.override(language):
        text = gettext(msgid)
    return text % parameters if "%(" in text else text


def site_links(text: str) -> list[str]:
    """Return the paths of the links to the site's pages in the text."""
    return re.findall(re.escape(settings.SITE_URL) + r"(/[^\s<>\")]*)", text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", EMAIL_KINDS, ids=lambda kind: kind.name)
def test_each_email_is_written_in_its_readers_language(
    kind, language, settings, django_capture_on_commit_callbacks
):
    # The coordinators read theirs in the language too; members may reply by email.
    settings.COORDINATORS_LANGUAGE = language
    settings.INBOUND_EMAIL_ENABLED = True
    settings.INBOUND_EMAIL_DOMAIN = f"reply.{site_domain()}"
    settings.INBOUND_EMAIL_TOKEN = "test-inbound-token"
    settings.INBOUND_EMAIL_AUTHSERV_ID = RELAY
    with django_capture_on_commit_callbacks(execute=True):
        address, parameters = kind.send(language)
    # The last to the reader: a peer review's request comes before its answer.
    message = [message for message in mail.outbox if message.to == [address]][-1]

    headers = message.extra_headers
    assert headers["Content-Language"] == language
    assert headers["Message-ID"].endswith(f"@{site_domain()}>")
    if kind.subject:
        subject = translated(kind.subject, language, parameters)
        assert subject in message.subject
        if language != settings.LANGUAGE_CODE:
            assert subject != translated(kind.subject, "en", parameters), "not translated"
    else:
        assert message.subject.endswith(f"News {language}" if language != "en" else "News")
    phrases = kind.phrases + ([FOOTER] if kind.html else [])
    for phrase in phrases:
        text = translated(phrase, language, parameters)
        if language != settings.LANGUAGE_CODE:
            assert text != translated(phrase, "en", parameters), f"not translated: {phrase}"
        assert text in message.body
    if kind.html:
        ((html, mimetype),) = message.alternatives
        assert mimetype == "text/html"
        assert f'<html lang="{language}">' in html
        for phrase in [*kind.phrases, HTML_FOOTER]:
            assert escape(translated(phrase, language, parameters)) in html
    # Every link to a page opens it in the reader's language.
    prefix = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    links = site_links(message.body)
    assert links
    others = tuple(f"/{code}/" for code in LANGUAGES if code != language)
    assert all(link.startswith(prefix) and not link.startswith(others) for link in links), links


def test_a_new_application_reaches_the_coordinators_in_their_language_not_the_applicants(
    settings, django_capture_on_commit_callbacks
):
    settings.COORDINATORS_LANGUAGE = "mk"
    with django_capture_on_commit_callbacks(execute=True):
        _apply("sq")
    (to_coordinators,) = [m for m in mail.outbox if m.to == [settings.SITE_CONTACT_EMAIL]]
    assert to_coordinators.subject.endswith(translated("New application to join", "mk", {}))
    assert f"{settings.SITE_URL}/mk/admin/members/joinapplication/" in to_coordinators.body
    assert JoinApplication.objects.get().language == "sq"

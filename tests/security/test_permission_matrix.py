"""Who may see what: every URL pattern of the project, with every role.

HOW TO ADD A ROW (a new page fails `test_every_url_pattern_is_in_the_matrix` until you do):

1. Find the URL's name ("app:name") and add a line to MATRIX below, in its app's block:

       "notifications:list": row(MEMBERS),
       "plan:item_edit": row(OWNER_ONLY, pk=lambda w: w.thread.pk),

   - The first argument says what each role gets; start from a preset (PUBLIC, MEMBERS,
     OWNER_ONLY, STAFF_ONLY, ...) and adjust with `expect(PRESET, role=...)`.
   - Keyword arguments are the URL's kwargs, each a function of the World `w` (objects built
     for the test: w.topic, w.thread, w.reply, w.organisation, w.assessment, w.event, ...).
     Add what your page needs to World.__init__ (keep it small).
   - `method="post", data={...}` for POST-only actions (each role's request is rolled back,
     so one role's POST does not change what the next one sees).
   - `settings={...}` when the page only exists with a setting on (e.g. reply by email).
   Presets name the common cases; a row that needs more says so with expect(PRESET, role=...).
2. Answers: 200, 302 (redirect elsewhere), LOGIN (302 to the login page), 403, 404, 405.
   Other people's private objects answer 404, not 403.

The roles: visitor (anonymous); unverified (signed up, email not verified); applicant
(verified, application pending); member (plain member, no organisation); representative
(represents the organisation that owns w's organisation objects, its feedback round among
them); author (wrote w's thread, reply and proposal, registered for w's event, owns w's
notification); other_member (represents a different organisation);
coordinator (staff, in the coordinators group); staff (a plain member with staff status, in no
group and with no permission: a member like any other, so unless a row says otherwise it gets
what member gets); staff_non_member (staff status, verified email, never applied: like the
applicant unless a row says otherwise). Staff status only opens the back office.

The admin (admin:*) and django-allauth (account_*) follow one rule each, tested below.
"""

import datetime

import pytest
from django.contrib import admin
from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from discussions import inbound
from discussions.models import InboundEmail
from library.models import Collection
from members.models import Membership
from members.notifications import services as notification_services
from members.notifications.models import Notification
from pledges.feedback import services as feedback_services
from pledges.feedback.models import MIN_RESPONSES
from pledges.models import Commitment, PeerReview
from tests.factories import (
    AssessmentFactory,
    ChampionFactory,
    CoordinatorFactory,
    EventFactory,
    FeedbackQuestionFactory,
    FeedbackRoundFactory,
    JoinApplicationFactory,
    MemberFactory,
    MembershipFactory,
    PageFactory,
    PlanItemFactory,
    PlanPeriodFactory,
    PledgeVersionFactory,
    ProposalFactory,
    QuestionFactory,
    RegistrationFactory,
    ReplyFactory,
    ResourceFactory,
    SignatureFactory,
    SurveyFactory,
    ThreadFactory,
    TopicFactory,
    UserFactory,
)

ROLES = [
    "visitor", "unverified", "applicant", "member", "representative", "author",
    "other_member", "coordinator", "staff", "staff_non_member",
]  # fmt: skip
LOGIN = "login"
# Staff status makes nobody a coordinator: staff accounts get what the person they are gets.
LIKE = {"staff": "member", "staff_non_member": "applicant"}


def expect(base=None, **roles):
    """Return {role: answer}: base's answers (or one answer for all), then the overrides.

    The staff roles follow the role they are like (LIKE) unless named."""
    table = dict(base) if isinstance(base, dict) else dict.fromkeys(ROLES, base)
    table.update(roles)
    for role, like in LIKE.items():
        if role not in roles:
            table[role] = table[like]
    return table


PUBLIC = expect(200)
MEMBERS = expect(200, visitor=LOGIN, unverified=403, applicant=403)
STAFF_ONLY = expect(404, visitor=LOGIN, coordinator=200)
LOGGED_IN = expect(200, visitor=LOGIN)
POST_ONLY = expect(405)
# A page for members that tells non-members nothing is there.
MEMBERS_ELSE_404 = expect(MEMBERS, visitor=404, unverified=404, applicant=404)
# What only the author of a post may do; other members are refused, coordinators use the admin.
AUTHOR_ONLY = expect(403, visitor=LOGIN, author=200)
# Moderation pages (edit history): coordinators only; members are told nothing is there.
MODERATORS = expect(MEMBERS, member=404, representative=404, author=404, other_member=404)
# An organisation's private rows: its representative, the organisation reviewing it
# (other_member's) and coordinators; anybody else gets 404 as if it did not exist.
ORGANISATION_PRIVATE = expect(404, representative=200, other_member=200, coordinator=200)
# Members' actions that send them on (back to the page they came from).
MEMBERS_SENT_ON = expect(302, visitor=LOGIN, unverified=403, applicant=403)
# Pages for people who are not members yet; members are sent on.
NOT_YET_MEMBERS = expect(302, visitor=200, unverified=200)


def row(answers, *, method="get", data=None, settings=None, **kwargs):
    return {
        "answers": answers,
        "method": method,
        "data": data or {},
        "settings": settings or {},
        "kwargs": kwargs,
    }


def thread_kwargs(**extra):
    return {
        "topic": lambda w: w.topic.slug,
        "pk": lambda w: w.thread.pk,
        "slug": lambda w: w.thread.slug,
    } | extra


def reply_kwargs():
    return thread_kwargs(reply_id=lambda w: w.reply.pk)


def held_reply_token(w):
    record = InboundEmail.objects.create(
        message_id=f"<held-{w.thread.pk}@example.org>", user=w.author, thread=w.thread,
        outcome=InboundEmail.Outcome.HELD, held_text="Held.",
    )  # fmt: skip
    return signing.dumps(record.pk, salt=inbound.CONFIRM_SALT)


def slug_of(name):
    return {"slug": lambda w: getattr(w, name).slug}


MATRIX = {
    # racop
    "home": row(PUBLIC),
    "healthz": row(PUBLIC),
    "set_language": row(expect(302), method="post", data={"language": "en", "next": "/"}),
    "topic_detail": row(PUBLIC, **slug_of("topic")),
    "page_detail": row(PUBLIC, **slug_of("page")),
    "feed_list": row(PUBLIC),
    # Everyone may search; each finds what they may see (tests/racop/test_site_search.py).
    "search": row(PUBLIC, data={"q": "thread"}),
    # A plain link that sets the language cookie and sends everyone back, translated.
    "language_choose": row(expect(302), code=lambda w: "mk"),
    # members
    # A staff account that never applied may apply like anyone; it has no application yet.
    "members:join": row(expect(NOT_YET_MEMBERS, staff_non_member=200)),
    "members:application_status": row(
        expect(302, visitor=LOGIN, applicant=200, staff_non_member=302)
    ),
    "members:application_edit": row(
        expect(404, visitor=LOGIN, applicant=200, staff_non_member=404)
    ),
    "members:application_review": row(
        expect(404, visitor=LOGIN, coordinator=302),
        method="post",
        pk=lambda w: w.application.pk,
        decision=lambda w: "approve",
    ),
    "members:directory": row(MEMBERS),
    "members:person_detail": row(MEMBERS_ELSE_404, slug=lambda w: w.author.slug),
    "members:organisation_detail": row(PUBLIC, **slug_of("organisation")),
    "members:organisation_edit": row(
        expect(404, visitor=LOGIN, representative=200, coordinator=200),
        **slug_of("organisation"),
    ),
    "members:me": row(LOGGED_IN),
    "notifications:me_notifications": row(LOGGED_IN),
    # Notifications are for anyone with an account, member or not yet.
    "notifications:notification_preferences": row(LOGGED_IN),
    "notifications:notifications_read": row(expect(302, visitor=LOGIN), method="post"),
    "notifications:notification_open": row(
        expect(404, visitor=LOGIN, author=302), pk=lambda w: w.notification.pk
    ),
    # The signed token in the address is the authorisation: mail clients follow it logged out.
    "notifications:unsubscribe": row(PUBLIC, token=lambda w: w.unsubscribe_token),
    "members:me_data": row(LOGGED_IN),
    "members:me_delete": row(LOGGED_IN),
    "members:survey_detail": row(MEMBERS, **slug_of("survey")),
    "members:survey_results": row(STAFF_ONLY, **slug_of("survey")),
    # pledges
    "pledges:pledge_detail": row(PUBLIC),
    "pledges:pledge_sign": row(MEMBERS),
    "pledges:version_detail": row(PUBLIC, number=lambda w: w.version.number),
    "pledges:signatures_csv": row(PUBLIC),
    "pledges:signatures_json": row(PUBLIC),
    "pledges:signature_withdraw": row(POST_ONLY, pk=lambda w: w.signature.pk),
    "pledges:signature_renew": row(POST_ONLY, pk=lambda w: w.signature.pk),
    "pledges:accountability": row(PUBLIC),
    "pledges:radar_csv": row(expect(404, coordinator=200)),
    "pledges:commitment_list": row(PUBLIC),
    "pledges:commitment_detail": row(PUBLIC, **slug_of("commitment")),
    "pledges:assessment_list": row(MEMBERS),
    "pledges:assessment_detail": row(ORGANISATION_PRIVATE, pk=lambda w: w.assessment.pk),
    # Submitted, so its representative is sent back to read it; nobody else may edit it.
    "pledges:assessment_edit": row(
        expect(404, visitor=LOGIN, unverified=403, applicant=403, representative=302),
        pk=lambda w: w.assessment.pk,
    ),
    # The same: the submitted assessment cannot be submitted again.
    "pledges:assessment_submit": row(
        expect(404, visitor=LOGIN, unverified=403, applicant=403, representative=302),
        pk=lambda w: w.assessment.pk,
    ),
    "pledges:peer_review_request": row(POST_ONLY, pk=lambda w: w.assessment.pk),
    "pledges:review_detail": row(
        expect(ORGANISATION_PRIVATE, visitor=LOGIN, unverified=403, applicant=403),
        pk=lambda w: w.review.pk,
    ),
    "pledges:review_done": row(POST_ONLY, pk=lambda w: w.review.pk),
    "pledges:organisation_accountability": row(PUBLIC, **slug_of("organisation")),
    # feedback rounds (pledges/feedback): the round's representatives manage it; coordinators
    # see its page (answers only when shared with them); everyone else is told nothing is
    # there, visitors included, as for any private object.
    "feedback:home": row(PUBLIC),
    "feedback:round_create": row(expect(403, visitor=LOGIN, representative=200, other_member=200)),
    "feedback:round_results": row(
        expect(404, representative=200, coordinator=200), pk=lambda w: w.feedback_round.pk
    ),
    # People have answered, so its representative is sent back: the questions stay as they are.
    "feedback:round_questions": row(
        expect(404, visitor=LOGIN, unverified=403, applicant=403, representative=302),
        pk=lambda w: w.feedback_round.pk,
    ),
    # Not shared with the coordinators: the answers are the organisation's alone.
    "feedback:round_csv": row(expect(404, representative=200), pk=lambda w: w.feedback_round.pk),
    "feedback:round_qr": row(expect(404, representative=200), pk=lambda w: w.feedback_round.pk),
    "feedback:round_loop": row(
        expect(404, visitor=LOGIN, unverified=403, applicant=403, representative=200),
        pk=lambda w: w.feedback_round.pk,
    ),
    "feedback:round_evidence": row(
        expect(404, visitor=LOGIN, unverified=403, applicant=403, representative=302),
        method="post",
        pk=lambda w: w.feedback_round.pk,
    ),
    # The public answer pages: the round's code in the link is all one needs.
    "feedback:respond": row(PUBLIC, token=lambda w: w.feedback_round.token),
    "feedback:respond_thanks": row(PUBLIC, token=lambda w: w.feedback_round.token),
    # library
    "library:resource_list": row(PUBLIC),
    "library:resource_suggest": row(MEMBERS),
    "library:suggestion_list": row(MEMBERS),
    "library:collection_list": row(PUBLIC),
    "library:collection_detail": row(PUBLIC, **slug_of("collection")),
    "library:feed_rss": row(PUBLIC),
    "library:feed_atom": row(PUBLIC),
    "library:developments_rss": row(PUBLIC),
    "library:developments_atom": row(PUBLIC),
    "library:topic_rss": row(PUBLIC, **slug_of("topic")),
    "library:topic_atom": row(PUBLIC, **slug_of("topic")),
    "library:resource_detail": row(PUBLIC, **slug_of("resource")),
    "library:resource_download": row(MEMBERS_ELSE_404, **slug_of("members_file")),
    # Citations: a members-only resource's only to those who see it; a search's results
    # hold only what the reader may see.
    "library:resource_cite": row(
        MEMBERS_ELSE_404, **slug_of("members_file"), extension=lambda w: "ris"
    ),
    "library:results_cite": row(PUBLIC, extension=lambda w: "bib"),
    # discussions
    "discussions:topic_list": row(PUBLIC),
    "discussions:thread_list": row(MEMBERS, topic=lambda w: w.topic.slug),
    "discussions:topic_follow": row(POST_ONLY, topic=lambda w: w.topic.slug),
    "discussions:thread_create": row(
        MEMBERS, topic=lambda w: w.topic.slug, kind=lambda w: "discussion"
    ),
    "discussions:thread_detail": row(MEMBERS, **thread_kwargs()),
    "discussions:reply_create": row(MEMBERS, **thread_kwargs()),
    "discussions:thread_edit": row(AUTHOR_ONLY, **thread_kwargs()),
    "discussions:thread_delete": row(AUTHOR_ONLY, **thread_kwargs()),
    "discussions:thread_history": row(MODERATORS, **thread_kwargs()),
    "discussions:thread_report": row(MEMBERS, **thread_kwargs()),
    "discussions:thread_follow": row(POST_ONLY, **thread_kwargs()),
    # Coordinators' hide, lock, pin and move on the thread's page; members are told nothing.
    "discussions:thread_moderate": row(
        expect(MODERATORS, coordinator=302),
        method="post",
        data={"action": "lock", "lock-action": "lock", "lock-reason": "Answered"},
        **thread_kwargs(),
    ),
    "discussions:reply_edit": row(AUTHOR_ONLY, **reply_kwargs()),
    "discussions:reply_delete": row(AUTHOR_ONLY, **reply_kwargs()),
    "discussions:reply_history": row(MODERATORS, **reply_kwargs()),
    "discussions:reply_report": row(MEMBERS, **reply_kwargs()),
    "discussions:reply_answer": row(POST_ONLY, **reply_kwargs()),
    "discussions:event_list": row(PUBLIC),
    "discussions:events_ics": row(PUBLIC),
    "discussions:event_ics": row(PUBLIC, **slug_of("event")),
    "discussions:event_detail": row(PUBLIC, **slug_of("event")),
    "discussions:event_register": row(POST_ONLY, **slug_of("event")),
    "discussions:event_cancel": row(POST_ONLY, **slug_of("event")),
    "discussions:event_outcome": row(
        expect(403, visitor=LOGIN, coordinator=200), **slug_of("event")
    ),
    # Reply by email: a mail relay posts with a bearer token; without it nobody gets in.
    "discussions:inbound_email": row(
        expect(401),
        method="post",
        settings={"INBOUND_EMAIL_ENABLED": True, "INBOUND_EMAIL_TOKEN": "relay-secret"},
    ),
    # A held emailed reply: only the member it came from may see and confirm it.
    "discussions:inbound_confirm": row(
        expect(404, visitor=LOGIN, author=200), token=lambda w: held_reply_token(w)
    ),
    # The action plan (discussions/plan): the current period's plan is for members; a period
    # whose summary is public shows its items (never proposals or people) to everyone.
    "plan:plan": row(MEMBERS),
    "plan:plan_period": row(PUBLIC, slug=lambda w: w.public_period.slug),
    "plan:plan_progress": row(MEMBERS, slug=lambda w: w.period.slug),
    # The CSV names the owners: members only, even for a public period.
    "plan:plan_csv": row(MEMBERS, slug=lambda w: w.public_period.slug),
    # The coordinators' view of the community (like event_outcome, it says "forbidden").
    "plan:pulse": row(expect(403, visitor=LOGIN, coordinator=200)),
    "plan:pulse_csv": row(expect(403, visitor=LOGIN, coordinator=200)),
    "plan:proposal_list": row(MEMBERS),
    "plan:proposal_create": row(MEMBERS),
    "plan:proposal_detail": row(MEMBERS, pk=lambda w: w.proposal.pk),
    "plan:proposal_support": row(
        MEMBERS_SENT_ON,
        method="post",
        pk=lambda w: w.proposal.pk,
    ),
    # A GET sends members back to the proposal, where the form is.
    "plan:proposal_comment": row(
        MEMBERS_SENT_ON,
        pk=lambda w: w.proposal.pk,
    ),
    "plan:proposal_triage": row(
        expect(403, visitor=LOGIN, coordinator=302),
        method="post",
        data={"decision": "accept", "note": "A clear need."},
        pk=lambda w: w.proposal.pk,
    ),
    "plan:champion_list": row(MEMBERS),
    "plan:champion_nominate": row(MEMBERS),
    "plan:champion_ask": row(MEMBERS, pk=lambda w: w.champion.pk),
    # The public API (api/): what visitors see, the same for everyone, signed in or not
    # (members-only items answer 404 even to members: tests/api), and its documentation.
    "api_docs": row(PUBLIC),
    "api_openapi": row(PUBLIC),
    # Django Ninja's root, by which it finds its own address: nothing is there.
    "api:api-root": row(expect(404)),
    "api:resource_list": row(PUBLIC),
    "api:resource_detail": row(PUBLIC, **slug_of("resource")),
    "api:collection_list": row(PUBLIC),
    "api:collection_detail": row(PUBLIC, **slug_of("collection")),
    "api:topic_list": row(PUBLIC),
    "api:tag_list": row(PUBLIC),
    "api:event_list": row(PUBLIC),
    "api:page_list": row(PUBLIC),
}

# django-allauth's pages: what each role gets (a new allauth page fails the completeness test).
ALLAUTH = {
    "account_login": row(expect(302, visitor=200)),
    "account_logout": row(expect(200, visitor=302)),
    "account_inactive": row(PUBLIC),
    "account_signup": row(expect(302, visitor=200)),
    "account_reauthenticate": row(LOGGED_IN),
    # Codes by email: a visitor asks for a login code; with none pending, the confirm pages
    # send a person on.
    "account_request_reauthentication_code": row(expect(LOGGED_IN, unverified=302)),
    "account_confirm_reauthentication_code": row(expect(302, visitor=LOGIN)),
    "account_confirm_login_code": row(expect(302, visitor=LOGIN)),
    "account_request_login_code": row(expect(302, visitor=200)),
    "account_email": row(LOGGED_IN),
    "account_email_verification_sent": row(PUBLIC),
    "account_change_password": row(LOGGED_IN),
    # Everyone here has a password already: allauth sends them to change it.
    "account_set_password": row(expect(302, visitor=LOGIN)),
    "account_reset_password": row(PUBLIC),
    "account_confirm_email": row(PUBLIC, key=lambda w: "not-a-key"),
    "account_reset_password_from_key_done": row(PUBLIC),
    "account_reset_password_from_key": row(PUBLIC, uidb36=lambda w: "1", key=lambda w: "x-y"),
    "account_reset_password_done": row(PUBLIC),
    # Two-factor sign-in (allauth.mfa): anyone logged in may set it up. Changing it asks for
    # the password again first (force_login is not a fresh login); what needs a second factor
    # or a pending login (none here) answers 404 or sends the person on.
    "mfa_index": row(LOGGED_IN),
    "mfa_list_webauthn": row(LOGGED_IN),
    "mfa_authenticate": row(expect(302, visitor=LOGIN)),
    "mfa_reauthenticate": row(expect(302, visitor=LOGIN)),
    "mfa_reauthenticate_webauthn": row(expect(302, visitor=LOGIN)),
    "mfa_activate_totp": row(expect(302, visitor=LOGIN)),
    "mfa_generate_recovery_codes": row(expect(302, visitor=LOGIN)),
    "mfa_add_webauthn": row(expect(302, visitor=LOGIN)),
    "mfa_edit_webauthn": row(expect(302, visitor=LOGIN), pk=lambda w: 1),
    "mfa_remove_webauthn": row(expect(302, visitor=LOGIN), pk=lambda w: 1),
    "mfa_deactivate_totp": row(expect(404, visitor=LOGIN)),
    "mfa_view_recovery_codes": row(expect(404, visitor=LOGIN)),
    "mfa_download_recovery_codes": row(expect(404, visitor=LOGIN)),
}


class World:
    """The objects the matrix's URLs point to, and one person per role."""

    def __init__(self):
        self.topic = TopicFactory()
        self.page = PageFactory(slug="about")
        self.author = MemberFactory()
        self.organisation = MembershipFactory().organisation
        self.people = {
            "unverified": UserFactory(verified=False),
            "applicant": JoinApplicationFactory().user,
            "member": MemberFactory(),
            "representative": self.organisation.memberships.get().user,
            "author": self.author,
            "other_member": MembershipFactory(role=Membership.Role.REPRESENTATIVE).user,
            "coordinator": CoordinatorFactory(),
            "staff": MemberFactory(is_staff=True),
            "staff_non_member": UserFactory(is_staff=True),
        }
        self.application = self.people["applicant"].join_applications.get()
        self.thread = ThreadFactory(topic=self.topic, author=self.author, kind="question")
        self.reply = ReplyFactory(thread=self.thread, author=self.author)
        self.event = EventFactory()
        RegistrationFactory(event=self.event, user=self.author)
        self.resource = ResourceFactory()
        self.members_file = ResourceFactory(
            url="", visibility="members", file=ContentFile(b"Minutes.", name="minutes.txt")
        )
        self.collection = Collection.objects.create(title="First steps", slug="first-steps",
                                                    is_published=True)  # fmt: skip
        self.commitment = Commitment.objects.get_or_create(
            number=1, defaults={"slug": "justice", "cluster": "A", "title": "Justice"}
        )[0]
        self.survey = SurveyFactory()
        QuestionFactory(survey=self.survey)
        self.version = PledgeVersionFactory(number=1)
        self.signature = SignatureFactory(
            version=self.version,
            organisation=self.organisation,
            signed_by=self.people["representative"],
        )
        self.assessment = AssessmentFactory(organisation=self.organisation, visibility="private")
        self.review = PeerReview.objects.create(
            assessment=self.assessment,
            reviewer=self.people["other_member"].memberships.get().organisation,
        )
        self.notification = Notification.objects.create(
            user=self.author, kind="reply", subject="New reply", url=self.thread.get_absolute_url()
        )
        self.unsubscribe_token = notification_services.unsubscribe_token(self.author, "reply")
        self.proposal = ProposalFactory(proposer=self.author, title="Shared legal clinic")
        self.period = PlanPeriodFactory()  # this year's, members only
        PlanItemFactory(period=self.period, owner_user=self.author)
        last_year = timezone.localdate().replace(month=1, day=1) - datetime.timedelta(days=365)
        self.public_period = PlanPeriodFactory(starts_on=last_year, summary_is_public=True)
        PlanItemFactory(period=self.public_period, owner_user=self.author)
        self.champion = ChampionFactory(user=self.people["member"], topic=self.topic)
        self.feedback_round = FeedbackRoundFactory(organisation=self.organisation)
        question = FeedbackQuestionFactory(round=self.feedback_round)
        FeedbackQuestionFactory(round=self.feedback_round, standard="respect")
        for score in range(MIN_RESPONSES):
            feedback_services.feedback_respond(
                feedback_round=self.feedback_round, language="en", answers={question: score}
            )


def walk(patterns, namespace=None, prefix=""):
    """Yield (route, full name) for every URL pattern, recursively."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            ns = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from walk(pattern.url_patterns, ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield prefix + str(pattern.pattern), name


def answer_of(response):
    if response.status_code == 302 and response["Location"].startswith(
        (reverse("account_login"), reverse("admin:login"))
    ):
        return LOGIN
    return response.status_code


def check(client, world, spec, name):
    """Return the mismatches of one row: [(role, expected, got)]."""
    url = reverse(name, kwargs={key: make(world) for key, make in spec["kwargs"].items()})
    wrong = []
    for role in ROLES:
        client.logout()
        if role != "visitor":
            client.force_login(world.people[role])
        with transaction.atomic(), override_settings(**spec["settings"]):
            response = getattr(client, spec["method"])(url, spec["data"])
            transaction.set_rollback(True)
        got = answer_of(response)
        if got != spec["answers"][role]:
            wrong.append((role, spec["answers"][role], got))
    return wrong


def test_every_url_pattern_is_in_the_matrix():
    unlisted = []
    for route, name in walk(get_resolver().url_patterns):
        if route.startswith("admin/") or route.startswith("^media/"):
            continue  # the admin's rule below; media is served by the web server in production
        if name not in MATRIX and name not in ALLAUTH:
            unlisted.append(f"{route} ({name or 'no name'})")
    assert not unlisted, "Add these URLs to MATRIX in this file:\n" + "\n".join(unlisted)


def app_of(name):
    return name.split(":")[0] if ":" in name else "site"


GROUPS = [*sorted({app_of(name) for name in MATRIX}), "accounts"]


@pytest.mark.django_db
@pytest.mark.parametrize("group", GROUPS)
def test_every_page_answers_each_role_as_the_matrix_says(client, group):
    """One World per app keeps this fast; each request is rolled back on its own."""
    rows = (
        ALLAUTH
        if group == "accounts"
        else {name: spec for name, spec in MATRIX.items() if app_of(name) == group}
    )
    world = World()
    wrong = {
        name: found for name, spec in rows.items() if (found := check(client, world, spec, name))
    }
    assert wrong == {}


@pytest.mark.django_db
def test_the_admin_is_for_staff_only(client):
    """Rule for admin/*: visitors and members go to the admin's login, coordinators get in.

    Staff outside the coordinators' group get in too, but see nothing they were not given."""
    world = World()
    coordinator = world.people["coordinator"]
    urls = {reverse("admin:index"): 200}
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        may_view = coordinator.has_perm("{}.view_{}".format(*info))
        urls[reverse("admin:{}_{}_changelist".format(*info))] = 200 if may_view else 403
    for role in ROLES:
        client.logout()
        if role != "visitor":
            client.force_login(world.people[role])
        for url, coordinators_get in urls.items():
            got = answer_of(client.get(url))
            if role == "coordinator":
                want = coordinators_get
            elif role.startswith("staff"):
                want = 200 if url == reverse("admin:index") else 403
            else:
                want = LOGIN
            assert got == want, (role, url, got)
    # The site's own records are all open to coordinators; Django's groups, the task
    # queue's results and people's second factors (the operators' business: superusers) are
    # not.
    assert sorted(url for url, answer in urls.items() if answer == 403) == [
        "/admin/auth/group/",
        "/admin/django_tasks_database/dbtaskresult/",
        "/admin/mfa/authenticator/",
    ]

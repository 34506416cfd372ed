"""A database made before the action plan, feedback rounds and notifications became apps of
their own keeps every row through the migrations: the rows, their relations and everything
that points to them by content type (permissions, groups, admin log, audit log, tags)."""

import datetime

import pytest
from django.apps import apps as current_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

# The last migration of each app before the split; the new apps did not exist.
BEFORE_SPLIT = [
    ("members", "0009_user_directory_order"),
    ("pledges", "0005_translations"),
    ("discussions", "0007_thread_linked_resources"),
    ("plan", None),
    ("feedback", None),
    ("notifications", None),
]
MOVED = {
    "discussions": ("plan", ["Proposal", "Support", "ProposalComment", "PlanPeriod", "PlanItem",
                             "Champion"]),
    "pledges": ("feedback", ["FeedbackRound", "FeedbackQuestion", "FeedbackResponse",
                             "FeedbackAnswer"]),
    "members": ("notifications", ["Notification", "OutgoingEmail", "DigestLog", "Newsletter",
                                  "NewsletterTranslation", "NewsletterDelivery"]),
}  # fmt: skip
TODAY = datetime.date(2026, 3, 1)
NOW = datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The state of every migration now applied, whichever app it belongs to.
    loader = MigrationExecutor(connection).loader
    return loader.graph.make_state(
        list(loader.applied_migrations), real_apps=loader.unmigrated_apps
    ).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def content_type(apps, label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=label, model=model.lower())[0]


def make_old_rows(apps):
    """Create a row of every moved model, and rows elsewhere pointing to them, as of old."""
    get = apps.get_model
    User = get("members", "User")
    ana = User.objects.create(username="ana", email="ana@example.org", first_name="Ana")
    ben = User.objects.create(username="ben", email="ben@example.org", first_name="Ben")
    topic = get("racop", "Topic").objects.create(name="Budgets", slug="budgets")
    organisation = get("members", "Organisation").objects.create(
        name="Open Books", slug="open-books", country="MK"
    )
    commitment = get("pledges", "Commitment").objects.create(
        number=13, slug="split-test", cluster="A", title="Test", summary="Test"
    )
    assessment = get("pledges", "Assessment").objects.create(organisation=organisation, year=2026)
    answer = get("pledges", "Answer").objects.create(assessment=assessment, commitment=commitment)
    resource = get("library", "Resource").objects.create(
        title="Guide", slug="guide", url="https://example.org/guide"
    )
    event = get("discussions", "Event").objects.create(
        title="Convening", slug="convening", starts_at=NOW, ends_at=NOW
    )
    thread = get("discussions", "Thread").objects.create(
        topic=topic, title="Budgets", slug="budgets", body="Hello", author=ana
    )

    proposal = get("discussions", "Proposal").objects.create(
        title="Exchange", kind="peer-exchange", description="Why", offer="Host", proposer=ana
    )
    proposal.topics.add(topic)
    proposal.commitments.add(commitment)
    get("discussions", "Support").objects.create(proposal=proposal, user=ben)
    get("discussions", "ProposalComment").objects.create(proposal=proposal, author=ben, body="+1")
    period = get("discussions", "PlanPeriod").objects.create(
        name="2026", slug="2026", starts_on=TODAY, ends_on=TODAY.replace(year=2027)
    )
    item = get("discussions", "PlanItem").objects.create(
        period=period, proposal=proposal, title="Exchange", starts_on=TODAY, ends_on=TODAY,
        owner_user=ana, owner_organisation=organisation,
    )  # fmt: skip
    item.topics.add(topic)
    item.events.add(event)
    item.resources.add(resource)
    item.threads.add(thread)
    get("discussions", "Champion").objects.create(user=ben, topic=topic, reason="Knows it")
    get("discussions", "ActionItem").objects.create(event=event, text="Do it", plan_item=item)

    feedback_round = get("pledges", "FeedbackRound").objects.create(
        organisation=organisation, title="Parents", audience="Parents", languages=["en"],
        opens_on=TODAY, closes_on=TODAY, created_by=ana,
    )  # fmt: skip
    feedback_round.evidence_for.add(answer)
    question = get("pledges", "FeedbackQuestion").objects.create(
        round=feedback_round, kind="open", texts={"en": "What should we change?"}
    )
    response = get("pledges", "FeedbackResponse").objects.create(
        round=feedback_round, language="en"
    )
    get("pledges", "FeedbackAnswer").objects.create(
        response=response, question=question, text="More"
    )

    get("members", "Notification").objects.create(user=ana, kind="mention", subject="Hi")
    email = get("members", "OutgoingEmail").objects.create(
        to="ana@example.org", subject="Hi", text="Hello", user=ana
    )
    get("members", "DigestLog").objects.create(user=ana, sent_at=NOW, items=2)
    newsletter = get("members", "Newsletter").objects.create(
        subject="News", body="Body", topic=topic, created_by=ben
    )
    get("members", "NewsletterTranslation").objects.create(
        newsletter=newsletter, language="mk", subject="Вести", body="Тело"
    )
    get("members", "NewsletterDelivery").objects.create(
        newsletter=newsletter, user=ana, email=email
    )

    # Everything that points to a moved model through its content type.
    Permission = get("auth", "Permission")
    Group = get("auth", "Group")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    references = {}
    for old_label, (_new_label, names) in MOVED.items():
        for name in names:
            ct = content_type(apps, old_label, name)
            permission, _ = Permission.objects.get_or_create(
                content_type=ct, codename=f"change_{name.lower()}", defaults={"name": "Can change"}
            )
            coordinators.permissions.add(permission)
            obj = get(old_label, name).objects.order_by("pk").first()
            get("admin", "LogEntry").objects.create(
                user=ben, content_type=ct, object_id=str(obj.pk), object_repr="x", action_flag=2
            )
            get("racop", "AuditEntry").objects.create(
                actor=ben, action="approve", content_type=ct, object_id=str(obj.pk)
            )
            references[(old_label, name)] = (ct.pk, obj.pk)
    tag = get("taggit", "Tag").objects.create(name="split", slug="split")
    get("taggit", "TaggedItem").objects.create(
        tag=tag, content_type_id=references[("discussions", "Proposal")][0], object_id=proposal.pk
    )
    return references


def test_the_split_keeps_every_row_and_reference():
    try:
        old_apps = migrate(BEFORE_SPLIT)
        references = make_old_rows(old_apps)
        ContentType.objects.clear_cache()
        migrate(latest())
        ContentType.objects.clear_cache()
        check_new_rows(references)
    finally:
        migrate(latest())
        ContentType.objects.clear_cache()


def check_new_rows(references):
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.models import Group
    from taggit.models import TaggedItem

    from discussions.models import ActionItem
    from discussions.plan.models import Champion, PlanItem, Proposal
    from members.models import User
    from members.notifications.models import Newsletter, NewsletterDelivery
    from pledges.feedback.models import FeedbackAnswer, FeedbackRound
    from racop.models import AuditEntry

    for old_label, (new_label, names) in MOVED.items():
        for name in names:
            model = current_apps.get_model(new_label, name)
            assert model._meta.db_table == f"{new_label}_{name.lower()}"
            assert model.objects.count() == 1, model
            ct_pk, obj_pk = references[(old_label, name)]
            ct = ContentType.objects.get_for_model(model)
            assert ct.pk == ct_pk
            assert not ContentType.objects.filter(app_label=old_label, model=name.lower()).exists()
            assert LogEntry.objects.get(content_type=ct).get_edited_object().pk == obj_pk
            assert AuditEntry.objects.get(content_type=ct).object_id == str(obj_pk)

    ana, ben = User.objects.get(username="ana"), User.objects.get(username="ben")
    proposal = Proposal.objects.get()
    assert proposal.proposer == ana
    assert [t.slug for t in proposal.topics.all()] == ["budgets"]
    assert [c.number for c in proposal.commitments.all()] == [13]
    assert [s.user for s in proposal.supports.all()] == [ben]
    assert [c.body for c in proposal.comments.all()] == ["+1"]
    item = PlanItem.objects.get()
    assert (item.period.slug, item.proposal, item.owner_user) == ("2026", proposal, ana)
    assert item.owner_organisation.slug == "open-books"
    assert [e.slug for e in item.events.all()] == ["convening"]
    assert [r.slug for r in item.resources.all()] == ["guide"]
    assert [t.slug for t in item.threads.all()] == ["budgets"]
    assert [t.slug for t in item.topics.all()] == ["budgets"]
    assert ActionItem.objects.get().plan_item == item
    assert list(item.action_items.all()) == [ActionItem.objects.get()]
    assert Champion.objects.get().user == ben
    assert TaggedItem.objects.get(tag__slug="split").content_object == proposal

    feedback_round = FeedbackRound.objects.get()
    assert feedback_round.created_by == ana
    assert feedback_round.evidence_for.get().commitment.number == 13
    answer = FeedbackAnswer.objects.get()
    assert answer.response.round == feedback_round == answer.question.round

    newsletter = Newsletter.objects.get()
    assert (newsletter.created_by, newsletter.topic.slug) == (ben, "budgets")
    assert newsletter.translations.get().language == "mk"
    delivery = NewsletterDelivery.objects.get()
    assert (delivery.user, delivery.email.to) == (ana, "ana@example.org")
    assert ana.notifications.get().subject == "Hi"
    assert ana.digests.get().items == 2

    coordinators = Group.objects.get(name="Coordinators")
    ben.groups.add(coordinators)
    ben = User.objects.get(pk=ben.pk)
    for permission in ["plan.change_proposal", "feedback.change_feedbackround",
                       "notifications.change_newsletter", "plan.change_champion"]:  # fmt: skip
        assert ben.has_perm(permission), permission
    assert not ben.has_perm("discussions.change_proposal")


PROJECT_PACKAGES = {"racop", "members", "pledges", "library", "discussions"}


def test_every_model_lives_in_the_models_of_the_app_it_is_registered_under():
    ours = [
        config
        for config in current_apps.get_app_configs()
        if config.name.split(".")[0] in PROJECT_PACKAGES
    ]
    assert {c.label for c in ours} >= {"plan", "feedback", "notifications"}
    for config in ours:
        for model in config.get_models():
            assert model.__module__ == f"{config.name}.models", (model, config.label)

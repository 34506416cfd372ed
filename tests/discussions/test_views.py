import pytest
from django.urls import reverse

from discussions import services
from discussions.models import PostRevision, Reply, Report, Subscription, Thread
from tests.factories import MemberFactory, ReplyFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]
INSIDERS = ["member", "representative", "coordinator"]


def url(name, thread, reply=None, **kwargs):
    kwargs.update(topic=thread.topic.slug, pk=thread.pk, slug=thread.slug)
    if reply is not None:
        kwargs["reply_id"] = reply.pk
    return reverse(f"discussions:{name}", kwargs=kwargs)


# Who sees what


@pytest.mark.parametrize("role", ROLES)
def test_topic_list_is_open_to_members_and_explains_itself_to_others(as_role, role):
    thread = ThreadFactory(title="Secret strategy")
    html = as_role(role).get(reverse("discussions:topic_list")).content.decode()
    assert 'name="robots" content="noindex' in html
    if role in INSIDERS:
        assert thread.topic.name in html
        assert "1 thread" in html
    else:
        assert "safe space for members" in html
        assert thread.topic.name not in html
        assert "Secret strategy" not in html


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["thread_list", "thread_detail", "reply_create", "new"])
def test_inside_pages_are_for_members_only(as_role, role, page):
    thread = ThreadFactory()
    address = {
        "thread_list": reverse("discussions:thread_list", args=[thread.topic.slug]),
        "new": reverse("discussions:thread_create", args=[thread.topic.slug, "discussion"]),
    }.get(page) or url(page, thread)
    response = as_role(role).get(address)
    expected = {"visitor": 302, "applicant": 403}.get(role, 200)
    assert response.status_code == expected
    if role == "visitor":
        assert reverse("account_login") in response["Location"]
    if expected == 200:
        assert 'content="noindex' in response.content.decode()


def test_thread_list_puts_pinned_first_then_latest_activity(member_client):
    topic = TopicFactory()
    old = ThreadFactory(topic=topic, title="Old one")
    pinned = ThreadFactory(topic=topic, title="Pinned one", pinned=True)
    fresh = ThreadFactory(topic=topic, title="Fresh one")
    services.thread_reply(thread=fresh, author=MemberFactory(), body="Up!")
    Thread.objects.filter(pk=pinned.pk).update(last_activity_at=old.last_activity_at)
    html = member_client.get(reverse("discussions:thread_list", args=[topic.slug])).content
    html = html.decode()
    assert html.index("Pinned one") < html.index("Fresh one") < html.index("Old one")


def test_hidden_threads_are_not_listed_or_opened_by_members(member_client, coordinator):
    thread = ThreadFactory(title="Hidden thread")
    services.post_hide(post=thread, by=coordinator, reason="Exposes a person")
    listing = member_client.get(reverse("discussions:thread_list", args=[thread.topic.slug]))
    assert "Hidden thread" not in listing.content.decode()
    assert member_client.get(thread.get_absolute_url()).status_code == 404


def test_wrong_slug_redirects_to_the_thread(member_client):
    thread = ThreadFactory()
    response = member_client.get(
        reverse(
            "discussions:thread_detail",
            kwargs={"topic": thread.topic.slug, "pk": thread.pk, "slug": "old-title"},
        )
    )
    assert response.status_code == 301
    assert response["Location"] == thread.get_absolute_url()


@pytest.mark.parametrize("size", [3, 30])
def test_topic_and_thread_lists_query_counts_are_flat(
    member_client, django_assert_max_num_queries, size, locmem_cache
):
    topic = TopicFactory()
    for thread in ThreadFactory.create_batch(size, topic=topic):
        ReplyFactory(thread=thread)
    TopicFactory.create_batch(size)
    with django_assert_max_num_queries(6):
        assert member_client.get(reverse("discussions:topic_list")).status_code == 200
    with django_assert_max_num_queries(8):
        response = member_client.get(reverse("discussions:thread_list", args=[topic.slug]))
        assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 60])
def test_long_thread_is_paginated_with_flat_query_count(
    member_client, django_assert_max_num_queries, size, locmem_cache
):
    thread = ThreadFactory()
    ReplyFactory.create_batch(size, thread=thread, anonymous=True)
    with django_assert_max_num_queries(12):
        response = member_client.get(thread.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="post reply') == min(size, 20)
    if size > 20:
        assert "Page 1 of 3" in response.content.decode()


# Writing


def test_member_starts_a_thread_after_a_preview(member_client, member):
    topic = TopicFactory()
    address = reverse("discussions:thread_create", args=[topic.slug, "question"])
    data = {"title": "How do you publish salaries?", "body": "Do you use **ranges**?"}
    preview = member_client.post(address, {**data, "preview": "1"})
    assert preview.status_code == 200
    assert "<strong>ranges</strong>" in preview.content.decode()
    assert not Thread.objects.exists()

    response = member_client.post(address, {**data, "post": "1"})
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    assert (thread.kind, thread.author, thread.slug) == (
        "question",
        member,
        "how-do-you-publish-salaries",
    )
    assert Subscription.objects.filter(user=member, thread=thread).exists()


def test_bad_thread_input_keeps_what_was_typed(member_client):
    topic = TopicFactory()
    address = reverse("discussions:thread_create", args=[topic.slug, "discussion"])
    response = member_client.post(address, {"title": "  ", "body": "A long careful text."})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_title_error"' in html
    assert "This field is required." in html
    assert "A long careful text." in html
    assert not Thread.objects.exists()


def test_unknown_thread_kind_is_404(member_client):
    topic = TopicFactory()
    address = reverse("discussions:thread_create", args=[topic.slug, "poll"])
    assert member_client.get(address).status_code == 404


def test_lessons_learned_guided_form_builds_the_sections(member_client):
    topic = TopicFactory()
    address = reverse("discussions:thread_create", args=[topic.slug, "lessons-learned"])
    form = member_client.get(address).content.decode()
    assert "What we changed" in form and "What others can take from it" in form
    data = {
        "title": "The report nobody read",
        "context": "Annual report.",
        "what_happened": "Nobody read it.",
        "what_changed": "A two-page summary.",
        "takeaways": "Ask first.",
    }
    bad = member_client.post(address, {**data, "takeaways": ""})
    assert "This field is required." in bad.content.decode()
    assert "A two-page summary." in bad.content.decode()
    member_client.post(address, data)
    thread = Thread.objects.get()
    assert thread.kind == Thread.Kind.LESSONS
    assert "## What happened\n\nNobody read it." in thread.body
    html = member_client.get(thread.get_absolute_url()).content.decode()
    assert "<h2>What we changed</h2>" in html


def test_stored_xss_in_posts_is_rendered_harmless(member_client):
    attack = (
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> '
        "[click](javascript:alert(3)) <a href='https://evil.example' onclick='x()'>x</a> "
        "[ok](https://good.example)"
    )
    thread = ThreadFactory(body=attack, title="<script>alert(4)</script>")
    ReplyFactory(thread=thread, body=attack)
    html = member_client.get(thread.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "javascript:alert" not in html
    assert "onclick" not in html
    assert "&lt;script&gt;alert(4)" in html
    assert 'href="https://good.example" rel="nofollow noopener"' in html


def test_reply_moves_the_thread_up_and_lands_on_it(member_client, member):
    thread = ThreadFactory()
    before = thread.last_activity_at
    response = member_client.post(url("reply_create", thread), {"body": "Thanks!"})
    reply = Reply.objects.get()
    assert response["Location"] == f"{thread.get_absolute_url()}?page=1#reply-{reply.pk}"
    thread.refresh_from_db()
    assert thread.last_activity_at > before
    assert reply.author == member


def test_reply_preview_and_bad_input(member_client):
    thread = ThreadFactory()
    preview = member_client.post(url("reply_create", thread), {"body": "_hi_", "preview": "1"})
    assert "<em>hi</em>" in preview.content.decode()
    empty = member_client.post(url("reply_create", thread), {"body": "   "})
    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    assert not Reply.objects.exists()


def test_quoting_a_reply_fills_the_form(member_client):
    reply = ReplyFactory(body="First line\nSecond line")
    html = member_client.get(url("reply_create", reply.thread) + f"?quote={reply.pk}")
    assert "&gt; First line\n&gt; Second line" in html.content.decode()


def test_locked_thread_takes_no_replies(member_client, coordinator):
    thread = ThreadFactory()
    services.thread_lock(thread=thread, by=coordinator)
    response = member_client.post(url("reply_create", thread), {"body": "Late"})
    assert response.status_code == 302
    assert not Reply.objects.exists()
    assert "locked" in member_client.get(thread.get_absolute_url()).content.decode()


def test_author_edits_with_history_for_coordinators(client, member, coordinator):
    reply = ReplyFactory(author=member, body="First words")
    client.force_login(member)
    edit = url("reply_edit", reply.thread, reply)
    assert "First words" in client.get(edit).content.decode()
    assert client.post(edit, {"body": ""}).status_code == 200
    client.post(edit, {"body": "Better words"})
    reply.refresh_from_db()
    assert reply.body == "Better words" and reply.edited_at
    assert PostRevision.objects.get(reply=reply).body == "First words"
    history = url("reply_history", reply.thread, reply)
    assert client.get(history).status_code == 404
    client.force_login(coordinator)
    html = client.get(history).content.decode()
    assert "First words" in html and "Better words" in html
    assert history in client.get(reply.thread.get_absolute_url()).content.decode()


def test_author_edits_thread_title(member_client, member):
    thread = ThreadFactory(author=member, title="Typo titel")
    member_client.post(url("thread_edit", thread), {"title": "Typo title", "body": "New"})
    thread.refresh_from_db()
    assert (thread.title, thread.body) == ("Typo title", "New")
    assert PostRevision.objects.get(thread=thread).title == "Typo titel"


@pytest.mark.parametrize("action", ["reply_edit", "reply_delete"])
def test_others_cannot_edit_or_delete_a_post(member_client, action):
    reply = ReplyFactory()
    assert member_client.get(url(action, reply.thread, reply)).status_code == 403
    assert member_client.post(url(action, reply.thread, reply), {"body": "x"}).status_code == 403


def test_deleted_post_is_replaced_by_a_notice(member_client, member):
    reply = ReplyFactory(author=member, body="I regret this")
    assert (
        "Delete your post?"
        in member_client.get(url("reply_delete", reply.thread, reply)).content.decode()
    )
    member_client.post(url("reply_delete", reply.thread, reply))
    html = member_client.get(reply.thread.get_absolute_url()).content.decode()
    assert "I regret this" not in html
    assert "This post was deleted by its author." in html


def test_asker_marks_the_answer_and_others_cannot(client, member):
    thread = ThreadFactory(author=member, kind=Thread.Kind.QUESTION)
    reply = ReplyFactory(thread=thread)
    other = MemberFactory()
    client.force_login(other)
    assert client.post(url("reply_answer", thread, reply)).status_code == 403
    client.force_login(member)
    client.post(url("reply_answer", thread, reply))
    thread.refresh_from_db()
    assert thread.answer == reply
    assert "Accepted answer" in client.get(thread.get_absolute_url()).content.decode()


def test_answer_action_refuses_get(member_client):
    reply = ReplyFactory()
    assert member_client.get(url("reply_answer", reply.thread, reply)).status_code == 405


def test_unread_marker_until_the_member_reads_the_thread(member_client):
    thread = ThreadFactory(title="Unread thread")
    listing = reverse("discussions:thread_list", args=[thread.topic.slug])
    assert "badge-new" in member_client.get(listing).content.decode()
    member_client.get(thread.get_absolute_url())
    assert "badge-new" not in member_client.get(listing).content.decode()
    services.thread_reply(thread=thread, author=MemberFactory(), body="News")
    assert "badge-new" in member_client.get(listing).content.decode()
    assert (
        "New since your last visit" in member_client.get(thread.get_absolute_url()).content.decode()
    )


def test_follow_and_unfollow_thread_and_topic(member_client, member):
    thread = ThreadFactory()
    member_client.post(url("thread_follow", thread))
    assert Subscription.objects.filter(user=member, thread=thread).exists()
    member_client.post(url("thread_follow", thread))
    assert not Subscription.objects.filter(user=member, thread=thread).exists()
    member_client.post(reverse("discussions:topic_follow", args=[thread.topic.slug]))
    assert Subscription.objects.filter(user=member, topic=thread.topic).exists()


# The safe space: anonymity and the Chatham House Rule


def test_anonymous_author_is_never_shown_to_other_members(client, coordinator):
    author = MemberFactory(first_name="Zorana", last_name="Secretova")
    thread = ThreadFactory(author=author, anonymous=True, title="Anonymous thread")
    ReplyFactory(thread=thread, author=author, anonymous=True, body="Me again")
    client.force_login(MemberFactory())
    pages = [
        reverse("discussions:topic_list"),
        reverse("discussions:thread_list", args=[thread.topic.slug]),
        thread.get_absolute_url(),
        url("reply_create", thread),
        url("thread_report", thread),
    ]
    for address in pages:
        html = client.get(address).content.decode()
        assert "Zorana" not in html and "Secretova" not in html, address
        assert author.email not in html, address
    assert "A community member" in client.get(thread.get_absolute_url()).content.decode()

    client.force_login(author)
    assert "A community member (you)" in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    assert "Zorana Secretova" in client.get(thread.get_absolute_url()).content.decode()


def test_author_is_told_before_posting_anonymously(member_client):
    thread = ThreadFactory()
    html = member_client.get(thread.get_absolute_url()).content.decode()
    assert "Post as “a community member”" in html
    assert "The coordinators can see it" in html


def test_chatham_house_rule_is_shown_on_the_thread(member_client):
    thread = ThreadFactory(chatham_house=True)
    html = member_client.get(thread.get_absolute_url()).content.decode()
    assert "Chatham House Rule" in html
    assert "you may not reveal who said it" in html


# Moderation


def test_member_reports_a_post_with_a_reason(member_client, member):
    reply = ReplyFactory()
    address = url("reply_report", reply.thread, reply)
    bad = member_client.post(address, {"reason": ""})
    assert bad.status_code == 200 and "This field is required." in bad.content.decode()
    member_client.post(address, {"reason": "Names a person at risk"})
    report = Report.objects.get()
    assert (report.reply, report.reporter, report.status) == (reply, member, "open")


def test_hidden_reply_shows_a_notice_to_members_and_the_text_to_coordinators(
    client, member, coordinator
):
    reply = ReplyFactory(body="Offending words")
    services.post_hide(post=reply, by=coordinator, reason="Personal attack")
    client.force_login(member)
    html = client.get(reply.thread.get_absolute_url()).content.decode()
    assert "Offending words" not in html
    assert "hidden by the coordinators" in html
    client.force_login(coordinator)
    html = client.get(reply.thread.get_absolute_url()).content.decode()
    assert "Offending words" in html and "Personal attack" in html


@pytest.mark.parametrize("role", ["visitor", "applicant"])
@pytest.mark.parametrize(
    ("name", "method", "on_reply"),
    [
        ("thread_edit", "get", False),
        ("thread_delete", "post", False),
        ("thread_history", "get", False),
        ("thread_report", "post", False),
        ("thread_follow", "post", False),
        ("reply_edit", "post", True),
        ("reply_delete", "get", True),
        ("reply_history", "get", True),
        ("reply_report", "get", True),
        ("reply_answer", "post", True),
    ],
)
def test_every_post_action_is_closed_to_outsiders(as_role, role, name, method, on_reply):
    reply = ReplyFactory(body="Untouched")
    client = as_role(role)
    response = getattr(client, method)(
        url(name, reply.thread, reply if on_reply else None), {"body": "x", "reason": "x"}
    )
    assert response.status_code == (302 if role == "visitor" else 403)
    assert not Report.objects.exists() and not Subscription.objects.exists()
    reply.refresh_from_db()
    assert reply.body == "Untouched" and reply.deleted_at is None


@pytest.mark.parametrize("role", INSIDERS)
@pytest.mark.parametrize("name", ["thread_history", "reply_history"])
def test_edit_history_is_for_coordinators_only(as_role, role, name):
    reply = ReplyFactory()
    response = as_role(role).get(url(name, reply.thread, reply if "reply" in name else None))
    assert response.status_code == (200 if role == "coordinator" else 404)


@pytest.mark.parametrize("size", [1, 20])
def test_thread_form_query_count_is_flat(member_client, django_assert_max_num_queries, size):
    topic = TopicFactory()
    ThreadFactory.create_batch(size, topic=topic)
    with django_assert_max_num_queries(4):
        response = member_client.get(
            reverse("discussions:thread_create", args=[topic.slug, "discussion"])
        )
    assert response.status_code == 200

import datetime
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from discussions import services, site_search
from discussions.calendar import calendar_for
from discussions.forms import (
    ActionItemFormSet,
    EventOutcomeForm,
    LessonsLearnedForm,
    ReplyEditForm,
    ReplyForm,
    ReportForm,
    ThreadEditForm,
    ThreadForm,
    ThreadModerationForm,
)
from discussions.metadata import event_json_ld
from discussions.models import (
    REPLIES_PER_PAGE,
    ActionItem,
    Event,
    Registration,
    Reply,
    Subscription,
    Thread,
    ThreadRead,
    can_moderate,
    topics_for_discussions,
)
from discussions.templatetags import discussion_tags
from members.models import LANGUAGE_NAMES, WORKING_LANGUAGES, Organisation
from members.permissions import member_required
from racop import cache as shared_cache
from racop.access import sees_members_content
from racop.i18n import languages_read
from racop.markdown import render_markdown
from racop.models import Topic
from racop.ratelimit import ratelimit
from racop.search import SiteSearchForm, has_query, searchable

THREADS_PER_PAGE = 25
EVENTS_PER_PAGE = 20


def get_thread_or_404(request, pk):
    """Return the thread if the user may see it, else 404."""
    return get_object_or_404(
        Thread.objects.visible_to(request.user).select_related("topic", "author"), pk=pk
    )


def get_post_or_404(request, pk, reply_id=None):
    """Return the thread and the post addressed (the thread itself or one of its replies)."""
    thread = get_thread_or_404(request, pk)
    if reply_id is None:
        return thread, thread
    replies = Reply.objects.select_related("author")
    if not can_moderate(request.user):
        replies = replies.filter(hidden_at__isnull=True)
    return thread, get_object_or_404(replies, pk=reply_id, thread=thread)


@ratelimit("searching", methods=("GET",), when=has_query)
def topic_list(request):
    """Show the topics of the safe space to members, or the threads and replies that hold
    the words searched for (?q=); tell everyone else how to join."""
    if not sees_members_content(request.user):
        return render(request, "discussions/discussions_public.html")
    form = SiteSearchForm(request.GET or None)
    words = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "words": words}
    if words and searchable(words):
        matches = site_search.post_matches(words, site_search.DISCUSSION_SEARCH_CAP)
        page = Paginator(matches.ranked, THREADS_PER_PAGE).get_page(request.GET.get("page"))
        page.object_list = site_search.post_hits(page.object_list, words)
        context.update(
            matches=matches,
            page_obj=page,
            cap=site_search.DISCUSSION_SEARCH_CAP,
            query_string=urlencode({"q": words}),
        )
    elif not form.errors and not words:
        context["topics"] = topics_for_discussions(request.user)
    return render(request, "discussions/topic_list.html", context)


@member_required
def thread_list(request, topic):
    """Show a topic's threads, pinned first, then by latest activity."""
    # Whether the member follows the topic comes with it.
    following = Subscription.objects.filter(topic=OuterRef("pk"), user=request.user.pk)
    topic = get_object_or_404(Topic.objects.annotate(following=Exists(following)), slug=topic)
    threads = Thread.objects.filter(topic=topic).visible_to(request.user)
    # A member who reads only some languages sees threads in those, and can reveal the rest.
    show_all = request.GET.get("languages") == "all"
    languages = set() if show_all else languages_read(request.user)
    hidden_count = 0
    if languages:
        hidden_count = threads.exclude(language__in=languages).count()
        threads = threads.filter(language__in=languages)
    # Every thread here is in this topic: no need to join it to each.
    rows = Thread.objects.for_list(request.user).select_related(None).select_related("author")
    page = page_of(threads.order_by(*rows.query.order_by), THREADS_PER_PAGE, request, rows)
    _prepare_thread_rows(page.object_list, topic, request.user)
    context = {
        "topic": topic,
        "page_obj": page,
        "threads": page.object_list,
        "following": topic.following,
        "hidden_count": hidden_count,
        "show_all": show_all,
        "query_string": "languages=all" if show_all else "",
    }
    return render(request, "discussions/thread_list.html", context)


def page_of(queryset, per_page, request, rows):
    """Return the requested page of the queryset, its objects taken from rows.

    The page is found among the ids alone (an index scan, cheap however deep the page);
    only its own rows are then read in full, with their joins and annotations, in the
    same query (the ids are a subquery).
    """
    ids = queryset.values_list("pk", flat=True)
    page = Paginator(ids, per_page).get_page(request.GET.get("page"))
    page.object_list = list(rows.filter(pk__in=page.object_list))
    return page


def _prepare_thread_rows(threads, topic, user):
    """Set row_html on each thread: its row in the list, the same for everyone of the
    audience who stands to it alike (its author or not, unread or not), so shared until
    the discussions change."""
    parts = []
    for thread in threads:
        thread.topic = topic
        unread = thread.is_unread()
        context = {"thread": thread, "byline": discussion_tags.byline(thread, user)}
        parts.append(
            shared_cache.Part(
                f"discussions:thread-row:{thread.pk}",
                partial(
                    render_to_string,
                    "discussions/includes/_thread_row.html",
                    {**context, "is_unread": unread},
                ),
                ("discussions", "people", "site"),
                key=(unread, thread.author_id == user.pk),
            )
        )
    html = shared_cache.shared_parts(parts, user=user)
    for thread in threads:
        thread.row_html = html[f"discussions:thread-row:{thread.pk}"]


def _render_thread_form(request, topic, kind, form, preview=None):
    template = (
        "discussions/lessons_form.html"
        if kind == Thread.Kind.LESSONS
        else "discussions/thread_form.html"
    )
    context = {"topic": topic, "kind": kind, "kind_label": Thread.Kind(kind).label, "form": form}
    context["preview"] = preview
    return render(request, template, context)


@member_required
@ratelimit("posting")
def thread_create(request, topic, kind):
    """Start a discussion, a question or a lessons-learned thread, with a preview."""
    topic = get_object_or_404(Topic, slug=topic)
    if kind not in Thread.Kind.values:
        raise Http404
    form_class = LessonsLearnedForm if kind == Thread.Kind.LESSONS else ThreadForm
    if request.method != "POST":
        return _render_thread_form(request, topic, kind, form_class())
    form = form_class(request.POST)
    if not form.is_valid():
        return _render_thread_form(request, topic, kind, form)
    data = form.cleaned_data
    body = form.body() if kind == Thread.Kind.LESSONS else data["body"]
    if "preview" in request.POST:
        return _render_thread_form(request, topic, kind, form, preview=render_markdown(body))
    thread = services.thread_create(
        topic=topic,
        author=request.user,
        kind=kind,
        title=data["title"],
        body=body,
        anonymous=data["anonymous"],
        chatham_house=data["chatham_house"],
        language=data["language"],
    )
    messages.success(request, _("Your thread is posted."))
    return redirect(thread)


@member_required
def thread_detail(request, topic, pk, slug):
    """Show a thread and one page of its replies; mark it read."""
    user = request.user
    # When the member last read it and whether they follow it come with the thread.
    thread = get_object_or_404(
        Thread.objects.visible_to(user)
        .select_related("topic", "author")
        .annotate(
            last_read_at=Subquery(
                ThreadRead.objects.filter(thread=OuterRef("pk"), user=user.pk).values(
                    "last_read_at"
                )[:1]
            ),
            following=Exists(Subscription.objects.filter(thread=OuterRef("pk"), user=user.pk)),
        ),
        pk=pk,
    )
    if thread.topic.slug != topic or thread.slug != slug:
        return redirect(thread, permanent=True)
    replies = Reply.objects.filter(thread=thread).order_by("created_at", "pk")
    page = page_of(replies, REPLIES_PER_PAGE, request, Reply.objects.for_thread())
    # Reading again, the same day, a thread with nothing new changes neither the markers
    # nor the coordinators' pulse (it counts readers by month): no write then.
    last_read_at = thread.last_read_at
    if (
        last_read_at is None
        or last_read_at < thread.last_activity_at
        or timezone.localdate(last_read_at) != timezone.localdate()
    ):
        services.thread_mark_read(thread=thread, user=user)
    moderator = can_moderate(user)
    for reply in page.object_list:
        reply.is_new = bool(last_read_at and reply.created_at > last_read_at)
    _share_replies(thread, page.object_list, user, moderator)
    context = {
        "thread": thread,
        "topic": thread.topic,
        "page_obj": page,
        "replies": page.object_list,
        "last_read_at": thread.last_read_at,
        "following": thread.following,
        "reply_form": ReplyForm(),
        "can_moderate": moderator,
        "moderation": _moderation_forms(thread) if moderator else [],
        "reply_by_email": settings.INBOUND_EMAIL_ENABLED,
    }
    return render(request, "discussions/thread_detail.html", context)


def _moderation_forms(thread):
    """Return the coordinators' forms for the thread as it is now: one per possible action."""
    Action = ThreadModerationForm.Action
    actions = [
        Action.SHOW if thread.hidden_at else Action.HIDE,
        Action.UNLOCK if thread.locked else Action.LOCK,
        Action.UNPIN if thread.pinned else Action.PIN,
        Action.MOVE,
    ]
    return [
        ThreadModerationForm(thread=thread, initial={"action": action}, prefix=action)
        for action in actions
    ]


@require_POST
@member_required
def thread_moderate(request, topic, pk, slug):
    """Let a coordinator hide, lock, pin or move a thread from its page, with a reason."""
    if not can_moderate(request.user):
        raise Http404
    thread = get_thread_or_404(request, pk)
    # Each form on the page names its action, the prefix of its fields.
    action = request.POST.get("action", "")
    if action not in ThreadModerationForm.Action.values:
        return HttpResponseBadRequest(_("Unknown action."))
    form = ThreadModerationForm(request.POST, thread=thread, prefix=action)
    if form.is_valid():
        services.thread_moderate(thread=thread, by=request.user, **form.cleaned_data)
        label = ThreadModerationForm.Action(form.cleaned_data["action"]).label
        messages.success(request, _("Done: %(action)s.") % {"action": label})
        return redirect(thread)
    return render(
        request,
        "discussions/thread_moderate.html",
        {"thread": thread, "topic": thread.topic, "form": form},
        status=400,
    )


def _share_replies(thread, replies, user, moderator):
    """Set html on each reply: the same for everyone of the audience who stands to it alike
    (its author or not, new to them or not), so shared until the discussions change. The
    asker of a question gets answer forms with their own CSRF token under each reply:
    theirs are rendered in the page."""
    if thread.kind == Thread.Kind.QUESTION and thread.author_id == user.pk:
        return
    context = {"thread": thread, "user": user, "can_moderate": moderator}
    parts = [
        shared_cache.Part(
            f"discussions:reply:{reply.pk}",
            partial(
                render_to_string,
                "discussions/includes/_reply.html",
                {**context, "reply": reply, "number": number, "is_new": reply.is_new},
            ),
            # Authors' names and the topic's address show in it too.
            ("discussions", "people", "site"),
            key=(number, reply.is_new, reply.author_id == user.pk),
        )
        for number, reply in enumerate(replies, start=1)
    ]
    html = shared_cache.shared_parts(parts, user=user)
    for reply in replies:
        reply.html = html[f"discussions:reply:{reply.pk}"]


def _quote(reply):
    quoted = "\n".join(f"> {line}" for line in reply.body.splitlines())
    return f"{quoted}\n\n"


@member_required
@ratelimit("posting")
def reply_create(request, topic, pk, slug):
    """Reply to a thread (quoting a reply when asked), with a preview."""
    thread = get_thread_or_404(request, pk)
    if thread.locked or thread.deleted_at:
        messages.error(request, _("This thread is closed to new replies."))
        return redirect(thread)
    preview = None
    if request.method == "POST":
        form = ReplyForm(request.POST)
        if form.is_valid():
            if "preview" in request.POST:
                preview = render_markdown(form.cleaned_data["body"])
            else:
                reply = services.thread_reply(
                    thread=thread,
                    author=request.user,
                    body=form.cleaned_data["body"],
                    anonymous=form.cleaned_data["anonymous"],
                    language=form.cleaned_data["language"],
                )
                messages.success(request, _("Your reply is posted."))
                last_page = Paginator(
                    Reply.objects.filter(thread=thread), REPLIES_PER_PAGE
                ).num_pages
                return redirect(f"{thread.get_absolute_url()}?page={last_page}#reply-{reply.pk}")
    else:
        initial = {}
        quote_id = request.GET.get("quote", "")
        if quote_id.isdigit():
            quoted = Reply.objects.filter(
                pk=quote_id, thread=thread, hidden_at__isnull=True, deleted_at__isnull=True
            ).first()
            if quoted:
                initial["body"] = _quote(quoted)
        form = ReplyForm(initial=initial)
    return render(
        request,
        "discussions/reply_form.html",
        {"thread": thread, "topic": thread.topic, "form": form, "preview": preview},
    )


@member_required
def post_edit(request, topic, pk, slug, reply_id=None):
    """Let the author change their post; the earlier text is kept as a revision."""
    thread, post = get_post_or_404(request, pk, reply_id)
    if not services.post_can_change(post, request.user):
        raise PermissionDenied
    form_class = ReplyEditForm if reply_id else ThreadEditForm
    preview = None
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            if "preview" in request.POST:
                preview = render_markdown(form.cleaned_data["body"])
            else:
                services.post_edit(
                    post=post,
                    by=request.user,
                    body=form.cleaned_data["body"],
                    title=form.cleaned_data.get("title"),
                )
                messages.success(request, _("Your changes are saved."))
                return redirect(thread)
    else:
        form = form_class(initial={"title": thread.title, "body": post.body})
    return render(
        request,
        "discussions/post_edit.html",
        {"thread": thread, "topic": thread.topic, "post": post, "form": form, "preview": preview},
    )


@member_required
def post_delete(request, topic, pk, slug, reply_id=None):
    """Ask, then withdraw the author's post, leaving a notice in its place."""
    thread, post = get_post_or_404(request, pk, reply_id)
    if not services.post_can_change(post, request.user):
        raise PermissionDenied
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, _("Your post is deleted."))
        return redirect(thread)
    return render(
        request,
        "discussions/post_delete.html",
        {"thread": thread, "topic": thread.topic, "post": post},
    )


@member_required
def post_history(request, topic, pk, slug, reply_id=None):
    """Show coordinators what a post said before each edit."""
    if not can_moderate(request.user):
        raise Http404
    thread, post = get_post_or_404(request, pk, reply_id)
    revisions = post.revisions.select_related("edited_by")
    return render(
        request,
        "discussions/post_history.html",
        {"thread": thread, "topic": thread.topic, "post": post, "revisions": revisions},
    )


@member_required
@ratelimit("reporting")
def post_report(request, topic, pk, slug, reply_id=None):
    """Let a member report a post to the coordinators, with a reason."""
    thread, post = get_post_or_404(request, pk, reply_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_report(post=post, reporter=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you. The coordinators will look at this post."))
        return redirect(thread)
    return render(
        request,
        "discussions/post_report.html",
        {"thread": thread, "topic": thread.topic, "post": post, "form": form},
    )


@require_POST
@member_required
def reply_mark_answer(request, topic, pk, slug, reply_id):
    """Let the asker mark (or unmark) a reply as the answer to their question."""
    thread, reply = get_post_or_404(request, pk, reply_id)
    try:
        services.thread_mark_answer(thread=thread, reply=reply, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(reply_address(thread, reply))


def reply_address(thread, reply):
    """Return the address of the reply: the page of the thread it is on, and its anchor."""
    reply.thread = thread
    return reply.get_absolute_url()


@require_POST
@member_required
def thread_follow(request, topic, pk, slug):
    """Follow a thread, or stop following it."""
    thread = get_thread_or_404(request, pk)
    if services.subscription_toggle(user=request.user, thread=thread):
        messages.success(request, _("You follow this thread."))
    else:
        messages.success(request, _("You no longer follow this thread."))
    return redirect(thread)


@require_POST
@member_required
def topic_follow(request, topic):
    """Follow every new thread of a topic, or stop."""
    topic = get_object_or_404(Topic, slug=topic)
    if services.subscription_toggle(user=request.user, topic=topic):
        messages.success(request, _("You follow this topic."))
    else:
        messages.success(request, _("You no longer follow this topic."))
    return redirect("discussions:thread_list", topic=topic.slug)


# Convenings


def event_list(request):
    """Show upcoming (or past) events the user may see, with filters."""
    past = request.GET.get("when") == "past"
    events = Event.objects.visible_to(request.user)
    events = events.past() if past else events.upcoming()
    filters = {
        "topic": request.GET.get("topic", ""),
        "format": request.GET.get("format", ""),
        "country": request.GET.get("country", "").upper(),
        "language": request.GET.get("language", ""),
    }
    if filters["topic"]:
        events = events.filter(topics__slug=filters["topic"])
    if filters["format"] in Event.Format.values:
        events = events.filter(format=filters["format"])
    if filters["country"]:
        events = events.filter(country=filters["country"])
    # An unknown language (an old bookmark's free text) is left out, not an error.
    if filters["language"] in LANGUAGE_NAMES:
        events = events.filter(languages__contains=[filters["language"]])
    else:
        filters["language"] = ""
    # The cards show neither topics nor seats: the list needs no more than the events.
    page = page_of(events, EVENTS_PER_PAGE, request, Event.objects.order_by(*events.query.order_by))
    statuses = {}
    if request.user.is_authenticated:
        statuses = dict(
            Registration.objects.filter(
                user=request.user, event__in=[event.pk for event in page.object_list]
            ).values_list("event_id", "status")
        )
    for event in page.object_list:
        event.my_status = statuses.get(event.pk)
    query = request.GET.copy()
    query.pop("page", None)
    # The filters' choices are the same for everyone in an audience.
    topics, country_codes = shared_cache.shared(
        "events:filters",
        lambda: (
            list(Topic.objects.for_list()),
            list(Event.objects.visible_to(request.user).countries()),
        ),
        areas=("events", "site"),
        user=request.user,
    )
    context = {
        "events": page.object_list,
        "page_obj": page,
        "past": past,
        "languages": WORKING_LANGUAGES,
        "filters": filters,
        "topics": topics,
        "formats": Event.Format.choices,
        "countries": [(code, countries.name(code)) for code in country_codes],
        "query_string": query.urlencode(),
    }
    return render(request, "discussions/event_list.html", context)


def get_event_or_404(request, slug, queryset=None):
    """Return the event if the user may see it, else 404."""
    if queryset is None:
        queryset = Event.objects.all()
    return get_object_or_404(
        queryset.visible_to(request.user)
        .for_list()
        .prefetch_related(
            "organisers",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("owner")),
        ),
        slug=slug,
    )


def _registrations_count(**filters):
    """Return a subquery: how many of the event's registrations match the filters."""
    count = (
        Registration.objects.filter(event=OuterRef("pk"), **filters)
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(count), 0)


def event_detail(request, slug):
    """Show an event: facts, registration, and after it the outcomes and action items."""
    # The waiting list and the attendance are counted with the event, in its query.
    counts = {"attendance_count": _registrations_count(attended=True)}
    if request.user.is_authenticated:
        counts["waiting_count"] = _registrations_count(status=Registration.Status.WAITING)
    event = get_event_or_404(request, slug, Event.objects.annotate(**counts))
    registration = None
    waiting_count = 0
    if request.user.is_authenticated:
        registration = Registration.objects.filter(event=event, user=request.user).first()
        waiting_count = event.waiting_count
    is_registered = (
        registration is not None and registration.status == Registration.Status.REGISTERED
    )
    context = {
        "event": event,
        "registration": registration,
        "show_link": is_registered or can_moderate(request.user),
        "waiting_count": waiting_count,
        "seats_left": (
            max(event.capacity - event.registered_count, 0) if event.capacity is not None else None
        ),
        "can_register": sees_members_content(request.user) and event.registration_is_open(),
        "can_record_outcome": can_record_outcome(event, request.user),
        "json_ld": event_json_ld(event) if event.visibility == Event.Visibility.PUBLIC else "",
    }
    if event.is_past:
        context["attendance_count"] = event.attendance_count
        if sees_members_content(request.user):
            context["attending_organisations"] = Organisation.objects.filter(
                memberships__user__event_registrations__event=event,
                memberships__user__event_registrations__attended=True,
            ).distinct()
    return render(request, "discussions/event_detail.html", context)


def can_record_outcome(event, user):
    """Return whether the user may write the event's outcome: its organisers and coordinators."""
    if not user.is_authenticated:
        return False
    return can_moderate(user) or any(o.pk == user.pk for o in event.organisers.all())


@member_required
def event_outcome(request, slug):
    """Let an organiser or a coordinator record what the event decided, with action items."""
    event = get_event_or_404(request, slug)
    if not can_record_outcome(event, request.user):
        raise PermissionDenied
    form = EventOutcomeForm(request.POST or None, instance=event)
    formset = ActionItemFormSet(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        services.event_outcome_record(event_form=form, action_items=formset)
        messages.success(request, _("The outcome is saved."))
        return redirect(event)
    return render(
        request,
        "discussions/event_outcome_form.html",
        {"event": event, "form": form, "formset": formset},
    )


@require_POST
@member_required
def event_register(request, slug):
    """Take a seat at the event, or a place on its waiting list."""
    event = get_event_or_404(request, slug)
    try:
        registration = services.event_register(event=event, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(event)
    if registration.status == Registration.Status.REGISTERED:
        messages.success(request, _("You are registered."))
    else:
        messages.success(
            request,
            _("The event is full: you are on the waiting list and will get a seat if one frees."),
        )
    return redirect(event)


@require_POST
@member_required
def event_cancel(request, slug):
    """Give up one's seat or waiting place."""
    event = get_event_or_404(request, slug)
    services.event_cancel(event=event, user=request.user)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(event)


def _ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    """Serve one event as an iCalendar file."""
    event = get_event_or_404(request, slug)
    return _ics_response(calendar_for([event], request), f"{event.slug}.ics")


def events_ics(request):
    """Serve every event the user may see as an iCalendar feed."""
    since = timezone.now() - datetime.timedelta(days=365)
    events = Event.objects.visible_to(request.user).filter(ends_at__gte=since).order_by("starts_at")
    return _ics_response(calendar_for(events, request), f"{settings.SITE_SHORT_NAME}-events.ics")

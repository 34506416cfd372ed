import json

from allauth.account import app_settings as allauth_settings
from allauth.account.utils import complete_signup, setup_user_email
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members import data_export, services, surveys
from members import sections as member_sections
from members.forms import (
    DeleteAccountForm,
    DirectoryForm,
    JoinApplicationForm,
    OrganisationForm,
    PersonForm,
    ProfileForm,
)
from members.models import JoinApplication, Membership, Organisation, Survey, User
from members.permissions import member_required, members_only_response
from members.sections import me_sections, organisation_sections
from racop import cache as shared_cache
from racop import sections
from racop.access import is_coordinator, sees_members_content
from racop.ratelimit import ratelimit

PAGE_SIZE = 24


@ratelimit("join")
def join(request):
    """Explain who can join and take the application, with an account when there is none."""
    user = request.user
    if user.is_authenticated:
        if user.is_member:
            messages.info(request, _("You are already a member of the community."))
            return redirect("members:me")
        if user.join_applications.open().exists():
            return redirect("members:application_status")
    person_form = None if user.is_authenticated else PersonForm(request.POST or None)
    form = JoinApplicationForm(request.POST or None)
    if request.method == "POST":
        person_valid = person_form is None or person_form.is_valid()
        if form.is_valid() and person_valid:
            if person_form is None:
                services.application_submit(
                    user=user, application=form.instance, topics=form.cleaned_data["topics"]
                )
                messages.success(request, _("Thank you: your application was sent."))
                return redirect("members:application_status")
            return _sign_up_and_apply(request, person_form, form)
        if person_form is not None:
            person_form.ask_passwords_again()
    return render(request, "members/join.html", {"person_form": person_form, "form": form})


def _sign_up_and_apply(request, person_form, form):
    data = person_form.cleaned_data
    with transaction.atomic():
        user = User(
            email=data["email"],
            username=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        user.set_password(data["password1"])
        user.save()
        setup_user_email(request, user, [])
        services.application_submit(
            user=user, application=form.instance, topics=form.cleaned_data["topics"]
        )
    return complete_signup(
        request,
        user,
        allauth_settings.EMAIL_VERIFICATION,
        reverse("members:application_status"),
    )


@login_required
def application_status(request):
    """Show the person's latest application, what was said about it, and what comes next."""
    application = (
        request.user.join_applications.select_related("existing_organisation")
        .prefetch_related("topics", "events__actor")
        .first()
    )
    if application is None:
        return redirect("members:join")
    return render(request, "members/application_status.html", {"application": application})


@login_required
def application_edit(request):
    """Let the applicant change the application while it waits for a decision."""
    application = get_object_or_404(request.user.join_applications.open())
    form = JoinApplicationForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        services.application_update(
            application=form.instance, by=request.user, topics=form.cleaned_data["topics"]
        )
        messages.success(request, _("Your application was updated."))
        return redirect("members:application_status")
    return render(request, "members/application_form.html", {"form": form})


@require_POST
@login_required
def application_review(request, pk, decision):
    """Let an organisation's representative decide on a request to join it."""
    application = get_object_or_404(
        JoinApplication.objects.open().select_related("existing_organisation", "user"), pk=pk
    )
    if not services.can_review(request.user, application):
        raise Http404
    actions = {
        "approve": services.application_approve,
        "decline": services.application_decline,
    }
    try:
        actions[decision](application=application, by=request.user)
    except (KeyError, PermissionDenied) as error:
        raise Http404 from error
    messages.success(request, _("Your decision was recorded and the person was told."))
    if application.existing_organisation_id is None:
        # A coordinator deciding on a new organisation's application: back to the admin.
        return redirect("admin:members_joinapplication_changelist")
    return redirect(application.existing_organisation)


def person_detail(request, slug):
    """Show a member's profile to those the member chose to be listed to."""
    people = User.objects.listed_for(request.user)
    if request.user.is_authenticated:
        people = people | User.objects.filter(pk=request.user.pk)
    person = get_object_or_404(
        people.prefetch_related(
            "topics",
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation")),
            *[prefetch() for prefetch in member_sections.person_prefetches],
        ),
        slug=slug,
    )
    return render(
        request,
        "members/person_detail.html",
        {"person": person, "person_badges": member_sections.person_badges},
    )


def organisation_detail(request, slug):
    """Show an organisation, its listed members and, to its representatives, requests."""
    organisation = get_object_or_404(Organisation.objects.prefetch_related("topics"), slug=slug)
    people = (
        User.objects.listed_for(request.user)
        .filter(memberships__organisation=organisation)
        .order_by("last_name", "first_name")
    )
    can_edit = is_coordinator(request.user) or organisation.is_represented_by(request.user)
    requests = organisation.join_requests.open().select_related("user") if can_edit else None
    context = {
        "organisation": organisation,
        "people": people,
        "can_edit": can_edit,
        "requests": requests,
        "sections": sections.render_context(
            organisation_sections, request=request, organisation=organisation
        ),
    }
    return render(request, "members/organisation_detail.html", context)


@login_required
def organisation_edit(request, slug):
    """Let an organisation's representatives (and coordinators) edit its page."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not (is_coordinator(request.user) or organisation.is_represented_by(request.user)):
        raise Http404
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The organisation's page was updated."))
        return redirect(organisation)
    return render(
        request, "members/organisation_form.html", {"form": form, "organisation": organisation}
    )


# The directory's long lists (every country, every topic): their HTML is the same for
# every member who chose the same value, so it is rendered once per language and value.
SHARED_FILTERS = {"type", "country", "topic", "language"}


def _directory_cards(items, show_people):
    return render_to_string(
        "members/includes/_directory_cards.html",
        {
            "items": items,
            "show_people": show_people,
            "person_badges": member_sections.person_badges,
        },
    )


@member_required
def directory(request):
    """List member organisations or people, filtered, searched and paginated."""
    form = DirectoryForm(request.GET or None)
    show_people = False
    queryset = Organisation.objects.all()
    if form.is_valid():
        show_people = form.cleaned_data.get("type") == "people"
        if show_people:
            queryset = form.filter_people(User.objects.members())
        else:
            queryset = form.filter_organisations(queryset)
    # No filter joins more than one row per organisation or person (one topic at most), so
    # no DISTINCT: it made PostgreSQL sort every row of the table to count and to page.
    queryset = queryset.for_directory()
    state = request.GET.copy()
    state.pop("page", None)
    # What the directory shows: people, organisations, and the badges other apps add.
    areas = ("people", "site", "pledge", "plan")
    parts = [
        # The long lists (every country, every topic) are the same for every member who
        # chose the same value; a refused value is shown as typed.
        shared_cache.Part(
            f"directory:field:{field.name}",
            lambda field=field: render_to_string("includes/form_field.html", {"field": field}),
            ("people", "site"),
            key=(form.data.get(field.name, "") if form.is_bound else None,),
        )
        for field in form
        if field.name in SHARED_FILTERS and not field.errors
    ]
    listed = not form.is_bound or form.is_valid()
    if listed:
        parts.append(
            shared_cache.Part("directory:count", queryset.count, areas, key=(state.urlencode(),))
        )
    found = shared_cache.shared_parts(parts, user=request.user)
    filter_fields = [
        found.get(f"directory:field:{field.name}")
        or render_to_string("includes/form_field.html", {"field": field})
        for field in form
    ]
    if not listed:
        page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        items = page.object_list
        cards = _directory_cards(items, show_people) if items else ""
    else:
        # The count gives the pages; a page's cards are shared too.
        page = Paginator(range(found["directory:count"]), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        cards = ""
        if page.object_list:
            start, end = page.start_index() - 1, page.end_index()
            cards = shared_cache.shared(
                "directory:cards",
                lambda: _directory_cards(queryset[start:end], show_people),
                areas=areas,
                user=request.user,
                key=(state.urlencode(), page.number),
            )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "filter_fields": filter_fields,
        "page_obj": page,
        "cards": cards,
        "show_people": show_people,
        "query_string": query.urlencode(),
    }
    return render(request, "members/directory.html", context)


@login_required
def me(request):
    """Let the person edit their profile and find their account's other pages."""
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("members:me")
    open_surveys = Survey.objects.for_respondent(request.user).open_now()
    context = {
        "form": form,
        "surveys": open_surveys,
        "sections": sections.render_context(me_sections, request=request),
        "two_factor_on": is_mfa_enabled(request.user),
    }
    return render(request, "members/me.html", context)


@login_required
def me_data(request):
    """Send everything the portal holds about the person as a JSON file."""
    data = {
        "exported_at": timezone.now(),
        "data": data_export.user_data(request.user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required
def me_delete(request):
    """Delete the account after the person confirms with their password."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_anonymise(user=user)
        messages.success(request, _("Your account was deleted. Thank you for taking part."))
        return redirect("home")
    return render(request, "members/me_delete.html", {"form": form})


@login_required
def survey_detail(request, slug):
    """Let members (and invited applicants) answer a survey, save a draft, change answers."""
    survey = Survey.objects.for_respondent(request.user).filter(slug=slug).first()
    if survey is None:
        if not sees_members_content(request.user):
            return members_only_response(request)
        raise Http404
    questions = list(survey.questions.all())
    response = survey.responses.filter(user=request.user).first()
    initial = dict(response.answers.values_list("question_id", "value")) if response else {}
    draft = "save_draft" in request.POST
    form = surveys.SurveyForm(
        request.POST or None, questions=questions, initial_answers=initial, draft=draft
    )
    if request.method == "POST" and survey.is_open and form.is_valid():
        surveys.survey_answer(
            survey=survey, user=request.user, answers=form.answers(), submit=not draft
        )
        if draft:
            messages.success(request, _("Your answers were saved as a draft."))
        else:
            messages.success(request, _("Thank you: your answers were sent."))
        return redirect(survey)
    context = {"survey": survey, "form": form, "questions": questions, "response": response}
    return render(request, "members/survey_detail.html", context)


@login_required
def survey_results(request, slug):
    """Show a survey's aggregated results to coordinators, and to members once published."""
    survey = get_object_or_404(Survey, slug=slug)
    published = survey.results_published and request.user.is_member
    if not (is_coordinator(request.user) or published):
        raise Http404
    context = {"survey": survey, "results": surveys.survey_results(survey)}
    return render(request, "members/survey_results.html", context)

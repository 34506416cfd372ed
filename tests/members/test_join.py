import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from members.models import ApplicationEvent, JoinApplication, User, name_key
from tests.factories import JoinApplicationFactory, OrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

JOIN = "/join/"


def person_data(**overrides):
    data = {
        "first_name": "Ana",
        "last_name": "Kovač",
        "email": "ana@example.org",
        "password1": "a long pass phrase 2026",
        "password2": "a long pass phrase 2026",
    }
    return {**data, **overrides}


def application_data(**overrides):
    data = {
        "applicant_kind": "organisation",
        "organisation_name": "Civic Lab Niš",
        "country": "RS",
        "city": "Niš",
        "website": "https://civiclab.example.org",
        "category": "association",
        "size": "6-20",
        "position": "Director",
        "affiliation": "hub_grantee",
        "motivation": "To learn how to report back to our community.",
        "languages": ["sr", "en"],
        "consent": "on",
    }
    return {**data, **overrides}


def test_url_names():
    assert reverse("members:join") == JOIN
    assert reverse("members:application_status") == "/join/status/"


@pytest.mark.parametrize("role", ["visitor", "applicant"])
def test_join_page_is_open_to_visitors_and_applicants(as_role, role):
    response = as_role(role).get(JOIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Who can join" in html
    assert ('name="password1"' in html) is (role == "visitor")


@pytest.mark.parametrize("role", ["member", "representative"])
def test_members_are_sent_to_their_account(as_role, role):
    response = as_role(role).get(JOIN)
    assert response.status_code == 302
    assert response["Location"] == reverse("members:me")


def test_coordinators_are_members_and_are_sent_to_their_account(as_role):
    assert as_role("coordinator").get(JOIN)["Location"] == reverse("members:me")


def test_countries_start_with_the_western_balkans_and_turkey(client):
    html = client.get(JOIN).content.decode()
    select = html[html.index('name="country"') :]
    codes = re.findall(r'<option value="([A-Z]{2})"', select)[:8]
    assert codes == ["AL", "BA", "HR", "XK", "ME", "MK", "RS", "TR"]
    assert 'value="FR"' in select


def test_visitor_joins_verifies_and_sees_the_status(client, django_capture_on_commit_callbacks):
    topic = TopicFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, {**person_data(), **application_data(topics=[topic.pk])})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"

    user = User.objects.get(email="ana@example.org")
    assert not user.is_member
    assert user.check_password("a long pass phrase 2026")
    application = user.join_applications.get()
    assert application.status == JoinApplication.Status.PENDING
    assert application.organisation_name == "Civic Lab Niš"
    assert list(application.topics.all()) == [topic]
    assert application.languages == ["sr", "en"]
    assert application.consented_at is not None
    assert application.events.get().action == ApplicationEvent.Action.SUBMITTED

    recipients = [message.to[0] for message in mail.outbox]
    assert "ana@example.org" in recipients
    # The confirmation, not the "we received your application" notice sent alongside.
    confirmation = next(
        m for m in mail.outbox if m.to == ["ana@example.org"] and "/confirm-email/" in m.body
    )
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", confirmation.body).group(0)
    response = client.post(link.split("testserver", 1)[-1])
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ana@example.org").verified
    response = client.get(response["Location"], follow=True)
    assert response.wsgi_request.path == "/join/status/"
    assert "Pending" in response.content.decode()


def test_logged_in_person_applies_with_the_application_fields_only(client, applicant):
    client.force_login(applicant)
    response = client.post(JOIN, application_data(applicant_kind="individual"))
    assert response.status_code == 302
    assert response["Location"] == "/join/status/"
    assert applicant.join_applications.get().applicant_kind == "individual"
    assert User.objects.count() == 1


def test_applicant_with_an_open_application_is_sent_to_its_status(client, applicant):
    JoinApplicationFactory(user=applicant)
    client.force_login(applicant)
    assert client.get(JOIN)["Location"] == "/join/status/"


@pytest.mark.parametrize(
    ("person", "application", "field", "message"),
    [
        ({"email": "taken@example.org"}, {}, "email", "already exists"),
        ({"email": "not an email"}, {}, "email", "valid email"),
        ({"password2": "something else 2026"}, {}, "password2", "same password"),
        ({"password1": "123", "password2": "123"}, {}, "password1", "too short"),
        ({}, {"motivation": ""}, "motivation", "why you want to join"),
        ({}, {"website": "not a site"}, "website", "full web address"),
        ({}, {"consent": ""}, "consent", "accept the code of conduct"),
        ({}, {"organisation_name": ""}, "organisation_name", "name of your organisation"),
        ({}, {"applicant_kind": ""}, "applicant_kind", "required"),
        ({}, {"country": "ZZ"}, "country", "valid choice"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_kept(
    client, person, application, field, message
):
    User.objects.create(username="taken@example.org", email="taken@example.org")
    data = {**person_data(**person), **application_data(**application)}
    response = client.post(JOIN, data)
    assert response.status_code == 200
    errors = {**response.context["person_form"].errors, **response.context["form"].errors}
    assert message in " ".join(errors[field])
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert "To learn how to report back" in html or field == "motivation"
    assert "Kovač" in html
    assert not JoinApplication.objects.exists()


def test_same_email_with_other_case_is_refused(client, applicant):
    response = client.post(
        JOIN, {**person_data(email=applicant.email.upper()), **application_data()}
    )
    assert "already exists" in " ".join(response.context["person_form"].errors["email"])


@pytest.mark.parametrize(
    "typed",
    [
        "civic initiatives network serbia",
        "Civic Initiatives Network, Serbia",
        "CIVIC-INITIATIVES network Sérbia!",
    ],
)
def test_existing_organisation_is_matched_and_the_person_asks_to_join_it(client, typed):
    organisation = OrganisationFactory(name="Civic Initiatives Network Serbia")
    data = {**person_data(), **application_data(organisation_name=typed)}
    response = client.post(JOIN, data)
    assert response.status_code == 200
    assert "already part of the community" in " ".join(
        response.context["form"].errors["organisation_name"]
    )
    assert 'name="join_existing"' in response.content.decode()

    response = client.post(JOIN, {**data, "join_existing": "on"})
    assert response.status_code == 302
    application = JoinApplication.objects.get()
    assert application.existing_organisation == organisation


def test_name_key_ignores_case_accents_and_punctuation():
    assert name_key("Đakovo  Civic-Centre, d.o.o.") == name_key("djakovo civic centre d o o") or (
        name_key("Đakovo  Civic-Centre, d.o.o.") == "dakovo civic centre d o o"
    )
    assert name_key("Şırnak Kadın Derneği") == "sirnak kadin dernegi"
    assert name_key("Hadžić & Partners") == "hadzic partners"


@pytest.mark.parametrize("size", [2, 20])
def test_join_page_query_count_is_flat(client, django_assert_max_num_queries, size):
    TopicFactory.create_batch(size)
    with django_assert_max_num_queries(3):
        assert client.get(JOIN).status_code == 200


def test_a_password_is_never_sent_back_and_the_page_says_why(client):
    data = {**person_data(), **application_data(motivation="")}
    response = client.post(JOIN, data)
    html = response.content.decode()
    assert "a long pass phrase 2026" not in html
    assert 'value="a long pass phrase 2026"' not in html
    assert "Type your password again" in html
    assert 'id="id_password1_error"' in html
    # Everything else comes back as typed.
    assert 'value="Civic Lab Niš"' in html and 'value="Kovač"' in html


@pytest.mark.parametrize("prefix", ["", "/mk", "/sq"])
def test_the_join_page_names_the_community_in_its_lead(client, prefix, settings):
    response = client.get(f"{prefix}{JOIN}")
    lead = re.search(r'<p class="lead">(.*?)</p>', response.content.decode(), re.S).group(1)
    assert settings.SITE_NAME in lead
    assert not lead.strip().startswith(("is open", "është", "можат"))

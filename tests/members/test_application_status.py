import pytest
from django.urls import reverse

from members.models import ApplicationEvent, JoinApplication
from members.services import application_request_info
from tests.factories import JoinApplicationFactory, TopicFactory

pytestmark = pytest.mark.django_db

STATUS = "/join/status/"
EDIT = "/join/edit/"


def edit_data(application, **overrides):
    data = {
        "applicant_kind": application.applicant_kind,
        "organisation_name": application.organisation_name,
        "country": "AL",
        "affiliation": application.affiliation,
        "motivation": "Updated: we answer the coordinators' question.",
    }
    return {**data, **overrides}


def test_url_names():
    assert reverse("members:application_edit") == EDIT


def test_visitor_is_sent_to_log_in(client):
    for path in (STATUS, EDIT):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_person_without_application_is_sent_to_join(client, applicant):
    client.force_login(applicant)
    assert client.get(STATUS)["Location"] == "/join/"
    assert client.get(EDIT).status_code == 404


@pytest.mark.parametrize(
    ("status", "text", "editable"),
    [
        ("pending", "Pending", True),
        ("needs_info", "Needs more information", True),
        ("approved", "Approved", False),
        ("declined", "Declined", False),
    ],
)
def test_status_page_shows_each_status(client, applicant, status, text, editable):
    JoinApplicationFactory(user=applicant, status=status)
    client.force_login(applicant)
    response = client.get(STATUS)
    assert response.status_code == 200
    html = response.content.decode()
    assert text in html
    assert (EDIT in html) is editable
    assert client.get(EDIT).status_code == (200 if editable else 404)


@pytest.mark.parametrize("role", ["member", "representative", "coordinator"])
def test_people_see_only_their_own_application(as_role, role):
    other = JoinApplicationFactory(organisation_name="Someone Else's Association")
    response = as_role(role).get(STATUS)
    assert response.status_code == 302
    assert other.organisation_name not in as_role(role).get("/join/", follow=True).content.decode()


def test_coordinators_message_is_shown_and_the_answer_puts_it_back_in_the_queue(
    client, applicant, coordinator
):
    application = JoinApplicationFactory(user=applicant)
    application_request_info(application=application, by=coordinator, message="Which city?")
    client.force_login(applicant)
    assert "Which city?" in client.get(STATUS).content.decode()

    topic = TopicFactory()
    response = client.post(EDIT, edit_data(application, city="Tirana", topics=[topic.pk]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.PENDING
    assert application.city == "Tirana"
    assert application.country == "AL"
    assert list(application.topics.all()) == [topic]
    assert application.events.last().action == ApplicationEvent.Action.EDITED


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"motivation": ""}, "motivation", "why you want to join"),
        ({"website": "nope"}, "website", "full web address"),
        ({"organisation_name": ""}, "organisation_name", "name of your organisation"),
    ],
)
def test_edit_bad_input_is_explained_and_kept(client, applicant, overrides, field, message):
    application = JoinApplicationFactory(user=applicant, motivation="Original reason")
    client.force_login(applicant)
    response = client.post(EDIT, edit_data(application, city="Kept city", **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "Kept city" in response.content.decode()
    application.refresh_from_db()
    assert application.motivation == "Original reason"


@pytest.mark.parametrize("size", [1, 10])
def test_status_page_query_count_is_flat(
    client, applicant, coordinator, django_assert_max_num_queries, size
):
    application = JoinApplicationFactory(user=applicant)
    application.topics.set(TopicFactory.create_batch(size))
    for n in range(size):
        ApplicationEvent.objects.create(
            application=application, actor=coordinator, action="edited", message=f"note {n}"
        )
    client.force_login(applicant)
    with django_assert_max_num_queries(6):
        assert client.get(STATUS).status_code == 200

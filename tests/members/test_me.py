import json

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.urls import reverse

from members import data_export
from members.models import JoinApplication, Membership, NotificationPreference, User
from tests.factories import JoinApplicationFactory, MembershipFactory, TopicFactory

pytestmark = pytest.mark.django_db

ME_PAGES = [
    "/me/",
    "/me/notifications/",
    "/me/notifications/preferences/",
    "/me/data.json",
    "/me/delete/",
]


def test_url_names():
    assert reverse("members:me") == "/me/"
    assert reverse("members:me_data") == "/me/data.json"


@pytest.mark.parametrize("path", ME_PAGES)
def test_visitors_are_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["applicant", "member", "representative", "coordinator"])
@pytest.mark.parametrize("path", ME_PAGES)
def test_everyone_signed_in_has_their_account_pages(as_role, role, path):
    assert as_role(role).get(path).status_code == 200


def test_me_links_to_the_account_pages(client, member):
    client.force_login(member)
    html = client.get("/me/").content.decode()
    for name in ["account_email", "account_change_password", "notifications:me_notifications",
                 "members:me_data", "members:me_delete"]:  # fmt: skip
        assert reverse(name) in html


def test_member_edits_their_profile(client, member):
    topic = TopicFactory()
    client.force_login(member)
    data = {"first_name": "Mira", "last_name": "Novak", "country": "BA", "bio": "Hello",
            "languages": ["bs", "en"], "topics": [topic.pk], "listing": "public"}  # fmt: skip
    response = client.post("/me/", data)
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.first_name, member.country, member.listing) == ("Mira", "BA", "public")
    assert member.languages == ["bs", "en"]
    assert list(member.topics.all()) == [topic]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [({"first_name": ""}, "first_name", "first name is needed"),
     ({"listing": "everyone"}, "listing", "valid choice"),
     ({"languages": ["xx"]}, "languages", "valid choice")],
)  # fmt: skip
def test_profile_bad_input_is_explained_and_kept(client, member, overrides, field, message):
    client.force_login(member)
    data = {"first_name": "Mira", "last_name": "Novak", "bio": "Kept bio text",
            "listing": "members", **overrides}  # fmt: skip
    response = client.post("/me/", data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "Kept bio text" in response.content.decode()


def test_notification_preferences_are_stored(client, member):
    client.force_login(member)
    data = dict.fromkeys(NotificationPreference.Kind.values, "never")
    data.update(reply="immediately", digest_frequency="daily")
    assert client.post("/me/notifications/preferences/", data).status_code == 302
    member.refresh_from_db()
    assert member.digest_frequency == "daily"
    chosen = dict(member.notification_preferences.values_list("kind", "delivery"))
    assert chosen["reply"] == "immediately" and chosen["registration"] == "never"
    html = client.get("/me/notifications/preferences/").content.decode()
    assert 'value="immediately" selected' in html


def test_notification_bad_input_is_explained(client, member):
    client.force_login(member)
    response = client.post(
        "/me/notifications/preferences/", {"reply": "loudly", "digest_frequency": "x"}
    )
    assert response.status_code == 200
    assert "valid choice" in " ".join(response.context["form"].errors["reply"])
    assert not NotificationPreference.objects.exists()


def test_every_model_pointing_to_a_person_is_in_the_data_export():
    missing = data_export.uncovered()
    assert missing == [], (
        f"Register these models in members.data_export (from your AppConfig.ready()): {missing}"
    )


def test_the_coverage_check_notices_an_unregistered_model():
    saved = data_export.registry.pop("members.Membership")
    try:
        assert ("members.Membership", "user") in data_export.uncovered()
    finally:
        data_export.registry["members.Membership"] = saved


def test_coverage_walks_every_installed_model():
    user_linked = [m for m in apps.get_models() if data_export.user_fields_of(m)]
    assert JoinApplication in user_linked and EmailAddress in user_linked


def test_download_my_data(client, coordinator):
    membership = MembershipFactory(organisation__name="Data Org")
    person = membership.user
    JoinApplicationFactory(user=person, status="approved", motivation="My own words")
    NotificationPreference.objects.create(user=person, kind="registration", delivery="never")
    other = JoinApplicationFactory(motivation="Someone else's words")
    client.force_login(person)
    response = client.get("/me/data.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    payload = json.loads(response.content)
    data = payload["data"]
    assert data["members.User"][0]["email"] == person.email
    assert "password" not in data["members.User"][0]
    assert data["members.Membership"][0]["organisation"] == membership.organisation.pk
    assert data["members.JoinApplication"][0]["motivation"] == "My own words"
    assert data["members.NotificationPreference"][0]["kind"] == "registration"
    assert data["account.EmailAddress"][0]["email"] == person.email
    assert other.motivation not in response.content.decode()
    for label in data_export.registry:
        assert label in data


def test_delete_account_needs_the_password(client, member, password):
    client.force_login(member)
    response = client.post("/me/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "not your password" in " ".join(response.context["form"].errors["password"])
    member.refresh_from_db()
    assert member.is_active


def test_delete_account_anonymises_and_logs_out(client, password):
    membership = MembershipFactory()
    person = membership.user
    person.bio = "Private bio"
    person.listing = "public"
    person.save()
    JoinApplicationFactory(user=person, status="approved")
    NotificationPreference.objects.create(user=person, kind="registration", delivery="never")
    old_email, old_slug = person.email, person.slug
    client.force_login(person)

    response = client.post("/me/delete/", {"password": password})
    assert response.status_code == 302
    person.refresh_from_db()
    assert str(person) == "Former member"
    assert (person.first_name, person.last_name, person.email, person.bio) == ("", "", "", "")
    assert not person.is_active and not person.has_usable_password()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Membership.objects.filter(user=person).exists()
    assert not person.join_applications.exists()
    assert not NotificationPreference.objects.filter(user=person).exists()
    assert User.objects.filter(pk=person.pk).exists()
    assert client.get("/me/").status_code == 302
    assert client.get(f"/members/{old_slug}/").status_code == 404
    assert not client.login(username=old_email, password=password)


@pytest.mark.parametrize("size", [1, 10])
def test_me_query_count_is_flat(client, member, django_assert_max_num_queries, size):
    TopicFactory.create_batch(size)
    member.topics.set(TopicFactory.create_batch(size))
    client.force_login(member)
    # One of them asks whether the person has a second factor (the offer to turn it on).
    with django_assert_max_num_queries(7):
        assert client.get("/me/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/me/notifications/preferences/").status_code == 200

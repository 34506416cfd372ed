import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import JoinApplication, Membership, Organisation, User
from tests.factories import (
    JoinApplicationFactory,
    MemberFactory,
    MembershipFactory,
    OrganisationFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]
MEMBER_ROLES = {"member", "representative", "coordinator"}


@pytest.fixture
def listed_person():
    topic = TopicFactory(name="Shifting power")
    person = MemberFactory(first_name="Vesna", last_name="Ilić", bio="I **monitor** budgets.",
                           languages=["sr", "en"], country="RS")  # fmt: skip
    person.topics.set([topic])
    return person


def test_url_names(listed_person):
    assert reverse("members:directory") == "/members/"
    assert listed_person.get_absolute_url() == f"/members/{listed_person.slug}/"
    organisation = OrganisationFactory(slug="civic-lab")
    assert organisation.get_absolute_url() == "/organisations/civic-lab/"
    assert reverse("members:organisation_detail", args=["civic-lab"]) == "/organisations/civic-lab/"


def test_slugs_are_made_from_names_and_unique():
    first = MemberFactory(first_name="Ana", last_name="Kovač")
    second = MemberFactory(first_name="Ana", last_name="Kovač")
    assert first.slug == "ana-kovac"
    assert second.slug == "ana-kovac-2"


@pytest.mark.parametrize("role", ROLES)
def test_members_only_profile_is_shown_to_members_only(as_role, role, listed_person):
    response = as_role(role).get(listed_person.get_absolute_url())
    if role in MEMBER_ROLES:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Vesna Ilić" in html and "<strong>monitor</strong>" in html
        assert "Serbian" in html and "Shifting power" in html
    else:
        assert response.status_code == 404
        assert "Vesna" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_public_profile_is_shown_to_everyone(as_role, role, listed_person):
    listed_person.listing = User.Listing.PUBLIC
    listed_person.save()
    assert as_role(role).get(listed_person.get_absolute_url()).status_code == 200


def test_applicants_have_no_profile_page_except_for_themselves(client, applicant, member):
    url = applicant.get_absolute_url()
    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(applicant)
    assert client.get(url).status_code == 200


def test_unknown_profile_is_404(member_client):
    assert member_client.get("/members/nobody-here/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_organisation_page_is_public_but_lists_people_by_their_choice(as_role, role):
    membership = MembershipFactory(organisation__name="Lake Ohrid Watch")
    hidden = membership.user
    public = MembershipFactory(organisation=membership.organisation, role="staff").user
    public.listing = User.Listing.PUBLIC
    public.save()
    response = as_role(role).get(membership.organisation.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lake Ohrid Watch" in html
    assert str(public) in html
    assert (str(hidden) in html) is (role in MEMBER_ROLES)


@pytest.mark.parametrize(("role", "status"), [("visitor", 302), ("applicant", 404),
                                              ("member", 404), ("coordinator", 200)])  # fmt: skip
def test_only_representatives_and_coordinators_edit_an_organisation(as_role, role, status):
    organisation = OrganisationFactory()
    url = reverse("members:organisation_edit", args=[organisation.slug])
    assert as_role(role).get(url).status_code == status


def test_representative_edits_their_organisation(client, representative):
    organisation = representative.memberships.get().organisation
    client.force_login(representative)
    url = reverse("members:organisation_edit", args=[organisation.slug])
    data = {"name": organisation.name, "kind": "network", "country": "ME",
            "description": "We are *many*.", "website": "https://ok.example.org"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.kind == "network" and organisation.country == "ME"
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "<em>many</em>" in html


def test_representative_may_not_edit_another_organisation(client, representative):
    other = OrganisationFactory()
    client.force_login(representative)
    url = reverse("members:organisation_edit", args=[other.slug])
    assert (
        client.post(url, {"name": "Hijacked", "kind": "organisation", "country": "AL"}).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.name != "Hijacked"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [({"website": "nope"}, "website", "full web address"), ({"name": ""}, "name", "required"),
     ({"country": "QQ"}, "country", "valid choice")],
)  # fmt: skip
def test_organisation_form_bad_input_is_explained_and_kept(client, representative, overrides,
                                                           field, message):  # fmt: skip
    organisation = representative.memberships.get().organisation
    client.force_login(representative)
    data = {"name": "Kept Name", "kind": "organisation", "country": "AL",
            "description": "Kept description", **overrides}  # fmt: skip
    response = client.post(reverse("members:organisation_edit", args=[organisation.slug]), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "Kept description" in response.content.decode()


def test_logo_must_be_an_image(client, representative):
    organisation = representative.memberships.get().organisation
    client.force_login(representative)
    logo = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    data = {"name": "X", "kind": "organisation", "country": "AL", "logo": logo}
    response = client.post(reverse("members:organisation_edit", args=[organisation.slug]), data)
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors


def test_representative_approves_a_request_to_join_from_the_organisation_page(
    client, representative
):
    organisation = representative.memberships.get().organisation
    application = JoinApplicationFactory(existing_organisation=organisation, motivation="Let me in")
    client.force_login(representative)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Let me in" in html
    url = reverse("members:application_review", args=[application.pk, "approve"])
    assert client.post(url).status_code == 302
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.APPROVED
    assert Membership.objects.filter(user=application.user, organisation=organisation).exists()


@pytest.mark.parametrize("role", ["visitor", "applicant", "member"])
def test_others_cannot_decide_on_requests(as_role, role):
    application = JoinApplicationFactory(existing_organisation=OrganisationFactory())
    url = reverse("members:application_review", args=[application.pk, "approve"])
    response = as_role(role).post(url)
    assert response.status_code in {302, 404}
    application.refresh_from_db()
    assert application.status == "pending"
    assert as_role(role).get(url).status_code in {302, 405}


def test_unknown_decision_is_404(client, representative):
    organisation = representative.memberships.get().organisation
    application = JoinApplicationFactory(existing_organisation=organisation)
    client.force_login(representative)
    url = reverse("members:application_review", args=[application.pk, "explode"])
    assert client.post(url).status_code == 404


# The directory


@pytest.mark.parametrize("role", ROLES)
def test_directory_is_for_members(as_role, role):
    response = as_role(role).get("/members/")
    expected = {"visitor": 302, "applicant": 403}.get(role, 200)
    assert response.status_code == expected


def test_directory_filters_organisations(member_client):
    topic = TopicFactory()
    albanian = OrganisationFactory(name="Tirana Watch", country="AL", languages=["sq"])
    albanian.topics.set([topic])
    OrganisationFactory(name="Skopje Forum", country="MK", kind="network")
    html = member_client.get("/members/").content.decode()
    assert "Tirana Watch" in html and "Skopje Forum" in html
    for query in [{"country": "AL"}, {"topic": topic.slug}, {"language": "sq"}, {"q": "tirana"},
                  {"type": "organisation"}]:  # fmt: skip
        html = member_client.get("/members/", query).content.decode()
        assert "Tirana Watch" in html and "Skopje Forum" not in html, query
    html = member_client.get("/members/", {"type": "network"}).content.decode()
    assert "Skopje Forum" in html and "Tirana Watch" not in html


def test_directory_lists_members_not_applicants(member_client, member):
    MemberFactory(first_name="Zana", last_name="Listed", country="XK")
    UserFactory(first_name="Pending", last_name="Applicant")
    html = member_client.get("/members/", {"type": "people"}).content.decode()
    assert "Zana Listed" in html and "Pending Applicant" not in html
    html = member_client.get("/members/", {"type": "people", "q": "zana"}).content.decode()
    assert "Zana Listed" in html and str(member) not in html
    html = member_client.get("/members/", {"type": "people", "country": "AL"}).content.decode()
    assert "Zana Listed" not in html


def test_directory_bad_filters_are_explained_not_500(member_client):
    response = member_client.get("/members/", {"country": "ZZ", "topic": "nope", "page": "x"})
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert "topic" in response.context["form"].errors


def test_directory_paginates(member_client):
    OrganisationFactory.create_batch(30)
    response = member_client.get("/members/")
    assert len(response.context["page_obj"].object_list) == 24
    assert 'rel="next"' in response.content.decode()
    assert len(member_client.get("/members/", {"page": 2}).context["page_obj"].object_list) == 6


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("show", ["", "people"])
def test_directory_query_count_is_flat(
    member_client, django_assert_max_num_queries, size, show, locmem_cache
):
    topics = TopicFactory.create_batch(3)
    for membership in MembershipFactory.create_batch(size):
        membership.organisation.topics.set(topics)
        membership.user.topics.set(topics)
    with django_assert_max_num_queries(8):
        response = member_client.get("/members/", {"type": show})
    assert response.status_code == 200
    # The next member finds the filters' lists (the topics among them) in the cache, and the
    # organisations' listing too (people's is read each time).
    with django_assert_max_num_queries(7 if show else 2):
        response = member_client.get("/members/", {"type": show})
    assert response.status_code == 200


@pytest.mark.parametrize("show", ["", "people"])
def test_directory_lists_each_once_under_a_topic(member_client, show):
    topics = TopicFactory.create_batch(3)
    membership = MembershipFactory(
        organisation__name="Many Topics Org", user__first_name="Teuta", user__last_name="Topics"
    )
    membership.organisation.topics.set(topics)
    membership.user.topics.set(topics)
    response = member_client.get("/members/", {"type": show, "topic": topics[1].slug})
    name = "Teuta Topics" if show else "Many Topics Org"
    assert response.context["page_obj"].paginator.count == 1
    assert response.content.decode().count(f">{name}</a>") == 1


def test_directory_shared_listing_follows_changes_and_filters(member_client, locmem_cache):
    OrganisationFactory(name="Alba Org", country="AL")
    OrganisationFactory(name="Skopje Forum", country="MK", kind="network")
    html = member_client.get("/members/").content.decode()
    assert "2 results" in html and "Alba Org" in html and "Skopje Forum" in html
    html = member_client.get("/members/", {"country": "AL"}).content.decode()
    assert "1 result<" in html and "Skopje Forum" not in html
    OrganisationFactory(name="Berat Org", country="AL")
    html = member_client.get("/members/", {"country": "AL"}).content.decode()
    assert "2 results" in html and "Berat Org" in html
    html = member_client.get("/members/", {"q": "skopje"}).content.decode()
    assert "1 result<" in html and "Alba Org" not in html


def test_directory_shared_listing_pages(member_client, locmem_cache):
    for n in range(30):
        OrganisationFactory(name=f"Org {n:02}")
    html = member_client.get("/members/", {"page": 2}).content.decode()
    assert "Org 24" in html and "Org 23" not in html and "Page 2 of 2" in html
    html = member_client.get("/members/", {"page": 99}).content.decode()
    assert "Org 29" in html and "Page 2 of 2" in html
    html = member_client.get("/members/").content.decode()
    assert "Org 00" in html and "Org 24" not in html and 'rel="next"' in html


def test_directory_shared_filters_show_each_member_s_choice(member_client, locmem_cache):
    topic = TopicFactory(name="Civic space")
    member_client.get("/members/")
    member_client.get("/members/", {"country": "AL", "topic": topic.slug})
    html = member_client.get("/members/", {"country": "MK"}).content.decode()
    assert '<option value="MK" selected>' in html
    assert '<option value="AL" selected>' not in html
    assert f'<option value="{topic.slug}" selected>' not in html
    html = member_client.get("/members/", {"country": "ZZ"}).content.decode()
    assert "Select a valid choice" in html
    topic.name = "Shrinking civic space"
    topic.save()
    assert "Shrinking civic space" in member_client.get("/members/").content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_profile_query_counts_are_flat(member_client, django_assert_max_num_queries, size):
    organisation = OrganisationFactory()
    organisation.topics.set(TopicFactory.create_batch(size))
    people = [MembershipFactory(organisation=organisation).user for _ in range(size)]
    people[0].topics.set(TopicFactory.create_batch(size))
    # Other apps' organisation sections (pledge status, feedback notes) add a constant query each.
    with django_assert_max_num_queries(9):
        assert member_client.get(organisation.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(6):
        assert member_client.get(people[0].get_absolute_url()).status_code == 200


def test_organisation_slug_is_made_when_missing():
    organisation = Organisation.objects.create(name="Nova Ćuprija Forum", country="RS")
    assert organisation.slug == "nova-cuprija-forum"
    assert organisation.name_key == "nova cuprija forum"


def test_other_apps_add_sections_to_the_organisation_page(client, settings, tmp_path):
    from members.sections import organisation_sections
    from racop.sections import Section, register

    (tmp_path / "_pledge.html").write_text("Pledge signed by {{ section.name }}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    organisation = OrganisationFactory(name="Sectioned Org")
    section = Section(
        name="test-section", template="_pledge.html",
        context=lambda request, organisation: {"name": organisation.name},
    )  # fmt: skip
    register(organisation_sections, section)
    try:
        html = client.get(organisation.get_absolute_url()).content.decode()
    finally:
        organisation_sections.remove(section)
    assert "Pledge signed by Sectioned Org" in html

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_countries import countries

from pledges import services
from pledges.models import Answer, Assessment, PeerReview, Signature
from tests.factories import (
    AssessmentFactory,
    MemberFactory,
    MembershipFactory,
    OrganisationFactory,
    PledgeVersionFactory,
    SignatureFactory,
)
from tests.pledges.conftest import ROLES

pytestmark = pytest.mark.django_db

SIGN_URL = reverse("pledges:pledge_sign")


def svgs(html):
    """Return every inline SVG of the page, parsed (so malformed SVG fails the test)."""
    return [ET.fromstring(svg) for svg in re.findall(r"<svg.*?</svg>", html, re.S)]


def assessed(organisation, commitments, *, year=None, level=2, **kwargs):
    assessment = AssessmentFactory(
        organisation=organisation, year=year or timezone.now().year, **kwargs
    )
    Answer.objects.bulk_create(
        Answer(assessment=assessment, commitment=c, level=level, evidence="Our report.")
        for c in commitments
    )
    return assessment


# The Pledge page and the wall


@pytest.mark.parametrize("role", ROLES)
def test_pledge_page_is_public(as_role, role, version):
    SignatureFactory(version=version, organisation__name="Civic Voice", statement="Why not.")
    html = as_role(role).get(reverse("pledges:pledge_detail")).content.decode()
    assert version.title in html
    assert "Trust is earned." in html
    assert "Civic Voice" in html
    assert "Why not." in html


def test_pledge_page_before_publication_says_so(client):
    PledgeVersionFactory(number=1, published_at=None)
    html = client.get(reverse("pledges:pledge_detail")).content.decode()
    assert "not published the Pledge yet" in html


def test_wall_groups_by_country_with_an_svg_chart_and_a_table(client, version):
    SignatureFactory(version=version, organisation__country="AL", organisation__name="Tirana Org")
    SignatureFactory(version=version, organisation__country="XK", organisation__name="Prishtina")
    html = client.get(reverse("pledges:pledge_detail")).content.decode()
    (chart,) = svgs(html)
    ns = "{http://www.w3.org/2000/svg}"
    assert chart.find(f"{ns}title").text == "Signatories per country and type"
    assert chart.get("role") == "img"
    assert len(chart.findall(f".//{ns}rect")) == 2
    assert '<th scope="row">Albania</th>' in html
    assert '<th scope="row">Kosovo</th>' in html


def test_wall_hides_withdrawn_and_private_signatures(client, version):
    SignatureFactory(version=version, organisation__name="Gone Org", withdrawn_at=timezone.now())
    SignatureFactory(version=version, organisation__name="Quiet Org", is_public=False)
    html = client.get(reverse("pledges:pledge_detail")).content.decode()
    assert "Gone Org" not in html
    assert "Quiet Org" not in html


def test_wall_filters_by_country_and_type(client, version):
    SignatureFactory(version=version, organisation__country="AL", organisation__name="Alba Org")
    SignatureFactory(
        version=version,
        organisation__country="RS",
        organisation__name="Serbian Network",
        organisation__kind="network",
    )
    SignatureFactory(
        version=version, organisation=None, user=MemberFactory(first_name="Goran"), country="RS"
    )
    url = reverse("pledges:pledge_detail")
    html = client.get(url, {"country": "RS"}).content.decode()
    assert "Serbian Network" in html and "Goran" in html and "Alba Org" not in html
    html = client.get(url, {"type": "network"}).content.decode()
    assert "Serbian Network" in html and "Alba Org" not in html and "Goran" not in html


@pytest.mark.parametrize(
    ("params", "shown", "first"),
    [
        ({}, "Page 1 of 5", "Alba 0"),
        ({"country": "AL"}, "Page 1 of 3", "Alba 0"),
        ({"country": "AL", "page": "3"}, "Page 3 of 3", "Alba 4"),
        ({"type": "network"}, "Page 1 of 2", "Net 0"),
        ({"type": "network", "page": "99"}, "Page 2 of 2", "Net 2"),
        ({"country": "RS", "type": "individual"}, None, "Goran"),
    ],
)
def test_wall_pages_follow_the_filters(client, version, monkeypatch, params, shown, first):
    """The number of pages comes from the counts per country, not from a COUNT query."""
    monkeypatch.setattr("pledges.views.WALL_PAGE_SIZE", 2)
    for n in range(5):
        SignatureFactory(
            version=version, organisation__country="AL", organisation__name=f"Alba {n}"
        )
    for n in range(3):
        SignatureFactory(
            version=version,
            organisation__country="RS",
            organisation__kind="network",
            organisation__name=f"Net {n}",
        )
    SignatureFactory(
        version=version, organisation=None, user=MemberFactory(first_name="Goran"), country="RS"
    )
    html = client.get(reverse("pledges:pledge_detail"), params).content.decode()
    wall = html[html.index('id="wall-heading"') : html.index('class="open-data"')]
    names = re.findall(r"<h4>(?:<a [^>]*>)?([^<]+)<", wall)
    assert names[0].startswith(first)
    if shown:
        assert len(names) <= 2
        assert f"{shown}</span>" in wall
    else:
        assert len(names) == 1
        assert 'class="pagination"' not in wall


def test_wall_without_matches_says_so(client, version):
    SignatureFactory(version=version, organisation__country="AL")
    html = client.get(reverse("pledges:pledge_detail"), {"country": "ME"}).content.decode()
    assert "No signatures match these filters yet." in html


def test_shared_wall_shows_a_new_signature_at_once(client, version, locmem_cache):
    url = reverse("pledges:pledge_detail")
    SignatureFactory(version=version, organisation__name="First Org", organisation__country="AL")
    html = client.get(url).content.decode()
    assert "First Org" in html and '<span class="stat">1</span> organisations' in html
    SignatureFactory(version=version, organisation__name="Second Org", organisation__country="AL")
    html = client.get(url).content.decode()
    assert "Second Org" in html and '<span class="stat">2</span> organisations' in html


def test_shared_wall_shows_a_signatory_s_new_name_at_once(client, version, locmem_cache):
    person = MemberFactory(first_name="Goran", last_name="Old")
    SignatureFactory(version=version, organisation=None, user=person, country="RS")
    url = reverse("pledges:pledge_detail")
    assert "Goran Old" in client.get(url).content.decode()
    person.last_name = "New"
    person.save()
    html = client.get(url).content.decode()
    assert "Goran New" in html and "Goran Old" not in html
    before = locmem_cache.get("pagecache:version")
    person.save(update_fields=["last_login"])  # a login does not empty the cache
    assert locmem_cache.get("pagecache:version") == before


def test_shared_wall_filters_show_each_reader_s_choice(client, version, locmem_cache):
    SignatureFactory(version=version, organisation__country="AL")
    SignatureFactory(version=version, organisation__country="RS")
    url = reverse("pledges:pledge_detail")
    client.get(url)
    client.get(url, {"country": "AL", "type": "network"})
    html = client.get(url, {"country": "RS"}).content.decode()
    assert '<option value="RS" selected>' in html
    assert '<option value="AL" selected>' not in html
    assert '<option value="network" selected>' not in html
    html = client.get(url, {"type": "robot"}).content.decode()
    assert "Select a valid choice" in html
    SignatureFactory(version=version, organisation__country="ME")
    assert '<option value="ME">Montenegro</option>' in client.get(url).content.decode()


def test_shared_page_follows_a_version_published_for_later(
    client, member, version, locmem_cache, monkeypatch
):
    SignatureFactory(version=version, organisation=None, user=member)
    soon = timezone.now() + timedelta(hours=1)
    PledgeVersionFactory(
        number=2, title="Second wording", text="Newly **agreed**.", published_at=soon
    )
    client.force_login(member)
    url = reverse("pledges:pledge_detail")
    html = client.get(url).content.decode()
    assert "Newly" not in html and "A new version is published" not in html
    # Its time comes: nothing is saved, the shared cache stays.
    later = soon + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    html = client.get(url).content.decode()
    assert "Second wording" in html and "Newly <strong>agreed</strong>." in html
    assert "signed version 1. A new version is published" in html


def test_shared_wall_is_kept_per_language(client, version, locmem_cache):
    SignatureFactory(version=version, organisation__country="AL")
    assert (
        '<th scope="row">Albania</th>'
        in client.get(reverse("pledges:pledge_detail")).content.decode()
    )
    with translation.override("sq"):
        url = reverse("pledges:pledge_detail")
        name = str(countries.name("AL"))
    html = client.get(url).content.decode()
    assert f'<th scope="row">{name}</th>' in html and name != "Albania"


@pytest.mark.parametrize("params", [{"country": "ZZ"}, {"type": "robot"}, {"page": "x"}])
def test_wall_ignores_bad_filters(client, version, params):
    SignatureFactory(version=version, organisation__name="Still Here")
    response = client.get(reverse("pledges:pledge_detail"), params)
    assert response.status_code == 200
    assert "Still Here" in response.content.decode()


def test_wall_shows_the_version_each_signed(client, version):
    SignatureFactory(version=version, organisation__name="Early Org")
    two = PledgeVersionFactory(number=2)
    SignatureFactory(version=two, organisation__name="Late Org")
    html = client.get(reverse("pledges:pledge_detail")).content.decode()
    assert re.search(r"Early Org.*?Version 1", html, re.S)
    assert re.search(r"Late Org.*?Version 2", html, re.S)
    assert version.get_absolute_url() in html


@pytest.mark.parametrize("size", [2, 25])
def test_pledge_page_query_count_is_flat(
    client, member, django_assert_max_num_queries, size, locmem_cache
):
    version = PledgeVersionFactory(number=1)
    for index in range(size):
        SignatureFactory(version=version, organisation__country=["AL", "RS", "MK"][index % 3])
        SignatureFactory(version=version, organisation=None, user=MemberFactory(), country="BA")
    with django_assert_max_num_queries(5):
        assert client.get(reverse("pledges:pledge_detail")).status_code == 200
    client.force_login(member)
    # The first reader renders the shared parts; the next ones read them from the cache.
    with django_assert_max_num_queries(8):
        assert client.get(reverse("pledges:pledge_detail"), {"page": 2}).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(reverse("pledges:pledge_detail"), {"page": 2}).status_code == 200


def test_older_version_stays_readable(client, version):
    SignatureFactory(version=version, organisation__name="Loyal Org")
    PledgeVersionFactory(number=2)
    html = client.get(version.get_absolute_url()).content.decode()
    assert "This is an earlier version." in html
    assert "Loyal Org" in html


def test_unpublished_version_is_not_found(client):
    draft = PledgeVersionFactory(number=5, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404


# Open data


def test_open_data_csv_and_json_list_public_signatures(client, version):
    SignatureFactory(version=version, organisation__name="Open Org", organisation__country="ME")
    SignatureFactory(version=version, organisation__name="Quiet Org", is_public=False)
    response = client.get(reverse("pledges:signatures_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["signatory"], r["country"], r["type"], r["version"]) for r in rows] == [
        ("Open Org", "ME", "organisation", "1")
    ]
    data = json.loads(client.get(reverse("pledges:signatures_json")).content)
    assert [s["signatory"] for s in data["signatures"]] == ["Open Org"]
    filtered = json.loads(client.get(reverse("pledges:signatures_json"), {"country": "AL"}).content)
    assert filtered["signatures"] == []


@pytest.mark.parametrize("size", [2, 25])
def test_open_data_query_count_is_flat(
    client, version, django_assert_max_num_queries, size, locmem_cache
):
    SignatureFactory.create_batch(size, version=version)
    with django_assert_max_num_queries(4):
        assert client.get(reverse("pledges:signatures_csv")).status_code == 200


# Signing


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("applicant", 403),
        ("member", 200),
        ("representative", 200),
        ("coordinator", 200),
    ],
)
def test_sign_page_is_for_members(as_role, role, status, version):
    response = as_role(role).get(SIGN_URL)
    assert response.status_code == status
    if role == "visitor":
        assert "/accounts/login/" in response["Location"]


def test_representative_signs_for_the_organisation(client, representative, organisation, version):
    client.force_login(representative)
    response = client.post(
        SIGN_URL,
        {"signatory": organisation.pk, "statement": "For our members.", "is_public": "on"},
        follow=True,
    )
    assert f"Thank you: {organisation.name} signed the Pledge." in response.content.decode()
    signature = Signature.objects.active().for_organisation(organisation).get()
    assert signature.statement == "For our members."


def test_member_signs_for_themself(client, member, version):
    client.force_login(member)
    client.post(SIGN_URL, {"signatory": "me", "statement": ""})
    assert Signature.objects.active().for_individual(member).exists()


def test_signing_twice_shows_the_message_and_keeps_the_statement(client, member, version):
    client.force_login(member)
    client.post(SIGN_URL, {"signatory": "me"})
    response = client.post(SIGN_URL, {"signatory": "me", "statement": "Typed again."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "You have already signed the Pledge." in html
    assert "Typed again." in html
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"statement": "Kept text"}, "Choose whom you sign for."),
        ({"signatory": "999999", "statement": "Kept text"}, "Select a valid choice"),
        ({"signatory": "me", "statement": "Kept text" + "x" * 1000}, "at most 1000 characters"),
    ],
)
def test_sign_bad_input(client, member, version, data, message):
    client.force_login(member)
    response = client.post(SIGN_URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Kept text" in html
    assert not Signature.objects.exists()


def test_member_cannot_sign_for_an_organisation_they_do_not_represent(client, member, version):
    other = OrganisationFactory()
    client.force_login(member)
    response = client.post(SIGN_URL, {"signatory": other.pk})
    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_withdraw_and_renew(client, member, version):
    client.force_login(member)
    signature = services.pledge_sign(user=member)
    PledgeVersionFactory(number=2)
    html = client.get(SIGN_URL).content.decode()
    assert "Renew for version 2" in html
    response = client.post(reverse("pledges:signature_renew", args=[signature.pk]), follow=True)
    assert "now supports version 2" in response.content.decode()
    renewed = Signature.objects.active().get()
    response = client.post(reverse("pledges:signature_withdraw", args=[renewed.pk]), follow=True)
    assert "signature was withdrawn" in response.content.decode()
    assert not Signature.objects.active().exists()
    assert Signature.objects.count() == 2


def test_renewing_an_up_to_date_signature_says_so(client, member, version):
    client.force_login(member)
    signature = services.pledge_sign(user=member)
    response = client.post(reverse("pledges:signature_renew", args=[signature.pk]), follow=True)
    assert "already on the current version" in response.content.decode()


def test_others_signatures_cannot_be_withdrawn(client, member, version):
    signature = SignatureFactory(version=version)
    client.force_login(member)
    assert (
        client.post(reverse("pledges:signature_withdraw", args=[signature.pk])).status_code == 404
    )
    assert client.get(reverse("pledges:signature_withdraw", args=[signature.pk])).status_code == 405
    assert Signature.objects.get().is_active


# Home page section


def test_home_shows_how_many_signed(client, version):
    SignatureFactory.create_batch(3, version=version)
    html = client.get("/").content.decode()
    assert "3 organisations have signed the Pledge" in html
    assert SIGN_URL in html


@pytest.mark.parametrize("size", [1, 20])
def test_home_section_query_count_is_flat(
    client, version, django_assert_max_num_queries, size, locmem_cache
):
    SignatureFactory.create_batch(size, version=version)
    with django_assert_max_num_queries(12):
        assert client.get("/").status_code == 200


# Commitments


@pytest.mark.parametrize("role", ROLES)
def test_commitment_pages_are_public(as_role, role, commitments):
    client = as_role(role)
    html = client.get(reverse("pledges:commitment_list")).content.decode()
    assert all(c.title.replace("'", "&#x27;") in html for c in commitments)
    response = client.get(commitments[7].get_absolute_url())
    assert response.status_code == 200
    assert "Open organisations" in response.content.decode()
    assert "What do we publish about our governance" in response.content.decode()


def test_twelve_commitments_are_seeded_in_three_clusters(commitments):
    assert [c.number for c in commitments] == list(range(1, 13))
    assert [c.cluster for c in commitments] == ["A"] * 4 + ["B"] * 4 + ["C"] * 4
    assert commitments[0].title == "Justice and equality"
    assert commitments[11].title == "Responsible leadership"


def test_unknown_commitment_is_not_found(client, commitments):
    assert client.get("/accountability/commitments/no-such/").status_code == 404


# The commitment radar


@pytest.mark.parametrize("role", ROLES)
def test_accountability_page_is_public(as_role, role, commitments):
    response = as_role(role).get(reverse("pledges:accountability"))
    assert response.status_code == 200
    assert "The commitment radar" in response.content.decode()


def test_radar_is_suppressed_below_three_contributors(client, commitments):
    for _ in range(2):
        assessed(OrganisationFactory(), commitments)
    html = client.get(reverse("pledges:accountability")).content.decode()
    assert "2 self-assessments have been submitted" in html
    assert "<svg" not in html
    assert "Average (0–3)" not in html


def test_radar_appears_from_three_contributors_with_a_table(client, commitments):
    for level in (0, 1, 3):
        assessed(OrganisationFactory(), commitments, level=level)
    assessed(OrganisationFactory(), commitments, status="draft", level=3)
    html = client.get(reverse("pledges:accountability")).content.decode()
    (radar,) = svgs(html)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(radar.findall(f"{ns}line")) == 12
    assert "From 3 submitted self-assessments." in html
    assert "<td>1.33</td>" in html


def test_radar_per_country_only_for_members_and_only_large_groups(client, member, commitments):
    for _ in range(3):
        assessed(OrganisationFactory(country="AL"), commitments)
    for _ in range(2):
        assessed(OrganisationFactory(country="ME"), commitments)
    html = client.get(reverse("pledges:accountability")).content.decode()
    assert "Per country" not in html
    client.force_login(member)
    html = client.get(reverse("pledges:accountability")).content.decode()
    assert '<th scope="row">Albania</th>' in html
    assert "Montenegro" not in html


def test_radar_per_country_averages_only_organisations_of_the_country(client, member, commitments):
    for level in (1, 2, 2):
        assessed(OrganisationFactory(country="AL"), commitments, level=level)
    for level in (3, 3, 3):
        assessed(OrganisationFactory(country="RS"), commitments, level=level)
    # A person's own assessment counts in the levels, never in a country's average.
    AssessmentFactory(organisation=None, user=MemberFactory(country="AL"))
    Answer.objects.bulk_create(
        Answer(assessment=Assessment.objects.get(organisation=None), commitment=c, level=0)
        for c in commitments
    )
    client.force_login(member)
    html = client.get(reverse("pledges:accountability")).content.decode()
    albania = re.search(r'<th scope="row">Albania</th>(.*?)</tr>', html).group(1)
    serbia = re.search(r'<th scope="row">Serbia</th>(.*?)</tr>', html).group(1)
    assert albania == "<td>1.67</td>" * 12
    assert serbia == "<td>3.0</td>" * 12
    # Levels: 1 not started (the person), 1 emerging, 2 established, 3 leading; (0+1+4+9)/7.
    first = re.search(r'<th scope="row"><a href="[^"]+">1\. [^<]+</a></th>(.*?)</tr>', html)
    assert first.group(1) == "<td>1</td><td>1</td><td>2</td><td>3</td><td>2.0</td>"


def test_shared_radar_is_kept_per_audience(client, member, coordinator, commitments, locmem_cache):
    for _ in range(3):
        assessed(OrganisationFactory(country="AL"), commitments)
    url = reverse("pledges:accountability")
    client.force_login(coordinator)
    html = client.get(url).content.decode()
    assert "Per country" in html and "Download the radar as CSV" in html
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Per country" in html and "Download the radar as CSV" not in html
    client.logout()
    html = client.get(url).content.decode()
    assert "Per country" not in html and "From 3 submitted" in html
    assessed(OrganisationFactory(country="AL"), commitments)
    assert "From 4 submitted" in client.get(url).content.decode()


@pytest.mark.parametrize("size", [3, 12])
def test_radar_query_count_is_flat(
    client, member, commitments, django_assert_max_num_queries, size, locmem_cache
):
    for index in range(size):
        assessed(OrganisationFactory(country=["AL", "RS"][index % 2]), commitments)
    with django_assert_max_num_queries(5):
        assert client.get(reverse("pledges:accountability")).status_code == 200
    client.force_login(member)
    # The first member renders the radar for all members; the next ones read it from the cache.
    with django_assert_max_num_queries(8):
        assert client.get(reverse("pledges:accountability")).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(reverse("pledges:accountability")).status_code == 200


@pytest.mark.parametrize(
    ("role", "status"), [("visitor", 404), ("member", 404), ("coordinator", 200)]
)
def test_radar_csv_is_for_coordinators(as_role, role, status, commitments):
    for _ in range(3):
        assessed(OrganisationFactory(), commitments)
    response = as_role(role).get(reverse("pledges:radar_csv"))
    assert response.status_code == status
    if status == 200:
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0][:3] == ["commitment", "title", "Not started"]
        assert rows[1][:2] == ["1", "Justice and equality"]
        assert len(rows) == 13


def test_radar_ignores_a_bad_year(client, commitments):
    assert client.get(reverse("pledges:accountability"), {"year": "soon"}).status_code == 200


# Self-assessment


@pytest.fixture
def signed(representative, organisation, version):
    return services.pledge_sign(user=representative, organisation=organisation)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("applicant", 403),
        ("member", 200),
        ("representative", 200),
        ("coordinator", 200),
    ],
)
def test_assessment_list_is_for_members(as_role, role, status):
    assert as_role(role).get(reverse("pledges:assessment_list")).status_code == status


def test_representative_starts_fills_and_submits(
    client, representative, organisation, signed, commitments
):
    client.force_login(representative)
    year = timezone.now().year
    response = client.post(
        reverse("pledges:assessment_list"), {"owner": organisation.pk, "year": year}
    )
    assessment = Assessment.objects.get()
    assert response["Location"] == reverse("pledges:assessment_edit", args=[assessment.pk])
    answers = list(assessment.answers.order_by("commitment__number"))
    data = answer_data(answers, level="2", visibility="public")
    data["form-0-evidence"] = "Annual report."
    response = client.post(response["Location"], data, follow=True)
    assert "Draft saved." in response.content.decode()
    assert Answer.objects.filter(level=2).count() == 12
    response = client.post(
        reverse("pledges:assessment_edit", args=[assessment.pk]), {**data, "submit": "1"}
    )
    # Saved, then asked before it is locked.
    confirm = reverse("pledges:assessment_submit", args=[assessment.pk])
    assert response["Location"] == confirm
    assessment.refresh_from_db()
    assert assessment.is_draft
    assert assessment.visibility == "public"
    html = client.get(confirm).content.decode()
    assert "Submitting locks it" in html
    assert reverse("pledges:assessment_edit", args=[assessment.pk]) in html
    response = client.post(confirm)
    assert response["Location"] == assessment.get_absolute_url()
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    assert assessment.visibility == "public"
    html = client.get(assessment.get_absolute_url()).content.decode()
    assert "Annual report." in html
    assert "Ask for a peer review" in html
    # Submitted: the form is closed.
    response = client.get(reverse("pledges:assessment_edit", args=[assessment.pk]))
    assert response["Location"] == assessment.get_absolute_url()


def test_keep_editing_loses_nothing_and_locks_nothing(
    client, representative, organisation, signed, commitments
):
    assessment = services.assessment_start(
        user=representative, year=2026, organisation=organisation
    )
    client.force_login(representative)
    data = answer_data(list(assessment.answers.order_by("commitment__number")), level="1")
    data["form-0-evidence"] = "Typed before asking."
    edit = reverse("pledges:assessment_edit", args=[assessment.pk])
    response = client.post(edit, {**data, "submit": "1"}, follow=True)
    assert "Submit the self-assessment?" in response.content.decode()
    html = client.get(edit).content.decode()
    assert "Typed before asking." in html
    assessment.refresh_from_db()
    assert assessment.is_draft


def test_submitting_by_address_with_missing_levels_is_refused_with_a_message(
    client, representative, organisation, signed, commitments
):
    assessment = services.assessment_start(
        user=representative, year=2026, organisation=organisation
    )
    client.force_login(representative)
    confirm = reverse("pledges:assessment_submit", args=[assessment.pk])
    for response in (client.get(confirm, follow=True), client.post(confirm, follow=True)):
        assert "before submitting (12 missing)" in response.content.decode()
        assert response.redirect_chain[-1][0] == reverse(
            "pledges:assessment_edit", args=[assessment.pk]
        )
    assessment.refresh_from_db()
    assert assessment.is_draft


def answer_data(answers, *, level, visibility="members"):
    data = {
        "form-TOTAL_FORMS": str(len(answers)),
        "form-INITIAL_FORMS": str(len(answers)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "visibility": visibility,
    }
    for index, answer in enumerate(answers):
        data[f"form-{index}-id"] = str(answer.pk)
        data[f"form-{index}-level"] = level
    return data


def test_submitting_with_missing_levels_keeps_the_draft(
    client, representative, organisation, signed, commitments
):
    assessment = services.assessment_start(
        user=representative, year=2026, organisation=organisation
    )
    client.force_login(representative)
    data = answer_data(list(assessment.answers.order_by("commitment__number")), level="")
    data["form-3-level"] = "1"
    data["form-3-evidence"] = "Written so far."
    response = client.post(
        reverse("pledges:assessment_edit", args=[assessment.pk]),
        {**data, "submit": "1"},
        follow=True,
    )
    html = response.content.decode()
    assert "Choose a level for every commitment before submitting (11 missing)." in html
    assert "Written so far." in html
    assessment.refresh_from_db()
    assert assessment.is_draft


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("evidence_links", "not a link", "is not a web address"),
        ("next_step_due", "31/31/2026", "Enter a valid date."),
        ("level", "9", "Select a valid choice"),
    ],
)
def test_assessment_bad_input(
    client, representative, organisation, signed, commitments, field, value, message
):
    assessment = services.assessment_start(
        user=representative, year=2026, organisation=organisation
    )
    client.force_login(representative)
    data = answer_data(list(assessment.answers.order_by("commitment__number")), level="1")
    data["form-0-evidence"] = "Kept evidence."
    data[f"form-0-{field}"] = value
    response = client.post(reverse("pledges:assessment_edit", args=[assessment.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Kept evidence." in html
    assert not Answer.objects.filter(evidence="Kept evidence.").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"owner": "me", "year": "abc"}, "Enter a whole number."),
        ({"owner": "me", "year": "1900"}, "greater than or equal to 2000"),
        ({"owner": "me", "year": "2999"}, "cannot be later than next year"),
        ({"owner": "me", "year": ""}, "Enter the year this assessment covers."),
        ({"owner": "me", "year": "2025"}, "Sign the Pledge first"),
    ],
)
def test_assessment_start_bad_input(client, member, commitments, data, message):
    client.force_login(member)
    response = client.post(reverse("pledges:assessment_list"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Assessment.objects.exists()


def test_others_cannot_edit_an_assessment(client, member, coordinator, commitments):
    assessment = assessed(OrganisationFactory(), commitments, status="draft")
    for person in (member, coordinator):
        client.force_login(person)
        response = client.get(reverse("pledges:assessment_edit", args=[assessment.pk]))
        assert response.status_code == 404


@pytest.mark.parametrize(
    ("visibility", "expected"),
    [
        (
            "private",
            {
                "visitor": 404,
                "applicant": 404,
                "member": 404,
                "representative": 200,
                "coordinator": 200,
            },
        ),
        (
            "members",
            {
                "visitor": 404,
                "applicant": 404,
                "member": 200,
                "representative": 200,
                "coordinator": 200,
            },
        ),
        (
            "public",
            {
                "visitor": 200,
                "applicant": 200,
                "member": 200,
                "representative": 200,
                "coordinator": 200,
            },
        ),
    ],
)
def test_assessment_page_per_role_and_visibility(
    as_role, organisation, commitments, visibility, expected
):
    assessment = assessed(organisation, commitments, visibility=visibility)
    for role, status in expected.items():
        client = as_role(role)
        assert client.get(assessment.get_absolute_url()).status_code == status, role
        client.logout()


@pytest.mark.parametrize("size", [1, 6])
def test_assessment_pages_query_count_is_flat(
    client, representative, organisation, commitments, django_assert_max_num_queries, size
):
    client.force_login(representative)
    assessments = [
        assessed(organisation, commitments, year=2026 - i, visibility="public") for i in range(size)
    ]
    for reviewer in OrganisationFactory.create_batch(size):
        PeerReview.objects.create(assessment=assessments[0], reviewer=reviewer)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("pledges:assessment_list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(assessments[0].get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        url = reverse("pledges:organisation_accountability", args=[organisation.slug])
        assert client.get(url).status_code == 200


# Peer review


@pytest.fixture
def review(representative, organisation, commitments):
    assessment = assessed(organisation, commitments)
    reviewer = MembershipFactory().user
    return services.peer_review_request(
        assessment=assessment,
        reviewer=reviewer.memberships.get().organisation,
        user=representative,
    )


def reviewer_of(review):
    return review.reviewer.memberships.get().user


def comment_data(review, field, value):
    comments = list(review.comments.order_by("commitment__number"))
    data = {
        "form-TOTAL_FORMS": str(len(comments)),
        "form-INITIAL_FORMS": str(len(comments)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for index, comment in enumerate(comments):
        data[f"form-{index}-id"] = str(comment.pk)
    data[f"form-0-{field}"] = value
    return data


def test_request_a_peer_review_from_the_assessment_page(
    client, representative, organisation, commitments, mailoutbox
):
    assessment = assessed(organisation, commitments)
    peer = MembershipFactory().user
    client.force_login(representative)
    url = reverse("pledges:peer_review_request", args=[assessment.pk])
    response = client.post(url, {"reviewer": peer.memberships.get().organisation.pk}, follow=True)
    assert "was asked to review" in response.content.decode()
    assert PeerReview.objects.filter(assessment=assessment).count() == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [("", "Choose the organisation you ask."), ("999999", "Choose one of the organisations")],
)
def test_peer_review_request_bad_input(
    client, representative, organisation, commitments, value, message
):
    assessment = assessed(organisation, commitments)
    client.force_login(representative)
    url = reverse("pledges:peer_review_request", args=[assessment.pk])
    response = client.post(url, {"reviewer": value})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_peer_review_exchange_between_the_pair(client, review, representative):
    reviewer = reviewer_of(review)
    client.force_login(reviewer)
    url = review.get_absolute_url()
    client.post(url, comment_data(review, "comment", "Publish the complaints."))
    client.post(reverse("pledges:review_done", args=[review.pk]))
    client.force_login(representative)
    html = client.get(url).content.decode()
    assert "Publish the complaints." in html
    client.post(url, comment_data(review, "response", "We will."))
    client.post(reverse("pledges:review_done", args=[review.pk]))
    review.refresh_from_db()
    assert review.is_complete
    assert review.comments.filter(comment="Publish the complaints.", response="We will.").exists()
    org_page = reverse(
        "pledges:organisation_accountability", args=[review.assessment.organisation.slug]
    )
    assert f"Peer reviewed in {review.assessment.year}" in client.get(org_page).content.decode()


def test_reviewer_cannot_write_the_response(client, review):
    client.force_login(reviewer_of(review))
    client.post(review.get_absolute_url(), comment_data(review, "response", "Forged answer."))
    assert not review.comments.filter(response="Forged answer.").exists()


def test_review_comment_too_long_is_refused_and_kept(client, review):
    client.force_login(reviewer_of(review))
    text = "Kept comment " + "x" * 5000
    response = client.post(review.get_absolute_url(), comment_data(review, "comment", text))
    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    assert "Kept comment" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("applicant", 403), ("member", 404), ("coordinator", 200)],
)
def test_review_is_private_to_the_pair_and_coordinators(as_role, role, status, review):
    assert as_role(role).get(review.get_absolute_url()).status_code == status


# The organisation's accountability page


@pytest.mark.parametrize("role", ROLES)
def test_organisation_page_shows_status_progress_and_next_steps(as_role, role, commitments):
    organisation = OrganisationFactory()
    SignatureFactory(organisation=organisation, version=PledgeVersionFactory(number=1))
    assessed(organisation, commitments, year=2025, level=1, visibility="public")
    latest = assessed(organisation, commitments, year=2026, level=2, visibility="public")
    latest.answers.filter(commitment__number=5).update(
        next_step="Open a feedback line.", next_step_due=timezone.now().date()
    )
    url = reverse("pledges:organisation_accountability", args=[organisation.slug])
    html = as_role(role).get(url).content.decode()
    assert "Pledge signed" in html
    (chart,) = svgs(html)
    assert len(chart.findall(".//{http://www.w3.org/2000/svg}rect")) == 24
    assert "Open a feedback line." in html


def test_organisation_page_for_an_unsigned_organisation(client):
    organisation = OrganisationFactory()
    url = reverse("pledges:organisation_accountability", args=[organisation.slug])
    assert "Has not signed the Pledge" in client.get(url).content.decode()


# Every remaining page: who may see it, and a flat query count


@pytest.mark.parametrize("role", ROLES)
def test_public_pledge_pages_per_role(as_role, role, version):
    SignatureFactory(version=version)
    client = as_role(role)
    for url in [
        version.get_absolute_url(),
        reverse("pledges:signatures_csv"),
        reverse("pledges:signatures_json"),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("applicant", 403),
        ("member", 404),
        ("representative", 200),
        ("coordinator", 404),
    ],
)
def test_assessment_edit_is_for_its_owners_only(as_role, role, status, organisation, commitments):
    assessment = assessed(organisation, commitments, status="draft")
    url = reverse("pledges:assessment_edit", args=[assessment.pk])
    assert as_role(role).get(url).status_code == status


def test_sign_page_without_a_published_version_is_not_found(client, member):
    client.force_login(member)
    assert client.get(SIGN_URL).status_code == 404


@pytest.mark.parametrize("size", [1, 8])
def test_other_pages_query_count_is_flat(
    client,
    representative,
    organisation,
    commitments,
    django_assert_max_num_queries,
    size,
    locmem_cache,
):
    version = PledgeVersionFactory(number=1)
    SignatureFactory.create_batch(size, version=version)
    for _ in range(size):
        extra = MembershipFactory(user=representative).organisation
        SignatureFactory(version=version, organisation=extra)
        assessed(extra, commitments)
    draft = assessed(organisation, commitments, status="draft")
    client.force_login(representative)
    pages = {
        version.get_absolute_url(): 5,
        reverse("pledges:signatures_json"): 5,
        SIGN_URL: 8,
        reverse("pledges:commitment_list"): 4,
        commitments[0].get_absolute_url(): 9,
        reverse("pledges:assessment_edit", args=[draft.pk]): 10,
    }
    for url, ceiling in pages.items():
        with django_assert_max_num_queries(ceiling):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("size", [1, 8])
def test_review_page_query_count_is_flat(
    client, representative, organisation, commitments, django_assert_max_num_queries, size
):
    assessment = assessed(organisation, commitments)
    reviews = [
        services.peer_review_request(
            assessment=assessment,
            reviewer=MembershipFactory().organisation,
            user=representative,
        )
        for _ in range(size)
    ]
    reviews[0].comments.update(comment="A comment.", response="A response.")
    client.force_login(representative)
    with django_assert_max_num_queries(10):
        assert client.get(reviews[0].get_absolute_url()).status_code == 200


def test_an_individual_without_a_name_never_shows_their_email(client, version):
    person = MemberFactory(first_name="", last_name="", email="hidden@example.org")
    SignatureFactory(version=version, organisation=None, user=person)
    for url in [
        reverse("pledges:pledge_detail"),
        reverse("pledges:signatures_csv"),
        reverse("pledges:signatures_json"),
    ]:
        content = client.get(url).content.decode()
        assert "hidden@example.org" not in content
        assert "A member who gave no name" in content


def test_open_data_csv_keeps_formulas_as_text(client, version):
    SignatureFactory(version=version, statement='=HYPERLINK("http://evil.example")')
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("pledges:signatures_csv")).content.decode()))
    )
    assert rows[0]["statement"].startswith("'=")


# The organisation page shows its pledge status


def test_organisation_page_shows_whether_it_signed(client, version):
    signed = SignatureFactory(version=version).organisation
    unsigned = OrganisationFactory()
    html = client.get(signed.get_absolute_url()).content.decode()
    assert "Pledge signed" in html
    assert reverse("pledges:organisation_accountability", args=[signed.slug]) in html
    assert "Has not signed the Pledge" in client.get(unsigned.get_absolute_url()).content.decode()


@pytest.mark.parametrize("size", [1, 15])
def test_organisation_page_pledge_status_query_count_is_flat(
    client, version, django_assert_max_num_queries, size
):
    organisation = SignatureFactory(version=version).organisation
    SignatureFactory.create_batch(size, version=version)
    with django_assert_max_num_queries(8):
        assert client.get(organisation.get_absolute_url()).status_code == 200

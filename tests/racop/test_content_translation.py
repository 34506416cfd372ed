"""Content coordinators write in each language, with English shown (and said) where missing."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from modeltranslation.utils import build_localized_fieldname

from pledges.models import Commitment, PledgeVersion
from racop.models import Page, Topic
from tests.factories import PageFactory, PledgeVersionFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Requests under /mk/ leave Macedonian active in the thread; start each test in English."""
    with translation.override("en"):
        yield


NOTE = "This text is not yet available in"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def url_in(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


def test_commitment_shows_the_macedonian_text_under_mk(client):
    commitment = Commitment.objects.get(number=1)
    commitment.title_mk = "Правда и еднаквост"
    commitment.summary_mk = "Се спротивставуваме на дискриминацијата."
    commitment.save()
    html = client.get(url_in("mk", commitment)).content.decode()
    assert "Правда и еднаквост" in html
    assert "Се спротивставуваме на дискриминацијата." in html
    assert "Justice and equality" not in html.split("<main", 1)[1].split("</article>")[0]


def test_commitment_falls_back_to_english_with_a_note(client):
    commitment = Commitment.objects.get(number=3)
    assert not commitment.title_mk
    html = client.get(url_in("mk", commitment)).content.decode()
    assert commitment.title_en in html
    assert 'class="translation-note"' in html
    assert 'id="commitment-heading" lang="en"' in html


def test_english_pages_carry_no_note(client):
    commitment = Commitment.objects.get(number=2)
    html = client.get(url_in("en", commitment)).content.decode()
    assert 'class="translation-note"' not in html


def test_topic_shows_its_translation_or_the_english_with_a_note(client):
    translated = TopicFactory(name="Civic space", description="Shrinking.")
    translated.name_mk = "Граѓански простор"
    translated.description_mk = "Стеснување."
    translated.save()
    untranslated = TopicFactory(name="Failures")
    html = client.get(url_in("mk", translated)).content.decode()
    assert "Граѓански простор" in html and "Стеснување." in html
    assert 'class="translation-note"' not in html
    html = client.get(url_in("mk", untranslated)).content.decode()
    assert "Failures" in html
    assert 'class="translation-note"' in html


def test_static_page_shows_its_translation_or_the_english_with_a_note(client):
    page = PageFactory(slug="about", title="About", body="We are a **community**.")
    html = client.get(url_in("sq", page)).content.decode()
    assert 'class="translation-note"' in html and 'class="prose page" lang="en"' in html
    page.title_sq = "Rreth nesh"
    page.body_sq = "Ne jemi një **komunitet**."
    page.save()
    html = client.get(url_in("sq", page)).content.decode()
    assert "Rreth nesh" in html and "<strong>komunitet</strong>" in html
    assert 'class="translation-note"' not in html


def test_the_note_names_the_language_in_that_language(client):
    page = PageFactory(slug="privacy", title="Privacy notice", body="Text.")
    response = client.get(url_in("tr", page))
    assert response.status_code == 200
    # The note's language name is the active language's own word for Turkish, whatever
    # the catalog says; the template gets it from Django's language info.
    language = translation.get_language_info("tr")
    with translation.override("tr"):
        assert str(language["name_translated"]) in response.content.decode()


def test_pledge_shows_its_translation(client):
    version = PledgeVersionFactory()
    version.title_hr = "Izjava o odgovornosti"
    version.text_hr = "Mi se **obvezujemo**."
    version.save()
    with translation.override("hr"):
        url = reverse("pledges:pledge_detail")
    html = client.get(url).content.decode()
    assert "Izjava o odgovornosti" in html and "<strong>obvezujemo</strong>" in html


def test_coordinator_edits_a_translation_in_the_admin(coordinator_client):
    topic = TopicFactory(name="Civic space", description="Shrinking.")
    url = reverse("admin:racop_topic_change", args=[topic.pk])
    form = coordinator_client.get(url)
    assert form.status_code == 200
    assert 'name="name_mk"' in form.content.decode()
    data = {"slug": topic.slug, "ordering": 3}
    for code in LANGUAGE_CODES:
        data[build_localized_fieldname("name", code)] = ""
        data[build_localized_fieldname("description", code)] = ""
    data.update(name_en="Civic space", description_en="Shrinking.", name_mk="Граѓански простор")
    response = coordinator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    topic.refresh_from_db()
    assert topic.name_mk == "Граѓански простор"
    assert topic.name_en == "Civic space"
    # Two topics without a Turkish name do not clash on the unique name.
    other = TopicFactory(name="Failures")
    data.update(slug=other.slug, name_en="Failures", name_mk="Неуспеси")
    response = coordinator_client.post(reverse("admin:racop_topic_change", args=[other.pk]), data)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("model", "fields"),
    [(Topic, ["name", "description"]), (Page, ["title", "summary", "body"]),
     (Commitment, ["title", "summary", "description", "guiding_questions"]),
     (PledgeVersion, ["title", "text", "why_it_matters", "changes"])],
)  # fmt: skip
def test_every_language_has_its_admin_field(coordinator_client, model, fields):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    html = coordinator_client.get(url).content.decode()
    for field in fields:
        for code in LANGUAGE_CODES:
            assert f'name="{build_localized_fieldname(field, code)}"' in html


def test_members_cannot_reach_the_translation_admin(member_client):
    response = member_client.get(reverse("admin:racop_topic_changelist"))
    assert response.status_code == 302


@pytest.mark.parametrize("size", [1, 12])
def test_commitment_page_queries_do_not_grow_with_translations(
    client, django_assert_max_num_queries, size
):
    for commitment in Commitment.objects.all()[:size]:
        commitment.title_mk = f"Обврска {commitment.number}"
        commitment.save()
    commitment = Commitment.objects.get(number=1)
    with django_assert_max_num_queries(12):
        assert client.get(url_in("mk", commitment)).status_code == 200


def test_montenegrin_dates_use_the_serbian_latin_formats():
    assert formats.get_format("DATE_FORMAT", lang="cnr") == formats.get_format(
        "DATE_FORMAT", lang="sr-latn"
    )
    assert formats.get_format("DECIMAL_SEPARATOR", lang="cnr") == ","


def test_country_names_follow_the_language():
    from django_countries import countries

    # django-countries ships Turkish as tr_TR and no Bosnian: both reach their catalogs.
    expected = {"tr": "Almanya", "bs": "Njemačka", "sr": "Немачка", "sr-latn": "Nemačka"}
    for language, name in expected.items():
        with translation.override(language):
            assert str(countries.name("DE")) == name, language


def test_survey_questions_show_translated_options_and_store_the_english(client, member):
    from members.models import Answer
    from tests.factories import QuestionFactory, SurveyFactory

    survey = SurveyFactory(slug="format", title="Format")
    question = QuestionFactory(survey=survey, text="Preferred format?", required=True)
    question.text_mk = "Претпочитан формат?"
    question.options_mk = "Онлајн\nВо живо\nХибридно"
    question.save()
    client.force_login(member)
    with translation.override("mk"):
        url = reverse("members:survey_detail", args=[survey.slug])
    html = client.get(url).content.decode()
    assert "Претпочитан формат?" in html and "Во живо" in html
    assert 'value="In person"' in html
    assert 'class="translation-note"' in html  # the survey's own title is English only
    response = client.post(url, {f"q{question.pk}": "In person", "submit": "1"})
    assert response.status_code == 302
    assert Answer.objects.get().value == "In person"
    bad = client.post(url, {f"q{question.pk}": "Во живо", "submit": "1"})
    assert bad.status_code == 200 and not bad.context["form"].is_valid()


def test_a_translation_with_other_lines_falls_back_to_the_english_options():
    from tests.factories import QuestionFactory

    question = QuestionFactory(options="Online\nIn person")
    question.options_sq = "Online"
    with translation.override("sq"):
        assert question.choice_labels == {"Online": "Online", "In person": "In person"}

"""Content in the reader's language, or English that says so (lang="en" and the note)."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from discussions.models import Event
from discussions.plan.models import PlanItem, PlanPeriod
from discussions.plan.services import proposal_accept
from library.models import Collection
from members.models import Question, Survey, User
from racop.models import Page
from tests.factories import (
    EventFactory,
    PlanItemFactory,
    PlanPeriodFactory,
    ProposalFactory,
    QuestionFactory,
    ResourceFactory,
    SurveyFactory,
)
from tests.untranslated import english_fallbacks, shown_english, unmarked_english

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
NOTE = 'class="translation-note"'


@pytest.fixture(autouse=True)
def english():
    """Requests under /mk/ leave their language active in the thread; start in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def demo():
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def in_language(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


def member_client():
    client = Client()
    client.force_login(User.objects.get(email="member@example.org"))
    return client


# The demo reads in each language.


def test_the_demo_has_its_pages_events_collections_survey_and_plan_in_every_language(demo):
    rows = [
        (Page.objects.all(), ["title", "summary", "body"]),
        (Event.objects.all(), ["title", "description"]),
        (Collection.objects.all(), ["title", "summary"]),
        (Survey.objects.all(), ["title", "description"]),
        (Question.objects.all(), ["text", "options"]),
        (PlanPeriod.objects.all(), ["name", "summary"]),
        (PlanItem.objects.all(), ["title", "description"]),
    ]
    for queryset, fields in rows:
        assert queryset.exists()
        for obj in queryset:
            for field in fields:
                if not getattr(obj, build_localized_fieldname(field, "en")):
                    continue
                for code in LANGUAGES:
                    assert getattr(obj, build_localized_fieldname(field, code)), (obj, field, code)
    about = Page.objects.get(slug="about")
    # Placeholders filled as in English; addresses stay Latin in Serbian Cyrillic.
    assert settings.SITE_CONTACT_EMAIL in about.body_sr and "{" not in about.body_sr
    assert "**" + settings.SITE_NAME + "**" in about.body_sr
    assert "bezbjedan prostor" in Page.objects.get(slug="code-of-conduct").body_cnr
    assert PlanPeriod.objects.first().name_tr.endswith("eylem planı")
    # The options keep their lines, so answers still store the English.
    for question in Question.objects.exclude(options=""):
        assert len(question.options_mk.splitlines()) == len(question.options_en.splitlines())


def test_a_macedonian_visitor_reads_the_demo_in_macedonian(demo, client):
    home = client.get(url("mk", "home")).content.decode()
    assert Page.objects.get(slug="about").summary_mk in home
    assert NOTE not in home
    privacy = client.get(url("mk", "page_detail", "privacy")).content.decode()
    assert "Известување за приватност" in privacy and "Што чуваме" in privacy
    assert NOTE not in privacy
    events = client.get(url("mk", "discussions:event_list")).content.decode()
    assert "Онлајн размена: механизми за повратни информации што луѓето ги користат" in events
    collections = client.get(url("mk", "library:collection_list")).content.decode()
    assert "Први чекори во динамичната отчетност" in collections and NOTE not in collections


def test_an_albanian_member_reads_the_plan_and_the_survey_in_albanian(demo):
    client = member_client()
    plan = client.get(url("sq", "plan:plan")).content.decode()
    assert "Plani i veprimit" in plan and "Takim rajonal për llogaridhënien nën presion" in plan
    assert NOTE not in plan
    survey = Survey.objects.get()
    page = client.get(in_language("sq", survey)).content.decode()
    assert "Pritshmëritë dhe prioritetet" in page
    assert "Cilin format preferoni për shkëmbimet?" in page and "Me prani fizike" in page
    assert 'value="In person"' in page  # the answer stored is still the English line
    me = client.get(url("sq", "members:me")).content.decode()
    assert "Pritshmëritë dhe prioritetet" in me


# A missing translation shows the English, marked.


def test_the_home_lead_falls_back_to_english_with_lang_and_a_note(client):
    about = Page.objects.get(slug="about")  # every site has it (racop.services)
    about.summary, about.body = "We are a community.", "Body."
    about.save()
    html = client.get(url("mk", "home")).content.decode()
    assert '<p class="lead" lang="en">We are a community.' in html
    assert '<small class="translation-note" lang="mk">' in html
    assert NOTE not in client.get(url("en", "home")).content.decode()


def test_event_cards_and_collections_say_when_they_are_english(client):
    EventFactory(title="Online exchange", title_mk="Онлајн размена")
    EventFactory(title="Workshop in Tirana")
    Collection.objects.create(title="Reading list", slug="reading-list", is_published=True)
    html = client.get(url("mk", "discussions:event_list")).content.decode()
    assert ">Онлајн размена</a></h3>" in html
    assert 'lang="en">Workshop in Tirana</a> <small class="translation-note"' in html
    assert html.count('<small class="translation-note"') == 1
    html = client.get(url("mk", "library:collection_list")).content.decode()
    assert 'lang="en">Reading list</a> <small class="translation-note"' in html


def test_the_plan_marks_english_items_and_periods(member_client):
    period = PlanPeriodFactory(name="Action plan", name_sq="Plani i veprimit", summary="Agreed.")
    PlanItemFactory(period=period, title="Peer exchange", title_sq="Shkëmbim mes kolegësh")
    PlanItemFactory(period=period, title="Mapping of donors")
    html = member_client.get(url("sq", "plan:plan")).content.decode()
    assert ": <span>Plani i veprimit</span></h1>" in html
    assert '<div class="prose" lang="en"><p>Agreed.</p>' in html
    assert "<span>Shkëmbim mes kolegësh</span></h2>" in html
    assert '<span lang="en">Mapping of donors</span> <small class="translation-note"' in html


def test_survey_questions_and_options_in_english_are_marked(member_client):
    survey = SurveyFactory(slug="format", title="Format", title_mk="Формат")
    QuestionFactory(survey=survey, text="Preferred format?", options="Online\nIn person")
    translated = QuestionFactory(survey=survey, text="Often?", options="Monthly\nYearly")
    translated.text_mk = "Колку често?"
    translated.options_mk = "Месечно\nГодишно"
    translated.save()
    html = member_client.get(in_language("mk", survey)).content.decode()
    assert '<span lang="en">Preferred format?</span>' in html
    assert '<span lang="en">In person</span>' in html
    assert "<legend>Колку често?</legend>" in html
    assert '<span lang="en">Месечно' not in html


def test_resources_carry_the_language_of_their_text(client):
    ResourceFactory(title="Водич за отчетност", languages=["mk"])
    ResourceFactory(title="Feedback toolkit", languages=["en", "mk"])
    html = client.get(url("mk", "library:resource_list")).content.decode()
    assert '<h3 lang="en"><a href="/mk/library/' in html
    assert html.count('<h3 lang="en">') == 1
    english = client.get(url("en", "library:resource_list")).content.decode()
    assert '<h3 lang="mk">' in english and english.count("<h3 lang=") == 1


def test_an_accepted_proposal_becomes_english_text_whatever_the_coordinators_language(
    coordinator,
):
    period = PlanPeriodFactory()
    proposal = ProposalFactory(title="Peer exchange on salaries")
    with translation.override("mk"):
        item = proposal_accept(proposal=proposal, by=coordinator, period=period)
    item = PlanItem.objects.get(pk=item.pk)
    assert item.title_en == "Peer exchange on salaries" and not item.title_mk
    with translation.override("sq"):
        assert PlanItem.objects.get(pk=item.pk).title == "Peer exchange on salaries"


# No English content without lang="en", on the main pages, for every role.

PAGES = [
    ("home", ()),
    ("library:resource_list", ()),
    ("library:collection_list", ()),
    ("discussions:event_list", ()),
    ("discussions:topic_list", ()),
    ("plan:plan", ()),
    ("pledges:pledge_detail", ()),
    ("pledges:accountability", ()),
    ("pledges:commitment_list", ()),
    ("members:me", ()),
]


def _untranslate(language):
    """Empty some translations of the demo, as a coordinator who has not written them yet."""
    for queryset, fields in [
        (Page.objects.filter(slug__in=["about", "privacy"]), ["summary", "body"]),
        (Event.objects.all()[:2], ["title", "description"]),
        (Collection.objects.all()[:1], ["title", "summary"]),
        (Survey.objects.all(), ["title"]),
        (Question.objects.all()[:3], ["text", "options"]),
        (PlanPeriod.objects.all(), ["name", "summary"]),
        (PlanItem.objects.all()[:3], ["title", "description"]),
    ]:
        for obj in queryset:
            names = [build_localized_fieldname(field, language) for field in fields]
            for name in names:
                setattr(obj, name, None if name.startswith(("description", "body")) else "")
            obj.save(update_fields=names)


@pytest.mark.parametrize("language", ["mk", "sq"])
def test_no_english_content_without_lang_en_on_the_main_pages(demo, language):
    _untranslate(language)
    fallbacks = english_fallbacks(language)
    assert len(fallbacks) >= 15
    with translation.override(language):
        paths = [reverse(name, args=args) for name, args in PAGES]
        objects = [
            *Page.objects.all(),
            *Event.objects.all(),
            *Collection.objects.all(),
            *Survey.objects.all(),
            *PlanPeriod.objects.all(),
        ]
        paths += [obj.get_absolute_url() for obj in objects]
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@example.org"))
    clients = {"visitor": Client(), "member": member_client(), "coordinator": coordinator}
    seen, problems = set(), []
    for role, client in clients.items():
        for path in paths:
            response = client.get(path, follow=True)
            if response.status_code != 200:
                assert response.status_code == 404 and role == "visitor", (role, path)
                continue
            html = response.content.decode()
            seen |= shown_english(html, fallbacks)
            problems += [f"{role} {path} {where}" for where in unmarked_english(html, fallbacks)]
    assert not problems
    # The walk did meet the English it looks for: the test can fail.
    assert len(seen) >= 10, seen

"""Choosing a language: prefixed addresses, the browser's preference, the switcher, emails."""

import polib
import pytest
from django import forms
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from members.models import User
from members.services import application_approve
from racop.catalogs import catalogs_compile
from tests.factories import JoinApplicationFactory, MemberFactory, ResourceFactory

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture
def catalog(tmp_path):
    """Install a small compiled catalog ahead of locale/: catalog("mk", {msgid: msgstr})."""
    overrides = []

    def install(locale, entries):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for msgid, msgstr in entries.items():
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        folder = tmp_path / locale / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        po.save(str(folder / "django.po"))
        catalogs_compile(locale_dirs=[tmp_path])
        override = override_settings(LOCALE_PATHS=[tmp_path, *settings.LOCALE_PATHS])
        override.enable()
        overrides.append(override)

    yield install
    for override in reversed(overrides):
        override.disable()


def test_english_pages_stay_unprefixed_and_other_languages_are_prefixed(client):
    assert reverse("library:resource_list") == "/library/"
    with translation.override("mk"):
        assert reverse("library:resource_list") == "/mk/library/"
    for path in ["/library/", "/mk/library/", "/sr-latn/library/", "/cnr/library/"]:
        response = client.get(path, headers={"cookie": ""})
        assert response.status_code == 200, path


def test_a_page_in_a_language_links_to_pages_in_that_language(client):
    response = client.get("/mk/library/")
    assert response["Content-Language"] == "mk"
    assert '<html lang="mk"' in response.text
    assert 'href="/mk/"' in response.text
    assert 'href="/library/"' not in response.text


def test_machine_endpoints_are_not_prefixed(client):
    assert reverse("healthz") == "/healthz"
    assert reverse("set_language") == "/i18n/setlang/"
    with translation.override("mk"):
        assert reverse("healthz") == "/healthz"
        assert reverse("set_language") == "/i18n/setlang/"
    assert client.get("/mk/healthz", follow=True).status_code == 404


def test_first_visit_follows_the_browser_preference(client):
    response = client.get("/library/?q=budget", headers={"accept-language": "mk,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/mk/library/?q=budget"
    assert response.cookies[COOKIE].value == "mk"
    assert "Accept-Language" in response["Vary"]


def test_english_browsers_and_returning_visitors_are_not_redirected(client):
    assert client.get("/library/", headers={"accept-language": "en-GB,en"}).status_code == 200
    client.cookies[COOKIE] = "en"
    assert client.get("/library/", headers={"accept-language": "mk"}).status_code == 200


def test_feeds_and_calendars_are_not_redirected(client):
    response = client.get("/library/feeds/latest.rss", headers={"accept-language": "sq"})
    assert response.status_code == 200
    response = client.get(reverse("discussions:events_ics"), headers={"accept-language": "sq"})
    assert response.status_code == 200


def test_visitors_switch_with_plain_links_that_keep_the_page(client):
    ResourceFactory()
    page = client.get("/library/?page=1").text
    assert 'href="/language/mk/?next=/library/%3Fpage%3D1"' in page
    assert "Crnogorski" in page
    assert "csrfmiddlewaretoken" not in page
    response = client.get("/language/mk/", {"next": "/library/?page=1"})
    assert response["Location"] == "/mk/library/?page=1"
    assert response.cookies[COOKIE].value == "mk"
    response = client.get("/language/en/", {"next": "/mk/library/"})
    assert response["Location"] == "/library/"
    assert not User.objects.exclude(language="").exists()


def test_members_switch_with_a_form_that_keeps_the_page(member_client):
    ResourceFactory()
    page = member_client.get("/library/?page=1").text
    assert 'action="/i18n/setlang/"' in page
    assert 'name="next" type="hidden" value="/library/?page=1"' in page
    assert 'value="cnr"' in page


def test_the_switch_view_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "mk", "next": "/library/?page=1"})
    assert response.status_code == 302
    assert response["Location"] == "/mk/library/?page=1"
    assert response.cookies[COOKIE].value == "mk"
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/mk/library/"})
    assert response["Location"] == "/library/"


def test_switching_while_logged_in_saves_the_choice(member_client, member):
    response = member_client.post("/i18n/setlang/", {"language": "sr", "next": "/me/"})
    assert response["Location"] == "/sr/me/"
    member.refresh_from_db()
    assert member.language == "sr"


def test_a_visitor_switching_saves_nothing(client):
    client.post("/i18n/setlang/", {"language": "tr", "next": "/"})
    assert not User.objects.exclude(language="").exists()


def test_switching_to_an_unknown_language_changes_nothing(member_client, member):
    response = member_client.post("/i18n/setlang/", {"language": "xx", "next": "/library/"})
    assert response["Location"] == "/library/"
    member.refresh_from_db()
    assert member.language == ""


def test_login_brings_back_the_saved_language(client, password):
    member = MemberFactory(language="sq")
    response = client.post(reverse("account_login"), {"login": member.email, "password": password})
    assert response.status_code == 302
    assert response["Location"].startswith("/sq/")
    assert response.cookies[COOKIE].value == "sq"


def test_decision_email_goes_out_in_the_applicants_language(
    coordinator, catalog, django_capture_on_commit_callbacks
):
    catalog("mk", {"Welcome: your application was approved": "Добредојдовте: одобрено"})
    application = JoinApplicationFactory(user__language="mk", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        application_approve(application=application, by=coordinator)
    (email,) = mail.outbox
    assert "Добредојдовте: одобрено" in email.subject
    assert "/mk/join/status/" in email.body


def test_decision_email_uses_the_application_language_when_no_choice_was_saved(
    coordinator, django_capture_on_commit_callbacks
):
    application = JoinApplicationFactory(language="tr")
    with django_capture_on_commit_callbacks(execute=True):
        application_approve(application=application, by=coordinator)
    assert "/tr/join/status/" in mail.outbox[0].body


def test_montenegrin_uses_its_catalog_and_serbian_latin_for_django_strings(catalog):
    catalog("cnr", {"Contact the coordinators:": "Pišite koordinatorima:"})
    with translation.override("cnr"):
        assert gettext("Contact the coordinators:") == "Pišite koordinatorima:"
        with pytest.raises(forms.ValidationError) as error:
            forms.CharField().clean("")
        assert error.value.messages == ["Ovo polje se mora popuniti."]
        assert gettext("Forgot your password?") == "Zaboravili ste lozinku?"
    assert translation.get_language_info("cnr")["name_local"] == "Crnogorski"


def test_montenegrin_login_page_shows_serbian_latin_allauth_strings(client):
    response = client.get("/cnr/accounts/login/")
    assert response.status_code == 200
    assert "Zaboravili ste lozinku?" in response.text


def test_serbian_latin_catalog_folder_and_plural_forms_match_django():
    import django

    assert translation.to_locale("sr-latn") == "sr_Latn"
    django_locale = f"{django.__path__[0]}/conf/locale"
    for language, folder in [("sr-latn", "sr_Latn"), ("cnr", "cnr"), ("mk", "mk"), ("tr", "tr")]:
        ours = polib.pofile(f"{settings.LOCALE_PATHS[0]}/{folder}/LC_MESSAGES/django.po")
        theirs_folder = "sr_Latn" if folder == "cnr" else folder
        theirs = polib.pofile(f"{django_locale}/{theirs_folder}/LC_MESSAGES/django.po")
        assert _nplurals(ours) == _nplurals(theirs), language


def _nplurals(catalog):
    return catalog.metadata["Plural-Forms"].split(";")[0].replace(" ", "")


def test_a_members_saved_language_beats_the_browser_on_a_first_visit(client):
    client.force_login(MemberFactory(language="hr"))
    response = client.get("/library/", headers={"accept-language": "tr"})
    assert response["Location"] == "/hr/library/"


def test_notifications_reach_each_person_in_their_language(
    catalog, django_capture_on_commit_callbacks
):
    from members.notifications.services import notification_send

    catalog("sq", {"You are asked to peer-review a self-assessment": "Ju kërkohet një rishikim"})
    albanian = MemberFactory(email="albanian@example.org", language="sq")
    english = MemberFactory(email="someone@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipients=[albanian, english],
            kind="peer_review",
            subject=gettext_lazy("You are asked to peer-review a self-assessment"),
            template="pledges/emails/renew_invitation.txt",
            context={"version": None, "sign_url": reverse_lazy("pledges:pledge_sign")},
            url=reverse("pledges:assessment_list"),
        )
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient["albanian@example.org"].subject.endswith("Ju kërkohet një rishikim")
    assert "/sq/" in by_recipient["albanian@example.org"].body
    assert "You are asked" in by_recipient["someone@example.org"].subject


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_pages_render_in_every_language(member_client, language):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    for path in ["/", "/library/", "/members/", "/me/"]:
        response = member_client.get(prefix + path)
        assert response.status_code == 200, prefix + path
        assert f'<html lang="{language}"' in response.text
    member_client.logout()
    response = member_client.get(prefix + "/members/")
    assert response["Location"] == f"{prefix}/accounts/login/?next={prefix}/members/"
    assert member_client.get(response["Location"]).status_code == 200

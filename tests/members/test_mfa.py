"""Two-factor sign-in (allauth.mfa): set up, sign in, recovery codes, the back office's rule,
the offer to members, and its pages in the portal's languages under the CSP."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from members.notifications.models import OutgoingEmail
from racop.catalogs import catalogs_compile
from tests.accessibility import axe_violations
from tests.factories import PASSWORD
from tests.racop.test_page_scan import english_on, interface_strings
from tests.security.production import production_env, run_python

pytestmark = pytest.mark.django_db


def totp_code(secret):
    """Return the code an authenticator app shows now for the secret."""
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def log_in(client, user, language="en"):
    """Log in with the password, as a person does."""
    with translation.override(language):
        url = reverse("account_login")
    return client.post(url, {"login": user.email, "password": PASSWORD})


def confirm_password(client, language="en"):
    """Type the password again, as allauth asks before any change to a second factor."""
    with translation.override(language):
        url = reverse("account_reauthenticate")
    assert client.post(url, {"password": PASSWORD}).status_code == 302


def totp_activate(user):
    """Give the user an authenticator app (and recovery codes); return its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_member_turns_on_an_authenticator_app_and_signs_in_with_its_code(client, member):
    log_in(client, member)
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    # The QR code is an image in the page (data: URI), drawn here, not by another host.
    assert 'src="data:image/svg+xml;base64,' in page.text

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=member).exists()
    done = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert done.status_code == 302
    types = set(member.authenticator_set.values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}

    client.post(reverse("account_logout"))
    response = log_in(client, member)
    # The password alone is not enough any more: the code is asked for.
    assert response["Location"] == reverse("mfa_authenticate")
    assert SESSION_KEY not in client.session
    refused = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert refused.status_code == 200
    assert SESSION_KEY not in client.session
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert client.session[SESSION_KEY] == str(member.pk)


def test_a_recovery_code_signs_in_once(client, member):
    totp_activate(member)
    codes = RecoveryCodes(member.authenticator_set.get(type="recovery_codes")).get_unused_codes()
    assert len(codes) == 10

    log_in(client, member)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert client.session[SESSION_KEY] == str(member.pk)
    confirm_password(client)
    listed = client.get(reverse("mfa_view_recovery_codes"))
    assert listed.status_code == 200
    assert codes[0] not in listed.text and codes[1] in listed.text

    client.post(reverse("account_logout"))
    log_in(client, member)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert SESSION_KEY not in client.session


def test_staff_without_a_second_factor_are_sent_to_set_it_up(client, coordinator, settings):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(coordinator)
    response = client.get("/sq/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/sq/accounts/2fa/"
    page = client.get(response["Location"])
    assert "Paneli i administrimit kërkon vërtetim me dy faktorë" in page.text
    # Every page of the back office, not only its front page; logging out stays open.
    changelist = client.get(reverse("admin:members_user_changelist"))
    assert changelist["Location"] == "/sq/accounts/2fa/"  # the session's language
    assert client.post(reverse("admin:logout")).status_code == 200


def test_staff_with_a_second_factor_get_in_when_it_is_required(client, coordinator, settings):
    settings.STAFF_REQUIRE_2FA = True
    totp_activate(coordinator)
    client.force_login(coordinator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_get_in_without_one_when_it_is_not_required(client, coordinator, settings):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(coordinator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_requirement_is_on_in_production_and_off_in_development(settings):
    assert settings.STAFF_REQUIRE_2FA is False  # the tests run with DJANGO_DEBUG=1
    code = "import django, json; django.setup(); from django.conf import settings; "
    code += "print(json.dumps(settings.STAFF_REQUIRE_2FA))"
    assert run_python(code, production_env()) is True
    assert run_python(code, {**production_env(), "STAFF_REQUIRE_2FA": "0"}) is False


def test_the_admins_password_only_login_refuses_an_account_with_a_second_factor(
    client, coordinator
):
    totp_activate(coordinator)
    response = client.post(
        reverse("admin:login"), {"username": coordinator.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "log in on the site’s login page" in response.text
    assert SESSION_KEY not in client.session
    # The page says where such accounts log in, in the page's language.
    page = client.get("/sq/admin/login/")
    assert '<a href="/sq/accounts/login/?next=/sq/admin/">' in page.text
    assert "Hyni nga faqja e hyrjes e portalit" in page.text


def test_members_are_offered_two_factor_sign_in(member_client, member):
    page = member_client.get(reverse("members:me"))
    setup_url = reverse("mfa_index")
    assert page.text.count(f'href="{setup_url}"') == 3  # account menu, account pages, note
    assert "Protect your account with a second step" in page.text
    totp_activate(member)
    page = member_client.get(reverse("members:me"))
    assert "Protect your account with a second step" not in page.text
    assert page.text.count(f'href="{setup_url}"') == 2


SCRIPT = re.compile(r"<script\b([^>]*)>", re.S)


def scripts_run_inline(html):
    """Return the page's script tags that would run inline code (the CSP forbids them)."""
    return [
        attrs
        for attrs in SCRIPT.findall(html)
        if "src=" not in attrs and 'type="application/json"' not in attrs
    ]


# sq, mk and cnr from racop/locale_allauth; the others from allauth's own catalogs.
@pytest.mark.parametrize("language", ["sq", "mk", "cnr", "bs", "hr", "sr-latn", "sr", "tr"])
def test_the_two_factor_pages_speak_the_language_and_run_no_inline_script(client, member, language):
    catalogs_compile(changed_only=True)
    exact, pattern = interface_strings(language)

    def url(name, **kwargs):
        with translation.override(language):
            return reverse(name, kwargs=kwargs)

    log_in(client, member, language)
    confirm_password(client, language)
    pages = {}
    for name in ["mfa_index", "mfa_activate_totp", "mfa_list_webauthn", "mfa_add_webauthn"]:
        pages[name] = client.get(url(name))
    secret = pages["mfa_activate_totp"].context["form"].secret
    client.post(url("mfa_activate_totp"), {"code": totp_code(secret)})
    for name in [
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_deactivate_totp",
    ]:
        pages[f"{name} (on)"] = client.get(url(name))
    client.post(url("account_logout"))
    log_in(client, member, language)
    pages["mfa_authenticate"] = client.get(url("mfa_authenticate"))

    english, inline = {}, {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert f'<html lang="{language}"' in response.text, name
        if found := english_on(response.text, language, exact, pattern):
            english[name] = found
        if found := scripts_run_inline(response.text):
            inline[name] = found
    assert english == {}
    assert inline == {}
    assert "script-src 'self'" in pages["mfa_authenticate"]["Content-Security-Policy"]


def test_allauths_scripts_are_served_from_its_own_package(client):
    for path in ["mfa/js/webauthn.js", "mfa/js/webauthn-json.js", "account/js/onload.js"]:
        assert "site-packages/allauth" in finders.find(path), path
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path


def test_the_emails_about_second_factors_are_translated(
    client, member, django_capture_on_commit_callbacks
):
    log_in(client, member, "mk")
    confirm_password(client, "mk")
    with translation.override("mk"):
        activate_url = reverse("mfa_activate_totp")
    secret = client.get(activate_url).context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):
        client.post(activate_url, {"code": totp_code(secret)})
    email = OutgoingEmail.objects.get(to=member.email, subject__contains="автентикација")
    assert "Апликацијата за автентикација е активирана" in email.subject
    assert "Апликацијата за автентикација е активирана." in email.text


@pytest.mark.django_db(transaction=True)
def test_a_coordinator_turns_on_an_authenticator_app_and_signs_in_with_it(
    page, coordinator, settings
):
    """In a real browser under the CSP: sent from the back office to set it up, then in."""
    settings.STAFF_REQUIRE_2FA = True
    cache.clear()
    page.set_default_timeout(60_000)
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security" in message.text else 0,
    )

    def check(name):
        page.wait_for_load_state()
        serious = [v for v in axe_violations(page) if "(serious)" in v or "(critical)" in v]
        assert not serious, f"{name} ({page.url}): {serious}"

    def log_in_here():
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(coordinator.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_load_state()

    log_in_here()
    page.goto("/admin/")
    page.wait_for_url("**/accounts/2fa/")
    expect(page.get_by_text("The back office asks for two-factor authentication")).to_be_visible()
    check("two-factor")
    page.get_by_role("link", name="Activate").click()
    # Changing how one signs in asks for the password again first.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/totp/activate/")
    check("activate")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url("**/recovery-codes/")
    expect(page.get_by_text("Authenticator app activated.")).to_be_visible()
    check("recovery-codes")

    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign Out").click()
    page.wait_for_load_state()
    log_in_here()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    check("authenticate")
    page.locator("input[name=code]").fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    page.goto("/admin/")
    expect(page.get_by_role("heading", name="Back office")).to_be_visible()
    assert refused == []


def test_the_data_export_names_second_factors_and_never_their_secrets(member):
    from members.data_export import user_data

    Authenticator.objects.create(
        user=member, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    (row,) = user_data(member)["mfa.Authenticator"]
    assert row["type"] == "totp"
    assert "data" not in row and "JBSWY3DPEHPK3PXP" not in repr(row)

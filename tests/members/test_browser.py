"""Key journeys of joining in a real browser (headless Chromium), without JavaScript help."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from members.models import JoinApplication, User
from members.services import application_approve
from tests.factories import OrganisationFactory, QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def no_rate_limits_left_over():
    """allauth rate-limits confirmation emails in the cache, a table flushes do not empty."""
    cache.clear()


def fill_application(page, *, organisation):
    page.get_by_label("First name").fill("Ana")
    page.get_by_label("Last name").fill("Kovač")
    page.get_by_label("Email").fill("ana@example.org")
    page.locator("#id_password1").fill("a long pass phrase 2026")
    page.locator("#id_password2").fill("a long pass phrase 2026")
    page.get_by_label("An organisation").check()
    page.get_by_label("Neither").check()
    page.get_by_label("Organisation name").fill(organisation)
    page.get_by_label("Country").select_option("RS")
    page.get_by_label("Why do you want to join?").fill("To learn from peers.")
    page.get_by_label("Serbian").check()


def test_join_verify_approve_member(page, coordinator):
    page.goto("/")
    page.get_by_role("link", name="Join the community").click()
    page.wait_for_url("**/join/")
    fill_application(page, organisation="Niš Civic Lab")
    page.get_by_role("button", name="Send my application").click()
    # Consent was forgotten: the error is next to it and nothing typed is lost.
    expect(page.locator("#id_consent_error").get_by_text("To join, accept")).to_be_visible()
    assert page.get_by_label("Why do you want to join?").input_value() == "To learn from peers."
    assert page.get_by_label("Serbian").is_checked()
    # The password is never sent back into the page: the field says to type it again.
    assert page.locator("#id_password1").input_value() == ""
    expect(page.locator("#id_password1_error")).to_contain_text("Type your password again")
    page.locator("#id_password1").fill("a long pass phrase 2026")
    page.locator("#id_password2").fill("a long pass phrase 2026")
    page.get_by_label("I accept the code of conduct").check()
    page.get_by_role("button", name="Send my application").click()
    page.wait_for_url("**/accounts/confirm-email/")

    confirmation = next(
        m for m in mail.outbox if m.to == ["ana@example.org"] and "confirm-email" in m.body
    )
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", confirmation.body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/join/status/")
    expect(page.get_by_text("Pending").first).to_be_visible()

    application = JoinApplication.objects.get(user__email="ana@example.org")
    application_approve(application=application, by=coordinator)
    page.reload()
    expect(page.get_by_text("Welcome to the community")).to_be_visible()
    assert User.objects.get(email="ana@example.org").is_member
    page.goto("/members/")
    expect(page.get_by_role("link", name="Niš Civic Lab")).to_be_visible()


def test_existing_organisation_becomes_a_request_to_join_it(page):
    organisation = OrganisationFactory(name="Civic Initiatives Network Serbia")
    page.goto("/join/")
    fill_application(page, organisation="civic initiatives network, serbia")
    page.get_by_label("I accept the code of conduct").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("is already part of the community")).to_be_visible()
    assert page.locator("#id_password1").input_value() == ""
    page.locator("#id_password1").fill("a long pass phrase 2026")
    page.locator("#id_password2").fill("a long pass phrase 2026")
    page.get_by_label("Yes, ask to join this organisation").check()
    page.get_by_role("button", name="Send my application").click()
    page.wait_for_url("**/accounts/confirm-email/")
    application = JoinApplication.objects.get(user__email="ana@example.org")
    assert application.existing_organisation == organisation


def test_join_and_directory_fit_a_small_phone(browser, live_server, member, password):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto("/join/")
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    tab.goto("/accounts/login/")
    tab.get_by_label("Email").fill(member.email)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign In").click()
    tab.wait_for_load_state()
    survey = QuestionFactory(
        kind="multiple", options="Bosnian/Croatian/Montenegrin/Serbian\nEnglish"
    ).survey
    for path in ["/members/", "/me/", member.get_absolute_url(), survey.get_absolute_url()]:
        tab.goto(path)
        assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, path
    context.close()

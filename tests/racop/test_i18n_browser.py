"""The language switcher in a real browser, with JavaScript off: it keeps the page."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitors_switch_language_by_links_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto("/library/")
        tab.locator(".language-links").get_by_role("link", name="Македонски").click()
        tab.wait_for_url("**/mk/library/")
        assert tab.locator("html").get_attribute("lang") == "mk"
        tab.locator(".language-links").get_by_role("link", name="English").click()
        tab.wait_for_url(f"{live_server.url}/library/")
        assert tab.locator("html").get_attribute("lang") == "en"
    finally:
        context.close()


def test_members_switch_language_with_the_form_without_javascript(
    browser, live_server, member, password
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto("/accounts/login/")
        tab.get_by_label("Email").fill(member.email)
        tab.get_by_label("Password").fill(password)
        tab.get_by_role("button", name="Sign In").click()
        tab.wait_for_load_state()
        tab.goto("/library/")
        tab.get_by_label("Language").select_option("mk")
        tab.locator(".language-form button").click()
        tab.wait_for_url("**/mk/library/")
        assert tab.locator("html").get_attribute("lang") == "mk"
        # The label is Macedonian now: find the menu by its id.
        assert tab.locator("#language").input_value() == "mk"
        tab.locator("#language").select_option("en")
        tab.locator(".language-form button").click()
        tab.wait_for_url(f"{live_server.url}/library/")
        assert tab.locator("html").get_attribute("lang") == "en"
    finally:
        context.close()


def test_first_visit_in_a_macedonian_browser_opens_the_macedonian_pages(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="mk-MK")
    tab = context.new_page()
    try:
        tab.goto("/library/")
        tab.wait_for_url("**/mk/library/")
        assert tab.locator("html").get_attribute("lang") == "mk"
    finally:
        context.close()

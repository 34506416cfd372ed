"""The feedback loop in a real browser: build a round, answer on a phone, read, close the loop."""

import pytest

from pledges.feedback import services
from pledges.feedback.models import FeedbackResponse, FeedbackRound
from tests.accessibility import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/")


def test_representative_builds_visitor_answers_on_a_phone_representative_closes_loop(
    page, browser, live_server, representative, password
):
    organisation = representative.memberships.get().organisation
    log_in(page, representative, password)

    page.goto("/feedback/")
    page.get_by_role("link", name="Start a feedback round").click()
    page.get_by_label("Title").fill("Spring listening round")
    page.get_by_label("Who it is for").fill("Parents in our Tetovo programme")
    page.get_by_label("Macedonian").check()
    page.get_by_label("Closes on").fill("2099-12-31")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Continue to the questions").click()
    page.wait_for_url("**/questions/")
    first = page.locator("fieldset.answer-fieldset").nth(0)
    first.get_by_label("Standard question").select_option("listen")
    first.get_by_label("Wording in Macedonian").fill("Дали чувствувате дека ве слушаме?")
    second = page.locator("fieldset.answer-fieldset").nth(1)
    second.get_by_label("Kind of question").select_option("open")
    second.get_by_label("Wording in English").fill("What should we change first?")
    second.get_by_label("Wording in Macedonian").fill("Што треба прво да смениме?")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save the questions").click()
    page.wait_for_load_state()
    assert "Questions saved" in page.inner_text(".messages")
    feedback_round = FeedbackRound.objects.get()
    assert feedback_round.organisation == organisation
    assert feedback_round.questions.count() == 2
    assert page.locator("img.feedback-qr").evaluate("img => img.naturalWidth") > 0

    # A visitor with no account answers on a small phone, in Macedonian.
    phone = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    visitor = phone.new_page()
    visitor.goto(feedback_round.get_public_url())
    visitor.get_by_role("navigation", name="Language of the questions").get_by_role(
        "link", name="Македонски"
    ).click()
    visitor.wait_for_url("**?lang=mk")
    assert visitor.locator("html").get_attribute("lang") == "mk"
    assert axe_violations(visitor) == []
    overflow = visitor.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the answer page scrolls sideways by {overflow}px"
    visitor.get_by_role("group", name="Дали чувствувате дека ве слушаме?").get_by_label(
        "9", exact=True
    ).check()
    visitor.get_by_label("Што треба прво да смениме?").fill("Подолго работно време")
    visitor.locator("button[type=submit].button-primary").click()
    visitor.wait_for_url("**/thanks/?lang=mk")
    assert FeedbackResponse.objects.get().language == "mk"
    phone.close()

    # Four more answers pass the small-numbers threshold; the representative reads them.
    scale, open_question = feedback_round.questions.all()
    for score in [10, 6, 8, 9]:
        services.feedback_respond(
            feedback_round=feedback_round,
            language="en",
            answers={scale: score, open_question: "Evening sessions"},
        )
    page.goto(feedback_round.get_absolute_url())
    assert "5 answers so far" in page.inner_text("main")
    assert page.inner_text(".net-score") == "40"
    assert "Подолго работно време" in page.inner_text(".open-answers")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Close the loop: write what you are changing").click()
    page.get_by_label("What you told us").fill("You asked for longer opening hours.")
    page.get_by_label("What we are changing").fill("We now stay open until **19:00**.")
    page.get_by_label("Publish it on the round's page").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert "Published" in page.inner_text(".messages")

    page.goto(feedback_round.get_public_url())
    assert "We now stay open until 19:00." in page.inner_text(".closing-note")
    assert axe_violations(page) == []
    page.goto(organisation.get_absolute_url())
    assert "We now stay open until 19:00." in page.inner_text("main")

"""The public answer page: no account, another language, anonymity and the flood guard."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from pledges.feedback import services
from pledges.feedback.models import FeedbackAnswer, FeedbackResponse
from tests.factories import FeedbackRoundFactory, MemberFactory
from tests.pledges.feedback_helpers import add_responses, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def feedback_round():
    return make_round()


def _answers(feedback_round, **overrides):
    scale, choice, open_question = feedback_round.questions.all()
    data = {
        f"answer-q{scale.pk}": "9",
        f"answer-q{choice.pk}": "1",
        f"answer-q{open_question.pk}": "Навечер е подобро",
        "lang": "mk",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "role", ["visitor", "applicant", "member", "representative", "coordinator"]
)
def test_round_page_is_public(as_role, role, feedback_round):
    response = as_role(role).get(feedback_round.get_public_url())
    assert response.status_code == 200
    assert "Send my answers" in response.content.decode()


def test_unknown_round_is_not_found(client):
    assert client.get("/feedback/r/nope/").status_code == 404


def test_respondent_without_account_answers_in_macedonian(client, feedback_round):
    page = client.get(feedback_round.get_public_url(), {"lang": "mk"})
    html = page.content.decode()
    assert page["Content-Language"] == "mk"
    assert '<html lang="mk"' in html
    assert "Дали чувствувате дека ве слушаме?" in html
    assert "Навечер" in html and "Evenings" not in html
    assert 'aria-current="true">Македонски' in html
    # The interface around the questions follows the chosen language too.
    with translation.override("mk"):
        assert gettext("Language") in html and ">Language<" not in html
    response = client.post(feedback_round.get_public_url(), _answers(feedback_round))
    assert response.status_code == 302
    assert response.url.endswith("/thanks/?lang=mk")
    stored = FeedbackResponse.objects.get()
    assert stored.language == "mk"
    assert stored.submitted_on == timezone.localdate()
    assert sorted(FeedbackAnswer.objects.values_list("score", "choice", "text"), key=str) == sorted(
        [(9, None, ""), (None, 1, ""), (None, None, "Навечер е подобро")], key=str
    )
    thanks = client.get(response.url)
    assert '<html lang="mk"' in thanks.content.decode()


def test_language_not_offered_falls_back_to_the_first(client, feedback_round):
    html = client.get(feedback_round.get_public_url(), {"lang": "tr"}).content.decode()
    assert '<html lang="en"' in html
    assert "Do you feel we listen to you?" in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"scale": "11"}, "Select a valid choice"),
        ({"scale": "nine"}, "Select a valid choice"),
        ({"choice": "7"}, "Select a valid choice"),
        ({"open": "x" * 2001}, "at most 2000 characters"),
        ({"scale": "", "choice": "", "open": ""}, "Answer at least one question"),
    ],
)
def test_answer_form_bad_input(client, feedback_round, overrides, message):
    scale, choice, open_question = feedback_round.questions.all()
    names = {"scale": scale, "choice": choice, "open": open_question}
    data = _answers(feedback_round, lang="en")
    for key, value in overrides.items():
        data[f"answer-q{names[key].pk}"] = value
    response = client.post(feedback_round.get_public_url(), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert not FeedbackResponse.objects.exists()
    if "open" not in overrides:
        assert "Навечер е подобро" in html  # what they wrote is kept


def test_closed_round_takes_no_answers(client):
    closed = make_round(
        opens_on=timezone.localdate() - datetime.timedelta(days=30),
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert "This round is closed" in client.get(closed.get_public_url()).content.decode()
    assert client.post(closed.get_public_url(), _answers(closed)).status_code == 410
    assert not FeedbackResponse.objects.exists()


def test_round_without_questions_is_not_ready(client):
    draft = FeedbackRoundFactory()
    assert "not ready yet" in client.get(draft.get_public_url()).content.decode()


def test_public_page_shows_the_closing_note(client, feedback_round):
    feedback_round.what_we_heard = "You told us the centre closes too early."
    feedback_round.what_we_change = "We now stay open until seven."
    feedback_round.save()
    assert "We now stay open" not in client.get(feedback_round.get_public_url()).content.decode()
    feedback_round.loop_closed_at = timezone.now()
    feedback_round.save()
    html = client.get(feedback_round.get_public_url(), {"lang": "mk"}).content.decode()
    assert "We now stay open until seven." in html
    assert "You told us the centre closes too early." in html


# Flood guard


def test_same_device_cannot_answer_twice(client, feedback_round):
    assert client.post(feedback_round.get_public_url(), _answers(feedback_round)).status_code == 302
    again = client.post(feedback_round.get_public_url(), _answers(feedback_round))
    assert again.status_code == 403
    with translation.override(again["Content-Language"]):
        notice = gettext("Thank you: this device has already sent answers to this round.")
    assert notice in again.content.decode()
    assert FeedbackResponse.objects.count() == 1
    # Another round is not affected.
    other = make_round()
    assert client.post(other.get_public_url(), _answers(other)).status_code == 302


def test_device_marker_is_the_same_for_everyone(feedback_round):
    first, second = Client(), Client()
    first.post(feedback_round.get_public_url(), _answers(feedback_round))
    second.post(feedback_round.get_public_url(), _answers(feedback_round))
    name = f"feedback_{feedback_round.token}"
    assert first.cookies[name].value.split(":")[0] == second.cookies[name].value.split(":")[0]
    assert first.cookies[name]["max-age"] == 12 * 60 * 60
    assert first.cookies[name]["httponly"]


def test_forged_device_marker_is_ignored(client, feedback_round):
    client.cookies[f"feedback_{feedback_round.token}"] = "answered"
    assert client.post(feedback_round.get_public_url(), _answers(feedback_round)).status_code == 302


def test_one_network_cannot_flood_a_round(feedback_round, monkeypatch):
    monkeypatch.setattr(services, "FLOOD_LIMIT", 3)
    statuses = [
        Client(REMOTE_ADDR="203.0.113.5")
        .post(feedback_round.get_public_url(), _answers(feedback_round))
        .status_code
        for _ in range(4)
    ]
    assert statuses == [302, 302, 302, 400]
    assert FeedbackResponse.objects.count() == 3
    other = Client(REMOTE_ADDR="198.51.100.1")
    assert other.post(feedback_round.get_public_url(), _answers(feedback_round)).status_code == 302


def test_behind_the_proxy_the_flood_guard_counts_each_network(
    feedback_round, monkeypatch, settings
):
    """Everyone reaches the portal through the proxy: one network's answers do not stop
    another's."""
    settings.RATE_LIMIT_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    monkeypatch.setattr(services, "FLOOD_LIMIT", 1)
    url = feedback_round.get_public_url()
    first = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="203.0.113.5")
    assert first.post(url, _answers(feedback_round)).status_code == 302
    second = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="198.51.100.1")
    assert second.post(url, _answers(feedback_round)).status_code == 302


# Anonymity: nothing in any page links an answer to a person.


def test_a_signed_in_member_answers_anonymously(client, feedback_round, representative):
    respondent = MemberFactory(
        first_name="Zorica", last_name="Traceable", email="zorica@example.org"
    )
    client.force_login(respondent)
    client.post(
        feedback_round.get_public_url(),
        _answers(feedback_round, **{"lang": "en"}),
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="Traceable-Browser/1.0",
    )
    add_responses(feedback_round, [1, 2, 3, 4])
    stored = FeedbackResponse.objects.values()
    for row in list(stored) + list(FeedbackAnswer.objects.values()):
        values = " ".join(str(value) for value in row.values())
        for trace in [
            "Zorica",
            "zorica@example.org",
            "203.0.113.77",
            "Traceable",
            str(respondent.pk) + "-",
        ]:
            assert trace not in values
    # The representative of the round's organisation looks at every page about it.
    representative.memberships.update(organisation=feedback_round.organisation)
    client.force_login(representative)
    pages = [
        feedback_round.get_absolute_url(),
        f"{feedback_round.get_absolute_url()}results.csv",
        feedback_round.get_public_url(),
        "/feedback/",
        feedback_round.organisation.get_absolute_url(),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Навечер е подобро" in body or url != pages[0]
        for trace in ["Zorica", "zorica@example.org", "203.0.113.77", "Traceable-Browser"]:
            assert trace not in body, (url, trace)


def test_answers_with_mistakes_do_not_count_towards_the_flood_guard(
    client, feedback_round, monkeypatch
):
    monkeypatch.setattr(services, "FLOOD_LIMIT", 1)
    scale = feedback_round.questions.first()
    wrong = _answers(feedback_round, **{f"answer-q{scale.pk}": "12"})
    assert client.post(feedback_round.get_public_url(), wrong).status_code == 400
    assert client.post(feedback_round.get_public_url(), _answers(feedback_round)).status_code == 302

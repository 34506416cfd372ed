"""Reply by email from the mail programs of the region: attribution lines in its languages,
Outlook's HTML-only messages, answers between quoted lines, forwards, and the language the
reply is written in."""

import pytest

from discussions.email_text import strip_reply, text_language
from discussions.inbound import inbound_email_receive
from discussions.models import InboundEmail
from discussions.reply_tokens import reply_address
from tests.discussions.inbound_helpers import inbound_settings, message_file  # noqa: F401
from tests.factories import MemberFactory, ThreadFactory

Outcome = InboundEmail.Outcome


@pytest.fixture
def thread(db):
    return ThreadFactory(title="Citizen scorecards for local budgets")


def posted(name, thread, django_capture_on_commit_callbacks, **person):
    author = MemberFactory(email=f"{name}@example.org", **person)
    raw = message_file(name, address=reply_address(author, thread), sender=author.email)
    with django_capture_on_commit_callbacks(execute=True):
        received = inbound_email_receive(raw=raw)
    assert received.record.outcome == Outcome.POSTED, received.record.outcome
    return received.record.reply


def test_serbian_gmail_loses_its_wrapped_cyrillic_attribution(
    thread, django_capture_on_commit_callbacks
):
    reply = posted("gmail_serbian", thread, django_capture_on_commit_callbacks)
    assert reply.body == (
        "Хвала на питању. У Новом Саду смо картице делили на зборовима грађана и  \n"
        "одзив је био двоструко већи.\n\nПоздрав,  \nЈелена"
    )
    # The member never chose a language: the text tells.
    assert reply.language == "sr"


def test_bosnian_gmail_loses_its_attribution_and_keeps_the_members_language(
    thread, django_capture_on_commit_callbacks
):
    reply = posted("gmail_bosnian", thread, django_capture_on_commit_callbacks, language="cnr")
    assert reply.body.startswith("Hvala svima. U Tuzli smo isto pokušali")
    assert reply.body.endswith("Edina")
    assert "napisao" not in reply.body and "RACoP" not in reply.body
    # Written alike in Bosnian and Montenegrin: the member's own choice stands.
    assert reply.language == "cnr"


def test_html_only_outlook_keeps_only_the_answer(thread, django_capture_on_commit_callbacks):
    reply = posted("outlook_html_only", thread, django_capture_on_commit_callbacks)
    assert reply.body == (
        "Slažem se. U Splitu smo podatke objavili u tablici, a građani su sami pronašli "
        "pogreške.\n\nIvana"
    )
    assert reply.language == "bs"  # Croatian or Bosnian: the member chose neither


def test_an_answer_between_quoted_lines_keeps_the_members_lines(
    thread, django_capture_on_commit_callbacks
):
    reply = posted("interleaved", thread, django_capture_on_commit_callbacks, language="mk")
    assert reply.body == (
        "Yes: in Tetovo last spring, on paper, at the market. We counted 400  \n"
        "answers in two days.\n\nI will add our notes to the library this week."
    )
    assert "Has anyone tried" not in reply.body and "wrote" not in reply.body
    # Macedonian member, English words: the reply is stored as English.
    assert reply.language == "en"


def test_a_forward_keeps_the_note_and_drops_the_forwarded_message(
    thread, django_capture_on_commit_callbacks
):
    reply = posted("forward", thread, django_capture_on_commit_callbacks, language="hr")
    assert reply.body == (
        "Prosljeđujem odgovor naših partnera iz Rijeke, mislim da je koristan za ovu  \nraspravu."
    )
    assert reply.language == "hr"


def test_macedonian_reply_is_stored_as_macedonian(thread, django_capture_on_commit_callbacks):
    assert posted("macedonian", thread, django_capture_on_commit_callbacks).language == "mk"


@pytest.mark.parametrize(
    "attribution",
    [
        "pet, 27. nov 2026. u 09:02 RACoP <reply@x.test> je napisao/la:",
        "пет, 27. нов 2026. у 09:02 RACoP <reply@x.test> је написао/ла:",
        "pet, 27. stu 2026. u 09:02 RACoP <reply@x.test> napisao(la) je:",
        "пет., 27 ное. 2026 во 9:02 RACoP <reply@x.test> напиша:",
        "pet, 27 nën 2026 në 09:02 RACoP <reply@x.test> shkroi:",
        "27 Kas 2026 Cum 09:02 tarihinde RACoP <reply@x.test> şunu yazdı:",
    ],
)
def test_gmail_attributions_in_the_regions_languages_end_the_reply(attribution):
    assert strip_reply(f"Moj odgovor.\n\n{attribution}\n\n> obavještenje") == "Moj odgovor."


@pytest.mark.parametrize(
    "separator",
    [
        "---------- Forwarded message ---------",
        "---------- Proslijeđena poruka ---------",
        "---------- Прослеђена порука ---------",
        "---------- Препратена порака ---------",
        "---------- Mesazh i përcjellë ---------",
        "---------- Yönlendirilen ileti ---------",
        "Begin forwarded message:",
    ],
)
def test_forward_separators_end_the_note(separator):
    text = f"See below.\n\n{separator}\nFrom: A <a@x.test>\nDate: today\n\nOld text"
    assert strip_reply(text) == "See below."


def test_only_quoted_lines_after_an_attribution_are_still_empty():
    assert strip_reply("On Fri, RACoP <r@x.test> wrote:\n> one\n>\n> two\n\n-- \nAna") == ""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Faleminderit për ftesën, do të jemi të pranishëm në takim.", "sq"),
        ("Teşekkürler, bu toplantı için çok faydalı bir belge.", "tr"),
        ("Благодарам, ќе ги споделиме нашите искуства на средбата.", "mk"),
        ("Хвала, поделићемо наша искуства на сусрету.", "sr"),
        ("Thanks, we will share this with our partners.", "en"),
        ("Ok!", "hr"),
    ],
)
def test_the_language_of_a_text(text, language):
    assert text_language(text, default="hr") == language

"""seed_demo gives the Pledge, the 12 commitments and the topics in every language."""

import pytest
from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from pledges import demo as pledges_demo
from pledges.models import Commitment, PledgeVersion
from racop import demo as racop_demo
from racop.demo_translations import to_cyrillic
from racop.models import Topic

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def assert_every_language(obj, fields):
    for field in fields:
        for code in LANGUAGE_CODES:
            assert getattr(obj, build_localized_fieldname(field, code)), (obj, field, code)


def test_demo_content_is_in_every_language():
    racop_demo.seed()
    pledges_demo.seed()
    topics = Topic.objects.filter(slug__in=[slug for _name, slug, _text in racop_demo.TOPICS])
    assert topics.count() == len(racop_demo.TOPICS)
    for topic in topics:
        assert_every_language(topic, ["name", "description"])
    for version in PledgeVersion.objects.all():
        assert_every_language(version, ["title", "text", "why_it_matters"])
    assert PledgeVersion.objects.count() == 2
    assert_every_language(PledgeVersion.objects.get(number=2), ["changes"])
    commitments = Commitment.objects.all()
    assert commitments.count() == 12
    for commitment in commitments:
        assert_every_language(commitment, ["title", "summary"])


def test_demo_translations_are_the_right_script_and_seeding_twice_keeps_edits():
    racop_demo.seed()
    pledges_demo.seed()
    commitment = Commitment.objects.get(number=1)
    assert commitment.title_sr == "Правда и једнакост"
    assert commitment.title_sr_latn == "Pravda i jednakost"
    assert commitment.title_mk == "Правда и еднаквост"
    assert "Taahhüt" in PledgeVersion.objects.get(number=1).title_tr
    commitment.title_sq = "Drejtësia dhe barazia"
    commitment.save()
    pledges_demo.seed()
    commitment.refresh_from_db()
    assert commitment.title_sq == "Drejtësia dhe barazia"


def test_serbian_cyrillic_transliteration_treats_digraphs_as_letters():
    assert to_cyrillic("Ljudi, njihov budžet i Đorđe") == "Људи, њихов буџет и Ђорђе"
    assert to_cyrillic("**Preneti moć**: 12 obaveza") == "**Пренети моћ**: 12 обавеза"

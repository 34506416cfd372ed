from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from members.demo import DEMO_ACCOUNTS
from members.models import User

pytestmark = pytest.mark.django_db


def counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


@override_settings(DEBUG=True)
def test_seed_demo_is_idempotent():
    call_command("seed_demo", stdout=StringIO())
    first = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == first
    assert first["members.Organisation"] >= 10
    assert first["racop.Topic"] >= 5


@override_settings(DEBUG=True)
def test_seed_demo_countries_cover_the_region():
    call_command("seed_demo", stdout=StringIO())
    from members.models import Organisation

    countries = set(Organisation.objects.values_list("country", flat=True))
    assert {"AL", "BA", "HR", "XK", "ME", "MK", "RS", "TR"} <= countries


@override_settings(DEBUG=True)
def test_demo_accounts_can_log_in_with_the_printed_passwords(capsys):
    call_command("seed_demo")
    printed = capsys.readouterr().out
    for email, password in DEMO_ACCOUNTS.values():
        assert f"{email} / {password}" in printed
        assert EmailAddress.objects.get(email=email).verified
        client = Client()
        response = client.post("/accounts/login/", {"login": email, "password": password})
        assert response.status_code == 302, response.content.decode()[:2000]
    coordinator = User.objects.get(email=DEMO_ACCOUNTS["coordinator"][0])
    assert coordinator.is_coordinator
    assert User.objects.get(email=DEMO_ACCOUNTS["member"][0]).is_member


def test_seed_demo_refuses_without_debug():
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("seed_demo")


@override_settings(DEBUG=True)
def test_the_demo_keeps_a_feedback_round_open_and_prints_its_address(capsys, client):
    import datetime

    from django.utils import timezone

    from pledges.feedback.models import FeedbackRound

    call_command("seed_demo", stdout=StringIO())
    # Weeks later every round has closed; seeding again opens one for visitors.
    FeedbackRound.objects.update(
        opens_on=timezone.localdate() - datetime.timedelta(days=90),
        closes_on=timezone.localdate() - datetime.timedelta(days=60),
    )
    call_command("seed_demo")
    printed = capsys.readouterr().out
    line = next(line for line in printed.splitlines() if line.startswith("Answer a feedback round"))
    path = line.split(": ", 1)[1].removeprefix(settings.SITE_URL)
    response = client.get(path)
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1].split("</main>")[0]
    assert "<form" in main and 'type="submit"' in main, main

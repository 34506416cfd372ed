"""What a developer sees running the portal: readable emails, log lines once, the right port."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from racop.console_mail import EmailBackend
from racop.settings import mailer_from_url

ROOT = Path(settings.BASE_DIR)


def test_the_console_mailer_prints_links_and_cyrillic_whole():
    link = "http://127.0.0.1:8101/mk/accounts/confirm-email/" + "Mg:1w5Jxy:" + "a" * 60 + "/"
    message = EmailMultiAlternatives(
        subject="Потврдете ја адресата",
        body=f"Здраво Ана,\n\nОтворете ја врската:\n{link}\n",
        from_email="RACoP <team@example.org>",
        to=["ана@example.org"],
        headers={"Content-Language": "mk", "List-Unsubscribe": "<https://x.example/u/>"},
    )
    message.attach_alternative("<p>Здраво</p>", "text/html")
    stream = io.StringIO()
    EmailBackend(stream=stream).send_messages([message])
    printed = stream.getvalue()
    assert link in printed.splitlines()
    assert "Subject: Потврдете ја адресата" in printed
    assert "Здраво Ана," in printed
    assert "Content-Language: mk" in printed and "List-Unsubscribe:" in printed
    assert "[an alternative part: text/html]" in printed
    assert "=D0" not in printed and "base64" not in printed


def test_console_email_url_uses_the_readable_backend():
    assert mailer_from_url("console://")["BACKEND"] == "racop.console_mail.EmailBackend"


def test_django_and_task_log_lines_appear_once(tmp_path):
    script = (
        "import os, django, logging; django.setup();"
        " logging.getLogger('django.tasks').info('Task finished')"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "racop.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout + result.stderr).count("Task finished") == 1


def test_make_run_links_to_the_port_it_serves():
    printed = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "runserver 127.0.0.1:8101" in printed
    variables = subprocess.run(
        ["make", "-pn", "run", "PORT=8101"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert re.search(r"^run: SITE_URL \??= http://127\.0\.0\.1:\$\(PORT\)$", variables, re.M)


def test_make_run_stops_the_embedded_database_when_it_stops():
    printed = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "embedded_db" in printed and "stop()" in printed


def test_allauth_imports_from_any_of_its_modules_once_django_is_set_up():
    # runserver imports the URLs in two threads; one starts from allauth.account.stages.
    script = "import django; django.setup(); import allauth.account.stages, allauth.account.views"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "racop.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]

"""A relay may post a message in chunks (Transfer-Encoding: chunked, no Content-Length).

Real requests against real servers: gunicorn (production's) joins the chunks and the reply
is posted; Django's own server drops a chunked body, and the portal then asks the relay to
try again rather than bouncing the reply for good.
"""

import http.client
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.db import connection
from django.test import RequestFactory

from discussions import inbound_views
from discussions.models import InboundEmail, Reply
from discussions.reply_tokens import reply_address
from tests.discussions.inbound_helpers import (  # noqa: F401
    DOMAIN,
    RELAY,
    TOKEN,
    inbound_settings,
    message_file,
)
from tests.factories import MemberFactory, ThreadFactory

URL = "/inbound/email/"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def author(transactional_db):
    return MemberFactory(email="ana@example.org")


@pytest.fixture
def thread(transactional_db):
    return ThreadFactory()


def good_reply(author, thread):
    return message_file("plain", address=reply_address(author, thread), sender=author.email)


def chunked_post(base_url, raw, *, chunk=100):
    """POST raw in chunks of `chunk` bytes, as http.client sends an iterable body."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(
            "POST",
            URL,
            body=(raw[i : i + chunk] for i in range(0, len(raw), chunk)),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "message/rfc822"},
            encode_chunked=True,
        )
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_chunked_body_is_read_from_the_servers_stream(db, author, thread):
    """What gunicorn hands over: the joined chunks in wsgi.input, no CONTENT_LENGTH."""
    raw = good_reply(author, thread)
    request = RequestFactory().request(
        REQUEST_METHOD="POST",
        PATH_INFO=URL,
        CONTENT_TYPE="message/rfc822",
        HTTP_TRANSFER_ENCODING="chunked",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
        **{"wsgi.input": io.BytesIO(raw)},
    )
    assert "CONTENT_LENGTH" not in request.META
    response = inbound_views.inbound_email(request)
    assert response.status_code == 202, response.content
    assert Reply.objects.get().author == author


def test_chunked_body_over_the_limit_is_refused(db, author, thread, settings):
    settings.INBOUND_EMAIL_MAX_MB = 1
    raw = good_reply(author, thread) + b"x" * (1024 * 1024)
    request = RequestFactory().request(
        REQUEST_METHOD="POST",
        PATH_INFO=URL,
        HTTP_TRANSFER_ENCODING="chunked",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
        **{"wsgi.input": io.BytesIO(raw)},
    )
    assert inbound_views.inbound_email(request).status_code == 413
    assert not Reply.objects.exists()


def test_django_server_drops_the_chunks_and_the_relay_is_asked_to_retry(
    live_server, author, thread
):
    raw = good_reply(author, thread)
    # One chunk: the server answers without reading it, and would cut off any further ones.
    status, headers, body = chunked_post(live_server.url, raw, chunk=len(raw))
    assert status == 503, body
    assert headers["Retry-After"] and b"empty message" in body
    assert not InboundEmail.objects.exists()


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(transactional_db, tmp_path):
    """gunicorn, the production server, on the test database."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    socket_folder = db["HOST"] or db["OPTIONS"].get("host", "")
    if str(socket_folder).startswith("/"):
        # The embedded server listens on a Unix socket in a folder (make test without a URL).
        url = f"postgresql://{db['USER']}{password}@/{db['NAME']}?host={quote(socket_folder)}"
    else:
        url = f"postgresql://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "1",
        "REDIS_URL": "",
        "INBOUND_EMAIL_ENABLED": "1",
        "INBOUND_EMAIL_TOKEN": TOKEN,
        "INBOUND_EMAIL_DOMAIN": DOMAIN,
        "INBOUND_EMAIL_AUTHSERV_ID": RELAY,
        "RACOP_TASKS_IMMEDIATE": "1",
        "EMAIL_URL": "console://",
    }
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 - open while the server runs
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "racop.wsgi", f"--bind=127.0.0.1:{port}",
         "--workers=1", "--no-control-socket", "--timeout=30"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail((tmp_path / "gunicorn.log").read_text())
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_gunicorn_reads_a_chunked_message_and_posts_the_reply(gunicorn, author, thread):
    status, _headers, body = chunked_post(gunicorn, good_reply(author, thread))
    assert status == 202, body
    reply = Reply.objects.get()
    assert reply.author == author and reply.thread == thread
    assert reply.body == "Agreed: let us put it on the agenda of the December convening."

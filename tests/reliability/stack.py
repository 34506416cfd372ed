"""Real servers for the reliability tests: a throwaway PostgreSQL, Redis and gunicorn.

Each runs in a temporary folder with production settings (DJANGO_DEBUG off), so the
tests see what a deployment sees. Requests carry ``X-Forwarded-Proto: https`` as they
would behind the TLS proxy production needs; cookies stay Secure.
"""

import http.cookiejar
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def need(available, what):
    """Skip without a needed program, except in CI, where the test must run."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {what} is missing: the reliability tests must run.")
    pytest.skip(f"{what} is not installed")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Postgres:
    """A PostgreSQL server of its own in a temporary folder (the pgserver wheel's binaries)."""

    def __init__(self, folder):
        try:
            import pgserver
            from pgserver import _commands
        except ImportError:
            need(False, "the pgserver package (PostgreSQL binaries)")
        os.environ.setdefault("XDG_RUNTIME_DIR", str(folder / "run"))
        self.pgdata = folder / "pgdata"
        self.pgdata.mkdir(parents=True)
        self.server = pgserver.get_server(self.pgdata, cleanup_mode="delete")
        self.pg_ctl = _commands.pg_ctl
        self.socket_dir = self.server.get_postmaster_info().socket_dir
        self.bin = _commands.POSTGRES_BIN_PATH

    def url(self, name):
        return self.server.get_uri(name)

    def create_database(self, name):
        self.server.psql(f'CREATE DATABASE "{name}";')
        return self.url(name)

    def stop(self):
        self.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.server.system_user)

    def start(self):
        self.pg_ctl(
            ["-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.pgdata / "log"),
             "start"],
            pgdata=self.pgdata,
            user=self.server.system_user,
        )  # fmt: skip

    def close(self):
        self.server.cleanup()


class Redis:
    """A redis-server that keeps nothing on disk, on a free port."""

    def __init__(self):
        need(shutil.which("redis-server"), "redis-server (apt-get install redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def production_env(*, database_url, redis_url, media_root):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY="reliability-tests-" + secrets.token_urlsafe(30),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        EMAIL_URL="console://",
        SITE_NAME="Reliability Community",
        SITE_OPERATOR="Test operator",
        SITE_CONTACT_EMAIL="coordinators@example.org",
        SITE_URL="http://127.0.0.1",
        MEDIA_ROOT=str(media_root),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args, debug=False):
    """Run a management command against the stack; return its output."""
    env = {**env, "DJANGO_DEBUG": "1"} if debug else env
    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


CREATE_MEMBER = """
from allauth.account.models import EmailAddress
from django.utils import timezone
from members.models import User
user = User.objects.create_user(username="{email}", email="{email}", password="{password}",
                                member_since=timezone.now(), first_name="Ana")
EmailAddress.objects.create(user=user, email="{email}", verified=True, primary=True)
"""


def create_member(env, password):
    email = f"member-{uuid.uuid4().hex[:8]}@example.org"
    manage(env, "shell", "-c", CREATE_MEMBER.format(email=email, password=password))
    return email


class AppServer:
    """gunicorn serving the portal with production settings on a free port."""

    def __init__(self, env, log):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "w")  # noqa: SIM115 - open while the server runs
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "racop.wsgi", f"--bind=127.0.0.1:{self.port}",
             "--workers=1", "--threads=2", "--no-control-socket", "--timeout=30"],
            env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if Client(self.url).get("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {log}")
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer; see {log}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A cookie-keeping HTTP client, as a browser behind the TLS proxy would be."""

    def __init__(self, base, jar=None):
        self.base = base
        policy = http.cookiejar.DefaultCookiePolicy(secure_protocols=("http", "https"))
        self.jar = jar or http.cookiejar.CookieJar(policy)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _KeepRedirects
        )

    def on(self, base):
        """Return a client for another server that shares these cookies."""
        return Client(base, self.jar)

    def request(self, path, data=None, headers=None):
        headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def get(self, path):
        return self.request(path)

    def csrf_token(self, path):
        import re

        body = self.get(path)[2].decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)

    def post(self, path, fields, files=None, form_path=None):
        """Submit a form (multipart when files are given) from its page."""
        fields = {"csrfmiddlewaretoken": self.csrf_token(form_path or path), **fields}
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{item}\r\n".encode()
                )
        for name, (filename, content, content_type) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        origin = "https://" + self.base.split("://", 1)[1]
        return self.request(
            path,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Origin": origin,
                "Referer": origin + (form_path or path),
            },
        )

    def log_in(self, email, password):
        status, _, _ = self.post("/accounts/login/", {"login": email, "password": password})
        assert status == 302, f"login answered {status}"

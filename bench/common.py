"""What the benchmark scripts share: production settings and the gunicorn server they measure."""

import math
import os
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def add_database_arguments(parser):
    """Add --database-url (default: what bench/generate.py fills) and --redis-url."""
    parser.add_argument(
        "--database-url", help="default: the database bench/generate.py fills by default"
    )
    parser.add_argument("--redis-url", default="")


def database_url(args):
    """Return the database to measure: the one given, or the embedded one generate.py fills."""
    if args.database_url:
        return args.database_url
    from bench.generate import embedded_url

    return embedded_url()


def p95(sorted_times):
    """Return the 95th percentile of sorted times (nearest rank)."""
    return sorted_times[max(math.ceil(len(sorted_times) * 0.95) - 1, 0)]


def production_env(database_url, port, redis_url=""):
    """Return the environment of a production server on loopback, without the TLS redirect."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-" + "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "EMAIL_URL": "console://",
            "SITE_NAME": "Regional Accountability Community of Practice",
            "SITE_SHORT_NAME": "RACoP",
            "SITE_OPERATOR": "Balkan Civil Society Development Network",
            "SITE_CONTACT_EMAIL": "executiveoffice@balkancsd.net",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "BENCH_BARE_VIEW": "1",
            # The load tool is one client hammering a page: rate limits would measure a 429.
            "RATE_LIMIT_SEARCHING": "1000000/m",
            "RATE_LIMIT_LOGIN": "1000000/m",
            "RATE_LIMIT_POSTING": "1000000/m",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {url} within {timeout} s")


@contextmanager
def production_server(env, port, workers=2):
    """Collect the static files, run gunicorn with env on loopback and yield its base URL."""
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "racop.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--access-logfile=-" if os.environ.get("BENCH_ACCESS_LOG") else "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz")
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def session_cookie(user):
    """Return a "name=value" session cookie logged in as user (Django must be set up)."""
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

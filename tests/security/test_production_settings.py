"""Production settings: the deploy checks pass unsilenced; HSTS, cookies and headers."""

import subprocess
import sys

import pytest

from tests.security.production import ROOT, production_env, run_python, test_database_url

TWO_YEARS = 2 * 365 * 24 * 3600


def test_check_deploy_passes_with_nothing_silenced():
    env = production_env()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    silenced = run_python(
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.SILENCED_SYSTEM_CHECKS))",
        env,
    )
    assert silenced == []


def test_production_cookie_and_transport_settings():
    values = run_python(
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ["
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT', "
        "'SESSION_COOKIE_NAME', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'CSRF_COOKIE_NAME', 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', "
        "'LANGUAGE_COOKIE_NAME', 'LANGUAGE_COOKIE_SECURE', 'SESSION_COOKIE_SAMESITE', "
        "'CSRF_COOKIE_SAMESITE', 'LANGUAGE_COOKIE_SAMESITE', 'DEBUG']}))",
        production_env(),
    )
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] >= TWO_YEARS
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_SSL_REDIRECT"]
    for prefix in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{prefix}_COOKIE_NAME"].startswith("__Host-")
        assert values[f"{prefix}_COOKIE_SECURE"] is True
        assert values[f"{prefix}_COOKIE_SAMESITE"] in {"Lax", "Strict"}
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"]


# A production process serving pages from the test database, over HTTPS via the proxy.
SERVE = """
import django, json
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
# Hashed static names need collectstatic; the headers do not depend on them.
override_settings(STORAGES=settings.STORAGES | {
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
}).enable()
client = Client(HTTP_HOST="community.example.org", HTTP_X_FORWARDED_PROTO="https")
out = {}
for path in %r:
    response = client.get(path)
    out[path] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {"secure": bool(c["secure"]), "httponly": bool(c["httponly"]),
                   "samesite": c["samesite"], "path": c["path"], "domain": c["domain"]}
            for name, c in response.cookies.items()
        },
    }
print(json.dumps(out))
"""


@pytest.mark.django_db(transaction=True)
def test_production_pages_send_hsts_csp_and_host_cookies():
    paths = ["/", "/accounts/login/", "/no-such-page-here/", "/admin/login/"]
    env = production_env(test_database_url())
    env["DJANGO_SECURE_SSL_REDIRECT"] = "1"
    pages = run_python(SERVE % (paths,), env)
    for path in paths:
        headers = pages[path]["headers"]
        assert pages[path]["status"] in {200, 404}, path
        hsts = headers["Strict-Transport-Security"]
        assert int(hsts.split("max-age=")[1].split(";")[0]) >= TWO_YEARS
        assert "includeSubDomains" in hsts
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
    cookies = pages["/accounts/login/"]["cookies"]
    assert "__Host-csrftoken" in cookies
    for cookie in cookies.values():
        assert cookie["secure"] and cookie["samesite"] == "Lax"
        assert cookie["path"] == "/" and not cookie["domain"]
    assert cookies["__Host-csrftoken"]["httponly"]


def test_plain_http_is_redirected_to_https():
    env = production_env()
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client(HTTP_HOST='community.example.org').get('/library/'); "
        "print(json.dumps([r.status_code, r.headers.get('Location')]))"
    )
    status, location = run_python(code, env)
    assert status == 301
    assert location == "https://community.example.org/library/"

"""Local web servers for the link checker's and the harvester's tests."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg
import pytest
from django.db import connection


class Handler(BaseHTTPRequestHandler):
    """/ok… works, /gone is 404, /no-head refuses HEAD but answers GET, anything else 500."""

    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path.startswith("/ok") or self.path == "/no-head-get":
            self.send_response(200)
        else:
            self.send_response(500)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path == "/no-head" else 500)
        self.end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def serving(handler):
    """Serve the handler class on a free loopback port; yield the server's address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def local_server():
    with serving(Handler) as address:
        yield address


class Site:
    """What a test web server answers: path → (status, headers, body); and what it was asked."""

    def __init__(self):
        self.pages = {}
        self.requests = []

    def put(self, path, body, *, status=200, headers=None):
        if isinstance(body, str):
            body = body.encode()
        self.pages[path] = (status, headers or {}, body)


@pytest.fixture
def web_server():
    """A loopback web server whose pages a test sets: `site.put("/feed.xml", text)`."""
    site = Site()

    class SiteHandler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.requests.append((self.path, dict(self.headers)))
            status, headers, body = site.pages.get(self.path.split("?")[0], (404, {}, b""))
            if callable(body):
                status, headers, body = body(self)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    with serving(SiteHandler) as address:
        site.address = address
        yield site


@pytest.fixture
def other_session():
    """A second connection to the tests' database, as another run of the harvester."""
    params = connection.get_connection_params()
    params = {k: v for k, v in params.items() if k in {"host", "port", "user", "password"}}
    with psycopg.connect(dbname=connection.settings_dict["NAME"], autocommit=True, **params) as db:
        yield db

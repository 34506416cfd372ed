"""A local web server for the link checker's tests."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


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


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()

import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from racop.settings import mailer_from_url

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]


class FlakyHandler:
    """Refuse the first messages with a temporary error, then accept."""

    def __init__(self, refusals):
        self.refusals = refusals
        self.received = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.refusals > 0:
                self.refusals -= 1
                return "451 Try again later"
            self.received.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free local port, and the real SMTP backend pointed at it."""
    handler = FlakyHandler(refusals=1)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {"default": mailer_from_url(f"smtp://127.0.0.1:{port}/?tls=0")}
    yield handler
    controller.stop()

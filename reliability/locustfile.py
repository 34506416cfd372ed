"""The soak test's simulated community: people reading, searching, posting and registering.

Run by ``reliability/soak.py`` (see docs/reliability.md). Each simulated person is one of
the members ``reliability/seed.py`` created; they browse public pages until their turn to
log in comes (logins are spread out so the login rate limit is never reached), then mix
members-only reading, library searches, new threads, replies and event registrations.

Requests go over plain HTTP on loopback but carry ``X-Forwarded-Proto: https``, as they
would behind the TLS-terminating proxy production needs, so the server runs with its real
production settings (secure cookies, HSTS, SSL redirect).

Every post and registration the server accepted is appended to the ledger file
(``SOAK_LEDGER``) as one JSON line; the runner checks each one is in the database.
"""

import itertools
import json
import os
import random
import re
import threading
import time

from locust import HttpUser, between, events, task

from reliability.seed import EVENTS, MEMBERS, PASSWORD, member_email

LEDGER = os.environ.get("SOAK_LEDGER", "soak-ledger.jsonl")
LOGIN_SPACING = float(os.environ.get("SOAK_LOGIN_SPACING", "2.5"))
TOPIC = "soak-topic"
SEARCHES = [
    "accountability",
    "feedback",
    "transparency report",
    "civic space",
    "standard",
    "acountabilty",
    "pledge",
    "governance",
]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
THREAD_URL = re.compile(rf"/discussions/{TOPIC}/(\d+)-[\w-]+/$")
REPLY_URL = re.compile(r"#reply-(\d+)$")

_numbers = itertools.count()
_ledger_lock = threading.Lock()
_started = time.monotonic()


def record(**entry):
    """Append what the server accepted to the ledger."""
    with _ledger_lock, open(LEDGER, "a", encoding="utf-8") as ledger:
        ledger.write(json.dumps(entry) + "\n")


@events.test_start.add_listener
def _empty_ledger(environment, **kwargs):
    open(LEDGER, "w").close()


class CommunityMember(HttpUser):
    wait_time = between(1, 4)

    def on_start(self):
        number = next(_numbers)
        if number >= MEMBERS:
            raise RuntimeError(f"Only {MEMBERS} soak members are seeded.")
        self.email = member_email(number)
        self.login_at = _started + number * LOGIN_SPACING
        self.logged_in = False
        self.threads = []
        self.registered = set()
        host = self.host.split("://", 1)[1]
        self.origin = f"https://{host}"
        self.client.headers.update({"X-Forwarded-Proto": "https"})
        # The proxy speaks HTTPS to browsers, so cookies are Secure; on this loopback leg
        # they must still be sent back, so the stored copies lose the flag.
        send = self.client.request

        def request(*args, **kwargs):
            response = send(*args, **kwargs)
            for cookie in self.client.cookies:
                cookie.secure = False
            return response

        self.client.request = request

    def post(self, url, data, name, form_url=None):
        """Submit a form from its page, as a browser would; return the response."""
        form = self.client.get(form_url or url, name=f"{name} (form)")
        token = CSRF.search(form.text)
        data = {**data, "csrfmiddlewaretoken": token.group(1) if token else ""}
        headers = {"Origin": self.origin, "Referer": self.origin + url}
        return self.client.post(
            url, data=data, headers=headers, name=name, allow_redirects=False, catch_response=True
        )

    def ensure_logged_in(self):
        if self.logged_in or time.monotonic() < self.login_at:
            return self.logged_in
        with self.post(
            "/accounts/login/", {"login": self.email, "password": PASSWORD}, "log in"
        ) as response:
            if response.status_code != 302:
                response.failure(f"login answered {response.status_code}")
                return False
        self.logged_in = True
        return True

    @task(6)
    def read_public(self):
        self.ensure_logged_in()
        url = random.choice(["/", "/library/", "/events/", "/pledge/", "/about/"])
        self.client.get(url, name=url)

    @task(4)
    def search_library(self):
        self.ensure_logged_in()
        params = {"q": random.choice(SEARCHES)}
        if random.random() < 0.3:
            params["page"] = "1"
        self.client.get("/library/", params=params, name="/library/?q=")

    @task(4)
    def read_discussions(self):
        if not self.ensure_logged_in():
            return
        self.client.get("/discussions/", name="/discussions/")
        self.client.get(f"/discussions/{TOPIC}/", name="/discussions/<topic>/")
        if self.threads:
            thread = random.choice(self.threads)
            self.client.get(thread, name="/discussions/<topic>/<thread>/")

    @task(2)
    def start_thread(self):
        if not self.ensure_logged_in():
            return
        title = f"Soak thread by {self.email} {random.randrange(10**9)}"
        data = {"title": title, "body": "What we **learned** from our feedback round."}
        if random.random() < 0.3:
            data["anonymous"] = "on"
        with self.post(f"/discussions/{TOPIC}/new/discussion/", data, "start thread") as response:
            match = THREAD_URL.search(response.headers.get("Location", ""))
            if response.status_code != 302 or not match:
                response.failure(f"thread not accepted: {response.status_code}")
                return
            self.threads.append(response.headers["Location"])
            record(kind="thread", id=int(match.group(1)), title=title, author=self.email)

    @task(3)
    def reply(self):
        if not self.ensure_logged_in() or not self.threads:
            return
        thread = random.choice(self.threads)
        body = f"A reply from the soak test {random.randrange(10**9)}."
        data = {"body": body}
        if random.random() < 0.3:
            data["anonymous"] = "on"
        with self.post(thread + "reply/", data, "reply") as response:
            match = REPLY_URL.search(response.headers.get("Location", ""))
            if response.status_code != 302 or not match:
                response.failure(f"reply not accepted: {response.status_code}")
                return
            record(kind="reply", id=int(match.group(1)), body=body, author=self.email)

    @task(2)
    def register_for_event(self):
        if not self.ensure_logged_in():
            return
        slug = f"soak-convening-{random.randrange(EVENTS)}"
        if slug in self.registered:
            self.client.get(f"/events/{slug}.ics", name="/events/<slug>.ics")
            return
        with self.post(
            f"/events/{slug}/register/", {}, "register", form_url=f"/events/{slug}/"
        ) as response:
            if response.status_code != 302 or not response.headers.get("Location", "").endswith(
                f"/events/{slug}/"
            ):
                response.failure(f"registration not accepted: {response.status_code}")
                return
        with self.client.get(
            f"/events/{slug}/", name="/events/<slug>/", catch_response=True
        ) as page:
            if "You are registered." not in page.text and "You are on the waiting list." not in (
                page.text
            ):
                page.failure("the event page does not show the accepted registration")
                return
        self.registered.add(slug)
        record(kind="registration", event=slug, email=self.email)

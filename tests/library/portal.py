"""A serving portal for the harvesting tests: the API's shape (README, "Harvesting
other sources") over loopback, from resources a test publishes on it.

FakePortal answers /api/v1/resources/ exactly as the portal's API does (paginated with
absolute `next` links, `page_size`, `changed_since`). When the API is on main, a fixture
with the same three methods (address, publish, edit) can run a real second portal instead:
a subprocess `manage.py runserver` on its own DATABASE_URL (see tests/reliability/stack.py)
whose publish/edit create and change resources through `manage.py shell`.
"""

import datetime
import itertools
import json
import urllib.parse
from http.server import BaseHTTPRequestHandler

from tests.library.conftest import serving


class FakePortal:
    def __init__(self):
        self.resources = []
        self.requests = []
        self.address = ""
        self._ids = itertools.count(1)
        self._clock = datetime.datetime.now(datetime.UTC)

    def _tick(self):
        """Return the time of a change: now, and always later than the one before."""
        now = datetime.datetime.now(datetime.UTC)
        self._clock = max(now, self._clock + datetime.timedelta(microseconds=1))
        return self._clock

    def publish(self, title, **fields):
        """Publish a resource on the serving portal; return its API object."""
        number = next(self._ids)
        slug = fields.pop("slug", f"resource-{number}")
        resource = {
            "id": number,
            "slug": slug,
            "url": f"{self.address}/library/{slug}/",
            "title": title,
            "summary": "",
            "authors": [],
            "publisher": "",
            "year": None,
            "published": None,
            "type": "guide",
            "languages": ["en"],
            "countries": [],
            "scope": "regional",
            "topics": [],
            "tags": [],
            "link": None,
            "file": None,
            **fields,
            "changed": self._tick().isoformat(),
        }
        self.resources.append(resource)
        return resource

    def edit(self, slug, **fields):
        resource = next(r for r in self.resources if r["slug"] == slug)
        resource.update(fields, changed=self._tick().isoformat())
        return resource

    def answer(self, path):
        parts = urllib.parse.urlsplit(path)
        if parts.path != "/api/v1/resources/":
            return 404, {"detail": "Not found."}
        query = dict(urllib.parse.parse_qsl(parts.query))
        rows = list(self.resources)
        if "changed_since" in query:
            since = datetime.datetime.fromisoformat(query["changed_since"])
            rows = [r for r in rows if datetime.datetime.fromisoformat(r["changed"]) > since]
            rows.sort(key=lambda r: (r["changed"], r["id"]))
        else:
            rows.sort(key=lambda r: r["changed"], reverse=True)
        size = min(int(query.get("page_size", 50)), 100)
        page = int(query.get("page", 1))
        chunk = rows[(page - 1) * size : page * size]

        def link(number):
            return f"{self.address}{parts.path}?" + urllib.parse.urlencode(
                {**query, "page": number}
            )

        return 200, {
            "count": len(rows),
            "next": link(page + 1) if page * size < len(rows) else None,
            "previous": link(page - 1) if page > 1 else None,
            "results": chunk,
        }


def fake_portal():
    """Serve a FakePortal on loopback; yield it (a generator for a fixture)."""
    portal = FakePortal()

    class PortalHandler(BaseHTTPRequestHandler):
        def do_GET(self):
            portal.requests.append(self.path)
            status, data = portal.answer(self.path)
            body = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    with serving(PortalHandler) as address:
        portal.address = address
        yield portal

"""Measure the key pages on the real production stack, as a visitor and as a member.

    .venv/bin/python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/racop_bench \
        [--redis-url redis://127.0.0.1:6379/3] [--duration 10] [--csv bench/results.csv]

Starts gunicorn with production settings on loopback (static files through whitenoise),
warms it, drives every page with wrk, and measures in the same run and configuration a
bare Django view that returns a short text. Per page it prints requests per second, the
ratio to the bare view, latency p50/p95/p99, SQL queries per request and the in-process
time per request (p50, p95: the full middleware stack without the network).
"""

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    add_database_arguments,
    database_url,
    p95,
    production_env,
    production_server,
    session_cookie,
)

WRK_SCRIPT = """
local cookie = os.getenv("BENCH_COOKIE")
wrk.headers["X-Forwarded-Proto"] = "https"
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
local non2xx = 0
response = function(status, headers, body)
  if status >= 300 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %f %f %f %f %d %d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
"""

COLUMNS = [
    "page",
    "role",
    "url",
    "rps",
    "ratio_to_bare",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "errors",
    "queries",
    "inproc_p50_ms",
    "inproc_p95_ms",
    "cold_queries",
    "cold_p50_ms",
    "cold_p95_ms",
]


def pages(member_cookie):
    """Return (name, url, cookie) for every measured page, as a visitor and as a member."""
    from discussions.models import Event, Thread
    from library.models import Resource
    from racop.models import Topic

    resource = Resource.objects.filter(status="published", visibility="public").latest("pk")
    topic = Topic.objects.order_by("ordering", "pk").first()
    long_thread = Thread.objects.order_by("pk").first()
    event = Event.objects.filter(visibility="public").order_by("-starts_at").first()
    visitor = [
        ("bare view", "/bench/bare"),
        ("home", "/"),
        ("library list", "/library/"),
        ("library search: rare term", "/library/?q=ombudsperson"),
        ("library search: common term", "/library/?q=accountability"),
        ("library search: three-word phrase", '/library/?q="civil+society+organisations"'),
        ("resource", resource.get_absolute_url()),
        ("events", "/events/"),
        ("event", event.get_absolute_url()),
        ("Pledge wall", "/pledge/"),
        ("commitment radar", "/accountability/"),
    ]
    member_only = [
        ("discussions index", "/discussions/"),
        ("topic's threads", f"/discussions/{topic.slug}/"),
        ("500-reply thread", long_thread.get_absolute_url()),
        ("member directory", "/members/"),
    ]
    rows = [(name, url, "visitor", "") for name, url in visitor]
    rows += [(name, url, "member", member_cookie) for name, url in visitor + member_only]
    return rows


def wrk(url, cookie, args, script):
    env = dict(os.environ, BENCH_COOKIE=cookie)
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    output = subprocess.run(
        [*command, "-s", script, url], env=env, capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    rps, p50, p95, p99, _count, errors = line.split()[1:]
    return float(rps), float(p50), float(p95), float(p99), int(errors)


def in_process(url, cookie, repeat, cold):
    """Return (queries per request, p50 ms, p95 ms) through the full stack, without a
    network, with warm caches, then the same with every shared cache emptied first."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", headers={"X-Forwarded-Proto": "https"})
    if cookie:
        name, value = cookie.split("=", 1)
        client.cookies[name] = value
    client.get(url)  # warm
    times, queries = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code} in process")
    times.sort()
    warm = max(queries), statistics.median(times), p95(times)
    # Cold: what the first reader after a change pays. A new generation of every area of
    # content makes every shared page and part unreachable at once.
    from racop import cache as shared_cache

    cold_times, cold_queries = [], []
    for _ in range(cold):
        shared_cache.changed(*sorted(shared_cache.AREAS))
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            client.get(url)
            cold_times.append((time.perf_counter() - started) * 1000)
        cold_queries.append(len(captured))
    cold_times.sort()
    return (
        *warm,
        max(cold_queries),
        statistics.median(cold_times),
        p95(cold_times),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser)
    parser.add_argument("--port", type=int, default=8300)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--repeat", type=int, default=100, help="in-process requests per page")
    parser.add_argument(
        "--cold", type=int, default=20, help="in-process requests per page with caches emptied"
    )
    parser.add_argument("--csv", default=str(ROOT / "bench" / "results.csv"))
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    args = parser.parse_args()
    args.database_url = database_url(args)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    env = production_env(args.database_url, args.port, args.redis_url)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
    with production_server(env, args.port, args.workers) as base:
        import django

        django.setup()
        from members.models import User

        member_cookie = session_cookie(User.objects.get(email="member0@bench.example.org"))

        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        rows, bare_rps = [], None
        for name, url, role, cookie in pages(member_cookie):
            if args.only and args.only not in name and name != "bare view":
                continue
            for _ in range(3):  # warm the server's workers and caches
                request = urllib.request.Request(base + url, headers={"Cookie": cookie})
                urllib.request.urlopen(request, timeout=30).read()
            rps, p50, p95, p99, errors = wrk(base + url, cookie, args, script.name)
            if name == "bare view" and role == "visitor":
                bare_rps = rps
            queries, in_p50, in_p95, cold_q, cold_p50, cold_p95 = in_process(
                url, cookie, args.repeat, args.cold
            )
            row = dict(
                zip(
                    COLUMNS,
                    [
                        name,
                        role,
                        url,
                        rps,
                        rps / bare_rps,
                        p50,
                        p95,
                        p99,
                        errors,
                        queries,
                        in_p50,
                        in_p95,
                        cold_q,
                        cold_p50,
                        cold_p95,
                    ],
                    strict=True,
                )
            )
            rows.append(row)
            print(
                f"{name:36} {role:7} {rps:8.0f} rps {row['ratio_to_bare']:6.0%}  "
                f"p50 {p50:6.1f} p95 {p95:6.1f} p99 {p99:6.1f} ms  err {errors}  "
                f"{queries:2} q  in-process p50 {in_p50:5.1f} p95 {in_p95:5.1f} ms  "
                f"cold {cold_q:2} q p50 {cold_p50:5.1f} p95 {cold_p95:5.1f} ms",
                flush=True,
            )
        with open(args.csv, "w", newline="") as out:
            writer = csv.DictWriter(out, COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {args.csv}")


if __name__ == "__main__":
    main()

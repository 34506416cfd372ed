"""Soak test: the portal under 50 simulated people for 10 minutes, with production settings.

    .venv/bin/python -m reliability.soak            # the full run (about 13 minutes)
    .venv/bin/python -m reliability.soak --users 5 --duration 30s   # a quick look

It recreates an empty database (``DATABASE_URL``, default the machine's PostgreSQL
``racop_soak``), empties the Redis database (``REDIS_URL``), migrates, collects static
files, seeds (reliability/seed.py), starts gunicorn with DJANGO_DEBUG off, runs locust
headless (reliability/locustfile.py), and then checks three promises:

- locust counted no failed request;
- every thread, reply and registration the server accepted is in the database;
- the app server's memory (gunicorn master and workers, RSS) grew less than 10% between
  the end of the warm-up and the end of the run.

Results go to ``--out`` (default ``test-artifacts/soak``): locust's CSV files, the ledger of
accepted writes, the server log and ``result.json``. The exit status is 0 only if all pass.
"""

import argparse
import csv
import json
import os
import secrets
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import psutil
import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def production_env(args):
    """Return the environment of a production server on loopback."""
    env = dict(os.environ)
    env.pop("DJANGO_DEBUG", None)
    env.update(
        {
            "DJANGO_SECRET_KEY": env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "EMAIL_URL": "console://",
            "SITE_URL": f"http://127.0.0.1:{args.port}",
            "SITE_NAME": env.get("SITE_NAME", "Regional Accountability Community of Practice"),
            "SITE_SHORT_NAME": env.get("SITE_SHORT_NAME", "RACoP"),
            "SITE_OPERATOR": env.get("SITE_OPERATOR", "Balkan Civil Society Development Network"),
            "SITE_CONTACT_EMAIL": env.get("SITE_CONTACT_EMAIL", "coordinators@example.org"),
            "MEDIA_ROOT": str(args.out / "media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def recreate_database(url):
    """Drop and create the soak database, so every run starts from the same state."""
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin_url = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def empty_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def run(command, env, log):
    print("$", " ".join(command), flush=True)
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=log, stderr=subprocess.STDOUT)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer 200 within {timeout} s")


def server_rss(master):
    """Return the resident memory (bytes) of the gunicorn master and its workers."""
    processes = [master, *master.children(recursive=True)]
    return {p.pid: p.memory_info().rss for p in processes if p.is_running()}


def parse_duration(text):
    units = {"s": 1, "m": 60, "h": 3600}
    return int(text[:-1]) * units[text[-1]] if text[-1] in units else int(text)


def locust_failures(prefix):
    with open(f"{prefix}_stats.csv", newline="") as stats:
        for row in csv.DictReader(stats):
            if row["Name"] == "Aggregated":
                return int(row["Request Count"]), int(row["Failure Count"])
    raise RuntimeError("locust wrote no aggregated statistics")


def check_ledger(ledger, database_url):
    """Return the accepted writes missing from the database (empty when all are there)."""
    entries = [json.loads(line) for line in ledger.read_text().splitlines() if line.strip()]
    missing = []
    counts = {"thread": 0, "reply": 0, "registration": 0}
    with psycopg.connect(database_url) as conn:
        for entry in entries:
            counts[entry["kind"]] += 1
            if entry["kind"] == "thread":
                row = conn.execute(
                    "SELECT 1 FROM discussions_thread t JOIN members_user u ON u.id = t.author_id"
                    " WHERE t.id = %s AND t.title = %s AND u.email = %s",
                    [entry["id"], entry["title"], entry["author"]],
                ).fetchone()
            elif entry["kind"] == "reply":
                row = conn.execute(
                    "SELECT 1 FROM discussions_reply r JOIN members_user u ON u.id = r.author_id"
                    " WHERE r.id = %s AND r.body = %s AND u.email = %s",
                    [entry["id"], entry["body"], entry["author"]],
                ).fetchone()
            else:
                row = conn.execute(
                    "SELECT 1 FROM discussions_registration r"
                    " JOIN discussions_event e ON e.id = r.event_id"
                    " JOIN members_user u ON u.id = r.user_id"
                    " WHERE e.slug = %s AND u.email = %s AND r.status IN ('registered', 'waiting')",
                    [entry["event"], entry["email"]],
                ).fetchone()
            if row is None:
                missing.append(entry)
    return counts, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--duration", default="10m", help="locust's --run-time, e.g. 10m, 30s")
    parser.add_argument("--warm-up", default="150s", help="when memory is first measured")
    parser.add_argument("--port", type=int, default=8120)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/racop_soak"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/5")
    )
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "soak")
    parser.add_argument("--max-memory-growth", type=float, default=0.10)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    env = production_env(args)
    recreate_database(args.database_url)
    empty_redis(args.redis_url)
    with open(args.out / "setup.log", "w") as log:
        run([PYTHON, "manage.py", "migrate", "--noinput"], env, log)
        run([PYTHON, "manage.py", "collectstatic", "--noinput"], env, log)
        # seed_demo refuses to run with debug off; the seeding alone runs in debug mode.
        run([PYTHON, "-m", "reliability.seed"], {**env, "DJANGO_DEBUG": "1"}, log)

    server_log = open(args.out / "gunicorn.log", "w")  # noqa: SIM115 - open while it runs
    gunicorn = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "racop.wsgi",
            f"--bind=127.0.0.1:{args.port}",
            f"--workers={args.workers}",
            f"--threads={args.threads}",
            "--timeout=60",
            "--no-control-socket",
            # Longer than any client idles between requests, as behind a load balancer:
            # gunicorn must not close a kept-alive connection the client is reusing.
            "--keep-alive=75",
        ],
        env=env,
        cwd=ROOT,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{args.port}/healthz")
        master = psutil.Process(gunicorn.pid)
        samples = {}
        duration = parse_duration(args.duration)
        warm_up = min(parse_duration(args.warm_up), duration // 2)

        def sample_after_warm_up():
            time.sleep(warm_up)
            samples["warm"] = server_rss(master)

        sampler = threading.Thread(target=sample_after_warm_up, daemon=True)
        ledger = args.out / "ledger.jsonl"
        prefix = str(args.out / "locust")
        locust_env = {**env, "SOAK_LEDGER": str(ledger)}
        command = [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "reliability" / "locustfile.py"),
            "--headless",
            "-u",
            str(args.users),
            "-r",
            str(args.spawn_rate),
            "-t",
            args.duration,
            "--host",
            f"http://127.0.0.1:{args.port}",
            "--csv",
            prefix,
            "--only-summary",
        ]
        print("$", " ".join(command), flush=True)
        sampler.start()
        with open(args.out / "locust.log", "w") as locust_log:
            subprocess.run(
                command, env=locust_env, cwd=ROOT, stdout=locust_log, stderr=subprocess.STDOUT
            )
        sampler.join()
        samples["end"] = server_rss(master)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        server_log.close()

    requests, failures = locust_failures(prefix)
    counts, missing = check_ledger(ledger, args.database_url)
    warm = sum(samples["warm"].values())
    end = sum(samples["end"].values())
    growth = (end - warm) / warm
    result = {
        "command": " ".join(sys.argv),
        "users": args.users,
        "duration": args.duration,
        "requests": requests,
        "failures": failures,
        "accepted": counts,
        "missing": missing,
        "rss_warm_mb": round(warm / 2**20, 1),
        "rss_end_mb": round(end / 2**20, 1),
        "rss_growth_percent": round(growth * 100, 2),
        "rss_per_process_mb": {
            str(pid): [
                round(samples["warm"].get(pid, 0) / 2**20, 1),
                round(rss / 2**20, 1),
            ]
            for pid, rss in samples["end"].items()
        },
    }
    result["passed"] = failures == 0 and not missing and growth < args.max_memory_growth
    (args.out / "result.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

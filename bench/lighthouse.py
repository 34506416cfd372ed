"""Score the key pages with Lighthouse (mobile) on the real production stack.

    .venv/bin/python bench/lighthouse.py \
        --database-url postgres://postgres@127.0.0.1:5432/racop_lh \
        [--port 8130] [--csv bench/lighthouse.csv] [--member-email member0@bench.example.org]

Installs the pinned Lighthouse with npm into bench/.lighthouse/ the first time, starts gunicorn
with production settings (static files hashed and compressed by whitenoise), and runs Lighthouse
with its default mobile emulation (Moto G Power screen, slow 4G, 4x CPU slowdown) in Debian's
Chromium on home, the library, a resource, an event and a thread (as a member). Per page it
prints the performance, accessibility and best-practices scores, the compressed bytes a first
view transfers, and the titles of the audits that failed. Budget: performance >= 95,
accessibility = 100, best practices >= 95, at most 100 KB transferred.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import production_env, production_server, session_cookie  # noqa: E402

# Lighthouse 13 needs Node 22; Debian's Node is 20.
LIGHTHOUSE_VERSION = "12.8.2"
PREFIX = ROOT / "bench" / ".lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ["performance", "accessibility", "best-practices"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 95, "kb": 100}
COLUMNS = [
    "page", "url", "performance", "accessibility", "best_practices", "transfer_kb",
    "benchmark_index", "cpu_slowdown", "load_average", "failing",
]  # fmt: skip


def lighthouse_bin():
    """Return the Lighthouse command, installing the pinned version on first use."""
    binary = PREFIX / "node_modules" / ".bin" / "lighthouse"
    installed = PREFIX / "node_modules" / "lighthouse" / "package.json"
    if not installed.exists() or json.loads(installed.read_text())["version"] != LIGHTHOUSE_VERSION:
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund",
             f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )  # fmt: skip
    return binary


def pages(member_cookie):
    """Return (name, path, cookie) for the five pages under budget."""
    from discussions.models import Event, Thread
    from library.models import Resource

    resource = Resource.objects.filter(status="published", visibility="public").latest("pk")
    event = Event.objects.filter(visibility="public").order_by("-starts_at").first()
    thread = Thread.objects.order_by("pk").first()
    return [
        ("home", "/", ""),
        ("library", "/library/", ""),
        ("resource", resource.get_absolute_url(), ""),
        ("event", event.get_absolute_url(), ""),
        ("thread", thread.get_absolute_url(), member_cookie),
    ]


def calibrated_slowdown(benchmark_index):
    """Return the CPU slowdown that makes this machine a Moto G Power, by Lighthouse's calculator.

    https://lighthouse-cpu-throttling-calculator.vercel.app/ (Lighthouse docs, throttling.md).
    """
    if benchmark_index >= 1300:
        return round(3 + (benchmark_index - 1300) / 233, 1)
    if benchmark_index >= 800:
        return round(2 + (benchmark_index - 800) / 500, 1)
    return round(1 + max(benchmark_index - 150, 0) / 650, 1)


def run_lighthouse(binary, url, cookie, chrome_path, slowdown):
    """Run Lighthouse once on url and return its JSON report."""
    headers = {"X-Forwarded-Proto": "https"}
    if cookie:
        headers["Cookie"] = cookie
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                str(binary),
                url,
                "--form-factor=mobile",
                f"--throttling.cpuSlowdownMultiplier={slowdown}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--extra-headers={json.dumps(headers)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            env=dict(os.environ, CHROME_PATH=chrome_path),
            check=True,
        )
        return json.loads(report.read_text())


def summarise(report):
    """Return the scores, the transferred kilobytes and the failing audits' titles."""
    categories = report["categories"]
    scores = {key: round(categories[key]["score"] * 100) for key in CATEGORIES}
    audits = report["audits"]
    transfer = audits["total-byte-weight"]["numericValue"] / 1000
    failing = []
    for key in CATEGORIES:
        for ref in categories[key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                failing.append(f"{audit['title']} ({audit['score']:.2f})")
    return scores, transfer, failing


def requests_of(report):
    """Return (transfer bytes, URL) of every request of the first view, largest first."""
    items = report["audits"]["network-requests"]["details"]["items"]
    return sorted(((item["transferSize"], item["url"]) for item in items), reverse=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--port", type=int, default=8130)
    parser.add_argument("--csv", default=str(ROOT / "bench" / "lighthouse.csv"))
    parser.add_argument("--chrome-path", default="/usr/bin/chromium")
    parser.add_argument("--member-email", default="", help="default: the first active member")
    parser.add_argument("--only", default="", help="score only pages whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="list every request's size")
    parser.add_argument(
        "--cpu-slowdown",
        default="4",
        help="Lighthouse's CPU slowdown (default 4, its mobile preset), or 'calibrate' to "
        "derive it from this machine's benchmark index as Lighthouse's docs advise",
    )
    parser.add_argument("--reports", default="", help="keep each page's JSON report in this folder")
    args = parser.parse_args()
    binary = lighthouse_bin()

    env = production_env(args.database_url, args.port)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
    rows, over = [], []
    with production_server(env, args.port) as base:
        import django

        django.setup()
        from members.models import User

        members = User.objects.filter(member_since__isnull=False, is_active=True)
        if args.member_email:
            members = members.filter(email=args.member_email)
        cookie = session_cookie(members.earliest("pk"))
        for name, path, page_cookie in pages(cookie):
            if args.only and args.only not in name:
                continue
            slowdown = 4.0 if args.cpu_slowdown == "calibrate" else float(args.cpu_slowdown)
            report = run_lighthouse(binary, base + path, page_cookie, args.chrome_path, slowdown)
            if report.get("runtimeError"):
                raise SystemExit(f"{name}: {report['runtimeError']['message']}")
            benchmark_index = report["environment"]["benchmarkIndex"]
            if args.cpu_slowdown == "calibrate":
                slowdown = calibrated_slowdown(benchmark_index)
                report = run_lighthouse(
                    binary, base + path, page_cookie, args.chrome_path, slowdown
                )
            load = os.getloadavg()[0]
            if args.reports:
                Path(args.reports).mkdir(parents=True, exist_ok=True)
                (Path(args.reports) / f"{name}.json").write_text(json.dumps(report))
            scores, transfer, failing = summarise(report)
            rows.append(
                dict(
                    zip(
                        COLUMNS,
                        [
                            name,
                            path,
                            scores["performance"],
                            scores["accessibility"],
                            scores["best-practices"],
                            round(transfer, 1),
                            round(benchmark_index),
                            slowdown,
                            round(load, 1),
                            "; ".join(failing),
                        ],
                        strict=True,
                    )
                )
            )
            within = (
                all(scores[key] >= BUDGET[key] for key in CATEGORIES) and transfer <= BUDGET["kb"]
            )
            if not within:
                over.append(name)
            print(
                f"{name:9} perf {scores['performance']:3}  a11y {scores['accessibility']:3}  "
                f"best {scores['best-practices']:3}  {transfer:6.1f} KB  "
                f"{'ok' if within else 'OVER BUDGET'}  {path}",
                flush=True,
            )
            print(
                f"          benchmark index {benchmark_index:.0f}, CPU slowdown {slowdown}x, "
                f"load average {load:.1f}"
                + ("  (machine busy: performance is unreliable)" if load > 8 else "")
            )
            for title in failing:
                print(f"          failing: {title}")
            if args.verbose:
                for size, url in requests_of(report):
                    print(f"          {size / 1000:6.1f} KB  {url}")
    with open(args.csv, "w", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.csv}")
    if over:
        raise SystemExit(f"over budget: {', '.join(over)}")


if __name__ == "__main__":
    main()

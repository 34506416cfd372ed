"""Time the SQL of the one search for everything (/search/, issue 20), as a visitor and a member.

    .venv/bin/python bench/search_all_sql.py \
        --database-url postgres://postgres@127.0.0.1:5432/racop_bench_search \
        [--repeat 30] [--csv bench/search_all_sql.csv]

For each query it runs what /search/?q= runs (every group the reader may see: its capped
count and best five, uncached) and what the discussions' own search runs (/discussions/?q=,
its first page), and adds up the time PostgreSQL took for the statements, measured around
each statement's execution in this process (loopback, no page rendering). Prints per query,
role and page: statements, the slowest group, and the SQL time per search p50, p95 and max.
"""

import argparse
import csv
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import add_database_arguments, database_url, p95, production_env  # noqa: E402
from bench.search_sql import timed_statements  # noqa: E402

# Words in the region's languages, in forms other than the indexed ones, as people type
# them (no accents, Latin for Cyrillic): common, topical, rare, a phrase, a prefix, names.
QUERIES = [
    ("common term", "accountability"),
    ("two common terms", "transparency reporting"),
    ("phrase", '"civil society"'),
    ("topical term", "budget"),
    ("rare term", "ombudsperson"),
    ("prefix", "transpar*"),
    ("term without another", "budget -donors"),
    ("Serbian, folded", "drustva"),
    ("Serbian, inflected", "odgovornosti"),
    ("Croatian, ijekavian", "izvještaji"),
    ("Macedonian, article", "отчетноста"),
    ("Macedonian, Latin", "zaednicata"),
    ("Albanian, folded", "llogaridhenie"),
    ("Albanian, plural", "shoqerite"),
    ("Turkish", "topluluklar"),
    ("person's name", "jovan"),
    ("organisation's name", "civic initiative"),
    ("nothing matches", "kvorumski izvjestaj"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--csv", default=str(ROOT / "bench" / "search_all_sql.csv"))
    args = parser.parse_args()
    args.database_url = database_url(args)
    os.environ.update(production_env(args.database_url, 8300, args.redis_url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test import RequestFactory

    from discussions import site_search as discussion_search
    from discussions.models import Reply, Thread
    from discussions.views import THREADS_PER_PAGE
    from members.models import User
    from racop import search as site_search

    member = User.objects.get(email="member0@bench.example.org")
    print(
        f"{Thread.objects.count():,} threads, {Reply.objects.count():,} replies;"
        f" {args.repeat} runs per query, role and page; SQL time per search"
    )

    def everything(words, request):
        slowest = {}
        for provider in site_search.providers:
            with timed_statements(connection) as spent:
                provider.search(words, request, site_search.TOP)
            slowest[provider.name] = sum(spent)
        return slowest

    def discussions(words, request):
        with timed_statements(connection) as spent:
            matches = discussion_search.post_matches(words, discussion_search.DISCUSSION_SEARCH_CAP)
            discussion_search.post_hits(matches.ranked[:THREADS_PER_PAGE], words)
        return {"discussions": sum(spent)}

    rows = []
    for name, words in QUERIES:
        for role, user in [("visitor", AnonymousUser()), ("member", member)]:
            request = RequestFactory().get("/search/", {"q": words})
            request.user = user
            pages = [("/search/", everything)]
            if role == "member":
                pages.append(("/discussions/", discussions))
            for page, run in pages:
                times, statements, groups = [], 0, {}
                for _ in range(args.repeat + 1):
                    with timed_statements(connection) as spent:
                        parts = run(words, request)
                    times.append(sum(spent) * 1000)
                    statements = len(spent)
                    for group, seconds in parts.items():
                        groups.setdefault(group, []).append(seconds * 1000)
                times = sorted(times[1:])  # the first run warms the connection and caches
                slowest = max(groups, key=lambda g: p95(sorted(groups[g][1:])))
                row = {
                    "query": name,
                    "q": words,
                    "role": role,
                    "page": page,
                    "statements": statements,
                    "slowest_group": slowest,
                    "slowest_group_p95_ms": round(p95(sorted(groups[slowest][1:])), 2),
                    "p50_ms": round(statistics.median(times), 2),
                    "p95_ms": round(p95(times), 2),
                    "max_ms": round(times[-1], 2),
                }
                rows.append(row)
                print(
                    f"{name:22} {role:7} {page:14} {statements:2} statements"
                    f"  p50 {row['p50_ms']:6.1f}  p95 {row['p95_ms']:6.1f}"
                    f"  max {row['max_ms']:6.1f} ms  (slowest: {slowest}"
                    f" {row['slowest_group_p95_ms']:.1f})",
                    flush=True,
                )
    with open(args.csv, "w", newline="") as out:
        writer = csv.DictWriter(out, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    everything_p95 = [row["p95_ms"] for row in rows]
    print(f"worst p95 {max(everything_p95):.1f} ms; wrote {args.csv}")


if __name__ == "__main__":
    main()

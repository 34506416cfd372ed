"""Time the library search's SQL for one-to-three-term queries, as a visitor and a member.

    .venv/bin/python bench/search_sql.py \
        --database-url postgres://postgres@127.0.0.1:5432/racop_bench \
        [--redis-url redis://127.0.0.1:6379/3] [--repeat 50] [--csv bench/search_sql.csv]

For each query it runs what the library page runs (the ranked page of results and every
facet's counts, uncached) and adds up the time PostgreSQL took for the statements, measured
around each statement's execution in this process (loopback, no page rendering). Prints per
query and role: statements, matches counted, whether the cap applied, and the SQL time per
search p50, p95 and max.
"""

import argparse
import csv
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import add_database_arguments, database_url, p95, production_env  # noqa: E402

# One to three terms: rare, common, several common, a phrase of common words (the hardest
# case: the words are in nearly every resource, the phrase in few), a hyphenated word, OR,
# a negation, folded and Cyrillic spellings, words with a filter, and inflected forms and a
# prefix.
QUERIES = [
    ("rare term", {"q": "ombudsperson"}),
    ("common term", {"q": "accountability"}),
    ("two common terms", {"q": "accountability transparency"}),
    ("three common terms", {"q": "civil society organisations"}),
    ("three-word phrase", {"q": '"civil society organisations"'}),
    ("common and rare", {"q": "accountability prespa"}),
    ("hyphenated word", {"q": "beneficiaries-charter"}),
    ("either term", {"q": "budget or gender"}),
    ("term without another", {"q": "accountability -donors"}),
    ("folded spelling", {"q": "drustvo"}),
    ("Cyrillic term", {"q": "отчетност"}),
    ("two topical terms", {"q": "gender equality"}),
    ("common term, one type", {"q": "accountability", "type": ["guide"]}),
    ("phrase, newest first", {"q": '"civil society"', "sort": "newest"}),
    # Forms other than the indexed ones (issue 17): stems by the resource's language.
    ("inflected term", {"q": "društva"}),
    ("Macedonian inflection", {"q": "отчетноста"}),
    ("singular of a plural", {"q": "organisation"}),
    ("prefix", {"q": "transpar*"}),
]


@contextmanager
def timed_statements(connection):
    """Collect the seconds each SQL statement took, measured around its execution."""
    spent = []

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - started)

    with connection.execute_wrapper(wrapper):
        yield spent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--csv", default=str(ROOT / "bench" / "search_sql.csv"))
    args = parser.parse_args()
    args.database_url = database_url(args)
    os.environ.update(production_env(args.database_url, 8300, args.redis_url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.http import QueryDict

    from library.models import Resource
    from library.search import LibrarySearch
    from members.models import User

    member = User.objects.get(email="member0@bench.example.org")
    total = Resource.objects.count()
    print(f"{total:,} resources; {args.repeat} runs per query and role; SQL time per search")
    rows = []
    pooled = {"visitor": [], "member": []}
    for name, params in QUERIES:
        query = QueryDict(mutable=True)
        for key, value in params.items():
            query.setlist(key, value if isinstance(value, list) else [value])
        for role, user in [("visitor", AnonymousUser()), ("member", member)]:
            times, statements, found, capped = [], 0, 0, False
            for _ in range(args.repeat + 1):
                with timed_statements(connection) as spent:
                    search = LibrarySearch(query, user)
                    page = search.page(1, 20)
                    search.facets()
                times.append(sum(spent) * 1000)
                statements, found, capped = len(spent), page.paginator.count, search.capped
            times = sorted(times[1:])  # the first run warms the connection and caches
            pooled[role] += times
            row = {
                "query": name,
                "role": role,
                "q": params["q"],
                "statements": statements,
                "matches": found,
                "capped": capped,
                "min_ms": round(times[0], 2),
                "p50_ms": round(statistics.median(times), 2),
                "p95_ms": round(p95(times), 2),
                "max_ms": round(times[-1], 2),
            }
            rows.append(row)
            print(
                f"{name:24} {role:7} {statements} statements {found:5} matches"
                f"{' (capped)' if capped else '         '}  min {row['min_ms']:5.1f}"
                f"  p50 {row['p50_ms']:6.1f}"
                f"  p95 {row['p95_ms']:6.1f}  max {row['max_ms']:6.1f} ms",
                flush=True,
            )
    # Every search of the run together, as a reader meets them.
    for role, times in pooled.items():
        times.sort()
        print(
            f"all {len(QUERIES)} queries      {role:7} {len(times)} searches"
            f"  p50 {statistics.median(times):6.1f}  p95 {p95(times):6.1f}"
            f"  max {times[-1]:6.1f} ms; queries with p95 within 20 ms:"
            f" {sum(1 for r in rows if r['role'] == role and r['p95_ms'] <= 20)} of {len(QUERIES)}"
        )
    with open(args.csv, "w", newline="") as out:
        writer = csv.DictWriter(out, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.csv}")


if __name__ == "__main__":
    main()

"""Measure the library search's precision and recall per language on bench/search_corpus.py.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/racop .venv/bin/python bench/search_quality.py

Adds the corpus's resources to the database in a transaction that is rolled back, runs
every query the way the library does (ResourceQuerySet.search) and, for comparison, the way
it searched before stemming (the "simple" configuration over folded text, the * not read),
and prints per language: queries, precision, recall (summed over the queries) and the
queries that missed or found too much. Without DATABASE_URL it uses the embedded database.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_corpus import GROUPS, QUERIES, RESOURCES, relevant  # noqa: E402

# Library search before stemming (migration 0001): "simple" over folded text.
BEFORE_SQL = """
SELECT id FROM library_resource WHERE id = ANY(%s) AND (
  setweight(to_tsvector('simple', library_fold(title)), 'A')
  || setweight(to_tsvector('simple', library_fold(summary)), 'B')
) @@ websearch_to_tsquery('simple', library_fold(%s))
"""


class Rollback(Exception):
    pass


def measure():
    """Return {group: {"before"|"after": (found right, found, relevant), "misses": [...]}}."""
    from django.db import connection, transaction

    from library.models import Resource

    results = {group: {"before": [0, 0, 0], "after": [0, 0, 0], "misses": []} for group in GROUPS}
    try:
        with transaction.atomic():
            created = Resource.objects.bulk_create(
                Resource(
                    title=title,
                    slug=f"search-corpus-{key}",
                    summary=summary,
                    languages=[language],
                    url=f"https://example.org/corpus/{key}",
                    status=Resource.Status.PUBLISHED,
                )
                for key, language, _group, title, summary, _lemmas in RESOURCES
            )
            keys = {
                resource.pk: key for resource, (key, *_rest) in zip(created, RESOURCES, strict=True)
            }
            ids = list(keys)
            for group, query, lemmas in QUERIES:
                wanted = relevant(lemmas)
                after = {
                    keys[pk]
                    for pk in Resource.objects.filter(pk__in=ids)
                    .search(query)
                    .values_list("pk", flat=True)
                }
                with connection.cursor() as cursor:
                    cursor.execute(BEFORE_SQL, [ids, query])
                    before = {keys[row[0]] for row in cursor.fetchall()}
                for name, found in [("before", before), ("after", after)]:
                    counts = results[group][name]
                    counts[0] += len(found & wanted)
                    counts[1] += len(found)
                    counts[2] += len(wanted)
                if after != wanted:
                    missed = sorted(wanted - after)
                    extra = sorted(after - wanted)
                    results[group]["misses"].append((query, missed, extra))
            raise Rollback
    except Rollback:
        pass
    return results


def ratio(part, whole):
    return part / whole if whole else 1.0


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SECRET_KEY", "search-quality-only")
    import django

    django.setup()
    results = measure()
    print(f"{len(RESOURCES)} resources, {len(QUERIES)} queries")
    print(f"{'language':9} {'queries':>7}  {'precision':>17}  {'recall':>17}")
    print(f"{'':9} {'':>7}  {'before':>8} {'after':>8}  {'before':>8} {'after':>8}")
    totals = {"before": [0, 0, 0], "after": [0, 0, 0]}
    for group in GROUPS:
        row = results[group]
        count = sum(1 for g, *_ in QUERIES if g == group)
        for name in totals:
            totals[name] = [a + b for a, b in zip(totals[name], row[name], strict=True)]
        b, a = row["before"], row["after"]
        print(
            f"{group:9} {count:7}  {ratio(b[0], b[1]):8.2f} {ratio(a[0], a[1]):8.2f}"
            f"  {ratio(b[0], b[2]):8.2f} {ratio(a[0], a[2]):8.2f}"
        )
    b, a = totals["before"], totals["after"]
    print(
        f"{'all':9} {len(QUERIES):7}  {ratio(b[0], b[1]):8.2f} {ratio(a[0], a[1]):8.2f}"
        f"  {ratio(b[0], b[2]):8.2f} {ratio(a[0], a[2]):8.2f}"
    )
    print("\nQueries whose results differ from the relevant resources (after):")
    for group in GROUPS:
        for query, missed, extra in results[group]["misses"]:
            print(f"  {group:8} {query!r}: missed {missed or '-'}, also found {extra or '-'}")


if __name__ == "__main__":
    main()

"""Search latency: ``search_stories()`` over 10,000 generated published stories.

    python bench/search_latency.py [--stories 10000] [--repeat 7] [--explain]

Without ``DATABASE_URL`` the stories go into a temporary SQLite file, removed afterwards.
To measure PostgreSQL, give a URL with a database name of the benchmark's own:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench python bench/search_latency.py

The named database itself is never touched: like the test runner, the benchmark creates
``test_search_bench`` (replacing one left from an interrupted run), migrates it, fills it
and drops it at the end.

The stories are written with ``bulk_create`` (the database's triggers index them as they
arrive), then about twenty queries, from words in nearly every story to words in a handful
and words in none, are each timed ``--repeat`` times after one warm-up run. A timing is one
whole ``search_stories(query, page)`` call: the count, the ranked page with snippets and the
stories' loading. Prints each query's median, then the median and 95th percentile of all
timings in milliseconds, with the CPU model and database version. This is not a test.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = "Ana José Kelvin Dexter Mairchal Jason Renée Sam Maria Luis Grace Omar Priya Tom".split()
LAST = (
    "Ruiz Ramírez Lovejoy Burke Monts Thody Okafor Lee Santos Ortiz Park Haddad Rao Byrne".split()
)
# In most stories.
COMMON = (
    "city council residents meeting said officials plan week public money state town "
    "neighborhood board members vote year people hearing"
).split()
# Each story is about two or three of these.
TOPICS = (
    "zoning library ferry police fire school housing parking budget transit water sewer "
    "park bridge clinic tenants taxes election permit festival museum airport harbor "
    "shelter recycling snow flood curfew stadium"
).split()
FILLER = (
    "the a of to and in on for with at by from that this it was were is are be has had "
    "will would could after before about over under into more than most many some"
).split()
SYLLABLES = "bra vo len qui tor mab sen dul fri gan hol pex zar ump cre nik lo sto wae rin".split()


def rare_words(rng, count):
    """Made-up words, each used by a handful of stories."""
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
    return sorted(words)


def generate(n, rng, rare):
    """Yield (headline, dek, names, body) for ``n`` stories; each uses one ``rare`` word."""
    for number in range(n):
        topics = rng.sample(TOPICS, rng.randint(2, 3))
        people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 4))]
        paragraphs = []
        for _ in range(rng.randint(6, 10)):
            words = [
                rng.choice(FILLER if roll < 0.55 else COMMON if roll < 0.85 else topics)
                for roll in (rng.random() for _ in range(rng.randint(40, 70)))
            ]
            if rng.random() < 0.5:
                words += ["said", rng.choice(people) + "."]
            paragraphs.append(" ".join(words).capitalize())
        paragraphs.insert(rng.randint(0, len(paragraphs)), f"Also {rare[number % len(rare)]}.")
        headline = f"{topics[0].capitalize()} {rng.choice(COMMON)} item {number}"
        dek = f"{rng.choice(people)} on the {topics[-1]} {rng.choice(COMMON)}"
        names = "\n".join(sorted({*people, *(topic.capitalize() for topic in topics)}))
        yield headline, dek, names, "\n\n".join(paragraphs)


QUERIES = [
    # (query, page): from words in nearly every story to words in none.
    ("council", 1),
    ("council", 5),
    ("city council", 1),
    ("residents said meeting", 1),
    ("zoning", 1),
    ("library budget", 1),
    ("ferry -police", 1),
    ("police or fire", 1),
    ('"public hearing"', 1),
    ("harbor flood", 1),
    ("Lovejoy", 1),
    ("Kelvin Lovejoy", 1),
    ("Ramírez", 1),
    ("{rare0}", 1),
    ("{rare1} council", 1),
    ("{rare2} or {rare3}", 1),
    ("stadium curfew festival airport", 1),
    ("nonexistentword", 1),
    ('zoning* AND "" -', 1),
    ("budget " * 40, 1),
]


def configure(url):
    if url:
        os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def fill(n, rng, rare):
    from django.utils import timezone

    from articles.models import Article

    now = timezone.now()
    rows = []
    for number, (headline, dek, names, body) in enumerate(generate(n, rng, rare)):
        rows.append(
            Article(
                headline=headline,
                slug=f"story-{number}",
                dek=dek,
                search_names=names,
                body=body,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=number),
            )
        )
    # A few drafts and scheduled stories, which the search must skip.
    for number in range(n // 20):
        rows.append(
            Article(
                headline=f"Council draft {number}",
                slug=f"draft-{number}",
                body="Council zoning draft.",
                status=Article.Status.DRAFT if number % 2 else Article.Status.PUBLISHED,
                published_at=None if number % 2 else now + timedelta(days=1),
            )
        )
    Article.objects.bulk_create(rows, batch_size=500)


def database_version(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def explain(queries):
    """The plans of the count and page queries, for the report."""
    from django.db import connection

    from articles.search import parse_query
    from articles.search.stories import story_index

    index = story_index()
    for query in queries:
        terms = parse_query(query)
        print(f"\n--- plans for {query!r}")
        if connection.vendor == "postgresql":
            matching, _ = index.matching(terms)
            print(matching.order_by().explain(analyze=True))
            print(index.ranked(terms)[:20].explain(analyze=True, verbose=True))
        else:
            for sql, params in [index.count_sql(terms), index.page_sql(terms, 0, 20)]:
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                    print(" / ".join(row[-1] for row in cursor.fetchall()))


def measure(repeat, rare):
    from articles.search import search_stories

    timings, rows = [], []
    for template, page in QUERIES:
        query = template.format(**{f"rare{i}": word for i, word in enumerate(rare)})
        result = search_stories(query, page)  # warm-up
        found = result.paginator.count
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = search_stories(query, page)
            list(result.object_list)
            runs.append((time.perf_counter() - started) * 1000)
        timings += runs
        rows.append((query.strip()[:40] + (f" (page {page})" if page > 1 else ""), found, runs))
    return timings, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="print query plans too")
    options = parser.parse_args()

    scratch = None
    if not os.environ.get("DATABASE_URL"):
        scratch = tempfile.TemporaryDirectory(prefix="search-bench-")
        configure(f"sqlite:///{scratch.name}/bench.sqlite3")
    else:
        configure(None)

    from django.core.management import call_command
    from django.db import connection

    test_database = None
    if connection.vendor == "postgresql":
        original_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        test_database = original_name
    else:
        call_command("migrate", verbosity=0, interactive=False)

    try:
        rng = random.Random(20240611)
        rare = rare_words(rng, max(options.stories // 5, 10))
        started = time.perf_counter()
        fill(options.stories, rng, rare)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        loaded = time.perf_counter() - started
        version = database_version(connection)
        timings, rows = measure(options.repeat, rare[:4])
        if options.explain:
            explain(["zoning", rare[0], "council"])
    finally:
        if test_database is not None:
            connection.creation.destroy_test_db(test_database, verbosity=0)
        if scratch is not None:
            connection.close()
            scratch.cleanup()

    print(f"{options.stories:,} published stories loaded and indexed in {loaded:.1f} s")
    print(f"database: {version}; CPU: {cpu_model()}; Python {platform.python_version()}")
    print(f"\n{'query':<48} {'matches':>8} {'median ms':>10}")
    for label, found, runs in rows:
        print(f"{label:<48} {found:>8} {statistics.median(runs):>10.1f}")
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"\nall {len(timings)} timings: median {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms"
    )


if __name__ == "__main__":
    main()

"""Each database's full-text index: that queries can use it, and that it stays installed."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.models import Article
from articles.search import parse_query, schema
from articles.search.stories import PostgreSQLIndex, SQLiteIndex
from articles.search.terms import STOP_WORDS
from tests.factories import make_article
from tests.search.helpers import found

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's GIN index"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")


def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@postgresql_only
def test_postgresql_matches_through_the_gin_index():
    published_at = timezone.now() - timedelta(days=1)
    Article.objects.bulk_create(
        Article(
            headline=f"Ferry story {number}",
            slug=f"ferry-story-{number}",
            body="The ferry runs late again. " * 20,
            status=Article.Status.PUBLISHED,
            published_at=published_at,
        )
        for number in range(2000)
    )
    make_article(headline="Zeppelin hangar reopens")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    index, terms = PostgreSQLIndex(), parse_query("zeppelin")

    matching, _ = index.matching(terms)
    assert f"Bitmap Index Scan on {schema.GIN_INDEX}" in matching.order_by().explain()
    assert f"Bitmap Index Scan on {schema.GIN_INDEX}" in index.ranked(terms)[:20].explain()


@postgresql_only
def test_postgresql_ignores_the_same_stop_words():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM unnest(%s::text[]) AS word "
            "WHERE ts_lexize('english_stem', word) <> '{}'::text[]",
            [sorted(STOP_WORDS)],
        )
        assert cursor.fetchall() == []


@sqlite_only
def test_sqlite_lets_fts5_drive_and_sort():
    index, terms = SQLiteIndex(connection), parse_query("zeppelin")
    for sql, params in [index.count_sql(terms), index.page_sql(terms, 0, 20)]:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " / ".join(row[-1] for row in cursor.fetchall())
        assert f"SCAN {schema.FTS_TABLE} VIRTUAL TABLE INDEX" in plan
        assert "TEMP B-TREE" not in plan  # FTS5 sorts by rank itself


@sqlite_only
def test_sqlite_triggers_lost_to_a_table_rebuild_are_put_back():
    make_article(headline="Zeppelin hangar reopens")
    with connection.cursor() as cursor:
        for name in schema.SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    story = make_article(headline="Gondola lift opens")
    assert found("gondola") == []

    assert schema.repair_sqlite(connection) is True

    assert found("gondola") == ["Gondola lift opens"]
    story.delete()
    assert found("gondola") == []
    assert schema.repair_sqlite(connection) is False

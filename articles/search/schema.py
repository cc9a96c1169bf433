"""The full-text index each database keeps of ``articles_article``, written in its own SQL.

Both are kept in step with the table by the database itself (triggers), so every way a row
changes (``save()``, ``bulk_create()``, ``QuerySet.update()``, the admin, an import, raw
SQL) reaches the index, and Python never writes to it.

PostgreSQL
    ``articles_article.search_document``, a ``tsvector`` column that Django's model does not
    declare (so ordinary story queries never load it), computed by a ``BEFORE`` trigger
    from the headline (weight A), the dek and ``search_names`` (B) and the body (D) with
    the ``english`` configuration, and indexed by the GIN index ``articles_article_search``.

SQLite
    ``articles_article_fts``, an FTS5 table over the same four columns that reads its text
    from ``articles_article`` (external content, so nothing is stored twice) and is told of
    every insert, update and delete by triggers. Porter stemming matches PostgreSQL's
    english stemmer closely enough for ``votes`` to find ``voted``.

Migration ``articles.0003`` installs the index for whichever database it runs on. On
SQLite, Django carries out many later schema changes to ``articles_article`` by building a
new table and dropping the old one, which drops the triggers with it; ``repair_sqlite``,
run after every ``migrate``, puts them back and rebuilds the index.
"""

DOCUMENT_COLUMN = "search_document"
GIN_INDEX = "articles_article_search"
FTS_TABLE = "articles_article_fts"
SEARCHED_COLUMNS = ("headline", "dek", "search_names", "body")

_PG_WEIGHTS = {"headline": "A", "dek": "B", "search_names": "B", "body": "D"}


def _pg_document(row):
    return " || ".join(
        f"setweight(to_tsvector('english', {row}.{column}), '{weight}')"
        for column, weight in _PG_WEIGHTS.items()
    )


_PG_CHANGED = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in SEARCHED_COLUMNS)

POSTGRESQL_INSTALL = [
    f"ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS {DOCUMENT_COLUMN} tsvector",
    f"""
    CREATE OR REPLACE FUNCTION articles_article_search_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.{DOCUMENT_COLUMN} := {_pg_document("NEW")};
        RETURN NEW;
    END
    $$
    """,
    "DROP TRIGGER IF EXISTS articles_article_search_insert ON articles_article",
    """
    CREATE TRIGGER articles_article_search_insert
    BEFORE INSERT ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_document()
    """,
    "DROP TRIGGER IF EXISTS articles_article_search_update ON articles_article",
    f"""
    CREATE TRIGGER articles_article_search_update
    BEFORE UPDATE OF {", ".join(SEARCHED_COLUMNS)} ON articles_article
    FOR EACH ROW WHEN ({_PG_CHANGED})
    EXECUTE FUNCTION articles_article_search_document()
    """,
    f"UPDATE articles_article SET {DOCUMENT_COLUMN} = {_pg_document('articles_article')}",
    f"""
    CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON articles_article
    USING gin ({DOCUMENT_COLUMN})
    """,
    f"""
    COMMENT ON INDEX {GIN_INDEX} IS
    'Serves the search page (/search/, articles.search): published stories matching a query.'
    """,
    f"""
    COMMENT ON COLUMN articles_article.{DOCUMENT_COLUMN} IS
    'Kept by trigger articles_article_search_document(); see articles/search/schema.py.'
    """,
]

POSTGRESQL_UNINSTALL = [
    "DROP TRIGGER IF EXISTS articles_article_search_update ON articles_article",
    "DROP TRIGGER IF EXISTS articles_article_search_insert ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_document()",
    f"DROP INDEX IF EXISTS {GIN_INDEX}",
    f"ALTER TABLE articles_article DROP COLUMN IF EXISTS {DOCUMENT_COLUMN}",
]

_FTS_COLUMNS = ", ".join(SEARCHED_COLUMNS)
_NEW_VALUES = ", ".join(f"new.{column}" for column in SEARCHED_COLUMNS)
_OLD_VALUES = ", ".join(f"old.{column}" for column in SEARCHED_COLUMNS)
_FTS_ADD = f"INSERT INTO {FTS_TABLE}(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW_VALUES});"
# An external-content FTS5 table forgets a row when given the values it indexed.
_FTS_FORGET = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_FTS_COLUMNS}) "
    f"VALUES ('delete', old.id, {_OLD_VALUES});"
)

SQLITE_TRIGGERS = {
    "articles_article_fts_insert": f"""
    CREATE TRIGGER IF NOT EXISTS articles_article_fts_insert
    AFTER INSERT ON articles_article BEGIN {_FTS_ADD} END
    """,
    "articles_article_fts_delete": f"""
    CREATE TRIGGER IF NOT EXISTS articles_article_fts_delete
    AFTER DELETE ON articles_article BEGIN {_FTS_FORGET} END
    """,
    "articles_article_fts_update": f"""
    CREATE TRIGGER IF NOT EXISTS articles_article_fts_update
    AFTER UPDATE OF {_FTS_COLUMNS} ON articles_article BEGIN {_FTS_FORGET} {_FTS_ADD} END
    """,
}

_SQLITE_REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"

SQLITE_INSTALL = [
    f"""
    CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        {_FTS_COLUMNS},
        content='articles_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    *SQLITE_TRIGGERS.values(),
    _SQLITE_REBUILD,
]

SQLITE_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def install(schema_editor):
    """Create the index for the database ``schema_editor`` works on (migration 0003)."""
    _run(schema_editor, {"postgresql": POSTGRESQL_INSTALL, "sqlite": SQLITE_INSTALL})


def uninstall(schema_editor):
    _run(schema_editor, {"postgresql": POSTGRESQL_UNINSTALL, "sqlite": SQLITE_UNINSTALL})


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def repair_sqlite(connection):
    """Put back FTS triggers that a rebuilt ``articles_article`` lost, and re-index.

    Returns True when something was missing. Does nothing before migration 0003 (no FTS
    table yet) and on other databases.
    """
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT type, name FROM sqlite_master WHERE name = %s OR type = 'trigger'",
            [FTS_TABLE],
        )
        present = {name for _, name in cursor.fetchall()}
        if FTS_TABLE not in present or present.issuperset(SQLITE_TRIGGERS):
            return False
        for name, statement in SQLITE_TRIGGERS.items():
            if name not in present:
                cursor.execute(statement)
        # Rows may have changed while the triggers were gone.
        cursor.execute(_SQLITE_REBUILD)
    return True

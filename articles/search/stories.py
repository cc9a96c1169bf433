"""Published stories matching a query, best first, a page at a time, each with a snippet.

Both databases answer the same two questions, each in one query: how many published
stories match, and which ones (primary key and a raw snippet) fill a given page. The page's
stories are then loaded as the listings load them, through ``Article.objects.published()``,
so a page of results costs the same four queries on either database, however many stories
match.

Ranking gives a headline match the most weight, then the dek and the names (tags and
quoted people), then the body: weights A/B/D on PostgreSQL (``ts_rank``), 10/4/4/1 as
``bm25()`` column weights on SQLite.
"""

import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Expression, F
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.models import Article
from articles.search.schema import DOCUMENT_COLUMN, FTS_TABLE, SEARCHED_COLUMNS
from articles.search.terms import parse_query

STORIES_PER_PAGE = 20
SNIPPET_WORDS = 32

# The databases mark matched words with these private-use characters, which the snippet
# then turns into <mark> after escaping everything else; no mark-up from the database, or
# from the story's text, ever reaches the page unescaped.
MATCH_START, MATCH_END = "\ue000", "\ue001"
_MARKED = re.compile(f"{MATCH_START}(.*?){MATCH_END}", re.DOTALL)
# Markdown a snippet may carry: [link text](address), emphasis, code, heading marks.
_MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")
_MARKDOWN_MARKS = re.compile(r"\*+|`+|~~|(?m:^\s*#+\s)")
_SPACES = re.compile(r"\s+")


def highlighted_snippet(raw):
    """A snippet from the database as safe HTML: escaped text, matched words in <mark>."""
    text = _SPACES.sub(" ", _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", raw or "")))
    pieces = _MARKED.split(text.strip())
    html = []
    for position, piece in enumerate(pieces):
        # A marker character left over (say, typed into a story) is dropped, not trusted.
        piece = piece.replace(MATCH_START, "").replace(MATCH_END, "")
        html.append(format_html("<mark>{}</mark>", piece) if position % 2 else escape(piece))
    return mark_safe("".join(html))


class StoredSearchDocument(Expression):
    """``articles_article.search_document``, the ``tsvector`` column PostgreSQL keeps by
    trigger; the model does not declare it, so that ordinary queries do not load it."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(DOCUMENT_COLUMN)}", []


class PostgreSQLIndex:
    """``websearch_to_tsquery`` against the GIN-indexed ``search_document``."""

    config = "english"
    weights = [0.1, 0.2, 0.4, 1.0]  # D (body), C (unused), B (dek, names), A (headline)

    def matching(self, terms):
        query = SearchQuery(terms.websearch(), search_type="websearch", config=self.config)
        # The @@ on the stored column is what lets the planner use articles_article_search.
        stories = (
            Article.objects.published()
            .alias(document=StoredSearchDocument())
            .filter(document=query)
        )
        return stories, query

    def count(self, terms):
        stories, _ = self.matching(terms)
        return stories.count()

    def _best_first(self, stories, query):
        rank = SearchRank(F("document"), query, weights=self.weights)
        return stories.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")

    def ranked(self, terms):
        """Matching stories, best first."""
        return self._best_first(*self.matching(terms))

    def page(self, terms, start, stop):
        stories, query = self.matching(terms)
        window = self._best_first(stories, query).values("pk")[start:stop]
        # Snippets for this page's stories only. ts_headline() is the costliest step, and
        # in the ranking query itself it would also run for every story an OFFSET skips.
        snippet = SearchHeadline(
            "body",
            query,
            config=self.config,
            start_sel=MATCH_START,
            stop_sel=MATCH_END,
            max_words=SNIPPET_WORDS,
            min_words=SNIPPET_WORDS // 2,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        page = Article.objects.filter(pk__in=window).alias(document=StoredSearchDocument())
        page = self._best_first(page, query).annotate(snippet=snippet)
        return list(page.values_list("pk", "snippet"))


class SQLiteIndex:
    """FTS5 ``MATCH`` on ``articles_article_fts``, limited to published stories."""

    # bm25() column weights.
    weights = {"headline": 10.0, "dek": 4.0, "search_names": 4.0, "body": 1.0}
    body_column = SEARCHED_COLUMNS.index("body")

    def __init__(self, connection):
        self.connection = connection

    def _published(self):
        """``JOIN`` of the published stories, with their parameters.

        The publishing rule is not written out here: it is the ORM's SQL for
        ``published()``. SQLite folds the subquery into the join, so the full-text matches
        drive the query and each is checked by primary key, rather than the list of every
        published story being built first.
        """
        published = Article.objects.published().order_by().values(published_id=F("pk"))
        sql, params = published.query.sql_with_params()
        return f"JOIN ({sql}) AS published ON published.published_id = {FTS_TABLE}.rowid", params

    def _fetch(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count_sql(self, terms):
        published, published_params = self._published()
        sql = f"SELECT count(*) FROM {FTS_TABLE} {published} WHERE {FTS_TABLE} MATCH %s"
        return sql, [*published_params, terms.fts5()]

    def page_sql(self, terms, start, stop):
        published, published_params = self._published()
        ranking = "bm25({})".format(", ".join(str(self.weights[c]) for c in SEARCHED_COLUMNS))
        # ORDER BY rank with "rank MATCH" lets FTS5 sort by its own ranking and stop at the
        # page, so snippet() runs for this page's stories only.
        sql = (
            f"SELECT {FTS_TABLE}.rowid, "
            f"snippet({FTS_TABLE}, {self.body_column}, %s, %s, '…', %s) "
            f"FROM {FTS_TABLE} {published} "
            f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rank MATCH %s "
            f"ORDER BY {FTS_TABLE}.rank LIMIT %s OFFSET %s"
        )
        params = [
            MATCH_START,
            MATCH_END,
            SNIPPET_WORDS,
            *published_params,
            terms.fts5(),
            ranking,
            stop - start,
            start,
        ]
        return sql, params

    def count(self, terms):
        return self._fetch(*self.count_sql(terms))[0][0]

    def page(self, terms, start, stop):
        return self._fetch(*self.page_sql(terms, start, stop))


def story_index():
    connection = connections[Article.objects.db]
    if connection.vendor == "postgresql":
        return PostgreSQLIndex()
    if connection.vendor == "sqlite":
        return SQLiteIndex(connection)
    raise NotImplementedError(f"Search has no index for {connection.vendor}.")


class RankedStories:
    """The matches for ``terms`` as the paginator wants them: ``count()`` and slices."""

    def __init__(self, terms):
        self.terms = terms
        self.index = story_index()

    def count(self):
        return self.index.count(self.terms)

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("RankedStories is read a page (a slice) at a time.")
        start, stop = window.start or 0, window.stop
        if stop is None or stop <= start:
            return []
        ranked = self.index.page(self.terms, start, stop)
        stories = Article.objects.published().for_listing().in_bulk([pk for pk, _ in ranked])
        results = []
        for pk, snippet in ranked:
            story = stories.get(pk)
            if story is not None:  # unpublished between the two queries
                story.snippet = highlighted_snippet(snippet)
                results.append(story)
        return results


def search_stories(query, page=1):
    """A ``Page`` of published stories matching ``query`` (text or ``SearchTerms``), best
    first, ``STORIES_PER_PAGE`` to a page; each story carries ``.snippet``, safe HTML.

    A page number out of range gives the last page and anything else the first, as the
    paginator's ``get_page`` does; a query with nothing to search for gives an empty page
    without asking the database.
    """
    terms = parse_query(query)
    matches = RankedStories(terms) if terms else []
    return Paginator(matches, STORIES_PER_PAGE).get_page(page)

"""Site search: stories, people and organizations (the page at ``/search/``).

* ``terms``: the reader's query, cleaned and parsed once with web-search rules;
* ``stories``: ranked, paginated, highlighted story results, on PostgreSQL or SQLite;
* ``people``: public people and organizations by name and aliases;
* ``schema``: the full-text index each database keeps of ``articles_article``;
* ``document``: ``Article.search_names`` (tags, quoted people) and what keeps it current.

Everything starts from ``Article.objects.published()`` (and the people's ``public()``), so
drafts, scheduled stories and rejected quotes are never found.
"""

from articles.search.document import join_search_names, refresh_search_document
from articles.search.people import search_organizations, search_people
from articles.search.stories import search_stories
from articles.search.terms import MAX_QUERY_LENGTH, SearchTerms, parse_query

__all__ = [
    "MAX_QUERY_LENGTH",
    "SearchTerms",
    "join_search_names",
    "parse_query",
    "refresh_search_document",
    "search_organizations",
    "search_people",
    "search_stories",
]

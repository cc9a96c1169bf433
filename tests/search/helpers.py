"""Shared by the search tests: what a search returns, as plain values."""

from articles.search import search_stories


def found(query, page=1):
    """Headlines of the stories a search finds on ``page``, best first."""
    return [story.headline for story in search_stories(query, page).object_list]

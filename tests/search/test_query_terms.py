"""The reader's query, parsed once with web-search rules: pure Python, no database."""

import pytest

from articles.search.terms import MAX_QUERY_LENGTH, STOP_WORDS, Term, clean_query, parse_query


def test_words_are_all_required():
    terms = parse_query("harbor dredging")

    assert terms.groups == ((Term("harbor"),), (Term("dredging"),))
    assert terms.websearch() == "harbor dredging"
    assert terms.fts5() == '"harbor" AND "dredging"'


def test_quoted_phrase_stays_together():
    terms = parse_query('"city hall" budget')

    assert terms.groups == ((Term("city hall", phrase=True),), (Term("budget"),))
    assert terms.websearch() == '"city hall" budget'
    assert terms.fts5() == '"city hall" AND "budget"'


def test_or_joins_its_neighbours():
    terms = parse_query("budget police or fire")

    assert terms.websearch() == "budget police or fire"
    assert terms.fts5() == '"budget" AND ("police" OR "fire")'


def test_minus_leaves_a_word_out():
    terms = parse_query('zoning -parking -"tax hike"')

    assert terms.excluded == (Term("parking"), Term("tax hike", phrase=True))
    assert terms.websearch() == 'zoning -parking -"tax hike"'
    assert terms.fts5() == '("zoning") NOT "parking" NOT "tax hike"'


def test_a_term_typed_twice_counts_once():
    terms = parse_query("budget budget -parking -parking budget")

    assert terms.websearch() == "budget -parking"


def test_only_exclusions_is_not_a_search():
    assert not parse_query("-parking")


@pytest.mark.parametrize(
    "query", ["", "   ", '"', "*", "-", "AND", "or", "the and of", "😀", "(", '""', "&|!"]
)
def test_nothing_to_search_for(query):
    assert not parse_query(query)


@pytest.mark.parametrize(
    "query",
    ['zeppelin"', "zeppelin*", "NEAR(zeppelin", "zeppelin AND", "(zeppelin)", "🙂 zeppelin"],
)
def test_operators_of_fts5_are_only_text(query):
    fts5 = parse_query(query).fts5()

    # Every term is one quoted string: no bare NEAR, AND, *, ( or unbalanced quote.
    assert fts5.startswith('"') and fts5.endswith('"')
    assert fts5.count('"') % 2 == 0
    assert "zeppelin" in fts5.lower()


def test_a_quote_inside_a_term_is_doubled_for_fts5():
    assert Term('say "cheese"').fts5() == '"say ""cheese"""'


def test_stop_words_are_dropped_as_postgresql_drops_them():
    terms = parse_query("the mayor and the council")

    assert terms.websearch() == "mayor council"
    assert {"the", "and", "or", "not", "s", "t"} <= STOP_WORDS


def test_control_characters_and_space_runs_are_cleaned():
    assert clean_query("  harbor\x00\tdredging\n\n ") == "harbor dredging"


def test_long_query_is_cut_between_words():
    cleaned = clean_query("harbor " * 100)

    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert cleaned.split() == ["harbor"] * len(cleaned.split())
    assert parse_query("harbor " * 100).text == cleaned


def test_one_very_long_word_is_cut_at_the_limit():
    assert clean_query("y" * 500) == "y" * MAX_QUERY_LENGTH


def test_name_groups_fold_case_and_accents():
    assert parse_query("José or Renée LOVEJOY").name_groups() == [["jose", "renee"], ["lovejoy"]]

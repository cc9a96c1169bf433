"""search_stories(): what it finds, in what order, with what snippet; the same on SQLite
and PostgreSQL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Quote
from articles.search import search_stories
from articles.search.stories import MATCH_END, MATCH_START, highlighted_snippet
from tests.factories import make_article, make_draft, make_person, make_quote, make_scheduled
from tests.search.helpers import found

pytestmark = pytest.mark.django_db


def test_finds_a_story_by_a_headline_word():
    make_article(headline="Zeppelin hangar reopens to visitors")
    make_article(headline="Budget talks stall")

    assert found("zeppelin") == ["Zeppelin hangar reopens to visitors"]


def test_finds_a_story_by_a_body_word_in_another_form():
    make_article(headline="Harbor work begins", body="Crews started dredging the channel.")

    assert found("dredged") == ["Harbor work begins"]


def test_finds_a_story_by_its_dek():
    make_article(headline="A quiet vote", dek="The marina lease passed without debate.")

    assert found("marina") == ["A quiet vote"]


def test_finds_a_story_by_a_tag():
    make_article(headline="Night shift", tags=["Lighthouse keepers"])

    assert found("lighthouse") == ["Night shift"]


def test_finds_a_story_by_a_quoted_persons_name():
    story = make_article(headline="Residents weigh in", body="“We need action,” she said.")
    make_quote(article=story, speaker=make_person(name="Ottoline Quist"))

    assert found("Quist") == ["Residents weigh in"]
    assert found("ottoline quist") == ["Residents weigh in"]


def test_every_word_must_match():
    make_article(headline="Ferry fares rise", body="The ferry costs more.")
    make_article(headline="Ferry schedule", body="Winter timetable for the ferry.")

    assert found("ferry winter") == ["Ferry schedule"]


def test_minus_and_or_work_like_a_web_search():
    make_article(headline="Ferry fares rise", body="The ferry costs more.")
    make_article(headline="Ferry schedule", body="Winter timetable for the ferry.")
    make_article(headline="Bridge closed", body="Winter storm damage.")

    assert found("ferry -winter") == ["Ferry fares rise"]
    assert sorted(found("fares or bridge")) == ["Bridge closed", "Ferry fares rise"]
    assert found('"winter timetable"') == ["Ferry schedule"]


def test_headline_match_ranks_above_body_only_match():
    now = timezone.now()
    make_article(
        headline="Library hours cut",
        body="Branches will close earlier on weekdays.",
        published_at=now - timedelta(days=3),
    )
    make_article(
        headline="Council roundup",
        body="The library board met. The library budget grew. A library opens in May.",
        published_at=now - timedelta(hours=1),
    )

    assert found("library") == ["Library hours cut", "Council roundup"]


def test_snippet_marks_matched_words():
    make_article(
        headline="Harbor news",
        body="After years of delay, the zeppelin hangar on the waterfront reopened on Friday.",
    )

    [story] = search_stories("zeppelin").object_list

    assert "<mark>zeppelin</mark>" in story.snippet
    assert "waterfront" in story.snippet


def test_snippet_escapes_everything_but_the_marks():
    make_article(
        headline="Unsafe copy",
        body="The zeppelin fares < 5 dollars & rising <img src=x onerror=alert(1)> today.",
    )

    [story] = search_stories("zeppelin").object_list

    assert "<mark>zeppelin</mark>" in story.snippet
    assert "&lt; 5 dollars &amp; rising" in story.snippet
    assert "&lt;img src=x onerror=alert(1)&gt;" in story.snippet
    assert story.snippet.count("<") == story.snippet.count("<mark>") * 2


def test_highlighting_trusts_only_balanced_markers():
    raw = f"<script>x</script> {MATCH_START}a&b{MATCH_END} c {MATCH_END}d{MATCH_START} e"

    assert highlighted_snippet(raw) == "&lt;script&gt;x&lt;/script&gt; <mark>a&amp;b</mark> c d e"


def test_snippet_leaves_out_markdown_syntax():
    make_article(
        headline="Formatted copy",
        body="The **zeppelin** made [its first flight](https://example.com/flight) today.",
    )

    [story] = search_stories("zeppelin").object_list

    assert "<mark>zeppelin</mark> made its first flight today" in story.snippet
    assert "example.com" not in story.snippet
    assert "*" not in story.snippet


def test_drafts_and_scheduled_stories_are_never_found():
    make_draft(headline="Zeppelin draft")
    make_scheduled(headline="Zeppelin scheduled")
    Article.objects.create(
        headline="Zeppelin in review", slug="zeppelin-in-review", body="x", status="review"
    )
    make_article(headline="Zeppelin published")

    assert found("zeppelin") == ["Zeppelin published"]
    assert search_stories("zeppelin").paginator.count == 1


def test_a_rejected_quote_does_not_make_its_speaker_findable():
    story = make_article(headline="Hearing held", body="“Not me,” someone said.")
    quote = make_quote(
        article=story,
        speaker=make_person(name="Bartholomew Zyx"),
        review_state=Quote.ReviewState.REJECTED,
    )

    assert found("zyx") == []

    quote.review_state = Quote.ReviewState.CONFIRMED
    quote.save()

    assert found("zyx") == ["Hearing held"]


def test_pages_hold_twenty_stories():
    now = timezone.now()
    for number in range(25):
        make_article(
            headline=f"Zeppelin sighting {number}", published_at=now - timedelta(hours=number)
        )

    first, second = search_stories("zeppelin", 1), search_stories("zeppelin", 2)

    assert first.paginator.count == 25
    assert len(first.object_list) == 20
    assert len(second.object_list) == 5
    headlines = [s.headline for s in [*first.object_list, *second.object_list]]
    assert sorted(headlines) == sorted(f"Zeppelin sighting {n}" for n in range(25))


@pytest.mark.parametrize("page", ["999", "0", "-1", "two", None, ""])
def test_a_page_out_of_range_does_not_fail(page):
    make_article(headline="Zeppelin sighting")

    assert [s.headline for s in search_stories("zeppelin", page).object_list] == [
        "Zeppelin sighting"
    ]


WEIRD_QUERIES = [
    '"',
    '""',
    "*",
    "-",
    "--",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(zeppelin, 2)",
    "zeppelin NEAR",
    "(",
    ")",
    "^zeppelin",
    "headline:zeppelin",
    "zeppelin*",
    '"zeppelin',
    'a"b"c',
    "'",
    "\\",
    "%",
    "_",
    "&|!<->",
    "😀",
    "🙂 zeppelin",
    "zeppelin\x00",
    "x" * 500,
    "zeppelin " * 100,
    "-zeppelin",
    "or zeppelin or",
]


@pytest.mark.parametrize("query", WEIRD_QUERIES)
def test_weird_queries_never_fail(query):
    make_article(headline="Zeppelin hangar reopens")

    page = search_stories(query)

    assert page.paginator.count == len(page.object_list) <= 1


@pytest.mark.parametrize(
    "query", ["zeppelin*", '"zeppelin', "zeppelin AND", "🙂 zeppelin", "(zeppelin)", "zeppelin -"]
)
def test_operators_around_a_word_still_find_it(query):
    make_article(headline="Zeppelin hangar reopens")

    assert found(query) == ["Zeppelin hangar reopens"]


def test_the_index_follows_every_kind_of_write():
    story = make_article(headline="Ferry fares rise")
    story.headline = "Zeppelin fares rise"
    story.save()

    assert found("zeppelin") == ["Zeppelin fares rise"]
    assert found("ferry") == []

    Article.objects.filter(pk=story.pk).update(body="Now with a gondola.")
    assert found("gondola") == ["Zeppelin fares rise"]

    Article.objects.bulk_create(
        [
            Article(
                headline="Gondola lift",
                slug="gondola-lift",
                body="x",
                status="published",
                published_at=timezone.now() - timedelta(minutes=1),
            )
        ]
    )
    assert sorted(found("gondola")) == ["Gondola lift", "Zeppelin fares rise"]

    story.delete()
    assert found("gondola") == ["Gondola lift"]

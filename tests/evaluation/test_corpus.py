"""The annotated attribution corpus is well formed and its gold agrees with its articles.

The gold is what the whole team measures the quote finder against, so a typo in it would
quietly cost or earn the finder points. These checks read only the files.
"""

import json
import re
from pathlib import Path

import pytest

from articles.evaluation import (
    TokenisedArticle,
    locate_quote,
    score_file,
    summarise,
    tokenise,
)

CORPUS = Path(__file__).resolve().parent.parent / "data" / "attribution"
ARTICLES = sorted(CORPUS.glob("*.txt"))
NAMES = [path.stem for path in ARTICLES]

_DATE_LINE = re.compile(r"\s*date \d{4}-\d{2}-\d{2} (?=\S)")
QUOTE_KEYS = {"text", "speaker", "speaker_title", "speaker_org", "paragraph"}
OPENING_MARKS = '“"'


def wire_paragraphs(text):
    """The paragraphs of a wire story, the first without its ``date`` marker."""
    date_line = _DATE_LINE.match(text)
    assert date_line, "a wire story starts with 'date YYYY-MM-DD' and the first paragraph"
    return text[date_line.end() :].split("\n\n")


def read_pair(name):
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    return text, wire_paragraphs(text), gold


def pieces_in_order(quote_text, paragraphs, paragraph):
    """Cut a gold quote into the stretches of article text it was joined from.

    Each piece is the longest run of the remaining quote, ending at a space, that follows an
    opening quotation mark further on in the article. The first piece must start in the
    quote's own paragraph. Returns the pieces, or fails the test with the piece not found.
    """
    body = "\n\n".join(paragraphs)
    paragraph_start = sum(len(p) + 2 for p in paragraphs[:paragraph])
    paragraph_end = paragraph_start + len(paragraphs[paragraph])
    cursor, remaining, pieces = paragraph_start, quote_text, []
    while remaining:
        ends = [i for i, ch in enumerate(remaining) if ch == " "] + [len(remaining)]
        for end in reversed(ends):
            piece = remaining[:end]
            at = _after_opening_mark(body, piece, cursor)
            if at is not None and (pieces or at < paragraph_end):
                break
        else:
            pytest.fail(f"not found after {body[cursor : cursor + 40]!r}: {remaining[:60]!r}")
        pieces.append(piece)
        cursor = at + len(piece)
        remaining = remaining[end + 1 :]
    return pieces


def _after_opening_mark(body, piece, cursor):
    at = body.find(piece, cursor)
    while at > 0 and body[at - 1] not in OPENING_MARKS:
        at = body.find(piece, at + 1)
    return at if at > 0 else None


def test_corpus_has_enough_articles_each_with_its_gold():
    assert len(ARTICLES) >= 31
    # Numbered without holes, so a lost file shows up here.
    assert [f"{n:03d}" for n in range(len(NAMES))] == NAMES
    assert sorted(path.stem for path in CORPUS.glob("*.json")) == NAMES


def test_first_article_is_the_example_story():
    text, paragraphs, gold = read_pair("000")

    assert text.startswith(" date 2023-07-25 Following Hartford")
    assert not text.endswith("\n")
    assert len(paragraphs) == 13
    assert [quote["paragraph"] for quote in gold["quotes"]] == [1, 3, 6, 8, 10, 12]
    assert gold["people"] == ["Kelvin Lovejoy", "Dexter Burke", "Mairchal Monts", "Jason Thody"]
    assert len(gold["organizations"]) == 8


@pytest.mark.parametrize("name", NAMES)
def test_article_is_in_wire_format(name):
    text, paragraphs, _ = read_pair(name)

    assert not text.endswith("\n")
    assert all(paragraph and paragraph == paragraph.strip() for paragraph in paragraphs)
    if name != "000":
        assert 6 <= len(paragraphs) <= 14


@pytest.mark.parametrize("name", NAMES)
def test_gold_has_the_agreed_shape(name):
    _, paragraphs, gold = read_pair(name)

    assert set(gold) == {"quotes", "people", "organizations"}
    assert gold["quotes"]
    for quote in gold["quotes"]:
        assert set(quote) == QUOTE_KEYS
        assert isinstance(quote["text"], str) and quote["text"].strip() == quote["text"]
        assert quote["speaker"] is None or isinstance(quote["speaker"], str)
        assert isinstance(quote["speaker_title"], str)
        assert isinstance(quote["speaker_org"], str)
        assert 0 <= quote["paragraph"] < len(paragraphs)
    for key in ("people", "organizations"):
        assert all(isinstance(item, str) and item for item in gold[key])
        assert len(set(gold[key])) == len(gold[key])


@pytest.mark.parametrize("name", NAMES)
def test_gold_quotes_are_the_articles_own_words_in_order(name):
    _, paragraphs, gold = read_pair(name)
    article = TokenisedArticle.from_paragraphs(paragraphs)

    for quote in gold["quotes"]:
        pieces_in_order(quote["text"], paragraphs, quote["paragraph"])
        found = locate_quote(quote["text"], quote["paragraph"], article)
        first, last = article.paragraph_spans[quote["paragraph"]]
        assert len(found) == len(tokenise(quote["text"])), quote["text"]
        assert first <= min(found) < last, quote["text"]


@pytest.mark.parametrize("name", NAMES)
def test_speakers_and_their_organizations_are_listed(name):
    _, _, gold = read_pair(name)

    for quote in gold["quotes"]:
        if quote["speaker"] is not None:
            assert quote["speaker"] in gold["people"]
        if quote["speaker_org"]:
            assert quote["speaker_org"] in gold["organizations"]


def test_gold_scores_perfectly_against_itself():
    scores = []
    for name in NAMES:
        _, paragraphs, gold = read_pair(name)
        scores.append(score_file(name, paragraphs, gold, gold))

    summary = summarise(scores)

    assert summary.quote_f1 == summary.speaker_accuracy == 1.0
    assert summary.people_f1 == summary.org_f1 == 1.0

"""The example story the project started from, end to end (see the shared example notes)."""

from pathlib import Path

import pytest

from articles.formats import parse_file
from articles.quotefinder import find_quotes

EXAMPLE = Path(__file__).parents[1] / "data" / "attribution" / "000.txt"


@pytest.fixture(scope="module")
def extraction():
    (article,) = list(parse_file(EXAMPLE))
    return find_quotes(article.paragraphs)


def test_paragraph_zero_is_the_rest_of_the_date_line():
    (article,) = list(parse_file(EXAMPLE))
    assert article.paragraphs[0].startswith("Following Hartford’s 21st homicide")
    assert len(article.paragraphs) == 13


def test_exactly_six_direct_quotes_with_speakers_verbs_and_paragraphs(extraction):
    direct = [q for q in extraction.quotes if q.kind == "direct"]
    assert [(q.paragraph, q.speaker, q.verb) for q in direct] == [
        (1, "Kelvin Lovejoy", "said"),
        (3, "Dexter Burke", "said"),
        (6, "Mairchal Monts", "said"),
        (8, "Kelvin Lovejoy", "said"),
        (10, "Jason Thody", "wrote"),
        (12, "Jason Thody", "wrote"),
    ]


def test_split_quotes_are_joined_and_only_the_enclosing_marks_removed(extraction):
    texts = [q.text for q in extraction.quotes if q.kind == "direct"]
    assert texts[0] == (
        "What we need in our community is action, We need to hold our public officials accountable."
    )
    assert texts[1].startswith("(Police) will have a better understanding")
    assert texts[1].endswith("They need to understand those they are serving.")
    assert texts[3] == (
        "We as the residents must be accountable as well. We have to make our community a "
        "safe and decent place to live,"
    )
    assert texts[4].endswith("many of our peer cities.")
    assert texts[5].endswith("we take that very seriously.")


def test_three_indirect_quotes(extraction):
    indirect = [q for q in extraction.quotes if q.kind == "indirect"]
    assert [(q.paragraph, q.speaker) for q in indirect] == [
        (5, "Mairchal Monts"),
        (9, "Jason Thody"),
        (11, "Jason Thody"),
    ]
    assert indirect[0].channel == "in a statement through the city of Hartford"
    assert indirect[1].channel == "in a statement to NBC Connecticut"
    assert indirect[2].text.startswith("the department works with organizations")


def test_people_with_titles_honorifics_and_organizations(extraction):
    people = [(p.name, p.honorific, p.title, p.organization) for p in extraction.people]
    assert people == [
        ("Kelvin Lovejoy", "", "Lead community organizer", "Blue Hill Civic Association"),
        ("Dexter Burke", "Archbishop", "", ""),
        ("Mairchal Monts", "", "pastor", "Citadel of Love"),
        ("Jason Thody", "", "Police Chief", "Hartford Police Department"),
    ]


def test_quote_dicts_carry_title_and_organization(extraction):
    by_speaker = {q["speaker"]: q for q in extraction.as_dict()["quotes"]}
    assert by_speaker["Dexter Burke"]["speaker_title"] == "Archbishop"
    assert by_speaker["Dexter Burke"]["speaker_org"] == ""
    assert by_speaker["Jason Thody"]["speaker_title"] == "Police Chief"
    assert by_speaker["Jason Thody"]["speaker_org"] == "Hartford Police Department"


def test_eight_organizations(extraction):
    assert extraction.as_dict()["organizations"] == [
        "Blue Hill Civic Association",
        "Walk in the Light Church of God",
        "Citadel of Love",
        "City of Hartford",
        "Hartford Police Department",
        "NBC Connecticut",
        "Mothers United Against Violence",
        "COMPASS Peacebuilders",
    ]


def test_offsets_locate_each_quote_in_its_paragraphs(extraction):
    (article,) = list(parse_file(EXAMPLE))
    quote = extraction.quotes[0]
    first = article.paragraphs[quote.paragraph]
    assert first[quote.start :].startswith("What we need")
    assert article.paragraphs[quote.end_paragraph][: quote.end].endswith("accountable.")


def test_the_finder_is_deterministic(extraction):
    (article,) = list(parse_file(EXAMPLE))
    assert find_quotes(article.paragraphs) == extraction

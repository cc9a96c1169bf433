"""Split quotes joined back into what the speaker said, for pages that show them alone."""

import pytest

from articles.quotefinder import find_quotes
from articles.quotefinder.reading import reading_text


@pytest.mark.parametrize(
    ("parts", "gaps", "expected"),
    [
        # The sentence goes on after the attribution: the comma was the attribution's.
        (["The budget,", "is a disgrace."], [" she said, "], "The budget is a disgrace."),
        # A new sentence begins after it: the closing comma becomes a full stop.
        (
            ["We need action,", "We need it now."],
            [" he said. "],
            "We need action. We need it now.",
        ),
        (["Is it fair?", "No."], [" she asked. "], "Is it fair? No."),
        (["We are —", "tired."], [" he said, "], "We are — tired."),
        (
            ["We can,", "and we will,", "fix this."],
            [" she said, ", " she added, "],
            "We can and we will fix this.",
        ),
        (["Only one piece."], [], "Only one piece."),
    ],
)
def test_pieces_read_as_the_speaker_said_them(parts, gaps, expected):
    assert reading_text(parts, gaps) == expected


def test_the_finder_gives_a_split_quote_its_reading_beside_the_evaluation_text():
    paragraphs = [
        "“What we need in our community is action,” Kelvin Lovejoy said. "
        "“We need to hold our public officials accountable.”",
        "“The budget,” said Mayor Ana Ruiz, “is not a wish list.”",
        "“We start Monday,” Ruiz said.",
    ]
    quotes = find_quotes(paragraphs).quotes
    assert [quote.text for quote in quotes] == [
        "What we need in our community is action, We need to hold our public officials "
        "accountable.",
        "The budget, is not a wish list.",
        "We start Monday,",
    ]
    assert [quote.reading for quote in quotes] == [
        "What we need in our community is action. We need to hold our public officials "
        "accountable.",
        "The budget is not a wish list.",
        "We start Monday,",  # one piece: as written; pages end it with a full stop
    ]

"""How a split quote reads on its own, out of the story it was found in.

The finder's ``Quote.text`` joins the pieces of a quote split around its attribution with
one space, as the evaluation format asks: "…is action, We need to hold…". A person page
shows the quote without the story around it, where that reads as a typo. Here the pieces
are joined as the speaker said them, using the attribution between them to tell whether
the sentence went on or a new one began.
"""

from __future__ import annotations

from collections.abc import Sequence

# The attribution between two pieces ends with one of these when the speaker's sentence
# goes on after it: “The budget,” she said, “is a disgrace.”
_SENTENCE_GOES_ON = (",", ":", ";", "—", "–")


def reading_text(parts: Sequence[str], gaps: Sequence[str]) -> str:
    """The pieces of a split quote joined into what the speaker said.

    ``parts`` are the quoted words of each piece, without their marks; ``gaps`` the story's
    text between one piece's closing mark and the next one's opening mark (the attribution),
    one fewer than the parts. The comma that closes a piece belongs to the attribution:

    - “The budget,” she said, “is a disgrace.” reads "The budget is a disgrace."
    - “We need action,” he said. “We need it now.” reads "We need action. We need it now."
    - “Is it fair?” she asked. “No.” reads "Is it fair? No."
    """
    text = parts[0].strip() if parts else ""
    for gap, part in zip(gaps, parts[1:], strict=False):
        part = part.strip()
        if not part:
            continue
        if text.endswith(","):
            text = text[:-1].rstrip()
            if not gap.rstrip().endswith(_SENTENCE_GOES_ON):
                text += "."
        text = f"{text} {part}" if text else part
    return text

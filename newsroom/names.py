"""Name normalisation shared by people and organization matching.

Two spellings name the same record when they normalise to the same key: case, accents,
punctuation, runs of white space and courtesy titles do not count.
"""

import re
import unicodedata

# Courtesy titles and offices that may stand before a name without being part of it.
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "rev",
        "reverend",
        "fr",
        "father",
        "sr",
        "sister",
        "br",
        "brother",
        "pastor",
        "bishop",
        "archbishop",
        "rabbi",
        "imam",
        "sir",
        "dame",
        "lord",
        "lady",
        "hon",
        "honorable",
        "judge",
        "justice",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
    ]
)

_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def fold(text):
    """Lower case, accents removed, punctuation dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", without_marks.casefold())).strip()


def person_key(name):
    """The matching key of a person's name: folded, leading courtesy titles removed."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def organization_key(name):
    """The matching key of an organization: folded, a leading "the" removed."""
    words = fold(name).split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def split_aliases(text):
    """Aliases are edited one per line; blank lines are ignored."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]

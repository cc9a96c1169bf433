"""Provisional headlines for stories that arrive without one (pure Python).

Wire copy often has no headline. The importer makes one from the lead so the story can be
listed, and flags it for an editor. A provisional headline is the lead's first sentence when
that is short enough; otherwise the sentence without a leading clause ("Following the
vote, the council …" → "The council …"); otherwise its first words, cut at a whole word
and never ending on a word like "the" or "and".
"""

import re

MAX_LENGTH = 100

# A sentence ends at . ! or ? followed by a space and a capital or an opening quote, unless
# the period closes a short abbreviation or an initial ("Dr.", "Conn.", "J.").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?](?=\s+[A-Z“\"‘'])"
)
_DANGLING = frozenset(
    """a an and are as at be but by for from has have in is it its of on or that the their
    to was were which who will with""".split()
)
_TRAILING_PUNCTUATION = " ,;:—–-.…"


def first_sentence(text):
    match = _SENTENCE_END.search(text)
    sentence = text[: match.start()] if match else text
    return sentence.strip().rstrip(".")


def without_leading_clause(sentence):
    """ "Following X, some groups say Y" → "Some groups say Y"; None if there is no clause."""
    head, comma, rest = sentence.partition(", ")
    if not comma or len(rest.split()) < 4 or len(head.split()) > 12:
        return None
    return rest[:1].upper() + rest[1:]


def cut_at_word(text, limit=MAX_LENGTH):
    """The longest run of whole words within ``limit`` characters that ends on a strong word."""
    words = text.split()
    kept = []
    for word in words:
        if len(" ".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1].lower().strip(_TRAILING_PUNCTUATION) in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(_TRAILING_PUNCTUATION)


def provisional_headline(paragraphs, limit=MAX_LENGTH):
    """A headline of at most ``limit`` characters made from the first non-empty paragraph."""
    lead = next((p.strip() for p in paragraphs if p.strip()), "")
    # Markdown emphasis and heading marks have no place in a headline.
    lead = re.sub(r"[*_#`>]+", "", lead).strip()
    if not lead:
        return "Untitled story"
    sentence = first_sentence(lead)
    for candidate in (sentence, without_leading_clause(sentence)):
        if candidate and len(candidate) <= limit:
            return candidate.rstrip(_TRAILING_PUNCTUATION)
    shorter = without_leading_clause(sentence) or sentence
    return cut_at_word(shorter, limit)

"""Pairing quotation marks into quoted spans.

News copy mixes curly and straight marks, sometimes within one quote ("“…," then "…”"), so
every double mark is first classified by its shape and its neighbours:

* ``“ „ « ‟`` can only open and ``” »`` can only close;
* a straight ``"`` opens when it follows a space (or starts the paragraph) and is followed by
  a word, and closes when it follows a word or punctuation and is followed by a space or
  punctuation. When its neighbours say nothing, the pairing state decides.

Single marks (``‘ ’ '``) are never quote delimiters here: inside a double-quoted span they
are nested quotes and stay part of the text, outside they are apostrophes far more often
than not.

A quote that runs over several paragraphs follows the typesetting convention: an opening
mark at the start of each paragraph and a closing mark only at the end. So an unclosed span
continues into the next paragraph when that paragraph *begins* with an opening mark; when it
does not, the span ends with its paragraph (the closing mark was simply forgotten).
"""

from __future__ import annotations

from typing import NamedTuple

from .records import new_tuple

OPENERS = "“„«‟"
CLOSERS = "”»"
STRAIGHT = '"'

_LEFT_CONTEXT = " \t\n([{—–-/\u00a0"
_RIGHT_CONTEXT = " \t\n,.;:!?)]}—–-/\u00a0"

# What stands in for quoted words in a masked paragraph: not a word character, not a
# space and not punctuation, so patterns over unquoted text can neither match nor split
# inside a quote.
MASK = "\u00b7"

OPEN, CLOSE, EITHER = "open", "close", "either"

# Each double mark with the role its shape gives it; a straight mark's role is read from
# its neighbours (:func:`classify_mark`).
_MARK_SHAPES = (
    *((mark, OPEN) for mark in OPENERS),
    *((mark, CLOSE) for mark in CLOSERS),
    (STRAIGHT, EITHER),
)
_STRAIGHT_SHAPE = ((STRAIGHT, EITHER),)
# A straight mark's role by whether a space (or the like) stands before and after it.
_STRAIGHT_ROLES = {
    (True, False): OPEN,
    (False, True): CLOSE,
    (True, True): EITHER,
    (False, False): EITHER,
}


class Segment(NamedTuple):
    """The quoted characters of one paragraph: ``paragraph[start:end]``."""

    paragraph: int
    start: int
    end: int


class QuotedSpan(NamedTuple):
    """A run of quoted text, possibly over several paragraphs.

    ``mark_start`` is the offset of the opening mark in the first paragraph and
    ``mark_end`` the offset just after the closing mark (or the end of the last paragraph
    when the closing mark is missing). ``paragraph``/``start`` locate the first quoted
    character and ``end_paragraph``/``end`` the end of the last; they are read so often
    that they are stored rather than worked out from the segments each time (build a span
    with :meth:`of`, which fills them in).
    """

    segments: tuple[Segment, ...]
    mark_start: int
    mark_end: int
    closed: bool
    paragraph: int
    start: int
    end_paragraph: int
    end: int

    @classmethod
    def of(
        cls, segments: tuple[Segment, ...], mark_start: int, mark_end: int, closed: bool = True
    ) -> QuotedSpan:
        first, last = segments[0], segments[-1]
        return new_tuple(
            cls, (segments, mark_start, mark_end, closed, first[0], first[1], last[0], last[2])
        )

    def text(self, paragraphs: list[str]) -> str:
        """The quoted words, paragraph parts joined by one space."""
        if len(self.segments) == 1:
            paragraph, start, end = self.segments[0]
            return paragraphs[paragraph][start:end]
        return " ".join(paragraphs[s.paragraph][s.start : s.end] for s in self.segments)


def classify_mark(text: str, index: int) -> str:
    """Say whether the double mark at ``text[index]`` opens, closes, or could do either."""
    mark = text[index]
    if mark in OPENERS:
        return OPEN
    if mark in CLOSERS:
        return CLOSE
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return _STRAIGHT_ROLES[before in _LEFT_CONTEXT, after in _RIGHT_CONTEXT]


def _marks_with_roles(text: str) -> list[tuple[int, str]]:
    """The double marks of ``text`` as (offset, role) pairs, in order.

    One ``str.find`` scan per kind of mark: most paragraphs hold one or two kinds and many
    none, and a scan in C for one character is far cheaper than a regular expression
    trying every character of the paragraph.
    """
    found = []
    # Plain ASCII text (a flag of the string, no scan) can hold only straight marks.
    for mark, role in _STRAIGHT_SHAPE if text.isascii() else _MARK_SHAPES:
        if mark not in text:
            continue  # cheaper than a search: no method call
        at = text.find(mark)
        if role != EITHER:
            while at >= 0:
                found.append((at, role))
                at = text.find(mark, at + 1)
            continue
        # Straight marks: classify_mark's reading of the neighbours, written out here
        # because a function call per mark costs more than the test itself.
        last = len(text) - 1
        while at >= 0:
            before = text[at - 1] if at > 0 else " "
            after = text[at + 1] if at < last else " "
            found.append((at, _STRAIGHT_ROLES[before in _LEFT_CONTEXT, after in _RIGHT_CONTEXT]))
            at = text.find(mark, at + 1)
    if len(found) > 1:
        found.sort()
    return found


def _trimmed(paragraph_index: int, text: str, start: int, end: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return new_tuple(Segment, (paragraph_index, start, end))


def _opens_paragraph(text: str) -> int | None:
    """The offset of an opening mark that starts ``text`` (after white space), if any."""
    stripped = len(text) - len(text.lstrip())
    if (
        stripped < len(text)
        and text[stripped] in OPENERS + STRAIGHT
        and classify_mark(text, stripped) != CLOSE
    ):
        return stripped
    return None


def find_quoted_spans(paragraphs: list[str]) -> list[QuotedSpan]:
    """Pair the double quotation marks of an article into spans, in reading order."""
    spans: list[QuotedSpan] = []
    carried: list[Segment] = []  # segments of a quote continuing from earlier paragraphs
    carried_mark_start = 0
    for index, text in enumerate(paragraphs):
        open_at: int | None = None
        if carried:
            opener = _opens_paragraph(text)
            if opener is None:  # the continuation never came: close it where it stopped
                last = carried[-1]
                spans.append(
                    QuotedSpan.of(
                        tuple(carried), carried_mark_start, len(paragraphs[last.paragraph]), False
                    )
                )
                carried = []
            else:
                open_at = opener
        for position, role in _marks_with_roles(text):
            if position == open_at:
                continue
            if open_at is None:
                if role != CLOSE:
                    open_at = position
                # a closing mark with nothing open is a stray (an inch sign, a typo): skip it
                continue
            if role == OPEN:
                # A new opener while one is open: the earlier closing mark was lost.
                # Restarting keeps the damage to one quote instead of inverting the rest.
                if carried:
                    carried = []
                open_at = position
                continue
            segment = _trimmed(index, text, open_at + 1, position)
            if carried:
                spans.append(QuotedSpan.of((*carried, segment), carried_mark_start, position + 1))
                carried = []
            else:
                _, start, end = segment
                if end > start:
                    # One segment, the commonest span: built as QuotedSpan.of would build it.
                    fields = (segment,), open_at, position + 1, True, index, start, index, end
                    spans.append(new_tuple(QuotedSpan, fields))
            open_at = None
        if open_at is not None:
            segment = _trimmed(index, text, open_at + 1, len(text))
            if not carried:
                carried_mark_start = open_at
            carried.append(segment)
    if carried:
        last = carried[-1]
        spans.append(
            QuotedSpan.of(
                tuple(carried), carried_mark_start, len(paragraphs[last.paragraph]), False
            )
        )
    return spans


def mask_quotes(paragraphs: list[str], spans: list[QuotedSpan]) -> list[str]:
    """Copies of the paragraphs with every quoted character replaced by :data:`MASK`.

    Offsets are unchanged, so a match in a masked paragraph points at the same place in
    the original; the quotation marks themselves are kept.
    """
    masked = list(paragraphs)
    for span in spans:
        for index, start, end in span.segments:
            # Offsets are kept, so each segment is masked in place whatever the others.
            text = masked[index]
            masked[index] = f"{text[:start]}{MASK * (end - start)}{text[end:]}"
    return masked

"""Story bodies from Markdown to HTML, with every direct quote anchored and attributed.

Raw HTML in a body is never passed through: it is escaped like any other text. After
parsing, each direct quote's words are found again in their paragraph and wrapped in
``<span class="quote" id="quote-12">``; the speaker's name in that paragraph becomes a
link to the person page, or, when the paragraph does not name them (a follow-on quote),
a small credit link is added after the quote.
"""

import re
from dataclasses import dataclass

from django.utils.html import format_html
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsroom.names import fold

_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
# Quotes whose words are this far apart in the paragraph are not one run of the quote.
_MAX_GAP = 40


def markdown_parser():
    """CommonMark without raw HTML, plus tables and strikethrough; unsafe links refused."""
    return MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})


_PARSER = markdown_parser()


def render_markdown(text):
    """Plain Markdown to safe HTML (dek-length text, corrections, bios)."""
    return _PARSER.render(text or "")


@dataclass(frozen=True)
class QuoteMark:
    """What the renderer needs to know of a quote (a ``Quote`` row or a test double)."""

    anchor: str
    text: str
    paragraph: int
    speaker_name: str = ""
    speaker_url: str = ""
    speaker_names: tuple[str, ...] = ()


def _block_index_by_line(body):
    """Map each source line to the index of its blank-line-separated paragraph."""
    index, blocks, in_block = [], -1, False
    for line in body.split("\n"):
        if line.strip():
            if not in_block:
                blocks += 1
                in_block = True
        else:
            in_block = False
        index.append(max(blocks, 0))
    return index


def _words(text):
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _match_runs(quote_words, para_words):
    """Align the quote's words, in order, onto the paragraph's; return matched runs.

    A run is a list of consecutive paragraph word indices. Gaps in the alignment are where
    a split quote's attribution stands.
    """
    targets = [w for w, _, _ in quote_words]
    if not targets:
        return []
    runs, current, cursor, last = [], [], 0, None
    position = 0
    while position < len(para_words) and cursor < len(targets):
        if para_words[position][0] == targets[cursor]:
            if last is not None and position != last + 1:
                if position - last > _MAX_GAP:
                    break
                runs.append(current)
                current = []
            current.append(position)
            last = position
            cursor += 1
        position += 1
    if current:
        runs.append(current)
    # Accept the alignment only when most of the quote was found.
    matched = sum(len(run) for run in runs)
    return runs if matched * 2 > len(targets) else []


def _find_start(quote_words, para_words):
    """Index of the paragraph word where the quote's first words stand, or None."""
    head = [w for w, _, _ in quote_words[:4]]
    for i in range(len(para_words) - len(head) + 1):
        if [w for w, _, _ in para_words[i : i + len(head)]] == head:
            return i
    return None


class _Paragraph:
    """The text children of one paragraph's inline token, seen as one string."""

    def __init__(self, inline):
        self.inline = inline
        self.pieces = []  # (child index, start offset in the joined text, length)
        joined = []
        length = 0
        for i, child in enumerate(inline.children or []):
            if child.type == "text":
                self.pieces.append((i, length, len(child.content)))
                joined.append(child.content)
                length += len(child.content)
            else:
                joined.append("\x00")  # nothing matches across a non-text child
                length += 1
        self.text = "".join(joined)
        self.words = _words(self.text)
        self.inserts = []  # (offset in the joined text, html)

    def insert(self, offset, html):
        self.inserts.append((offset, html))

    def apply(self):
        """Split text children at the insertion offsets and put the HTML in between."""
        if not self.inserts:
            return
        by_child = {}
        for offset, html in self.inserts:
            for child_index, start, length in self.pieces:
                if start <= offset <= start + length:
                    by_child.setdefault(child_index, []).append((offset - start, html))
                    break
        children = []
        for i, child in enumerate(self.inline.children):
            if i not in by_child:
                children.append(child)
                continue
            text, cut = child.content, 0
            for offset, html in sorted(by_child[i], key=lambda item: item[0]):
                if offset > cut:
                    children.append(_text(text[cut:offset]))
                children.append(_html(html))
                cut = offset
            if cut < len(text):
                children.append(_text(text[cut:]))
        self.inline.children = children


def _text(content):
    token = Token("text", "", 0)
    token.content = content
    return token


def _html(content):
    token = Token("html_inline", "", 0)
    token.content = content
    return token


def _mark_quote(paragraph, quote, para_words):
    quote_words = _words(quote.text)
    start = _find_start(quote_words, para_words)
    if start is None:
        return False
    runs = _match_runs(quote_words, para_words[start:])
    if not runs:
        return False
    quoted = set()
    for n, run in enumerate(runs):
        first, last = para_words[start + run[0]], para_words[start + run[-1]]
        opening = (
            format_html('<span class="quote" id="{}">', quote.anchor)
            if n == 0
            else '<span class="quote">'
        )
        paragraph.insert(_widen_left(paragraph.text, first[1]), opening)
        paragraph.insert(_widen_right(paragraph.text, last[2]), "</span>")
        quoted.update(range(start + run[0], start + run[-1] + 1))
    if quote.speaker_url:
        _link_speaker(paragraph, quote, para_words, quoted, para_words[start + runs[-1][-1]][2])
    return True


def _link_speaker(paragraph, quote, para_words, quoted, after_offset):
    """Link the speaker's name where the paragraph gives it; else credit after the quote."""
    for name in sorted({quote.speaker_name, *quote.speaker_names} - {""}, key=len, reverse=True):
        name_words = [w for w, _, _ in _words(name)]
        size = len(name_words)
        for i in range(len(para_words) - size + 1):
            if quoted & set(range(i, i + size)):
                continue
            if [w for w, _, _ in para_words[i : i + size]] == name_words:
                paragraph.insert(
                    para_words[i][1],
                    format_html('<a class="speaker" href="{}">', quote.speaker_url),
                )
                paragraph.insert(para_words[i + size - 1][2], "</a>")
                return
    paragraph.insert(
        _closing_offset(paragraph, after_offset),
        format_html(
            ' <a class="quote-credit" href="{}" title="Quote by {}">{}</a>',
            quote.speaker_url,
            quote.speaker_name,
            quote.speaker_name,
        ),
    )


def _widen_left(text, offset):
    """Take an editor's opening bracket into the quote: “(Police) will…”."""
    while offset > 0 and text[offset - 1] in "([":
        offset -= 1
    return offset


def _widen_right(text, offset):
    """Take closing brackets and end punctuation of the quote's words into it."""
    while offset < len(text) and text[offset] in ")]?!….,;:":
        offset += 1
    return offset


def _prepend_dateline(tokens, dateline):
    for token in tokens:
        if token.type == "inline":
            token.children = [
                _html(format_html('<span class="dateline">{} —</span> ', dateline)),
                *(token.children or []),
            ]
            return


def _closing_offset(paragraph, offset):
    """Move a credit past the closing punctuation and quotation mark that end the quote."""
    text = paragraph.text
    while offset < len(text) and text[offset] in ".,!?;:…\"”’'":
        offset += 1
    return offset


def render_story(body, quotes=(), dateline=""):
    """Render a story body; ``quotes`` are ``QuoteMark``s for its direct quotes.

    Each quote is looked for first in its own paragraph, then in the others, so a quote an
    editor attached with the wrong paragraph number still gets its anchor. A dateline
    ("HARTFORD, Conn.") opens the first paragraph, as in print.
    """
    tokens = _PARSER.parse(body or "")
    if dateline:
        _prepend_dateline(tokens, dateline)
    if quotes:
        _mark_quotes(tokens, _block_index_by_line(body or ""), quotes)
    return _PARSER.renderer.render(tokens, _PARSER.options, {})


def _mark_quotes(tokens, block_of_line, quotes):
    paragraphs = {}
    for token in tokens:
        if token.type == "inline" and token.map and token.map[0] < len(block_of_line):
            paragraph = _Paragraph(token)
            paragraphs.setdefault(block_of_line[token.map[0]], paragraph)
    for quote in quotes:
        own = paragraphs.get(quote.paragraph)
        others = (p for index, p in paragraphs.items() if index != quote.paragraph)
        for paragraph in [own, *others] if own else others:
            if _mark_quote(paragraph, quote, paragraph.words):
                break
    for paragraph in paragraphs.values():
        paragraph.apply()

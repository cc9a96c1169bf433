"""Recognising a story file's format, by its name first and by its first bytes otherwise."""

from __future__ import annotations

import json
import pathlib
import re

from .errors import FormatError

FORMATS = ("wire", "markdown", "json", "jsonl")

EXTENSION_FORMATS = {
    ".txt": "wire",
    ".wire": "wire",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

_FRONT_MATTER_START = re.compile(r"(?:[ \t]*\n)*---[ \t]*\n")
# Optional "key: value" header lines, then the date line that opens every wire story.
_WIRE_START = re.compile(
    r"\s*(?:[A-Za-z][\w-]*[ \t]*:[^\n]*\n\s*)*date[ \t]+\d{4}-\d{2}-\d{2}", re.IGNORECASE
)
_NOT_SPACE = re.compile(r"\S")

_HOW_TO_NAME_A_FORMAT = (
    "cannot tell which story format this is; give the file the extension of its format "
    "or start it the way the format starts: "
    "wire (.txt, .wire) with a line 'date YYYY-MM-DD' and the first paragraph; "
    "markdown (.md, .markdown) with '---' front matter; "
    "json (.json) with an object or a list of objects; "
    "jsonl (.jsonl, .ndjson) with one object per line"
)


def format_from_extension(name: str) -> str | None:
    """The format a file name's extension stands for, or None (case does not matter)."""
    return EXTENSION_FORMATS.get(pathlib.PurePath(name).suffix.lower())


def detect_format(origin: str, text: str) -> str:
    """Return ``"wire"``, ``"markdown"``, ``"json"`` or ``"jsonl"`` for a story file.

    The extension of ``origin`` decides when it is a known one. Otherwise the text is
    sniffed: ``{`` or ``[`` opens JSON (JSON Lines when the first line is a whole object and
    another object follows on the next lines), a ``---`` line opens Markdown front matter,
    and a ``date YYYY-MM-DD`` line, perhaps after header lines, opens a wire story.
    Raises :class:`FormatError` listing the formats when none of them fits.
    """
    by_extension = format_from_extension(origin)
    if by_extension:
        return by_extension
    text = text.removeprefix("\ufeff")
    start = text.lstrip()[:1]
    if start == "[":
        return "json"
    if start == "{":
        return "jsonl" if looks_like_json_lines(text) else "json"
    if _FRONT_MATTER_START.match(text):
        return "markdown"
    if _WIRE_START.match(text):
        return "wire"
    raise FormatError(_HOW_TO_NAME_A_FORMAT, origin=origin)


def looks_like_json_lines(text: str) -> bool:
    """True when the first line is a whole JSON object and more text follows it.

    Only the beginning of the text is needed, so a stream can be recognised from its first
    chunk. A pretty-printed JSON object fails the test at once: its first line is ``{``.
    """
    start = _NOT_SPACE.search(text)
    if start is None or text[start.start()] != "{":
        return False
    end_of_line = text.find("\n", start.start())
    if end_of_line == -1:
        return False
    following = _NOT_SPACE.search(text, end_of_line)
    if following is None or following.group() != "{":
        return False
    try:
        return isinstance(json.loads(text[start.start() : end_of_line]), dict)
    except ValueError:
        return False

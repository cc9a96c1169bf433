"""Stories as JSON objects: a ``.json`` file of one object or a list of them, or a JSON Lines
file (``.jsonl``, ``.ndjson``) of one object per line.

An object holds the keys of :mod:`articles.formats.metadata` and its body, either as
``body`` (one string, paragraphs separated by blank lines) or as ``paragraphs`` (a list of
strings)::

    {"title": "Faith leaders call for action", "date": "2023-07-25",
     "byline": "Jane Doe", "url": "https://example.org/story/1",
     "paragraphs": ["Following Hartford's 21st homicide ...", "\\u201cWhat we need ..."]}

Both readers here yield a :class:`FormatError` in place of a story that cannot be read and
carry on with the next, because one bad object in a feed of thousands must not cost the
others. A ``.json`` file that is not valid JSON as a whole is one error: nothing in it can be
trusted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .article import ParsedArticle
from .errors import FormatError
from .metadata import STORY_KEYS, check_keys, describe, normalise_keys, read_fields
from .paragraphs import plain_paragraphs

BODY_KEYS = frozenset({"body", "paragraphs"})
OBJECT_KEYS = frozenset(STORY_KEYS) | BODY_KEYS

_JSON_WHITESPACE = re.compile(r"[ \t\n\r]*")


def iter_json_stories(text: str, origin: str) -> Iterator[ParsedArticle | FormatError]:
    """Yield the story of a JSON object, or of each object in a JSON list.

    A story from a list is placed by the line its object starts on, both in its errors
    (``stories.json, line 14: …``) and in its ``origin`` (``stories.json:14``).
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        yield FormatError(_decoder_message(err), origin=origin, line=err.lineno)
        return

    if isinstance(document, dict):
        yield _story_or_error(document, origin=origin, line=None)
    elif isinstance(document, list):
        if not document:
            yield FormatError("the list holds no stories", origin=origin)
        for line, item in _list_items_with_lines(text):
            yield _story_or_error(item, origin=origin, line=line)
    else:
        yield FormatError(
            f"expected an object or a list of objects, not {describe(document)}", origin=origin
        )


def iter_json_lines(lines: Iterable[str], origin: str) -> Iterator[ParsedArticle | FormatError]:
    """Yield the story on each non-blank line, or an error naming the line.

    ``lines`` may be a lazy iterator over a file of any size: it is consumed one line at a
    time. A story's ``origin`` is ``"file.jsonl:<line>"``.
    """
    found_any = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        found_any = True
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield FormatError(_decoder_message(err), origin=origin, line=number)
            continue
        yield _story_or_error(item, origin=origin, line=number)
    if not found_any:
        yield FormatError("file is empty", origin=origin)


def _story_or_error(item: object, *, origin: str, line: int | None) -> ParsedArticle | FormatError:
    try:
        return _story_from_object(item, origin=origin, line=line)
    except FormatError as err:
        return err


def _story_from_object(item: object, *, origin: str, line: int | None) -> ParsedArticle:
    if not isinstance(item, dict):
        raise FormatError(
            f"expected a story object, not {describe(item)}", origin=origin, line=line
        )
    fields = normalise_keys(item, origin=origin, line=line)
    check_keys(fields, OBJECT_KEYS, origin=origin, line=line)
    paragraphs = _paragraphs(
        fields.pop("body", None), fields.pop("paragraphs", None), origin=origin, line=line
    )
    return ParsedArticle(
        paragraphs=paragraphs,
        origin=origin if line is None else f"{origin}:{line}",
        **read_fields(fields, origin=origin, line=line),
    )


def _paragraphs(body: Any, paragraphs: Any, *, origin: str, line: int | None) -> list[str]:
    def error(message: str) -> FormatError:
        return FormatError(message, origin=origin, line=line)

    if body is not None and paragraphs is not None:
        raise error("give either 'body' or 'paragraphs', not both")
    if body is not None:
        if not isinstance(body, str):
            raise error(
                "body must be a string with paragraphs separated by blank lines, "
                f"not {describe(body)}"
            )
        found = plain_paragraphs(body)
    elif paragraphs is not None:
        if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
            raise error("paragraphs must be a list of strings")
        # Each string is one paragraph even if it holds line breaks.
        found = [
            " ".join(part.strip() for part in p.split("\n") if part.strip()) for p in paragraphs
        ]
    else:
        raise error(
            "the story has no body: give 'body' (paragraphs separated by blank lines) "
            "or 'paragraphs' (a list of strings)"
        )
    found = [paragraph for paragraph in found if paragraph]
    if not found:
        raise error("the story has no body: its text is empty")
    return found


def _list_items_with_lines(text: str) -> Iterator[tuple[int, Any]]:
    """Walk a JSON list that is known to be valid, yielding each item with its first line."""
    decoder = json.JSONDecoder()
    position = _JSON_WHITESPACE.match(text).end() + 1  # just past the "["
    line, counted_to = 1, 0
    while True:
        position = _JSON_WHITESPACE.match(text, position).end()
        if text[position] == "]":
            return
        line += text.count("\n", counted_to, position)
        counted_to = position
        item, position = decoder.raw_decode(text, position)
        yield line, item
        position = _JSON_WHITESPACE.match(text, position).end()
        if text[position] == ",":
            position += 1


def _decoder_message(err: json.JSONDecodeError) -> str:
    return f"invalid JSON: {err.msg} (column {err.colno})"

"""The newsroom's plain-text wire format.

A wire story is the simplest thing a reporter can type::

    title: Faith leaders call for action after 21st homicide
    byline: Jane Doe and John Roe

    date 2023-07-25 Following Hartford's 21st homicide of the year, some faith-based ...

    "What we need in our community is action," said Kelvin Lovejoy, ...

Optional ``key: value`` header lines come first (the keys of
:mod:`articles.formats.metadata`, except the date). Then a line starting ``date`` and a
``YYYY-MM-DD`` date (or an ISO 8601 date and time, ``2023-07-25T14:30``) carries, after a
space, the first paragraph. The paragraphs that follow are separated by one or more blank
lines; the lines inside a paragraph are joined with a space. White space before the story
and a missing newline at its end do not matter.
"""

from __future__ import annotations

import re

from .article import ParsedArticle
from .errors import FormatError
from .metadata import STORY_KEYS, check_keys, normalise_keys, parse_date, read_fields
from .paragraphs import plain_paragraphs

HEADER_KEYS = frozenset(STORY_KEYS) - {"date"}

_HEADER = re.compile(r"(?P<key>[A-Za-z][\w-]*)[ \t]*:[ \t]*(?P<value>.*)")
_DATE_LINE = re.compile(r"date(?:[ \t]+(?P<date>\S+))?(?:[ \t]+(?P<first>.*))?", re.IGNORECASE)
_PREVIEW_CHARS = 40


def parse_wire(text: str, origin: str) -> ParsedArticle:
    """Read one wire story from ``text`` (already decoded, ``\\n`` line endings).

    Raises :class:`FormatError` naming the line when the date line is missing or wrong, a
    header is unknown or malformed, or nothing follows the date.
    """
    lines = text.split("\n")
    headers: dict[str, str] = {}
    header_lines: dict[str, int] = {}
    for number, line in enumerate((line.strip() for line in lines), start=1):
        if not line:
            continue
        date_line = _DATE_LINE.fullmatch(line)
        if date_line:
            break
        header = _HEADER.fullmatch(line)
        if header is None:
            raise FormatError(
                f"expected a first line 'date YYYY-MM-DD …', found {_preview(line)!r}",
                origin=origin,
                line=number,
            )
        key = header["key"].lower()
        if key == "date":
            raise FormatError(
                "the date goes on its own line as 'date YYYY-MM-DD' followed by the first "
                "paragraph, not in a 'date:' header",
                origin=origin,
                line=number,
            )
        check_keys([key], HEADER_KEYS, origin=origin, line=number, kind="header")
        if key in headers:
            raise FormatError(f"the header {key!r} is given twice", origin=origin, line=number)
        headers[key] = header["value"]
        header_lines[key] = number
    else:
        raise FormatError(
            "expected a line 'date YYYY-MM-DD …' after the header lines",
            origin=origin,
            line=len(lines),
        )

    if date_line["date"] is None:
        raise FormatError("expected a date after 'date', as YYYY-MM-DD", origin=origin, line=number)
    try:
        date = parse_date(date_line["date"])
    except ValueError as err:
        raise FormatError(str(err), origin=origin, line=number) from None

    first_paragraph = date_line["first"] or ""
    paragraphs = plain_paragraphs("\n".join([first_paragraph, *lines[number:]]))
    if not paragraphs:
        raise FormatError(
            "the story has no body: nothing follows the date", origin=origin, line=number
        )

    fields = read_fields(
        normalise_keys(headers, origin=origin), origin=origin, key_lines=header_lines
    )
    return ParsedArticle(paragraphs=paragraphs, date=date, origin=origin, **fields)


def _preview(line: str) -> str:
    if len(line) <= _PREVIEW_CHARS:
        return line
    return line[:_PREVIEW_CHARS].rstrip() + "…"

"""The keys a story file may give about its story, and how their values are checked.

All formats share one vocabulary, so a story moves from wire to Markdown to JSON without
renaming anything:

============  ==================================================================
key           value
============  ==================================================================
title         the headline (``headline`` is accepted as another name for it)
dek           the line under the headline
date          ``YYYY-MM-DD``, or an ISO 8601 date and time (``2023-07-25T14:30``)
byline        one name, ``"A and B"``, ``"A, B and C"``, or a list of names
section       the section's name
tags          a comma-separated string or a list
source        the outlet a partner story comes from
url           the story's address at its source (``http://`` or ``https://``)
id            the story's identifier at its source (``external_id`` is accepted too)
dateline      ``HARTFORD, Conn.``
============  ==================================================================

Keys are matched without regard to case. Any other key is refused rather than ignored, so
that a misspelt ``tittle`` stops the import instead of quietly losing the headline.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Collection, Mapping
from typing import Any

from .errors import FormatError

# Each key a file may use, and the ParsedArticle field it fills.
STORY_KEYS: dict[str, str] = {
    "title": "headline",
    "headline": "headline",
    "dek": "dek",
    "date": "date",
    "byline": "bylines",
    "section": "section",
    "tags": "tags",
    "source": "source",
    "url": "url",
    "id": "external_id",
    "external_id": "external_id",
    "dateline": "dateline",
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?"
)
_BYLINE_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_LEADING_BY = re.compile(r"^by\s+", re.IGNORECASE)
_ABSOLUTE_URL = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)


def normalise_keys(
    fields: Mapping[Any, Any], *, origin: str, line: int | None = None
) -> dict[str, Any]:
    """Return ``fields`` with lower-case string keys, refusing a key given twice."""
    normalised: dict[str, Any] = {}
    for key, value in fields.items():
        name = str(key).strip().lower()
        if name in normalised:
            raise FormatError(f"the key {name!r} is given twice", origin=origin, line=line)
        normalised[name] = value
    return normalised


def check_keys(
    keys: Collection[str],
    allowed: Collection[str],
    *,
    origin: str,
    line: int | None = None,
    kind: str = "key",
) -> None:
    """Refuse keys outside ``allowed``, suggesting the nearest allowed spelling.

    ``kind`` names the thing in the message ("key", or "header" for wire copy).
    """
    unknown = [key for key in keys if key not in allowed]
    if not unknown:
        return
    described = []
    for key in unknown:
        nearest = difflib.get_close_matches(key, allowed, n=1)
        described.append(f"{key!r} (did you mean {nearest[0]!r}?)" if nearest else repr(key))
    plural = "s" if len(unknown) > 1 else ""
    raise FormatError(
        f"unknown {kind}{plural} {', '.join(described)}; "
        f"allowed {kind}s: {', '.join(sorted(allowed))}",
        origin=origin,
        line=line,
    )


def read_fields(
    fields: Mapping[str, Any],
    *,
    origin: str,
    line: int | None = None,
    key_lines: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Check the values of known story keys and return them as ParsedArticle arguments.

    ``fields`` must already have passed :func:`normalise_keys` and :func:`check_keys`. An
    empty or null value counts as not given. A problem is reported on the line of its key
    when ``key_lines`` knows it, otherwise on ``line``.
    """
    arguments: dict[str, Any] = {}
    given_as: dict[str, str] = {}
    for key, value in fields.items():
        field = STORY_KEYS[key]
        where = (key_lines or {}).get(key, line)
        if field in given_as:
            raise FormatError(
                f"{given_as[field]!r} and {key!r} both give the {field.replace('_', ' ')}; "
                "keep one",
                origin=origin,
                line=where,
            )
        given_as[field] = key
        try:
            arguments[field] = _READERS[field](key, value)
        except ValueError as err:
            raise FormatError(str(err), origin=origin, line=where) from None
    return arguments


def parse_date(text: str) -> datetime.date | datetime.datetime:
    """Read ``YYYY-MM-DD`` as a date, or an ISO 8601 date and time as a datetime.

    Nothing looser is accepted ("July 25", "25/07/2023"): a wrong date on a story is worse
    than a refused file. Raises ValueError with a message for editors.
    """
    if _DATE.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text} is not a valid date") from None
    if _DATETIME.fullmatch(text):
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text} is not a valid date and time") from None
    raise ValueError(
        f"{text!r} is not a date; write it as YYYY-MM-DD "
        "or as an ISO 8601 date and time such as 2023-07-25T14:30"
    )


def split_bylines(text: str) -> list[str]:
    """Split ``"By A, B and C"`` into ``["A", "B", "C"]``."""
    text = _LEADING_BY.sub("", text.strip(), count=1)
    return [name.strip() for name in _BYLINE_SEPARATOR.split(text) if name.strip()]


def describe(value: object) -> str:
    """Name a value's type the way someone writing JSON or YAML would."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, datetime.date):
        return "a date"
    return f"a {type(value).__name__}"


def _text(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        # YAML reads `title: Yes` or `section: 2024` as a boolean or a number
        raise ValueError(f"{key} must be a string, not {describe(value)}; put it in quotes")
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string, not {describe(value)}")
    return value.strip()


def _date(key: str, value: object) -> datetime.date | datetime.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string such as 2023-07-25, not {describe(value)}")
    return parse_date(value.strip())


def _bylines(key: str, value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_bylines(value)
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return [name.strip() for name in value if name.strip()]
    raise ValueError(f"{key} must be a name, 'A and B', 'A, B and C' or a list of names")


def _tags(key: str, value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    elif not (isinstance(value, list) and all(isinstance(tag, str) for tag in value)):
        raise ValueError(f"{key} must be a list or a comma-separated string")
    # dict.fromkeys drops repeats and keeps the order the writer chose
    return list(dict.fromkeys(tag.strip() for tag in value if tag.strip()))


def _url(key: str, value: object) -> str:
    url = _text(key, value)
    if url and not _ABSOLUTE_URL.fullmatch(url):
        raise ValueError(f"{key} must be an absolute http:// or https:// address, not {url!r}")
    return url


def _identifier(key: str, value: object) -> str:
    # JSON feeds often number their stories, so a whole number is as good as a string here.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(key, value)


_READERS = {
    "headline": _text,
    "dek": _text,
    "date": _date,
    "bylines": _bylines,
    "section": _text,
    "tags": _tags,
    "source": _text,
    "url": _url,
    "external_id": _identifier,
    "dateline": _text,
}

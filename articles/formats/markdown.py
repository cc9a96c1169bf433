"""Markdown stories with YAML front matter, as static-site generators write them::

    ---
    title: Faith leaders call for action after 21st homicide
    dek: Some blame the police; others, the community.
    date: 2023-07-25
    byline: [Jane Doe, John Roe]
    tags: crime, faith
    ---
    Following Hartford's 21st homicide of the year, ...

The front matter is a YAML mapping of the keys in :mod:`articles.formats.metadata`. The body
stays Markdown: it is cut into blocks at blank lines, and each block keeps its syntax.
"""

from __future__ import annotations

import re

import yaml

from .article import ParsedArticle
from .errors import FormatError
from .metadata import STORY_KEYS, check_keys, describe, normalise_keys, read_fields
from .paragraphs import markdown_blocks

_DELIMITER = re.compile(r"---[ \t]*")
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that dates stay strings.

    PyYAML would turn ``2023-02-30`` into a Python error of its own and accept forms such as
    ``2023-7-5``; left as strings, dates go through the same strict check as in every other
    format.
    """


_FrontMatterLoader.yaml_implicit_resolvers = {
    first_character: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP_TAG]
    for first_character, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_markdown(text: str, origin: str) -> ParsedArticle:
    """Read one Markdown story with front matter from ``text`` (``\\n`` line endings).

    Raises :class:`FormatError` when the front matter is not opened or not closed by a
    ``---`` line, is not valid YAML (naming its line), is not a mapping, holds unknown keys
    or bad values, or when no body follows it.
    """
    lines = text.split("\n")
    opening = next((index for index, line in enumerate(lines) if line.strip()), 0)
    if not _DELIMITER.fullmatch(lines[opening]):
        raise FormatError(
            "expected front matter opened by a '---' line at the top",
            origin=origin,
            line=opening + 1,
        )
    closing = next(
        (index for index in range(opening + 1, len(lines)) if _DELIMITER.fullmatch(lines[index])),
        None,
    )
    if closing is None:
        raise FormatError(
            f"the front matter opened on line {opening + 1} is never closed by a '---' line",
            origin=origin,
            line=opening + 1,
        )

    # Line numbers count from the top of the file, not from the top of the YAML.
    mapping, key_lines = _load_front_matter(
        "\n".join(lines[opening + 1 : closing]), origin, first_line=opening + 2
    )
    fields = normalise_keys(mapping, origin=origin)
    unknown_lines = [key_lines.get(key, opening + 2) for key in fields if key not in STORY_KEYS]
    check_keys(fields, STORY_KEYS, origin=origin, line=min(unknown_lines, default=None))
    arguments = read_fields(fields, origin=origin, key_lines=key_lines)

    paragraphs = markdown_blocks("\n".join(lines[closing + 1 :]))
    if not paragraphs:
        raise FormatError(
            "the story has no body after its front matter", origin=origin, line=closing + 1
        )
    return ParsedArticle(paragraphs=paragraphs, origin=origin, body_format="markdown", **arguments)


def _load_front_matter(source: str, origin: str, *, first_line: int) -> tuple[dict, dict[str, int]]:
    """Parse the YAML between the delimiters; return the mapping and the line of each key."""
    loader = _FrontMatterLoader(source)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise FormatError(
            f"the front matter is not valid YAML: {err.problem or err.context}",
            origin=origin,
            line=mark.line + first_line if mark else None,
        ) from None
    except (yaml.YAMLError, ValueError) as err:
        raise FormatError(
            f"the front matter is not valid YAML: {err}", origin=origin, line=first_line
        ) from None
    finally:
        loader.dispose()

    if data is None:  # "---" directly followed by "---": no keys at all
        return {}, {}
    if not isinstance(data, dict):
        raise FormatError(
            f"the front matter must be a mapping of 'key: value' lines, not {describe(data)}",
            origin=origin,
            line=first_line,
        )
    key_lines = {
        str(key_node.value).strip().lower(): key_node.start_mark.line + first_line
        for key_node, _value_node in node.value
    }
    return data, key_lines

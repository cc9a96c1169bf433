"""The plain-data shape every story format is turned into."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class ParsedArticle:
    """One story as read from a file, before anything touches the database.

    Every format fills the same fields, so the importer never needs to know where a story
    came from. Strings are already stripped; a field the file does not give stays empty.
    ``url`` and ``external_id`` are the story's identity at its source: the importer uses
    them to recognise a story it has seen before.

    ``paragraphs`` are plain text for wire and JSON copy (``body_format == "text"``) and
    Markdown blocks for Markdown files (``body_format == "markdown"``): a heading or a list
    is a block of its own, its syntax kept.
    """

    paragraphs: list[str]
    headline: str = ""
    dek: str = ""
    # A date when the file gives only a day; a datetime when it also gives a time.
    date: datetime.date | datetime.datetime | None = None
    bylines: list[str] = field(default_factory=list)
    section: str = ""
    tags: list[str] = field(default_factory=list)
    source: str = ""
    url: str = ""
    external_id: str = ""
    dateline: str = ""
    # Where the story was read from, for messages: "a.txt", "feed.jsonl:12", "<stdin>".
    origin: str = ""
    body_format: str = "text"

    @property
    def body(self) -> str:
        """The paragraphs as one text, separated by blank lines."""
        return "\n\n".join(self.paragraphs)

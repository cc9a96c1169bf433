"""Reading stories from text, files, folders and standard input.

Every reader here yields :data:`ParseResult` items, an article or an error, and never raises
:class:`FormatError`: a problem with one story takes that story's place in the sequence and
the next story follows. A problem with the whole file (binary, empty, not a known format,
not valid JSON, a Markdown file without a closing ``---``) is the one item of that file.
The importer therefore has a single loop and a single place to report::

    for story in parse_file(path):
        if isinstance(story, FormatError):
            report(story)  # "feed.jsonl, line 2: invalid JSON: ..."
            continue
        save(story)
"""

from __future__ import annotations

import os
import pathlib
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .article import ParsedArticle
from .decoding import CHUNK_SIZE, decode_prefix, iter_lines, read_text
from .detection import FORMATS, detect_format, format_from_extension, looks_like_json_lines
from .errors import FormatError
from .json_stories import iter_json_lines, iter_json_stories
from .markdown import parse_markdown
from .wire import parse_wire

ParseResult = ParsedArticle | FormatError

# How a command line names standard input among its paths.
STDIN = "-"


def parse_text(text: str, origin: str, format: str | None = None) -> Iterator[ParseResult]:
    """Yield the stories in ``text``, each a ParsedArticle or, if unreadable, a FormatError.

    ``format`` is one of :data:`FORMATS`; without it, the format is recognised from
    ``origin``'s extension or from the text itself (see :func:`detect_format`). A wire or
    Markdown text yields one item, a JSON list or a JSON Lines text one per story.
    An unknown ``format`` is a programming error and raises ValueError at once.
    """
    _require_known(format)
    return _each_error_in_place(_text_stories(text, origin, format))


def parse_stream(
    stream: BinaryIO, origin: str = "<stdin>", format: str | None = None
) -> Iterator[ParseResult]:
    """Yield the stories read from a binary stream such as ``sys.stdin.buffer``.

    JSON Lines are read one line at a time, so a feed of any size passes in flat memory;
    other formats are read whole. The format comes from ``format``, else from ``origin``'s
    extension, else from the first bytes of the stream.
    """
    _require_known(format)
    return _each_error_in_place(_stream_stories(stream, origin, format))


def parse_file(path: str | os.PathLike[str]) -> Iterator[ParseResult]:
    """Yield the stories in the file at ``path``; messages name it as it was given.

    A file that cannot be opened or read yields one FormatError ("cannot be read: No such
    file or directory"). The file stays open until the last story has been taken.
    """
    return _each_error_in_place(_file_stories(os.fspath(path)))


def iter_paths(paths: Iterable[str]) -> Iterator[pathlib.Path | str]:
    """Expand command-line paths into the story files to read, in a stable order.

    A folder stands for the story files inside it and its subfolders, in name order: files
    whose extension names a format (``.txt .wire .md .markdown .json .jsonl .ndjson``),
    leaving out hidden files and folders. Links to folders are not followed, so a link loop
    cannot trap the walk. A file named directly is yielded whatever its extension (its
    format is then sniffed), and so is a path that does not exist: :func:`parse_file`
    reports it. :data:`STDIN` (``"-"``) is passed through for :func:`parse_stream`.
    An unreadable folder raises OSError.
    """
    for given in paths:
        if given == STDIN:
            yield STDIN
        elif os.path.isdir(given):
            yield from _story_files_in(pathlib.Path(given))
        else:
            yield pathlib.Path(given)


def iter_stories(paths: Iterable[str]) -> Iterator[tuple[pathlib.Path | str, ParseResult]]:
    """Every story in ``paths`` (files, folders, :data:`STDIN`), each with the path it came
    from, in command-line order: what the import and measurement commands walk through."""
    for path in iter_paths(paths):
        stories = parse_stream(sys.stdin.buffer) if path == STDIN else parse_file(path)
        for story in stories:
            yield path, story


def _require_known(format: str | None) -> None:
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown story format {format!r}; expected one of {FORMATS}")


def _each_error_in_place(stories: Iterator[ParseResult]) -> Iterator[ParseResult]:
    """Pass stories through; an error that ends the sequence early becomes its last item."""
    try:
        yield from stories
    except FormatError as err:
        yield err


def _text_stories(text: str, origin: str, format: str | None) -> Iterator[ParseResult]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FormatError("file is empty", origin=origin)
    format = format or detect_format(origin, text)
    if format == "json":
        yield from iter_json_stories(text, origin)
    elif format == "jsonl":
        yield from iter_json_lines(text.split("\n"), origin)
    elif format == "markdown":
        yield parse_markdown(text, origin)
    else:
        yield parse_wire(text, origin)


def _stream_stories(stream: BinaryIO, origin: str, format: str | None) -> Iterator[ParseResult]:
    head = stream.read(CHUNK_SIZE)
    format = format or format_from_extension(origin)
    if format is None and looks_like_json_lines(decode_prefix(head)):
        format = "jsonl"
    if format == "jsonl":
        yield from iter_json_lines(iter_lines(head, stream, origin), origin)
    else:
        yield from _text_stories(read_text(head + stream.read(), origin), origin, format)


def _file_stories(origin: str) -> Iterator[ParseResult]:
    try:
        with open(origin, "rb") as stream:
            yield from _stream_stories(stream, origin, None)
    except OSError as err:
        raise FormatError(f"cannot be read: {err.strerror or err}", origin=origin) from err


def _story_files_in(folder: pathlib.Path) -> Iterator[pathlib.Path]:
    with os.scandir(folder) as entries:
        visible = sorted(
            (entry for entry in entries if not entry.name.startswith(".")),
            key=lambda entry: entry.name,
        )
    for entry in visible:
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _story_files_in(path)
        elif entry.is_file() and format_from_extension(entry.name):
            yield path

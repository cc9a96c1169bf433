"""Story files turned into plain data, for the ``import_articles`` command and its tests.

Four formats are read (see their modules for examples):

* **wire** (``.txt``, ``.wire``) — the newsroom's plain text: a ``date YYYY-MM-DD`` line
  that carries the first paragraph, then paragraphs separated by blank lines;
* **markdown** (``.md``, ``.markdown``) — YAML front matter between ``---`` lines, then a
  Markdown body;
* **json** (``.json``) — one story object or a list of them;
* **jsonl** (``.jsonl``, ``.ndjson``) — one story object per line, read as a stream.

Reading a story is: bytes → :func:`read_text` (encoding, line endings, binary and empty
files refused) → :func:`detect_format` → :func:`parse_text` → :class:`ParsedArticle`.
:func:`parse_file` and :func:`parse_stream` do all of it, and :func:`iter_paths` expands
folders on a command line.

The readers yield each story as a :class:`ParsedArticle`, or as a :class:`FormatError` in
its place when it cannot be read, and go on with the next; they never raise FormatError.
One bad story costs one message, never the rest of the file::

    for path in iter_paths(paths):
        stories = parse_stream(sys.stdin.buffer) if path == STDIN else parse_file(path)
        for story in stories:
            if isinstance(story, FormatError):
                report(str(story))  # "feed.jsonl, line 2: invalid JSON: ..."
            else:
                save(story)

Nothing here imports Django: the package takes bytes and text and returns plain data.
"""

from .article import ParsedArticle
from .decoding import read_text
from .detection import EXTENSION_FORMATS, FORMATS, detect_format
from .errors import FormatError
from .reading import (
    STDIN,
    ParseResult,
    iter_paths,
    iter_stories,
    parse_file,
    parse_stream,
    parse_text,
)

__all__ = [
    "EXTENSION_FORMATS",
    "FORMATS",
    "STDIN",
    "FormatError",
    "ParseResult",
    "ParsedArticle",
    "detect_format",
    "iter_paths",
    "iter_stories",
    "parse_file",
    "parse_stream",
    "parse_text",
    "read_text",
]

"""From the bytes of a story file to text with ``\\n`` line endings.

Story files come from many desks and machines, so the encoding is recognised rather than
assumed:

1. a byte-order mark decides: UTF-8 with a BOM, UTF-16 little- or big-endian;
2. without one, the bytes are read as UTF-8 when they are valid UTF-8;
3. otherwise as Windows-1252, the usual encoding of copy saved by older Windows editors
   (its bytes 0x93 and 0x94 are the curly quotes “ and ”).

A file that decodes to NUL or to many control characters is a picture, a PDF or a word
processor file given by mistake, and is refused before any parser sees it.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import AnyStr, BinaryIO

from .errors import FormatError

CHUNK_SIZE = 64 * 1024

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# C0 controls that plain text has no use for (tab, line feed, vertical tab, form feed,
# carriage return and the DOS end-of-file mark Ctrl-Z are left out), DEL, and the
# replacement character that undecodable bytes become.
_STRAY_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f\ufffd]")
_BINARY_SAMPLE_CHARS = 64 * 1024


def read_text(data: bytes, origin: str) -> str:
    """Decode a whole story file and normalise its line endings to ``\\n``.

    The byte-order mark, if any, is dropped. Raises :class:`FormatError` when the bytes look
    like a binary file or hold nothing but white space.
    """
    text = _decode(data, origin)
    reject_binary(text, origin)
    if not text.strip():
        raise FormatError("file is empty", origin=origin)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_prefix(head: bytes) -> str:
    """Decode the first bytes of a stream, well enough to recognise what it holds.

    Unlike :func:`read_text` this never fails: a character cut in two at the end of
    ``head`` is left out, and undecodable bytes become U+FFFD.
    """
    for mark, encoding, _name in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            return decoder.decode(head, final=False)
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace")


def reject_binary(text: str, origin: str) -> None:
    """Raise :class:`FormatError` if decoded text is really the content of a binary file.

    One NUL is enough; other stray control characters are tolerated in small numbers, as
    copy pasted from old systems sometimes carries one or two.
    """
    sample = text[:_BINARY_SAMPLE_CHARS]
    if "\x00" in sample or len(_STRAY_CONTROL.findall(sample)) > 1 + len(sample) // 50:
        raise FormatError("looks like a binary file, not a story", origin=origin)


def iter_lines(head: bytes, stream: BinaryIO, origin: str) -> Iterator[str]:
    """Yield the lines of a byte stream one at a time, decoded and without line endings.

    ``head`` is what has already been read from the start of ``stream`` (at least four bytes
    unless the stream is shorter), so that a caller who looked at it to recognise the format
    loses nothing. Only one line is held in memory at a time, which is what lets a JSON
    Lines file of any size be imported.

    Without a byte-order mark each line is decoded on its own, UTF-8 or else Windows-1252,
    so a single badly encoded line spoils only itself. A line ends at ``\\n``, ``\\r\\n`` or
    a lone ``\\r``.
    """
    reject_binary(decode_prefix(head), origin)
    chunks = itertools.chain([head], iter(lambda: stream.read(CHUNK_SIZE), b""))
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        lines = _split_lines(_decode_utf16(chunks, origin), "\n")
    else:
        lines = (
            _decode_line(raw.removeprefix(codecs.BOM_UTF8) if number == 0 else raw)
            for number, raw in enumerate(_split_lines(chunks, b"\n"))
        )
    for line in lines:
        yield from line.removesuffix("\r").split("\r")


def _decode(data: bytes, origin: str) -> str:
    for mark, encoding, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise FormatError(
                    f"starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {err.start})",
                    origin=origin,
                ) from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _decode_utf16(chunks: Iterable[bytes], origin: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-16")()
    try:
        for chunk in chunks:
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as err:
        raise FormatError(
            "starts with a UTF-16 byte-order mark but is not valid UTF-16", origin=origin
        ) from err


def _split_lines(chunks: Iterable[AnyStr], newline: AnyStr) -> Iterator[AnyStr]:
    """Re-cut a sequence of chunks into lines, each without its ``newline``.

    A final line without a newline is yielded too; a newline at the very end does not
    produce an extra empty line.
    """
    pending: list[AnyStr] = []
    for chunk in chunks:
        pieces = chunk.split(newline)
        if len(pieces) == 1:
            pending.append(chunk)
            continue
        pending.append(pieces[0])
        yield newline[:0].join(pending)
        yield from pieces[1:-1]
        pending = [pieces[-1]]
    last = newline[:0].join(pending)
    if last:
        yield last

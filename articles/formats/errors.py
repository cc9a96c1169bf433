"""The one exception the format parsers raise (or hand back) when a story cannot be read."""

from __future__ import annotations


class FormatError(ValueError):
    """A story file that cannot be turned into an article, with where and why.

    ``origin`` names the file as the user typed it (``"wire/today.txt"``, ``"<stdin>"``),
    ``line`` is the 1-based line the problem was found on when it is known, and ``message``
    says what is wrong in words an editor understands. ``str()`` puts them together the way
    the import command prints them::

        >>> str(FormatError("2023-02-30 is not a valid date", origin="a.txt", line=3))
        'a.txt, line 3: 2023-02-30 is not a valid date'
    """

    def __init__(self, message: str, *, origin: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.origin = origin
        self.line = line

    def __str__(self) -> str:
        where = self.origin or "<unknown>"
        if self.line is not None:
            where = f"{where}, line {self.line}"
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"FormatError({self.message!r}, origin={self.origin!r}, line={self.line!r})"

"""Cutting a story's body into paragraphs, the unit quotes are found and anchored in."""

from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
# A fenced code block opens with three or more backticks or tildes, indented at most three
# spaces (CommonMark); it closes with a run of the same character at least as long.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def plain_paragraphs(text: str) -> list[str]:
    """Split plain text on blank lines; the lines of a paragraph are joined with a space.

    Used for wire and JSON copy, where a line break inside a paragraph is only the width of
    someone's editor. Characters are otherwise left exactly as they are.
    """
    paragraphs = []
    for block in _BLANK_LINES.split(text):
        paragraph = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


def markdown_blocks(text: str) -> list[str]:
    """Split Markdown on blank lines into blocks, keeping their syntax and line breaks.

    A heading, a list or a block quote is a block like any paragraph. Blank lines inside a
    fenced code block do not split it, so the body joined back together renders as before.
    """
    blocks: list[str] = []
    lines: list[str] = []
    fence = ""
    for line in text.split("\n"):
        if not fence and not line.strip():
            if lines:
                blocks.append("\n".join(lines))
                lines = []
            continue
        lines.append(line.rstrip())
        marker = _FENCE.match(line)
        if not fence:
            fence = marker.group(1) if marker else ""
        elif marker and marker.group(1).startswith(fence) and not line.strip(fence[0] + " \t"):
            fence = ""
    if lines:
        blocks.append("\n".join(lines).rstrip())
    return blocks

"""User text on its way out: nothing a team, a note or a bundle carries reaches a terminal or a
Markdown file as a control sequence or markup (SPEC §12: shown as typed, never interpreted)."""

from __future__ import annotations

import io
import re
import sys
from typing import TextIO

# C0 and C1 control characters (ESC, BEL, NUL, CSI, ...), DEL, the bidirectional overrides
# that reorder what is shown, and lone surrogates (not text; they crash an encoder).
_OTHERS = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNPRINTABLE = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")
_UNPRINTABLE_KEEP_CR = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHERS}]")
_MARKUP = str.maketrans({"<": "&lt;", ">": "&gt;"})


def control_characters(text: str, *, newlines: bool = False) -> list[int]:
    """Positions (0-based) of the characters a text may not hold; tab and newline only
    where ``newlines`` (a note)."""
    found = [m.start() for m in _UNPRINTABLE.finditer(text)]
    if not newlines:
        found.extend(i for i, ch in enumerate(text) if ch in "\t\n")
        found.sort()
    return found


def printable(text: str, *, keep_cr: bool = False) -> str:
    """``text`` without control characters; newline and tab stay (and CR with ``keep_cr``,
    for CSV). Use on anything the CLI prints that holds user or file text."""
    return (_UNPRINTABLE_KEEP_CR if keep_cr else _UNPRINTABLE).sub("", text)


def markdown_text(text: str) -> str:
    """User text for a Markdown document: printable, and no HTML a renderer would run
    (``<script>``, ``<img onerror=…>``): the angle brackets become entities."""
    return printable(text).translate(_MARKUP)


def safe_streams() -> None:
    """Let stdout and stderr write any text on a console that cannot encode it (latin-1,
    a redirected Windows console): a character it lacks becomes "?" instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def echo(text: str, file: TextIO | None = None) -> None:
    """Print user text (printable) on a line of its own."""
    print(printable(text), file=file or sys.stdout)

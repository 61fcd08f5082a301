"""Card text for the screen: hard-wrapped lines from the deck file flowed into paragraphs."""

from __future__ import annotations

import re
from html.entities import html5

from sessions.summary import md_inline
from sessions.text import markdown_text

LIST_MARKS = ("- ", "• ")
"""A line starting with one of these (after its indentation) is a list item."""


def reflow(text: str) -> str:
    """Text as written in a deck, ready to wrap at any width.

    Deck authors hard-wrap long texts in YAML ``|`` blocks at about 76 columns; shown as
    written, those breaks make ragged lines at every other width. Within a paragraph a single
    line break becomes a space; a blank line separates paragraphs (one blank line is kept);
    a list item ("- " or "• ") starts a line of its own, and an indented line under it
    continues that item. Leading and trailing blank lines and spaces go.

    >>> reflow("Een leverancier stuurt\\nje twee kaartjes.\\n\\n- Meld het\\n  altijd.\\n- Nee.")
    'Een leverancier stuurt je twee kaartjes.\\n\\n- Meld het altijd.\\n- Nee.'
    """
    paragraphs: list[list[str]] = []
    lines: list[str] | None = None  # the lines of the paragraph being built
    in_item = False
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            lines = None
            continue
        if lines is None:
            lines = []
            paragraphs.append(lines)
            in_item = False
        if stripped.startswith(LIST_MARKS):
            lines.append(stripped)
            in_item = True
        elif lines and (not in_item or raw[:1].isspace()):
            lines[-1] += " " + stripped
        else:
            lines.append(stripped)  # the first line, or text after a list that is not part of it
            in_item = False
    return "\n\n".join("\n".join(lines) for lines in paragraphs)


def removed_message(removed: tuple[str, ...]) -> str:
    """The notice shown when personal data was taken out of what the user typed (plain text:
    show it with markup off, or "[verwijderd]" is read as a tag)."""
    return (
        f"Er is iets weggehaald: {', '.join(removed)}. "
        "Zulke gegevens bewaren we niet; je ziet nu [verwijderd]."
    )


def changed_stretch(old: str, new: str) -> tuple[int, int]:
    """The lengths of the common beginning and end of two texts (they never overlap).

    Found by halving with slice comparisons, so a 100 KB text costs microseconds.
    """
    limit = min(len(old), len(new))
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    head = low
    low, high = 0, limit - head
    while low < high:
        mid = (low + high + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            low = mid
        else:
            high = mid - 1
    return head, low


_ENTITY = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)")


def _keep_entity(found: re.Match[str]) -> str:
    """"&amp;" typed as text stays text ("&amp;amp;"); "P&O;" is no entity and stays as is."""
    tail = found.group(1)
    return "&amp;" + tail if tail.startswith("#") or tail in html5 else found.group(0)


def md_escape(text: str) -> str:
    """Text typed by a user or written in a deck, for any Markdown export: shown as typed.

    The team summary's escaper per line (no emphasis, links, images, headings or table
    cells; no raw HTML: the angle brackets become entities), an entity typed as text kept
    as text, and the lines kept: a single break as a hard break, a blank line as a new
    paragraph.
    """
    paragraphs = re.split(r"\n\s*\n", text.strip())
    out = []
    for paragraph in paragraphs:
        lines = [
            markdown_text(md_inline(_ENTITY.sub(_keep_entity, line)))
            for line in paragraph.splitlines()
            if line.strip()
        ]
        if lines:
            out.append("  \n".join(lines))
    return "\n\n".join(out)

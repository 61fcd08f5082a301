"""The layout of a YAML text read line by line, for after a syntax error: where the parser
stopped, the lines after it are still looked at for the slips a word processor makes."""

from __future__ import annotations

import re

CURLY_OPEN = "“”‘’„‚"
CURLY_CLOSE = "“”‘’"
_TAB_INDENT = re.compile(r"^ *\t[ \t]*", re.MULTILINE)
_NBSP = re.compile("^[ \t]*(?:- +)?\u00a0|^[ \t]*(?:- +)?[^\\s:#\"'][^:#\n]*:\u00a0", re.MULTILINE)
"""A non-breaking space (U+00A0) in a line's indentation, or straight after a key's colon."""
_LINE_START = re.compile(
    r"(?P<dashes>(?:-(?:[ \t\u00a0]+|$))*)"
    r"(?P<key>(?:\"[^\"\n]*\"[ \t]*|'[^'\n]*'[ \t]*|[^\s#\"'{}\[\],&*!|>%@`?:\-“”‘’„‚][^\n]*?)"
    r":(?:[ \t\u00a0]+|$))?")
"""After the indentation: list dashes ('- '), then a key with its ':' (linear in the line)."""
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*[ \t]*(?:#.*)?$")
_PLAIN_COMMENT = re.compile(r"[ \t]#")
_BLOCK_AFTER_KEY = re.compile(r"[ \t][|>][0-9+-]*[ \t]*$")
"""A key without its ':' and a block text after it (`situation |`)."""


def layout_slips(text: str) -> list[tuple[int, str, int, str]]:
    """Tabs and hard spaces in indentation and values between typographic quotes, as
    (line, kind, column, quote) with kind "tab", "nbsp", "nbsp-colon" or "curly".

    Read from the text, for after a syntax error, when the parser cannot say more. The inside
    of a block text (`situation: |`) and of a quoted text over several lines is text, not
    layout: a „quote” or a tab there is allowed and is passed over. A typographic quote counts
    only where it opens a value that also ends with one, as the parser's own check has it.
    """
    found: list[tuple[int, str, int, str]] = []
    block: list[int] | None = None  # [parent indent, content indent or -1] inside `key: |`
    quote = ""  # the quote of a quoted text that goes on on the next line
    flow = 0  # open '{' and '[' of a flow collection that goes on on the next line
    pending: int | None = None  # parent indent after `key:` with its value on the next line
    sibling: int | None = None  # the column of the key above, when its value was on its line
    curly: tuple[int, int, int, str] | None = None  # (line, column, parent indent, last text)

    def close_curly() -> None:
        nonlocal curly
        if curly is not None and curly[3][-1:] in CURLY_CLOSE:
            found.append((curly[0], "curly", curly[1], curly[3][0]))
        curly = None

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        spaces = len(line) - len(line.lstrip(" "))
        if block is not None:
            if not line.strip(" \t"):
                continue
            if block[1] < 0 and spaces >= block[0]:
                block[1] = spaces  # a text at its key's own indent still reads as text here
            if block[1] >= 0 and (spaces >= block[1] or spaces > block[0]):
                # The text, or a line of it a little out of line (the parser names that one).
                if spaces < block[1] and line[spaces:spaces + 1] == "\t":
                    found.append((number, "tab", spaces + 1, ""))
                continue
            block = None
        if quote:
            if _quote_end(line, 0, quote) >= 0:
                quote = ""
            continue
        if flow > 0:
            flow += _flow_depth(line)
            continue
        stripped = line.strip(" \t\u00a0")
        if not stripped:
            continue
        if stripped.startswith("#"):
            close_curly()  # a comment ends a text without quotes
            continue
        tab = _TAB_INDENT.match(line)
        if tab:
            found.append((number, "tab", tab.group().index("\t") + 1, ""))
        nbsp = _NBSP.match(line)
        if nbsp:
            kind = "nbsp-colon" if nbsp.group().endswith(":\u00a0") else "nbsp"
            found.append((number, kind, nbsp.end(), ""))
        indent = len(line) - len(line.lstrip(" \t\u00a0"))
        start = _LINE_START.match(line, indent)
        assert start is not None  # every part is optional
        dashes, key = start.group("dashes"), start.group("key")
        if curly is not None:
            if not dashes and not key and indent > curly[2]:
                curly = (*curly[:3], _PLAIN_COMMENT.split(stripped, maxsplit=1)[0].rstrip())
                continue
            close_curly()
        if key:
            parent = start.start("key")
        elif dashes:
            parent = indent + dashes.rstrip().rfind("-")
        elif pending is not None and indent > pending:
            parent = pending
        else:
            pending = sibling = None
            if _BLOCK_AFTER_KEY.search(line):  # `situation |`: a text follows, all the same
                block = [indent, -1]
            continue  # the next line of a text, or a line the parser will name
        pending = None
        value = line[start.end():]
        head = value.lstrip(" \t")
        if not head or head.startswith("#"):
            pending = parent
        elif _BLOCK_HEADER.match(head):
            # A key indented further than the one above it (a slip) has its text measured
            # from where the key belongs.
            block = [parent if sibling is None else min(parent, sibling), -1]
        elif head[0] in "\"'":
            at = len(line) - len(head)
            if _quote_end(line, at + 1, head[0]) < 0:
                quote = head[0]
        elif head[0] in "{[":
            flow = _flow_depth(head)
        elif head[0] in CURLY_OPEN:
            curly = (number, len(line) - len(head) + 1, parent,
                     _PLAIN_COMMENT.split(head, maxsplit=1)[0].rstrip())
        sibling = parent if key and pending is None else None
        if len(found) >= 600:
            break
    close_curly()
    return found


def _quote_end(line: str, start: int, quote: str) -> int:
    """Where a quoted text that is open at ``start`` closes on this line (-1: it goes on)."""
    at = start
    while True:
        at = line.find(quote, at)
        if at < 0:
            return -1
        if quote == '"':
            before = at - 1
            while before >= start and line[before] == "\\":
                before -= 1
            if (at - 1 - before) % 2 == 0:  # an even run of backslashes escapes nothing
                return at
        elif line[at + 1:at + 2] == "'":
            at += 2
            continue
        else:
            return at
        at += 1


def _flow_depth(text: str) -> int:
    """How many '{' and '[' this text leaves open (quoted brackets are not told apart)."""
    return text.count("{") + text.count("[") - text.count("}") - text.count("]")

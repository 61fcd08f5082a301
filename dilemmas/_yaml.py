"""Safe YAML reading for decks and config: a located node tree built from parser events."""

from __future__ import annotations

import codecs
import functools
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dilemmas._yaml_layout import CURLY_CLOSE, CURLY_OPEN, layout_slips
from dilemmas.errors import Problem, attach_excerpts

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 2 * 1024 * 1024
"""Files larger than this are refused before they are read."""

MAX_DEPTH = 64
"""Decks nest four levels deep; anything far deeper is refused rather than walked."""

MAX_ENCODING_PROBLEMS = 10
"""Report this many non-UTF-8 spots per file; a file in the wrong encoding has them everywhere."""

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str": "scalar",
    "tag:yaml.org,2002:seq": "sequence",
    "tag:yaml.org,2002:map": "mapping",
    "!": "scalar",
}

# Characters YAML does not allow in a document (YAML 1.1 "printable" complement).
_NON_PRINTABLE_CLASS = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


@functools.cache
def _non_printable() -> re.Pattern[str]:
    # Compiled on first use: the class is large and costs milliseconds at every app start.
    return re.compile(_NON_PRINTABLE_CLASS)

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_INT = re.compile(r"[-+]?[0-9]+")

FLOW_ADVICE = ("zet de tekst tussen rechte aanhalingstekens (text: \"…\") of schrijf de optie "
               "onder elkaar: '- key: A' en op de regel eronder 'text: …'")
"""The two ways out of a comma or colon inside `{key: A, text: …}` (SPEC §7)."""

_NBSP_INDENT = ("hier staat een harde spatie (uit Word of een webpagina) in de inspringing; "
                "YAML ziet die niet als spatie. Haal de spaties vooraan weg en typ ze opnieuw")
_NBSP_COLON = ("na de ':' staat een harde spatie (uit Word of een webpagina); YAML ziet die niet "
               "als spatie. Typ na de ':' een gewone spatie")

_INDENT = "deze regel past niet bij de inspringing van de regels erboven"
_TABS = "spring in met spaties, niet met tabs"
_TOKEN = "dit teken mag hier niet staan; zet de tekst tussen aanhalingstekens"

# libyaml's and PyYAML's wording of the same faults, first match wins.
_SYNTAX_NL = [
    ("found a tab character", _TABS),
    ("found character '\\t'", _TABS),
    ("could not find expected ':'", "na deze sleutel ontbreekt een ':' (schrijf 'sleutel: waarde')"),
    ("mapping values are not allowed", "hier mag geen 'sleutel: waarde' staan; "
     "controleer de inspringing of zet de tekst tussen aanhalingstekens"),
    ("did not find expected key", _INDENT),
    ("expected <block end>", _INDENT),
    ("did not find expected '-' indicator", _INDENT),
    ("sequence entries are not allowed", "hier mag geen lijstregel ('- ') beginnen"),
    ("expected ',' or ']'", "de lijst die hier met '[' begint, sluit niet af: er ontbreekt een ',' of ']'"),
    ("expected ',' or '}'", "het blok dat hier met '{' begint, sluit niet af: er ontbreekt een ',' of '}'"),
    ("expected node content", "hier verwacht ik een waarde"),
    ("expected the node content", "hier verwacht ik een waarde"),
    ("<document start>", "hier staat nog tekst na het einde van het document; controleer de inspringing"),
    ("unexpected document", "'---' of '...' staat hier midden in een tekst"),
    ("found unexpected end of stream", "het bestand houdt op midden in een tekst tussen aanhalingstekens"),
    ("cannot start any token", _TOKEN),
    ("comment or", "na dit teken hoort een nieuwe regel of een opmerking (#)"),
    ("whitespace or line break", "hier ontbreekt een spatie"),
    ("expected ' ', but found", "hier ontbreekt een spatie"),
    ("indentation indicator", "na '|' of '>' mag alleen een cijfer van 1 tot 9 of '+' of '-' staan"),
    ("YAML directive", "de regel %YAML klopt niet"),
    ("found unknown escape character", "onbekende code na een '\\' in tekst tussen dubbele "
     "aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("found undefined tag handle", "onbekende tag"),
    ("maximum nesting depth", f"te diep genest (meer dan {MAX_DEPTH} niveaus)"),
    ("found unexpected ':'", "onverwachte ':'; zet de tekst tussen aanhalingstekens"),
]


class Node:
    """A located YAML node; line and column are 1-based."""

    __slots__ = ("column", "line")

    kind = "node"

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class Scalar(Node):
    """A scalar as written: its text, and whether it was plain (unquoted, not a block)."""

    __slots__ = ("plain", "value")

    kind = "scalar"

    def __init__(self, value: str, plain: bool, line: int, column: int) -> None:
        super().__init__(line, column)
        self.value = value
        self.plain = plain

    @property
    def is_null(self) -> bool:
        """An empty plain value (`key:`) or a written null (`~`, `null`)."""
        return self.plain and self.value in _NULLS

    def as_int(self) -> int | None:
        """The value as an integer if it is a plain integer, else None."""
        if self.plain and _INT.fullmatch(self.value):
            return int(self.value)
        return None


class Sequence(Node):
    """A YAML list."""

    __slots__ = ("items",)

    kind = "sequence"

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.items: list[Node] = []


class Mapping(Node):
    """A YAML mapping, with its key-value pairs in file order (duplicates kept)."""

    __slots__ = ("flat", "flow")

    kind = "mapping"

    def __init__(self, line: int, column: int, flow: bool = False) -> None:
        super().__init__(line, column)
        self.flow = flow
        """Written as `{key: value, …}` on one line, rather than in block style."""
        # Keys and values alternate in one list: a tuple per pair would cost a deck of 1,000
        # cards some 17,000 objects while its tree is alive.
        self.flat: list[Node] = []

    @property
    def pairs(self) -> list[tuple[Node, Node]]:
        """The (key, value) pairs in file order."""
        flat = self.flat
        return list(zip(flat[0::2], flat[1::2], strict=False))  # a key still being read: left out


def read_text(path: Path, label: str) -> tuple[str | None, list[Problem]]:
    """Read a YAML file as text: size limit, UTF-8 with an optional BOM, no control characters.

    Bad bytes and characters are reported at their line and replaced, so that the rest of
    the file is still checked. Returns None as text when the file cannot be read at all.
    """
    data, problems = read_source(path, label)
    return (None if data is None else data.decode("utf-8")), problems


def read_source(path: Path, label: str) -> tuple[bytes | None, list[Problem]]:
    """Read a YAML file as checked UTF-8 bytes, with the checks and repairs of `read_text`.

    For `compose`: libyaml reads UTF-8 bytes itself (PyYAML encodes a str back to them), and
    a str of a text with one character such as '—' in it takes two bytes a character, so
    the bytes are the smallest form to keep while the tree is built. A FIFO, a device or
    anything else that is not a regular file is refused before it is opened (reading one
    could wait forever). Every step is linear in the size of the file.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, [Problem(label, 1, 1, "dit is een map, geen bestand")]
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(label, 1, 1, "dit is geen gewoon bestand (maar bijvoorbeeld een "
                                               "pijp of apparaat); geef een .yaml-bestand")]
        if info.st_size > MAX_BYTES:
            return None, [Problem(label, 1, 1, f"het bestand is te groot ({_megabytes(info.st_size)}); "
                                               "het mag hoogstens 2 MB zijn")]
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None, [Problem(label, 1, 1, "bestand niet gevonden")]
    except OSError:
        return None, [Problem(label, 1, 1, "kan het bestand niet lezen (geen toegang of een "
                                           "fout van de schijf)")]
    if len(data) > MAX_BYTES:
        return None, [Problem(label, 1, 1, f"het bestand is te groot ({_megabytes(len(data))}); "
                                           "het mag hoogstens 2 MB zijn")]
    problems: list[Problem] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        return None, [Problem(label, 1, 1, "het bestand is opgeslagen als UTF-16 ('Unicode' in "
                                           "Kladblok); sla het op als UTF-8")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _clean_utf8(data):
        return data, problems
    text, bad_bytes = _decode(data, label, problems)
    if bad_bytes > MAX_ENCODING_PROBLEMS:
        return None, problems  # a file in the wrong encoding: its content says nothing more
    if _non_printable().search(text):
        text = _replace_control_characters(text, label, problems)
    if len(problems) > MAX_ENCODING_PROBLEMS:
        return None, problems
    return text.encode("utf-8"), problems


def _megabytes(size: int) -> str:
    """A size as Dutch text, never rounded down to the limit ("2,1 MB", not "2.0 MB")."""
    tenths = -(-size * 10 // (1024 * 1024))
    return f"{tenths // 10},{tenths % 10} MB"


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of the start is NUL."""
    head = data[:200]
    if len(head) < 8:
        return False
    odd, even = head[1::2].count(0) / len(head[1::2]), head[0::2].count(0) / len(head[0::2])
    return (odd > 0.8 and even < 0.2) or (even > 0.8 and odd < 0.2)


def dutch_count(n: int) -> str:
    """A count with a Dutch thousands separator: 1.203."""
    return f"{n:,}".replace(",", ".")


def _clean_utf8(data: bytes, chunk: int = 1 << 16) -> bool:
    """Whether the bytes are UTF-8 without control characters, checked a slice at a time
    (decoding all of it at once would hold a second, larger copy of the file)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), chunk):
            if _non_printable().search(decoder.decode(view[start:start + chunk])):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


_ESCAPED = re.compile("[\udc80-\udcff]")


def _locate(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """Line and column of sorted offsets in one pass over the text."""
    result: list[tuple[int, int]] = []
    line, line_start, pos = 1, 0, 0
    for offset in offsets:
        line += text.count("\n", pos, offset)
        newline = text.rfind("\n", pos, offset)
        if newline >= 0:
            line_start = newline + 1
        pos = offset
        result.append((line, offset - line_start + 1))
    return result


SAVE_AS_UTF8 = ("sla het op als UTF-8: in Kladblok met Bestand > Opslaan als, en dan onderaan bij "
                "Codering 'UTF-8'; in Word met Opslaan als > Platte tekst, en dan 'Unicode (UTF-8)'")


def _decode(data: bytes, label: str, problems: list[Problem]) -> tuple[str, int]:
    """The text, with each byte that is not UTF-8 replaced, and how many there were; one
    problem says so, at the first.

    A file saved as Windows-1252 ('ANSI') has such a byte at every é or “; one message with
    what to do helps more than one per character.
    """
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    # Each bad byte becomes a lone surrogate, found again with one regex pass.
    text = data.decode("utf-8", errors="surrogateescape")
    first = _ESCAPED.search(text)
    repaired, total = _ESCAPED.subn("\ufffd", text)
    assert first is not None
    (line, column), = _locate(text, [first.start()])
    byte = ord(first.group()) - 0xDC00
    more = "" if total == 1 else f" (en nog {dutch_count(total - 1)} keer verderop)"
    problems.append(Problem(label, line, column,
                            f"het bestand is niet opgeslagen als UTF-8 (waarschijnlijk als 'ANSI' "
                            f"of Windows-1252): hier staat een teken (byte 0x{byte:02X}) dat geen "
                            f"UTF-8 is{more}; {SAVE_AS_UTF8}"))
    return repaired, total


def _replace_control_characters(text: str, label: str, problems: list[Problem]) -> str:
    found: list[int] = []
    total = 0
    for match in _non_printable().finditer(text):
        if len(found) <= MAX_ENCODING_PROBLEMS:
            found.append(match.start())
        total += 1
    for index, (offset, (line, column)) in enumerate(zip(found, _locate(text, found), strict=True)):
        if index == MAX_ENCODING_PROBLEMS:
            problems.append(Problem(label, line, column, f"… en nog {dutch_count(total - index)} keer een "
                                                         "onzichtbaar stuurteken"))
            break
        problems.append(Problem(label, line, column,
                                f"onzichtbaar stuurteken (U+{ord(text[offset]):04X}) mag niet in de tekst staan"))
    return _non_printable().sub("\ufffd", text)


def compose(text: str | bytes, label: str, *,
            pure: bool = False) -> tuple[Node | None, list[Problem]]:
    """Build the node tree of one YAML document from parser events, never constructing tags.

    Anchors, aliases, tags other than the standard str/seq/map, a second document and deep
    nesting are reported as problems. The tree is built without recursion. libyaml's C
    parser is used when present (unless ``pure``), else PyYAML's pure-Python parser; both
    give the same events. ``text`` may be UTF-8 bytes (from `read_source`).

    Returns:
        The root node (None for an empty document or after a syntax error) and the problems.
    """
    # PyYAML is imported here, not at the top: the app reads the config (usually absent) at
    # start-up and should not pay for the parser before a deck or config needs it.
    import yaml
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    loader_class = yaml.SafeLoader if pure or not yaml.__with_libyaml__ else yaml.CSafeLoader
    problems: list[Problem] = []
    root: Node | None = None
    stack: list[Sequence | Mapping] = []
    documents = 0
    last_line = 0
    loader = loader_class(text)
    # PyYAML's stubs type events loosely; the class check below narrows them.
    event: Any = None
    try:
        while True:
            event = loader.get_event()
            cls = type(event)
            mark = event.start_mark
            if cls is ScalarEvent:
                line = mark.line + 1
                if line == last_line:
                    line = last_line  # one int object per line: a key and its value share it
                else:
                    last_line = line
                node: Node = Scalar(event.value, not event.style, line, mark.column + 1)
                if event.style == '"' and _CONTROL.search(event.value):
                    problems.append(_control_problem(label, node, event.value))
                elif (not event.style and len(event.value) > 1 and event.value[0] in CURLY_OPEN
                      and event.value[-1] in CURLY_CLOSE):
                    problems.append(Problem(label, node.line, node.column, _curly_message(event.value)))
                if event.tag is not None and _STANDARD_TAGS.get(event.tag) != "scalar":
                    problems.append(_tag_problem(label, node, event.tag))
                if event.anchor is not None:
                    problems.append(_anchor_problem(label, node))
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                node = (Mapping(mark.line + 1, mark.column + 1, bool(event.flow_style))
                        if cls is MappingStartEvent else Sequence(mark.line + 1, mark.column + 1))
                if event.tag is not None and _STANDARD_TAGS.get(event.tag) != node.kind:
                    problems.append(_tag_problem(label, node, event.tag))
                if event.anchor is not None:
                    problems.append(_anchor_problem(label, node))
                if len(stack) >= MAX_DEPTH:
                    problems.append(Problem(label, node.line, node.column,
                                            f"te diep genest (meer dan {MAX_DEPTH} niveaus)"))
                    return None, problems
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
                continue
            elif cls is AliasEvent:
                node = Scalar("", True, mark.line + 1, mark.column + 1)
                problems.append(Problem(label, node.line, node.column,
                                        f"verwijzingen (*{event.anchor}) zijn niet toegestaan; "
                                        "schrijf de tekst voluit"))
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(Problem(label, mark.line + 1, mark.column + 1,
                                            "hier begint een tweede YAML-document ('---'); "
                                            "een deckbestand bevat er één"))
                    return root, problems
                continue
            elif cls is StreamEndEvent:
                return root, problems
            else:
                continue
            if stack:
                _attach(stack[-1], node)
            else:
                root = node
            if isinstance(node, (Mapping, Sequence)):
                stack.append(node)
    except yaml.MarkedYAMLError as exc:
        seen = set(problems)  # a typographic quote read before the slip is named once
        # The lines before the last event's end were read without fault.
        parsed_through = event.end_mark.line + 1 if event is not None else 0
        problems.extend(p for p in _syntax_problems(label, exc, text, parsed_through) if p not in seen)
        return None, problems
    except yaml.YAMLError as exc:
        problems.append(Problem(label, 1, 1, f"ongeldige YAML: {exc}"))
        return None, problems
    finally:
        loader.dispose()


def _attach(parent: Sequence | Mapping, node: Node) -> None:
    if isinstance(parent, Sequence):
        parent.items.append(node)
        return
    flat = parent.flat
    if not len(flat) % 2 and isinstance(node, Scalar):
        # A key: every card repeats the same dozen, so keep one copy of each.
        node.value = sys.intern(node.value)
    flat.append(node)


def _tag_problem(label: str, node: Node, tag: str) -> Problem:
    if tag.startswith("tag:yaml.org,2002:"):
        tag = "!!" + tag.removeprefix("tag:yaml.org,2002:")
    return Problem(label, node.line, node.column,
                   f"tags zoals '{tag}' zijn niet toegestaan; haal de tag weg")


def _anchor_problem(label: str, node: Node) -> Problem:
    return Problem(label, node.line, node.column,
                   "ankers (&naam) zijn niet toegestaan; schrijf de tekst voluit")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def flow_comma_message(key: str, before: Node | None, option: bool = True) -> str:
    """For a mapping in `{…}` where a comma inside a text made the rest a key of its own:
    `{key: A, text: Ik schrijf een boete uit, zoals bij iedereen.}`."""
    advice = FLOW_ADVICE if option else ("zet de tekst tussen rechte aanhalingstekens (\"…\") of "
                                         "schrijf elke sleutel op een eigen regel")
    message = (f"er staat een komma in een tekst tussen '{{…}}', en daar scheidt een komma de "
               f"sleutels: YAML leest '{key}' als een nieuwe sleutel; {advice}")
    if isinstance(before, Scalar) and before.value[:1] in CURLY_OPEN:
        message += (f". De {before.value[0]} …{key[-1] if key[-1] in CURLY_CLOSE else ''} "
                    "(bijvoorbeeld uit Word) tellen niet als aanhalingstekens; gebruik rechte: \"")
    return message


def _curly_message(value: str) -> str:
    return (f"typografische aanhalingstekens ({value[:1]} …, bijvoorbeeld uit Word) tellen in YAML niet "
            "als aanhalingstekens; gebruik rechte: \" of '")


def _control_problem(label: str, node: Node, value: str) -> Problem:
    found = _CONTROL.search(value)
    code = ord(found.group()) if found else 0
    return Problem(label, node.line, node.column,
                   f"onzichtbaar stuurteken (U+{code:04X}, via een '\\'-code) mag niet in de tekst "
                   "staan; alleen een nieuwe regel (\\n) en een tab (\\t) mogen")


def _syntax_problems(label: str, exc: yaml.MarkedYAMLError, text: str | bytes,
                     parsed_through: int = 0) -> list[Problem]:
    """The parser's error at the author's line, with every tab indentation, hard space and
    typographic quote of the file, so that one run shows all of them.

    Before line ``parsed_through`` the parser read every value: a tab there was text, and a
    typographic quote there was named already. A hard space is not: the parser takes it for
    a letter and reads on, wrongly, which is why it is looked for everywhere."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    found: list[Problem] = []
    tab_lines: set[int] = set()
    nbsp_lines: set[int] = set()
    for line, kind, column, quote in layout_slips(text):
        if line < parsed_through and kind in ("tab", "curly"):
            continue
        if kind == "tab":
            tab_lines.add(line)
            found.append(Problem(label, line, column, f"ongeldige YAML: {_TABS}"))
        elif kind == "curly":
            found.append(Problem(label, line, column, _curly_message(quote)))
        else:
            nbsp_lines.add(line)
            found.append(Problem(label, line, column, _NBSP_COLON if kind == "nbsp-colon" else _NBSP_INDENT))
        if len(found) >= 600:
            break
    main = _syntax_problem(label, exc, text)
    # A quote after the spot where the parser stopped on its line did not trip it up: that
    # line is out of place (`zegt: „Ja.”` from a text that lost its indentation).
    found = [p for p in found if not (p.line == main.line and p.column > main.column
                                      and p.message.startswith("typografische"))]
    covered = {p.line for p in found}
    # A hard space makes the parser stumble on that line or on the next one.
    if (main.line not in covered and not (main.message.endswith(_TABS) and tab_lines)
            and main.line - 1 not in nbsp_lines):
        found.append(main)
    found.sort(key=lambda p: (p.line, p.column))
    return attach_excerpts(found, text)


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n", mark.line + 1)
    return lines[mark.line][mark.column:mark.column + 1] if mark.line < len(lines) else ""


def _key_without_colon(previous: str, current: str) -> int | None:
    """The column of a key written without ':' on the line above (`title Voorrang`), when
    YAML read it and this line as one text and stumbled on this line's ':'."""
    indent = len(current) - len(current.lstrip(" "))
    start = len(previous) - len(previous.lstrip(" "))
    stripped = previous.strip()
    if stripped.startswith("- "):  # a list item: its key starts after the '- '
        start += 2 + len(stripped[2:]) - len(stripped[2:].lstrip(" "))
        stripped = stripped[2:].strip()
    if not stripped or stripped.startswith("#") or ":" in stripped or start != indent:
        return None
    return indent + 1


def _syntax_problem(label: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    original = exc.problem or exc.context or "onbekende fout"
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    if ("flow" in context and exc.problem_mark is not None and exc.context_mark is not None
            and exc.problem_mark.line == exc.context_mark.line
            and _char_at(text, exc.problem_mark) == ":"):
        # `{key: B, text: Ik zeg: nee.}`: the colon inside the text ends it early.
        line, column = exc.problem_mark.line + 1, exc.problem_mark.column + 1
        where = "{…}" if "mapping" in context else "[…]"
        before = text.split("\n", line)[line - 1][:column - 1]
        value = before[max(before.rfind(","), before.rfind("{"), before.rfind("[")) + 1:]
        curly = next((c for c in value if c in CURLY_OPEN), "")
        note = (f". De {curly} (bijvoorbeeld uit Word) tellen niet als aanhalingstekens; gebruik "
                "rechte: \"") if curly else ""
        return Problem(label, line, column, f"ongeldige YAML: deze ':' staat in een tekst tussen "
                                            f"'{where}', en daar scheidt ': ' een sleutel van zijn "
                                            f"waarde; {FLOW_ADVICE}{note}")
    if exc.context_mark is not None and (
            "could not find expected ':'" in original
            or ("expected ',' or" in original and "flow" in context)):
        # The author's line is where the key (or the '{' / '[') began, not where the
        # parser gave up: that is often the next line, which is right.
        mark = exc.context_mark
        if "flow mapping" in context:
            original = "expected ',' or '}'"
        elif "flow sequence" in context:
            original = "expected ',' or ']'"
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    lines = text.split("\n", line)
    if "mapping values are not allowed" in original and 2 <= line <= len(lines):
        missing = _key_without_colon(lines[line - 2], lines[line - 1])
        if missing is not None:
            return Problem(label, line - 1, missing, "ongeldige YAML: na deze sleutel ontbreekt een ':' "
                                                     "(schrijf 'sleutel: waarde')")
    if line <= len(lines) and lines[line - 1][column - 1:column] == "\t":
        return Problem(label, line, column, f"ongeldige YAML: {_TABS}")
    for english, dutch in _SYNTAX_NL:
        if english in original:
            return Problem(label, line, column, f"ongeldige YAML: {dutch}")
    return Problem(label, line, column, f"ongeldige YAML: {original}")

"""Loading and validating deck files (SPEC §7): every problem located, in Dutch.

Text limits, in characters after trimming: deck and card titles 80, theme titles 80,
situation 900 (SPEC), question 200, option text 200, option feedback 400, prompts and variations 300 each,
references 200 each, guidance 1500, description 1000, scale labels (low/high) 40.
A plain number as ``version`` (``version: 2026.1``) is accepted and kept as written.
``guidance`` and ``situation`` are required on team cards and optional in a pulse deck.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dilemmas._yaml import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    compose,
    flow_comma_message,
    read_source,
)
from dilemmas.errors import DeckError, Problem, attach_excerpts, end_sentence
from dilemmas.model import AUDIENCES, OWN_PREFIX, Answer, Deck, DeckInfo, Dilemma, Option, Theme

SLUG = re.compile(r"[a-z0-9-]+")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LANGUAGE = re.compile(r"[a-z]{2,3}")
CHOICE_KEYS = ("A", "B", "C", "D", "E")
ANSWER_KINDS = ("choice", "scale", "open")
DECK_KINDS = ("dilemmas", "pulse")
DECK_SUFFIXES = (".yaml", ".yml")

TOP_KEYS = ("deck", "renamed_keys", "themes", "dilemmas")
REPLACED = "vervangen"
"""In ``renamed_keys``, instead of a swap: the card's options changed meaning since that version."""
REQUIRED_TOP_KEYS = ("deck", "themes", "dilemmas")
DECK_KEYS = ("id", "title", "version", "language", "description", "kind")
THEME_KEYS = ("id", "title")
DILEMMA_KEYS = ("id", "theme", "title", "situation", "question", "answer", "prompts",
                "variations", "guidance", "references", "audience", "contacts")
ANSWER_KEYS = ("kind", "options", "points", "low", "high")
OPTION_KEYS = ("key", "text", "feedback")
REQUIRED_OPTION_KEYS = ("key", "text")

# Dutch words a deck author may reach for, and the key the format uses instead.
_DUTCH_KEYS = {
    "titel": "title", "vraag": "question", "situatie": "situation", "thema": "theme",
    "themas": "themes", "thema's": "themes", "antwoord": "answer", "opties": "options",
    "tekst": "text", "sleutel": "key", "versie": "version", "taal": "language",
    "beschrijving": "description", "omschrijving": "description", "varianten": "variations",
    "verwijzingen": "references", "bronnen": "references", "doelgroep": "audience",
    "vragen": "prompts", "gespreksvragen": "prompts", "toelichting": "guidance",
    "uitleg": "guidance", "achtergrond": "guidance", "advies": "guidance", "antwoorden": "options",
    "keuzes": "options", "optie": "options", "naam": "title", "kop": "title",
    "casus": "situation", "beschrijving_situatie": "situation", "dilemma's": "dilemmas",
    "kaarten": "dilemmas", "kaart": "dilemmas", "schaal": "points", "stappen": "points",
    "contactpersonen": "contacts", "contact": "contacts",
    "soort": "kind", "punten": "points", "laag": "low", "hoog": "high",
}

MAX_TITLE = 80
MAX_SITUATION = 900
MAX_QUESTION = 200
MAX_OPTION = 200
MAX_FEEDBACK = 400
MAX_LINE_ITEM = 300
MAX_REFERENCE = 200
MAX_GUIDANCE = 1500
MAX_DESCRIPTION = 1000
MAX_SCALE_LABEL = 40


_DONE = Scalar("", True, 0, 0)
"""What stands in a checked card's place in the tree."""


@dataclass
class CheckReport:
    """What `check_all` found: every problem, and the decks that passed."""

    problems: list[Problem] = field(default_factory=list)
    decks: list[Deck] = field(default_factory=list)


def load_deck(path: Path | str, source: str = "map") -> Deck:
    """Load and validate one deck file.

    Raises:
        DeckError: with every problem found, each located by line and column.
    """
    deck, problems = check_file(Path(path), source)
    if deck is None:
        raise DeckError(problems)
    return deck


def check_file(path: Path, source: str = "map", *,
               pure: bool = False) -> tuple[Deck | None, list[Problem]]:
    """Validate one deck file; the deck is None when there is any problem."""
    deck, problems, _total = check_file_kept(path, source, pure=pure)
    return deck, problems


def check_file_kept(path: Path, source: str = "map", *, pure: bool = False,
                    keep: int | None = None) -> tuple[Deck | None, list[Problem], int]:
    """`check_file` keeping only the first ``keep`` problems the checker finds (the app shows
    no more), with the count of all of them. A deck with tens of thousands of problems then
    holds as many objects only while it is read, not for as long as the app runs.

    Returns:
        The deck (None when there is any problem), the problems kept, and the total.
    """
    name = str(path)
    data, problems = read_source(path, name)
    if data is None:
        return None, problems, len(problems)
    root, more = compose(data, name, pure=pure)
    del data  # the file is in the tree now; don't hold both while the deck is built
    problems.extend(more)
    checker = _Checker(name, problems, keep)
    deck = _deck_from_tree(root, problems, name, source=source, path=name, checker=checker)
    problems.sort(key=lambda p: (p.line, p.column))
    if problems:
        problems = _with_excerpts(path, problems)
    return (deck if not problems else None), problems, len(problems) + checker.dropped


def _with_excerpts(path: Path, problems: list[Problem]) -> list[Problem]:
    """The problems with the line each points at, read again (the tree is gone by now)."""
    try:
        text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    except OSError:
        return problems
    return attach_excerpts(problems, _CONTROL_CHARACTERS.sub("\ufffd", text))


def parse_deck(text: str | bytes, label: str, *, source: str = "map", path: str = "",
               pure: bool = False) -> tuple[Deck | None, list[Problem]]:
    """Validate deck text; returns the deck (None if anything is wrong) and the problems."""
    root, problems = compose(text, label, pure=pure)
    return _deck_from_tree(root, problems, label, source=source, path=path), problems


def _deck_from_tree(root: Node | None, problems: list[Problem], label: str, *,
                    source: str, path: str, checker: _Checker | None = None) -> Deck | None:
    """Check a composed tree (adding to ``problems``); the deck if nothing is wrong.

    The tree is taken apart as it is checked: each card's nodes go as soon as its
    `Dilemma` exists, so the tree and the deck are never both whole in memory.
    """
    if root is None:
        if not problems:
            problems.append(Problem(label, 1, 1, "het bestand is leeg; een deck begint met "
                                                 "'deck:', 'themes:' en 'dilemmas:'"))
        return None
    checker = checker or _Checker(label, problems)
    deck = checker.deck(root, source, path)
    return deck if not problems else None


def deck_files(path: Path) -> list[Path]:
    """The deck files in a folder, recursively and sorted; a file is returned as itself."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix in DECK_SUFFIXES and p.is_file())


def check_all(paths: Iterable[Path]) -> CheckReport:
    """Validate files and folders (`decks check`); problems sorted by path, line, column."""
    report = CheckReport()
    for path in paths:
        files = deck_files(path)
        if not files:
            report.problems.append(Problem(str(path), 1, 1, "geen decks (.yaml of .yml) gevonden in deze map"))
        for file in files:
            deck, problems = check_file(file)
            report.problems.extend(problems)
            if deck is not None:
                report.decks.append(deck)
    report.problems.sort(key=lambda p: (p.path, p.line, p.column))
    return report


def check_paths(paths: Iterable[Path]) -> list[Problem]:
    """Every problem in these files and folders, sorted by path, line and column."""
    return check_all(paths).problems


class _Checker:
    """Walks a node tree against the deck shape, collecting every problem it meets."""

    def __init__(self, label: str, problems: list[Problem], keep: int | None = None) -> None:
        self.label = label
        self.problems = problems
        self.keep = keep
        self.dropped = 0
        """Problems found beyond ``keep``: counted, not kept."""

    def add(self, node: Node, message: str) -> None:
        if self.keep is not None and len(self.problems) >= self.keep:
            self.dropped += 1
            return
        self.problems.append(Problem(self.label, node.line, node.column, message))

    # --- shapes -----------------------------------------------------------------------

    def mapping(self, node: Node, what: str, known: tuple[str, ...],
                required: tuple[str, ...]) -> dict[str, Node] | None:
        """The pairs of a mapping by key; reports unknown, duplicate and missing keys."""
        if not isinstance(node, Mapping):
            self.add(node, f"{what} moet bestaan uit regels 'sleutel: waarde'")
            return None
        values: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        previous: Node | None = None
        for key, value in node.pairs:
            before, previous = previous, value
            if not isinstance(key, Scalar) or key.is_null:
                self.add(key, "een sleutel moet een gewoon woord zijn")
                continue
            name = key.value
            if name in keys:
                self.add(key, f"sleutel '{name}' staat hier twee keer (eerst op regel {keys[name].line})")
                continue
            keys[name] = key
            if name not in known:
                if node.flow and isinstance(value, Scalar) and value.is_null:
                    self.add(key, flow_comma_message(name, before, option=what == "deze optie"))
                    continue
                self.add(key, _unknown(f"onbekende sleutel '{name}'", name, known))
                continue
            values[name] = value
        missing = [r for r in required if r not in values]
        if missing:
            verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
            self.add(node, f"in {what} {verb} {_and(missing)}")
        return values

    def text(self, values: dict[str, Node], key: str, limit: int, *,
             required: bool = True) -> str:
        """A text value; reports empty required texts, non-texts and texts over the limit."""
        node = values.get(key)
        if node is None:
            return ""
        if not isinstance(node, Scalar):
            self.add(node, f"'{key}' moet een tekst zijn, geen {_kind_nl(node)}{_colon_hint(node)}")
            return ""
        # A tab pasted inside a text would show as a wide gap on the card: a space it is.
        value = "" if node.is_null else node.value.strip().replace("\t", " ")
        if not value:
            if required:
                self.add(node, f"'{key}' is leeg")
            return ""
        if len(value) > limit:
            self.add(node, f"'{key}' is te lang: {len(value)} tekens, hoogstens {limit}")
        return value

    def slug(self, values: dict[str, Node], key: str) -> str:
        value = self.text(values, key, MAX_TITLE)
        if value and not SLUG.fullmatch(value):
            self.add(values[key], f"'{key}' mag alleen kleine letters, cijfers en '-' bevatten "
                                  f"(bijvoorbeeld '{_slugify(value)}')")
        return value

    def choice(self, values: dict[str, Node], key: str, allowed: tuple[str, ...],
               default: str) -> str:
        node = values.get(key)
        if node is None:
            return default
        value = self.text(values, key, MAX_TITLE)
        if value and value not in allowed:
            self.add(node, _unknown(f"'{key}' moet {_or(allowed)} zijn, niet '{value}'", value, allowed))
            return default
        return value or default

    def items(self, values: dict[str, Node], key: str, what: str) -> list[Node]:
        """The entries of a list value; reports a value that is not a list."""
        node = values.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return []
        if not isinstance(node, Sequence):
            self.add(node, f"'{key}' moet een lijst zijn: zet elke {what} op een eigen regel "
                           "die begint met '- '")
            return []
        return node.items

    def text_list(self, values: dict[str, Node], key: str, limit: int) -> tuple[str, ...]:
        result: list[str] = []
        for item in self.items(values, key, "tekst"):
            if not isinstance(item, Scalar) or item.is_null or not item.value.strip():
                self.add(item, f"elke regel in '{key}' moet een tekst zijn{_colon_hint(item)}")
                continue
            text = item.value.strip().replace("\t", " ")
            if len(text) > limit:
                self.add(item, f"deze regel in '{key}' is te lang: {len(text)} tekens, hoogstens {limit}")
            result.append(text)
        return tuple(result)

    # --- the deck ---------------------------------------------------------------------

    def deck(self, root: Node, source: str, path: str) -> Deck | None:
        if not isinstance(root, Mapping):
            self.add(root, "een deck begint met 'deck:', 'themes:' en 'dilemmas:'")
            return None
        top = self.mapping(root, "het deck", TOP_KEYS, REQUIRED_TOP_KEYS)
        assert top is not None
        info = self.info(top["deck"]) if "deck" in top else None
        pulse = info is not None and info.kind == "pulse"
        themes = self.themes(top)
        theme_ids = [t.id for t in themes]
        renamed = top.get("renamed_keys")  # read before the cards' nodes are let go
        dilemmas = self.dilemmas(top, set(theme_ids), theme_ids, pulse)
        if info is None:
            return None
        renamed_keys = self.renamed_keys(renamed, info, dilemmas) if renamed is not None else {}
        return Deck(info=info, themes=tuple(themes), dilemmas=tuple(dilemmas), source=source,
                    path=path, renamed_keys=renamed_keys)

    def renamed_keys(self, node: Node, info: DeckInfo, dilemmas: list[Dilemma]
                     ) -> dict[str, dict[str, dict[str, str]]]:
        """``renamed_keys``: per older version, per dilemma, old option key → new key; each
        mapping a swap of the card's own keys (every key once on each side)."""
        if isinstance(node, Scalar) and node.is_null:
            return {}
        if not isinstance(node, Mapping):
            self.add(node, "'renamed_keys' moet per oudere versie de dilemma's noemen, zoals "
                           "'\"2026.1\": {concertkaartjes: {A: C, C: A}}'")
            return {}
        cards = {d.id: d for d in dilemmas}
        out: dict[str, dict[str, dict[str, str]]] = {}
        for version_node, per_card in node.pairs:
            version = version_node.value.strip() if isinstance(version_node, Scalar) else ""
            if not version:
                self.add(version_node, "een versie in 'renamed_keys' moet een tekst zijn, "
                                       "zoals \"2026.1\"")
                continue
            if version == info.version:
                self.add(version_node, f"'{version}' is de versie van dit deck zelf; onder "
                                       "'renamed_keys' staan alleen oudere versies")
                continue
            if version in out:
                self.add(version_node, f"versie '{version}' staat twee keer in 'renamed_keys'")
                continue
            if not isinstance(per_card, Mapping):
                self.add(per_card, f"onder versie '{version}' hoort per dilemma-id een "
                                   "verwisseling, zoals 'concertkaartjes: {A: C, C: A}'")
                continue
            cards_out = out[version] = {}
            for card_node, swap in per_card.pairs:
                card_id = card_node.value.strip() if isinstance(card_node, Scalar) else ""
                card = cards.get(card_id)
                if card is None:
                    self.add(card_node, _unknown(f"dilemma '{card_id}' staat niet in dit deck",
                                                 card_id, list(cards)))
                    continue
                if card_id in cards_out:
                    self.add(card_node, f"dilemma '{card_id}' staat twee keer onder versie "
                                        f"'{version}'")
                    continue
                if isinstance(swap, Scalar) and swap.value.strip() == REPLACED:
                    # The card's options (or its story) changed meaning: {} tells the report
                    # to leave that version's votes out of the card's figures.
                    cards_out[card_id] = {}
                    continue
                mapping = self.key_swap(swap, card)
                if mapping:
                    cards_out[card_id] = mapping
        return out

    def key_swap(self, node: Node, card: Dilemma) -> dict[str, str]:
        """One card's old key → new key, checked against its keys; {} after a problem."""
        keys = card.answer.keys
        if not keys:
            self.add(node, f"dilemma '{card.id}' heeft geen opties om te hernoemen (open vraag)")
            return {}
        if not isinstance(node, Mapping):
            self.add(node, f"bij '{card.id}' hoort een verwisseling van sleutels, zoals "
                           f"'{{A: C, C: A}}', of '{REPLACED}' als de opties iets anders zijn gaan "
                           "betekenen")
            return {}
        mapping: dict[str, str] = {}
        ok = True
        for old_node, new_node in node.pairs:
            pair = []
            for part in (old_node, new_node):
                key = part.value.strip() if isinstance(part, Scalar) and not part.is_null else ""
                if key not in keys:
                    shown = f"'{key}'" if key else "deze sleutel"
                    self.add(part, f"{shown} is geen optie van '{card.id}' (de opties: "
                                   f"{', '.join(keys)})")
                    ok = False
                pair.append(key)
            if pair[0] in mapping:
                self.add(old_node, f"sleutel '{pair[0]}' staat twee keer bij '{card.id}'")
                ok = False
            mapping[pair[0]] = pair[1]
        if ok and sorted(mapping) != sorted(mapping.values()):
            self.add(node, f"de hernoeming bij '{card.id}' moet een verwisseling zijn: elke "
                           "sleutel één keer links en één keer rechts (zoals A: C en C: A), niet "
                           + ", ".join(f"{a} → {b}" for a, b in mapping.items()))
            ok = False
        return {a: b for a, b in mapping.items() if a != b} if ok else {}

    def info(self, node: Node) -> DeckInfo | None:
        values = self.mapping(node, "'deck'", DECK_KEYS, ("id", "title", "version"))
        if values is None:
            return None
        version_node = values.get("version")
        if isinstance(version_node, Scalar) and version_node.plain and not version_node.is_null:
            version = version_node.value  # a plain 2026.1 stays "2026.1", as written
        else:
            version = self.text(values, "version", MAX_TITLE)
        language = self.text(values, "language", MAX_TITLE, required=False) or "nl"
        if "language" in values and not LANGUAGE.fullmatch(language):
            self.add(values["language"], "'language' moet een taalcode zijn, zoals 'nl'")
        kind = self.choice(values, "kind", DECK_KINDS, "dilemmas")
        return DeckInfo(
            id=self.slug(values, "id"),
            title=self.text(values, "title", MAX_TITLE),
            version=version,
            language=language,
            description=self.text(values, "description", MAX_DESCRIPTION, required=False),
            kind="pulse" if kind == "pulse" else "dilemmas",
        )

    def themes(self, top: dict[str, Node]) -> list[Theme]:
        themes: list[Theme] = []
        first: dict[str, int] = {}
        entries = self.items(top, "themes", "thema")
        if "themes" in top and not entries and isinstance(top["themes"], (Sequence, Scalar)):
            self.add(top["themes"], "'themes' heeft minstens één thema nodig")
        for entry in entries:
            values = self.mapping(entry, "dit thema", THEME_KEYS, THEME_KEYS)
            if values is None:
                continue
            theme = Theme(id=self.slug(values, "id"), title=self.text(values, "title", MAX_TITLE))
            if theme.id in first:
                self.add(values["id"], f"thema '{theme.id}' staat er twee keer (eerst op regel {first[theme.id]})")
                continue
            if theme.id:
                first[theme.id] = values["id"].line
            themes.append(theme)
        return themes

    def dilemmas(self, top: dict[str, Node], themes: set[str], theme_order: list[str],
                 pulse: bool) -> list[Dilemma]:
        dilemmas: list[Dilemma] = []
        first: dict[str, int] = {}
        entries = self.items(top, "dilemmas", "dilemma")
        if "dilemmas" in top and not entries and isinstance(top["dilemmas"], (Sequence, Scalar)):
            self.add(top["dilemmas"], "'dilemmas' heeft minstens één dilemma nodig")
        required: tuple[str, ...] = ("id", "theme", "title", "question", "answer")
        if not pulse:
            required += ("situation", "guidance")
        for index, entry in enumerate(entries):
            entries[index] = _DONE  # its nodes go once its dilemma is built (see _deck_from_tree)
            values = self.mapping(entry, "dit dilemma", DILEMMA_KEYS, required)
            if values is None:
                continue
            dilemma = self.dilemma(values, themes, theme_order, pulse)
            if dilemma.id in first:
                self.add(values["id"], f"dilemma '{dilemma.id}' staat er twee keer (eerst op regel {first[dilemma.id]})")
            elif dilemma.id:
                first[dilemma.id] = values["id"].line
            dilemmas.append(dilemma)
        return dilemmas

    def dilemma(self, values: dict[str, Node], themes: set[str], theme_order: list[str],
                pulse: bool) -> Dilemma:
        theme = self.slug(values, "theme")
        if theme and theme not in themes:
            declared = ", ".join(theme_order) if theme_order else "(nog geen)"
            self.add(values["theme"], _unknown(
                f"thema '{theme}' staat niet onder 'themes'", theme, theme_order,
                then=f"De thema's van dit deck: {declared}. Een nieuw thema zet je onder 'themes:' "
                     f"als '- id: {theme}' met op de regel eronder '  title: …'"))
        answer = self.answer(values["answer"], pulse) if "answer" in values else Answer("open")
        dilemma_id = self.slug(values, "id")
        if dilemma_id.startswith(OWN_PREFIX):
            self.add(values["id"], f"'id' mag niet met '{OWN_PREFIX}' beginnen: zo heten de "
                                   "eigen casussen die een team tijdens het spel intypt. "
                                   f"Kies een andere id, bijvoorbeeld '{dilemma_id.removeprefix(OWN_PREFIX)}'")
        return Dilemma(
            id=dilemma_id,
            theme=theme,
            title=self.text(values, "title", MAX_TITLE),
            situation=self.text(values, "situation", MAX_SITUATION),
            question=self.text(values, "question", MAX_QUESTION),
            answer=answer,
            prompts=self.text_list(values, "prompts", MAX_LINE_ITEM),
            variations=self.text_list(values, "variations", MAX_LINE_ITEM),
            guidance=self.text(values, "guidance", MAX_GUIDANCE),
            references=self.text_list(values, "references", MAX_REFERENCE),
            audience=self.audience(values),
            contacts=self.slug_list(values, "contacts"),
        )

    def slug_list(self, values: dict[str, Node], key: str) -> tuple[str, ...]:
        """A list of ids (such as contact ids); each must be a slug."""
        result: list[str] = []
        for item in self.items(values, key, "id"):
            value = item.value.strip() if isinstance(item, Scalar) and not item.is_null else ""
            if not value or not SLUG.fullmatch(value):
                self.add(item, f"elke regel in '{key}' moet een id zijn van kleine letters, "
                               "cijfers en '-', zoals 'vertrouwenspersoon'")
                continue
            result.append(value)
        return tuple(result)

    def audience(self, values: dict[str, Node]) -> tuple[str, ...]:
        if "audience" not in values or (isinstance(values["audience"], Scalar) and values["audience"].is_null):
            return ("team",)
        result: list[str] = []
        entries = self.items(values, "audience", "doelgroep")
        if not entries and isinstance(values["audience"], Sequence):
            self.add(values["audience"], f"'audience' is leeg; noem minstens één van {_or(AUDIENCES)}")
        for item in entries:
            value = item.value.strip() if isinstance(item, Scalar) else ""
            if value not in AUDIENCES:
                shown = f"'{value}'" if value else "dit"
                self.add(item, _unknown(f"doelgroep {shown} bestaat niet; kies uit {_or(AUDIENCES)}",
                                        value, AUDIENCES))
                continue
            result.append(value)
        return tuple(result)

    def answer(self, node: Node, pulse: bool) -> Answer:
        values = self.mapping(node, "'answer'", ANSWER_KEYS, ("kind",))
        if values is None or "kind" not in values:
            return Answer("open")
        kind = self.choice(values, "kind", ANSWER_KINDS, "")
        if not kind:
            return Answer("open")
        extra = {"choice": ("points", "low", "high"), "scale": ("options",),
                 "open": ("options", "points", "low", "high")}[kind]
        for key in extra:
            if key in values:
                self.add(values[key], f"'{key}' hoort niet bij kind: {kind}")
        if kind == "choice":
            return Answer("choice", options=self.options(values, pulse))
        if kind == "scale":
            missing = [key for key in ("points", "low", "high") if key not in values]
            if missing:
                self.add(node, f"bij kind: scale horen ook {_and(missing)}")
            return Answer("scale", points=self.points(values),
                          low=self.text(values, "low", MAX_SCALE_LABEL),
                          high=self.text(values, "high", MAX_SCALE_LABEL))
        return Answer("open")

    def points(self, values: dict[str, Node]) -> int:
        node = values.get("points")
        if node is None:
            return 0
        points = node.as_int() if isinstance(node, Scalar) else None
        if points is None or not 2 <= points <= 10:
            self.add(node, "'points' moet een getal van 2 tot 10 zijn")
            return 0
        return points

    def options(self, values: dict[str, Node], pulse: bool) -> tuple[Option, ...]:
        if "options" not in values:
            self.add(values["kind"], "bij kind: choice horen 'options' (2 tot 5)")
            return ()
        entries = self.items(values, "options", "optie")
        if isinstance(values["options"], Sequence) and not 2 <= len(entries) <= 5:
            self.add(values["options"], f"een keuzevraag heeft 2 tot 5 opties, niet {len(entries)}")
        options: list[Option] = []
        first: dict[str, int] = {}
        for entry in entries:
            option_values = self.mapping(entry, "deze optie", OPTION_KEYS, REQUIRED_OPTION_KEYS)
            if option_values is None:
                continue
            key = self.text(option_values, "key", MAX_TITLE)
            if key and pulse and not SLUG.fullmatch(key):
                self.add(option_values["key"], "in een peilingdeck is een optiesleutel een kort woord "
                                               f"met kleine letters, zoals 'ja' of 'weet-niet' (niet '{key}')")
            elif key and not pulse and key not in CHOICE_KEYS:
                self.add(option_values["key"], f"een optiesleutel is A, B, C, D of E (niet '{key}')")
            if key in first:
                self.add(option_values["key"], f"optie '{key}' staat er twee keer (eerst op regel {first[key]})")
            elif key:
                first[key] = option_values["key"].line
            options.append(Option(key=key, text=self.text(option_values, "text", MAX_OPTION),
                                  feedback=self.text(option_values, "feedback", MAX_FEEDBACK,
                                                     required=False)))
        return tuple(options)


def _unknown(message: str, value: str, known: Iterable[str], then: str = "") -> str:
    """The message with a guess at what was meant ("bedoel je 'x'?"), and ``then``, a next
    sentence, after it."""
    candidates = list(known)
    guess = _DUTCH_KEYS.get(value.lower())
    if guess not in candidates:
        matches = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
        guess = matches[0] if matches else None
    text = f"{message}; bedoel je '{guess}'?" if guess else message
    return f"{end_sentence(text)} {then}" if then else text


def _or(words: Iterable[str]) -> str:
    items = list(words)
    return ", ".join(items[:-1]) + " of " + items[-1] if len(items) > 1 else "".join(items)


def _and(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return ", ".join(quoted[:-1]) + " en " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _colon_hint(node: Node) -> str:
    """For a text that YAML read as 'key: value' because of a ': ' inside it."""
    if isinstance(node, Mapping):
        return ("; staat er een ':' in de tekst? Zet de hele tekst dan tussen rechte "
                "aanhalingstekens, zoals \"Let op: dit\"")
    return ""


def _kind_nl(node: Node) -> str:
    return "lijst" if isinstance(node, Sequence) else "blok met sleutels"


def _slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "mijn-deck"

"""Typed, frozen data classes for decks, themes and dilemma cards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

AnswerKind = Literal["choice", "scale", "open"]
DeckKind = Literal["dilemmas", "pulse"]
Audience = Literal["team", "nieuw", "raad", "leidinggevenden"]

AUDIENCES: tuple[str, ...] = ("team", "nieuw", "raad", "leidinggevenden")
OWN_PREFIX = "eigen-"
"""Ids of an *eigen casus* typed during a session start with this; no deck card may."""


@dataclass(frozen=True)
class Option:
    """One answer option of a choice card: key A–E (or a slug in a pulse deck) and its text."""

    key: str
    text: str
    feedback: str = ""
    """What this choice means for a new hire (why, never right or wrong); shown after practice."""


@dataclass(frozen=True)
class Answer:
    """How a card is answered: a choice between options, a point on a scale, or open."""

    kind: AnswerKind
    options: tuple[Option, ...] = ()
    points: int = 0
    low: str = ""
    high: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        """The vote keys: option keys (choice), "1".."N" (scale), none (open)."""
        if self.kind == "choice":
            return tuple(o.key for o in self.options)
        if self.kind == "scale":
            return tuple(str(i) for i in range(1, self.points + 1))
        return ()

    def label(self, key: str) -> str:
        """A short human label for a vote key."""
        if self.kind == "choice":
            for o in self.options:
                if o.key == key:
                    return o.text
        if self.kind == "scale":
            if key == "1" and self.low:
                return f"1 — {self.low}"
            if key == str(self.points) and self.high:
                return f"{key} — {self.high}"
        return key


@dataclass(frozen=True)
class Theme:
    """A theme of a deck, such as *geschenken*."""

    id: str
    title: str


@dataclass(frozen=True)
class Dilemma:
    """One dilemma card (or, in a pulse deck, one pulse question)."""

    id: str
    theme: str
    title: str
    situation: str
    question: str
    answer: Answer
    prompts: tuple[str, ...] = ()
    variations: tuple[str, ...] = ()
    guidance: str = ""
    references: tuple[str, ...] = ()
    audience: tuple[str, ...] = ("team",)
    contacts: tuple[str, ...] = ()
    """Ids of contacts in the config, shown with the guidance ("wie in jouw organisatie")."""


@dataclass(frozen=True)
class DeckInfo:
    """The `deck:` header of a deck file."""

    id: str
    title: str
    version: str
    language: str = "nl"
    description: str = ""
    kind: DeckKind = "dilemmas"


@dataclass(frozen=True)
class Deck:
    """A validated deck: its header, themes and cards, and where it came from."""

    info: DeckInfo
    themes: tuple[Theme, ...]
    dilemmas: tuple[Dilemma, ...]
    source: str = "ingebouwd"  # "ingebouwd" (bundled), "gebruiker" (data dir) or "map" (--decks)
    path: str = ""
    _by_id: dict[str, Dilemma] = field(default_factory=dict, compare=False, repr=False)
    renamed_keys: Mapping[str, Mapping[str, Mapping[str, str]]] = field(
        default_factory=dict, compare=False)
    """Per older version of this deck, per dilemma id: an option key then → its key now (the
    YAML key ``renamed_keys``), so that the report sums votes by what they meant. An empty
    mapping (YAML ``vervangen``): the card's options changed meaning since that version, and
    its votes then are left out of the card's figures."""

    def key_map(self, version: str, dilemma_id: str) -> Mapping[str, str] | None:
        """How the option keys of ``dilemma_id`` in deck version ``version`` read now; None
        when they mean the same, {} when they can't be compared any more."""
        return self.renamed_keys.get(version, {}).get(dilemma_id)

    def __post_init__(self) -> None:
        self._by_id.update({d.id: d for d in self.dilemmas})

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def is_pulse(self) -> bool:
        return self.info.kind == "pulse"

    def dilemma(self, dilemma_id: str) -> Dilemma | None:
        """The card with this id, or None."""
        return self._by_id.get(dilemma_id)

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, or None."""
        for t in self.themes:
            if t.id == theme_id:
                return t
        return None

    def theme_title(self, theme_id: str) -> str:
        t = self.theme(theme_id)
        return t.title if t else theme_id

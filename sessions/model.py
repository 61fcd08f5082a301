"""Anonymous session records (SPEC §7): team sessions, rounds, re-votes, pulse answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from dilemmas.model import OWN_PREFIX as _OWN_PREFIX

VoteMode = Literal["hands", "secret", "none"]
SessionKind = Literal["team", "practice"]


@dataclass(frozen=True)
class Revote:
    """A re-vote after a "Maar wat als…?" variation (index into the card's variations)."""

    variation: int
    counts: Mapping[str, int]


OwnKind = Literal["choice", "open"]
OWN_PREFIX = _OWN_PREFIX
"""Dilemma ids of an *eigen casus* start with this; no deck card may use it."""


@dataclass(frozen=True)
class OwnOption:
    """One option of an eigen casus (key "A"…"E")."""

    key: str
    text: str


@dataclass(frozen=True)
class OwnCase:
    """A dilemma brought in by the team and typed during the session (texts scrubbed)."""

    title: str
    question: str
    kind: OwnKind = "open"
    options: tuple[OwnOption, ...] = ()
    situation: str = ""
    """Kept on this laptop to play and resume the card; never exported in a bundle."""


@dataclass(frozen=True)
class Round:
    """One played card. `counts` is None when there was no vote (mode "none" or open card)."""

    dilemma: str
    theme: str
    vote: VoteMode
    counts: Mapping[str, int] | None = None
    revotes: tuple[Revote, ...] = ()
    minutes: int | None = None
    note: str | None = None
    blanco: int = 0
    """Abstentions in the secret vote on the card itself, counted apart from ``counts``."""
    own: OwnCase | None = None
    """Set for an eigen casus (``dilemma`` then starts with ``OWN_PREFIX``)."""


@dataclass(frozen=True)
class PulseAnswer:
    """The tally of one pulse question (secret vote)."""

    question: str
    counts: Mapping[str, int]


@dataclass(frozen=True)
class SessionRecord:
    """One session as stored and exchanged: month-level, no names, tallies only."""

    id: str
    kind: SessionKind
    month: str  # "YYYY-MM"
    team: str | None
    participants: int
    deck_id: str
    deck_version: str
    rounds: tuple[Round, ...] = ()
    pulse: tuple[PulseAnswer, ...] = ()
    completed: bool = False
    extra: Mapping[str, object] = field(default_factory=dict, compare=False)

"""Anonymous session records (SPEC §7): team sessions, rounds, re-votes, pulse answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

VoteMode = Literal["hands", "secret", "none"]
SessionKind = Literal["team", "practice"]


@dataclass(frozen=True)
class Revote:
    """A re-vote after a "Maar wat als…?" variation (index into the card's variations)."""

    variation: int
    counts: Mapping[str, int]


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

"""The WIO report's data model (SPEC §9): frozen figures, already suppressed, that every
renderer and the Rapportage screen read; the period and team labels they are counted over."""

from __future__ import annotations

import datetime as _dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

Counts = dict[str, int]


@dataclass(frozen=True)
class Period:
    """An inclusive range of months, "YYYY-MM" to "YYYY-MM"."""

    start: str
    end: str
    implicit: bool = False
    """True when no period was asked for and the current calendar year is used."""

    @classmethod
    def year(cls, year: int) -> Period:
        """January to December of ``year``."""
        return cls(f"{year:04d}-01", f"{year:04d}-12")

    @classmethod
    def current_year(cls, today: _dt.date | None = None) -> Period:
        """The current calendar year, marked as not asked for."""
        y = (today or _dt.date.today()).year
        return cls(f"{y:04d}-01", f"{y:04d}-12", implicit=True)

    def contains(self, month: str) -> bool:
        return self.start <= month <= self.end


@dataclass(frozen=True)
class Totals:
    """The headline figures."""

    sessions: int
    teams: int
    """Teams reached: of the config's team list when there is one, else distinct labels."""
    participants: int
    """Deelnames: a person who played twice counts twice."""
    rounds: int
    participants_mean: float | None
    """Participants per session, 1 decimal; None without sessions."""
    other_teams: int = 0
    """Distinct labels outside the config's team list (0 without a list)."""


@dataclass(frozen=True)
class ThemeFigure:
    """Rounds played per theme."""

    id: str
    title: str
    rounds: int


@dataclass(frozen=True)
class DilemmaFigure:
    """One dilemma over the period: how often played and how the first votes fell."""

    id: str
    deck: str
    theme: str
    title: str
    played: int
    answers: int
    counts: Counts | None
    """Summed first-vote counts in option order; None when suppressed (answers < k)."""
    verdeeldheid: float | None
    labels: Mapping[str, str] = field(default_factory=dict)
    question: str = ""
    """The dilemma's question from the installed deck ("" when the deck is not installed)."""
    blanco: int | None = 0
    """Abstentions in the secret votes summed in ``counts`` (not part of them); None when
    ``counts`` is hidden."""
    open: bool = False
    """An open question: talked about, never voted on."""
    summed: int = 0
    """Rounds whose first vote entered ``counts`` (the others had fewer than ``k`` answers, or
    options whose meaning changed since)."""


@dataclass(frozen=True)
class ShiftFigure:
    """Re-votes after one "Maar wat als…?" variation of one dilemma, summed over rounds."""

    deck: str
    dilemma: str
    title: str
    variation: int
    text: str | None
    revotes: int
    answers_before: int
    before: Counts | None
    answers_after: int
    after: Counts | None
    """Both None when hidden: too few answers, or the before could be subtracted from a total."""
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class QuarterFigure:
    """One quarter of a pulse question."""

    quarter: str
    answers: int
    counts: Counts | None


@dataclass(frozen=True)
class PulseFigure:
    """A meldklimaat question: totals and the trend per quarter."""

    question: str
    title: str
    answers: int
    counts: Counts | None
    quarters: tuple[QuarterFigure, ...]
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def left_out(self) -> tuple[QuarterFigure, ...]:
        """The quarters whose answers came from fewer than 3 teams: in no sum (SPEC §8)."""
        return tuple(q for q in self.quarters if q.counts is None)


@dataclass(frozen=True)
class OwnCaseFigure:
    """An *eigen casus*, by title: a team's own card, so only how often it was played."""

    title: str
    played: int


@dataclass(frozen=True)
class SessionRow:
    """One counted session in the list; no id, no day, no names."""

    month: str
    team: str | None
    participants: int
    rounds: int
    completed: bool


@dataclass(frozen=True)
class NoteGroup:
    """The (already scrubbed) notes of one dilemma, sorted so they cannot be tied to a session."""

    deck: str
    dilemma: str
    title: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """Every figure of the WIO report, already suppressed; renderers only format it."""

    period: Period
    k: int
    totals: Totals
    themes: tuple[ThemeFigure, ...]
    dilemmas: tuple[DilemmaFigure, ...]
    shifts: tuple[ShiftFigure, ...]
    pulse: tuple[PulseFigure, ...]
    sessions: tuple[SessionRow, ...]
    with_notes: bool = False
    notes: tuple[NoteGroup, ...] = ()
    teams: tuple[str, ...] = ()
    """The organisation's teams (config ``teams``), for the reach."""
    previous: Totals | None = None
    """The totals of the previous period of the same length, when asked for."""
    previous_pulse: tuple[PulseFigure, ...] = ()
    """The pulse of that previous period (same rule: whole quarters of at least 3 teams)."""
    own_cases: tuple[OwnCaseFigure, ...] = ()
    """The eigen casussen played, by title (SPEC §7): apart from every dilemma figure."""
    skipped: int = 0
    """Sessions of the period left out because a stored cell is damaged (SPEC §12)."""
    left_out_votes: int = 0
    """Votes (a round's first vote) of 1 to k-1 answers, in no sum (SPEC §8)."""
    left_out_pulse: int = 0
    """One session's answers to one pulse question, 1 to k-1 of them, in no sum (SPEC §8)."""


@lru_cache(maxsize=4096)  # a few dozen labels, met once per session and pulse answer
def team_label(team: str | None) -> str:
    """A team label as shown: NFC, white space collapsed and trimmed (SPEC §9)."""
    return " ".join(unicodedata.normalize("NFC", team).split()) if team else ""


@lru_cache(maxsize=4096)
def team_key(team: str | None) -> str:
    """What two labels of the same team share: ``team_label`` case-folded."""
    return team_label(team).casefold()


def quarter_of(month: str) -> str:
    """ "2026-05" → "2026-Q2"."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


@dataclass(frozen=True)
class Reach:
    """Which of the organisation's teams played in the period."""

    teams: tuple[str, ...]
    reached: tuple[str, ...]
    not_reached: tuple[str, ...]
    others: int
    """Distinct labels that played but are not in the config's team list."""
    other_labels: tuple[str, ...] = ()
    """Those labels, as shown in the session list, alphabetically."""


def reach(report: Report) -> Reach:
    """The reach of ``report`` against its config teams (labels compared as ``team_key``)."""
    played = {team_key(s.team) for s in report.sessions if s.team}
    listed = {team_key(t) for t in report.teams}
    reached = tuple(t for t in report.teams if team_key(t) in played)
    not_reached = tuple(t for t in report.teams if team_key(t) not in played)
    shown: dict[str, str] = {}
    for s in report.sessions:
        if s.team and team_key(s.team) not in listed:
            shown.setdefault(team_key(s.team), s.team)
    others = tuple(sorted(shown.values(), key=lambda t: (t.casefold(), t)))
    return Reach(report.teams, reached, not_reached, len(played - listed), others)


def previous_period(period: Period) -> Period:
    """The period of the same number of months that ends the month before ``period`` starts."""
    def index(month: str) -> int:
        return int(month[:4]) * 12 + int(month[5:7]) - 1

    def month(i: int) -> str:
        return f"{i // 12:04d}-{i % 12 + 1:02d}"

    length = index(period.end) - index(period.start) + 1
    start = index(period.start) - length
    return Period(month(start), month(start + length - 1))

"""The team game as plain state: setup, the card plan, rounds, votes, coverage and resume state."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from dilemmas.model import Deck, Dilemma
from game.rules.own import own_case_id
from game.rules.round import RoundState, card_vote_mode
from game.rules.spread import spread_by_theme
from sessions.model import OwnCase, PulseAnswer, Round, VoteMode
from sessions.own import own_card

Order = Literal["shuffled", "fixed", "board"]
LimitKind = Literal["dilemmas", "minutes"]

VOTE_MODES: tuple[VoteMode, ...] = ("hands", "secret", "none")
VOTE_MODE_LABELS: dict[str, str] = {
    "hands": "handen tellen",
    "secret": "geheime stemming",
    "none": "geen stemming",
}
STATE_VERSION = 1


class SetupError(ValueError):
    """A setup value that cannot be used; ``str(error)`` is Dutch, ``field`` names the input."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


PulseMoment = Literal["begin", "end", "none"]
PULSE_MOMENTS: tuple[PulseMoment, ...] = ("begin", "end", "none")


@dataclass(frozen=True)
class GameSetup:
    """What the facilitator chose before the first card."""

    deck_id: str
    deck_version: str
    team: str | None
    participants: int
    limit_kind: LimitKind = "dilemmas"
    limit: int = 6
    themes: tuple[str, ...] = ()
    order: Order = "shuffled"
    vote: VoteMode = "hands"
    seed: int = 0
    pulse: PulseMoment = "begin"
    """When the meldklimaat-peiling is asked: before the first card (SPEC §4.4: the default,
    before the cards talk about reporting), after the last, or not."""
    card_minutes: int | None = None
    """Discussion time per card: the round timer counts down from it. None: it counts up."""

    @property
    def card_seconds(self) -> int | None:
        """The countdown per card in seconds, or None (the timer counts up)."""
        return None if self.card_minutes is None else self.card_minutes * 60

    def to_dict(self) -> dict[str, Any]:
        return {
            "deck_id": self.deck_id,
            "deck_version": self.deck_version,
            "team": self.team,
            "participants": self.participants,
            "limit_kind": self.limit_kind,
            "limit": self.limit,
            "themes": list(self.themes),
            "order": self.order,
            "vote": self.vote,
            "seed": self.seed,
            "pulse": self.pulse,
            "card_minutes": self.card_minutes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GameSetup:
        return cls(
            deck_id=str(data["deck_id"]),
            deck_version=str(data.get("deck_version", "")),
            team=data.get("team"),
            participants=int(data["participants"]),
            limit_kind=data.get("limit_kind", "dilemmas"),
            limit=int(data.get("limit", 6)),
            themes=tuple(data.get("themes", ())),
            order=data.get("order", "shuffled"),
            vote=data.get("vote", "hands"),
            seed=int(data.get("seed", 0)),
            # A state from before the setting had the pulse at the end.
            pulse=data.get("pulse", "end") if data.get("pulse") in PULSE_MOMENTS else "end",
            card_minutes=_card_minutes(data.get("card_minutes")),
        )


def _card_minutes(value: object) -> int | None:
    """The stored time per card, or None when it is missing or unusable."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if MIN_CARD_MINUTES <= value <= MAX_CARD_MINUTES else None


def clean_team_label(text: str | None) -> str | None:
    """The team label as stored: trimmed, inner whitespace collapsed, None when empty."""
    if text is None:
        return None
    label = " ".join(text.split())
    return label[:60] or None


def parse_participants(text: str) -> int:
    """The number of participants typed in setup (1–99), or SetupError."""
    text = text.strip()
    if not text:
        raise SetupError("Vul het aantal deelnemers in.", "participants")
    if not text.isdecimal() or not text.isascii():
        raise SetupError("Typ een heel getal, zoals 9.", "participants")
    n = int(text)
    if not 1 <= n <= 99:
        raise SetupError("Het aantal deelnemers ligt tussen 1 en 99.", "participants")
    return n


MAX_PARTICIPANTS_CHANGE = 999
"""The most participants a session can be changed to while it is played."""


def parse_participants_change(text: str) -> int:
    """The new number of participants typed during a session (1–999), or SetupError."""
    text = text.strip()
    if not text:
        raise SetupError("Vul het aantal deelnemers in.", "participants")
    if not text.isdecimal() or not text.isascii():
        raise SetupError("Typ een heel getal, zoals 9.", "participants")
    n = int(text)
    if not 1 <= n <= MAX_PARTICIPANTS_CHANGE:
        raise SetupError(
            f"Het aantal deelnemers ligt tussen 1 en {MAX_PARTICIPANTS_CHANGE}.", "participants"
        )
    return n


def parse_limit(text: str, kind: LimitKind) -> int:
    """How many dilemmas (1–200) or minutes (5–480), or SetupError."""
    text = text.strip()
    what = "dilemma's" if kind == "dilemmas" else "minuten"
    low, high = (1, 200) if kind == "dilemmas" else (5, 480)
    if not text.isdecimal() or not text.isascii():
        raise SetupError(f"Typ een heel getal voor het aantal {what}.", "limit")
    n = int(text)
    if not low <= n <= high:
        raise SetupError(f"Het aantal {what} ligt tussen {low} en {high}.", "limit")
    return n


MIN_CARD_MINUTES = 1
MAX_CARD_MINUTES = 120


def parse_card_minutes(text: str) -> int | None:
    """The discussion time per card typed in setup (1–120 minutes), None when left empty, or
    SetupError. Never cut: a number out of range is refused with a message."""
    text = text.strip()
    if not text:
        return None
    if not text.isdecimal() or not text.isascii():
        raise SetupError(
            "Typ een heel aantal minuten, zoals 5, of laat het veld leeg.", "card-minutes"
        )
    n = int(text)
    if not MIN_CARD_MINUTES <= n <= MAX_CARD_MINUTES:
        raise SetupError(
            f"De tijd per kaart ligt tussen {MIN_CARD_MINUTES} en {MAX_CARD_MINUTES} minuten. "
            "Leeg: de timer telt op.",
            "card-minutes",
        )
    return n


def countdown_face(seconds: int, limit: int | None) -> tuple[str, bool]:
    """What the discussion timer shows: (the clock, whether the time is up).

    Without a limit the clock counts up (``MM:SS``). With one (seconds) it counts down to
    ``00:00`` and then on past zero as ``+MM:SS``: the room sees how far over it is, the timer
    never stops by itself.
    """
    if limit is None:
        minutes, secs = divmod(max(0, seconds), 60)
        return f"{minutes:02d}:{secs:02d}", False
    left = limit - max(0, seconds)
    minutes, secs = divmod(abs(left), 60)
    if left > 0:
        return f"{minutes:02d}:{secs:02d}", False
    return ("+" if left < 0 else "") + f"{minutes:02d}:{secs:02d}", True


def looks_like_name(label: str) -> bool:
    """A rough guess whether a team label is a person's name (two capitalised words, no
    typical team word). Only used for a gentle warning."""
    team_words = ("team", "afdeling", "cluster", "dienst", "sector", "bureau", "groep", "unit")
    words = label.split()
    if any(w.lower().strip(",.") in team_words for w in words):
        return False
    tussen = {"van", "de", "der", "den", "het", "ter", "ten", "te", "'t"}
    capital = [w for w in words if w.lower() not in tussen]
    return 2 <= len(capital) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in capital)


def playable_cards(deck: Deck, themes: Sequence[str]) -> list[Dilemma]:
    """The deck's cards in the chosen themes (all themes when none are chosen), team cards first
    kept in deck order."""
    wanted = set(themes) or {t.id for t in deck.themes}
    return [d for d in deck.dilemmas if d.theme in wanted]


def order_cards(
    deck: Deck, setup: GameSetup, played: Collection[str] = frozenset()
) -> list[str]:
    """Every playable card id, in the order they come up. For order "board": none (the cards
    are picked on the board). A shuffled order puts the cards this team played in earlier
    sessions (``played``) after the others, each part spread over the themes."""
    if setup.order == "board":
        return []
    playable = playable_cards(deck, setup.themes)
    cards = [d.id for d in playable]
    if setup.order == "shuffled":
        theme = {d.id: d.theme for d in playable}
        fresh = [c for c in cards if c not in played]
        seen = [c for c in cards if c in played]
        cards = spread_by_theme(fresh, theme.__getitem__, setup.seed) + spread_by_theme(
            seen, theme.__getitem__, setup.seed
        )
    return cards


def plan_cards(deck: Deck, setup: GameSetup, played: Collection[str] = frozenset()) -> list[str]:
    """The card ids to play, in order (cut to the number of dilemmas set)."""
    cards = order_cards(deck, setup, played)
    return cards[: setup.limit] if setup.limit_kind == "dilemmas" else cards


@dataclass
class GameState:
    """A whole team session in play: setup, the plan, where we are, each round, the pulse."""

    setup: GameSetup
    plan: list[str]
    position: int = 0
    rounds: dict[int, RoundState] = field(default_factory=dict)
    pulse: dict[str, dict[str, int]] = field(default_factory=dict)
    finished: bool = False
    clock_started: float | None = None
    """Epoch seconds when the first card was shown: in "minutes" mode the session clock is
    wall time, not the sum of the round timers."""
    pulse_pending: bool = False
    """The pulse at the start is being asked: a resume goes back to it, not to the cards."""
    pulse_blanco: dict[str, int] = field(default_factory=dict)
    """Abstentions per pulse question, counted apart from its answers (shown, never summed)."""
    reserve: list[str] = field(default_factory=list)
    """The cards after the plan, in order: a skipped card is replaced by the first of them."""
    _own_cards: dict[str, Dilemma] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def start(cls, deck: Deck, setup: GameSetup, played: Collection[str] = frozenset()) -> GameState:
        """A new game; ``played``: cards this team played before (a shuffle puts them last)."""
        cards = order_cards(deck, setup, played)
        if setup.limit_kind == "dilemmas":
            game = cls(setup=setup, plan=cards[: setup.limit], reserve=cards[setup.limit :])
        else:
            game = cls(setup=setup, plan=cards)
        if game.plan:
            game.ensure_round(deck, 0)
        return game

    def rounds_index(self, rnd: RoundState) -> int:
        """The plan position of a round (it may have moved: an eigen casus put in before)."""
        return next(i for i, r in self.rounds.items() if r is rnd)

    def set_participants(self, participants: int) -> None:
        """Latecomers or leavers: the session counts this many participants from now on."""
        self.setup = replace(self.setup, participants=participants)

    # -- where we are ----------------------------------------------------------------------

    @property
    def has_card(self) -> bool:
        return 0 <= self.position < len(self.plan)

    @property
    def current(self) -> RoundState | None:
        return self.rounds.get(self.position) if self.has_card else None

    def card(self, deck: Deck, dilemma_id: str) -> Dilemma | None:
        """The card of a plan entry: from the deck, or the session's own eigen casus."""
        card = deck.dilemma(dilemma_id)
        if card is not None:
            return card
        cached = self._own_cards.get(dilemma_id)
        if cached is not None:
            return cached
        for rnd in self.rounds.values():
            if rnd.dilemma == dilemma_id and rnd.own is not None:
                made = self._own_cards[dilemma_id] = own_card(dilemma_id, rnd.own, rnd.theme)
                return made
        return None

    def add_own(self, case: OwnCase, theme: str) -> int:
        """Put an eigen casus into the plan right after the current card and go to it.

        Returns its plan position. Rounds after it move one place on, as the store's do
        (``make_room``)."""
        case_id = own_case_id(self.plan)
        index = self.position + 1 if self.has_card else len(self.plan)
        self.plan.insert(index, case_id)
        self.rounds = {(i + 1 if i >= index else i): r for i, r in self.rounds.items()}
        self.rounds[index] = RoundState(
            dilemma=case_id,
            theme=theme,
            vote="none" if case.kind == "open" else self.setup.vote,
            own=case,
        )
        self._own_cards.pop(case_id, None)
        self.position = index
        return index

    def ensure_round(self, deck: Deck, index: int) -> RoundState:
        """The round at ``index``, created with the default vote mode on first visit."""
        rnd = self.rounds.get(index)
        if rnd is None:
            dilemma = deck.dilemma(self.plan[index])
            if dilemma is None:
                raise KeyError(self.plan[index])
            rnd = RoundState(
                dilemma=dilemma.id,
                theme=dilemma.theme,
                vote=card_vote_mode(dilemma, self.setup.vote),
            )
            self.rounds[index] = rnd
        return rnd

    @property
    def at_last(self) -> bool:
        return self.position >= len(self.plan) - 1

    def needs_pick(self, deck: Deck) -> bool:
        """True when the next card is picked on the theme board: board order, at the last card
        of the plan, the planned number not reached and a theme with cards left."""
        return (
            self.setup.order == "board"
            and self.at_last
            and not self.limit_reached()
            and any(self.themes_left(deck).values())
        )

    def round_label(self) -> str:
        """ "Ronde 3 van 8" (with a number of dilemmas set), or "Ronde 3": the round screen and
        the resume offer say the same. An eigen casus comes on top of the planned cards."""
        n = self.position + 1
        if self.setup.limit_kind != "dilemmas":
            return f"Ronde {n}"
        if self.setup.order == "board":
            # Cards still to pick: the number set, plus each eigen casus and skipped card.
            extra = sum(1 for r in self.rounds.values() if r.own is not None or r.skipped)
            total = max(self.setup.limit + extra, len(self.plan))
        else:
            total = len(self.plan)
        return f"Ronde {n} van {total}"

    def limit_reached(self) -> bool:
        """True when the planned number of dilemmas has been played (board order)."""
        if self.setup.limit_kind != "dilemmas":
            return False
        # An eigen casus comes on top of the planned cards.
        deck_rounds = [i for i in self.played_indices() if self.rounds[i].own is None]
        return len(deck_rounds) >= self.setup.limit

    def next(self, deck: Deck) -> bool:
        """Go to the next planned card. Returns False when there is none (the end, or a
        theme must be picked first)."""
        if self.at_last:
            return False
        self.position += 1
        self.ensure_round(deck, self.position)
        return True

    def previous(self) -> bool:
        if self.position <= 0:
            return False
        self.position -= 1
        return True

    def skip(self, deck: Deck) -> bool:
        """Mark the current card as skipped (not recorded) and go on; the next card of the
        order not planned yet takes its place at the end, so the number of cards set is the
        number discussed. Returns False when there is no next card (the end, or a theme must
        be picked first)."""
        rnd = self.current
        if rnd is not None and not rnd.skipped:
            rnd.skipped = True
            planned = set(self.plan)
            while self.reserve:
                card = self.reserve.pop(0)
                if card not in planned and deck.dilemma(card) is not None:
                    self.plan.append(card)
                    break
        return self.next(deck)

    def pick_theme(self, deck: Deck, theme: str) -> Dilemma | None:
        """Board order: add a not yet planned card of ``theme`` and go to it.

        The card is drawn at random (from the setup's seed and the plan length, so a resumed
        session draws the same way). Returns None when the theme has no cards left.
        """
        planned = set(self.plan)
        left = [
            d
            for d in playable_cards(deck, self.setup.themes)
            if d.theme == theme and d.id not in planned
        ]
        if not left:
            return None
        card = random.Random(f"{self.setup.seed}:{len(self.plan)}").choice(left)
        self.plan.append(card.id)
        self.position = len(self.plan) - 1
        self.ensure_round(deck, self.position)
        return card

    def themes_left(self, deck: Deck) -> dict[str, int]:
        """Per theme of the session, how many of its cards are not planned yet."""
        planned = set(self.plan)
        left = {t: 0 for t in self.session_themes(deck)}
        for d in playable_cards(deck, self.setup.themes):
            if d.id not in planned:
                left[d.theme] = left.get(d.theme, 0) + 1
        return left

    # -- coverage and records --------------------------------------------------------------

    def session_themes(self, deck: Deck) -> list[str]:
        """The themes this session plays with, in deck order."""
        chosen = set(self.setup.themes)
        return [t.id for t in deck.themes if not chosen or t.id in chosen]

    def played_indices(self) -> list[int]:
        """Plan positions of the rounds that count (shown and not skipped)."""
        return sorted(i for i, r in self.rounds.items() if not r.skipped)

    def covered_themes(self) -> set[str]:
        return {self.rounds[i].theme for i in self.played_indices()}

    def played_rounds(self) -> list[Round]:
        return [self.rounds[i].to_round() for i in self.played_indices()]

    def start_clock(self, now: float) -> None:
        """Start the session clock (once; a resume keeps the first start)."""
        if self.clock_started is None:
            self.clock_started = now

    def minutes_elapsed(self, now: float) -> int:
        """Whole minutes of wall time since the first card (0 before the clock starts)."""
        if self.clock_started is None:
            return 0
        return max(0, int(now - self.clock_started) // 60)

    def pulse_answers(self) -> list[PulseAnswer]:
        return [PulseAnswer(question=q, counts=dict(c)) for q, c in self.pulse.items()]

    def pulse_round(self, question: Dilemma) -> RoundState:
        """A pulse question as a secret round (the pulse follows the round's rules)."""
        counts = self.pulse.get(question.id)
        return RoundState(
            dilemma=question.id,
            theme=question.theme,
            vote="secret",
            counts=dict(counts) if counts is not None else None,
            blanco=self.pulse_blanco.get(question.id, 0),
        )

    def keep_pulse(self, question: str, counts: Mapping[str, int] | None, blanco: int = 0) -> None:
        """Keep a pulse question's secret result (None: skipped, nothing kept)."""
        if counts is None:
            self.pulse.pop(question, None)
            self.pulse_blanco.pop(question, None)
            return
        self.pulse[question] = dict(counts)
        if blanco:
            self.pulse_blanco[question] = blanco
        else:
            self.pulse_blanco.pop(question, None)

    def summary_facts(self) -> dict[str, Any]:
        """Plain JSON for the summary: each counted round's number as played, the skipped
        cards, who was present at each vote, the blanco of the pulse and of re-votes, and the
        deep dives."""
        played = self.played_indices()
        return {
            "numbers": [i + 1 for i in played],
            "skipped": [
                [i + 1, self.rounds[i].dilemma] for i in sorted(self.rounds) if self.rounds[i].skipped
            ],
            "present": [self.rounds[i].present for i in played],
            "pulse_blanco": dict(self.pulse_blanco),
            "revote_blanco": [
                [i + 1, variation, n]
                for i in played
                for variation, n in sorted(self.rounds[i].revote_blanco.items())
            ],
            "walkthroughs": [
                [i + 1, self.rounds[i].walkthrough] for i in played if self.rounds[i].walkthrough
            ],
        }

    # -- resume state ----------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """A JSON-able snapshot for the store, enough to resume exactly here."""
        return {
            "version": STATE_VERSION,
            "setup": self.setup.to_dict(),
            "plan": list(self.plan),
            "position": self.position,
            "rounds": {str(i): r.to_dict() for i, r in self.rounds.items()},
            "pulse": {q: dict(c) for q, c in self.pulse.items()},
            "finished": self.finished,
            # No time finer than the month is kept once the session has ended (SPEC §8).
            "clock_started": None if self.finished else self.clock_started,
            "pulse_pending": self.pulse_pending,
            "pulse_blanco": dict(self.pulse_blanco),
            "reserve": list(self.reserve),
            # What the summary needs beside the stored rounds, kept with the session so that
            # the summary made later (`sessions export`) says what the app said.
            "summary": self.summary_facts(),
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> GameState:
        """Rebuild a game from ``to_state()``'s output. Raises ValueError when it is unusable."""
        try:
            if int(state.get("version", 0)) != STATE_VERSION:
                raise ValueError("unknown state version")
            setup = GameSetup.from_dict(state["setup"])
            plan = [str(p) for p in state["plan"]]
            rounds = {int(i): RoundState.from_dict(r) for i, r in dict(state["rounds"]).items()}
            position = int(state.get("position", 0))
            pulse = {
                str(q): {str(k): int(v) for k, v in c.items()}
                for q, c in dict(state.get("pulse", {})).items()
            }
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"unusable state: {exc}") from exc
        if plan and not 0 <= position < len(plan):
            position = len(plan) - 1
        return cls(
            setup=setup,
            plan=plan,
            position=position,
            rounds=rounds,
            pulse=pulse,
            finished=bool(state.get("finished", False)),
            clock_started=(
                float(state["clock_started"]) if state.get("clock_started") is not None else None
            ),
            pulse_pending=state.get("pulse_pending") is True,
            reserve=[str(c) for c in state.get("reserve") or []],
            pulse_blanco={
                str(q): int(n)
                for q, n in dict(state.get("pulse_blanco") or {}).items()
                if isinstance(n, int) and str(q) in pulse
            },
        )

    def check_deck(self, deck: Deck) -> list[str]:
        """Card ids in the plan that the deck no longer has (a deck changed since)."""
        return [p for p in self.plan if self.card(deck, p) is None]

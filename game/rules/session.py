"""Saving a team game as it is played: every change goes to the store, or stays in memory."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from dilemmas.model import Deck
from game.rules.game import GameSetup, GameState
from sessions.model import PulseAnswer, Round, SessionKind, SessionRecord
from sessions.store import StoreError

SAVE_FAILED = (
    "Opslaan lukt niet: {reason} De sessie blijft in het geheugen; "
    "exporteer de samenvatting naar een andere map."
)


class StoreLike(Protocol):
    """The part of `sessions.store.Store` the game uses."""

    def start_session(
        self,
        *,
        kind: SessionKind,
        team: str | None,
        participants: int,
        deck_id: str,
        deck_version: str,
        month: str | None = None,
        state: Mapping[str, Any] | None = None,
    ) -> str: ...
    def save_round(self, session_id: str, index: int, rnd: Round) -> None: ...
    def delete_round(self, session_id: str, index: int) -> None: ...
    def save_pulse(self, session_id: str, pulse: Sequence[PulseAnswer]) -> None: ...
    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None: ...
    def complete(self, session_id: str) -> None: ...


def _this_month() -> str:
    return _dt.date.today().strftime("%Y-%m")


class GameSession:
    """A game plus where it is saved.

    Every ``save_*`` call writes through to the store. When the store is missing or fails,
    the game carries on in memory and ``on_problem`` is called once with a Dutch message.
    """

    def __init__(
        self,
        game: GameState,
        deck: Deck,
        store: StoreLike | None,
        *,
        session_id: str | None = None,
        on_problem: Callable[[str], None] | None = None,
        store_error: str | None = None,
    ) -> None:
        self.game = game
        self.deck = deck
        self.store = store
        self.session_id = session_id
        self.on_problem = on_problem
        self.problem: str | None = None
        self._store_error = store_error
        self.month = _this_month()

    @property
    def saving(self) -> bool:
        """True while changes reach the store."""
        return self.store is not None and self.session_id is not None and self.problem is None

    def _fail(self, reason: str) -> None:
        if self.problem is None:
            reason = reason.strip()
            if reason and not reason.endswith((".", "!", "?")):
                reason += "."
            self.problem = SAVE_FAILED.format(reason=reason or "de opslag werkt niet.")
            if self.on_problem is not None:
                self.on_problem(self.problem)

    def _call(self, fn: Callable[[], object]) -> None:
        if not self.saving:
            return
        try:
            fn()
        except StoreError as exc:
            self._fail(str(exc))
        except OSError as exc:
            self._fail(exc.strerror or str(exc))

    def begin(self) -> None:
        """Create the session in the store (the end of setup) and save the first round."""
        if self.store is None:
            self._fail(self._store_error or "de map voor gegevens is niet beschikbaar.")
            return
        setup = self.game.setup
        try:
            self.session_id = self.store.start_session(
                kind="team",
                team=setup.team,
                participants=setup.participants,
                deck_id=setup.deck_id,
                deck_version=setup.deck_version,
                state=self.game.to_state(),
            )
        except StoreError as exc:
            self._fail(str(exc))
            return
        except OSError as exc:
            self._fail(exc.strerror or str(exc))
            return
        self.save_round()

    def save_round(self, index: int | None = None) -> None:
        """Save (or, when skipped, remove) one round, then the resume state."""
        i = self.game.position if index is None else index
        rnd = self.game.rounds.get(i)
        sid = self.session_id
        store = self.store
        if rnd is not None and store is not None and sid is not None:
            if rnd.skipped:
                self._call(lambda: store.delete_round(sid, i))
            else:
                record = rnd.to_round()
                self._call(lambda: store.save_round(sid, i, record))
        self.save_state()

    def save_state(self) -> None:
        """Save where the game is, for resuming."""
        store, sid = self.store, self.session_id
        if store is not None and sid is not None:
            state = self.game.to_state()
            self._call(lambda: store.save_state(sid, state))

    def save_pulse(self) -> None:
        store, sid = self.store, self.session_id
        if store is not None and sid is not None:
            pulse = self.game.pulse_answers()
            self._call(lambda: store.save_pulse(sid, pulse))
        self.save_state()

    def complete(self) -> None:
        """Mark the session as finished: it is no longer offered for resumption."""
        self.game.finished = True
        self.save_state()
        store, sid = self.store, self.session_id
        if store is not None and sid is not None:
            self._call(lambda: store.complete(sid))

    def record(self) -> SessionRecord:
        """The session as a record, built from memory (works without a store)."""
        setup: GameSetup = self.game.setup
        return SessionRecord(
            id=self.session_id or "niet-opgeslagen",
            kind="team",
            month=self.month,
            team=setup.team,
            participants=setup.participants,
            deck_id=setup.deck_id,
            deck_version=setup.deck_version,
            rounds=tuple(self.game.played_rounds()),
            pulse=tuple(PulseAnswer(p.question, p.counts) for p in self.game.pulse_answers()),
            completed=self.game.finished,
        )

"""A team game plus where it is saved: each change becomes one queued write on the app's saver.

The game itself (`game.rules.game.GameState`) knows nothing of the store; `GameSession` turns
"this round changed", "the pulse changed", "the session is done" into writes for the one
`game.rules.saving.Saver` of the app, which runs them in order off the UI thread.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from dilemmas.model import Deck
from game.rules.game import GameSetup, GameState
from game.rules.saving import SAVE_FAILED, Saver, SaveStatus, sentence
from game.rules.summary import with_summary
from sessions.model import PulseAnswer, Round, SessionKind, SessionRecord

__all__ = ["GameSession", "StoreLike"]


class StoreLike(Protocol):
    """The part of `sessions.store.Store` the game writes through."""

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
        session_id: str | None = None,
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

    Every ``save_*`` call queues a write on ``saver`` at once (no delay). When the store is
    missing or fails, the game carries on in memory and the saver tells why; a failed write is
    tried again until it succeeds. A session another instance took over is no longer written:
    that instance's rounds are not overwritten.
    """

    def __init__(
        self,
        game: GameState,
        deck: Deck,
        saver: Saver,
        *,
        session_id: str | None = None,
    ) -> None:
        self.game = game
        self.deck = deck
        self.saver = saver
        self.session_id = session_id
        self.month = _this_month()
        self.read_timer: Callable[[], tuple[int, bool]] | None = None
        """The discussion timer's (seconds, running): the timer owns them; the current round
        takes them when it is saved."""

    @property
    def store(self) -> Any:
        """The store written to (None when it could not be opened)."""
        return self.saver.store

    @property
    def lost(self) -> bool:
        """True once the store refused this session for good (played elsewhere, deleted)."""
        return self.saver.is_lost(self.session_id)

    @property
    def status(self) -> SaveStatus:
        return self.saver.status

    @property
    def problem(self) -> str | None:
        """Why saving fails now (Dutch), or None."""
        return self.saver.problem

    @property
    def saving(self) -> bool:
        """True while changes go to the store (also while a failed write is retried)."""
        return self.saver.store is not None and self.session_id is not None and not self.lost

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until the queued writes are done or one failed; True unless timed out."""
        return self.saver.settle(timeout)

    def _sid(self) -> str:
        """The session's id when a queued write runs (after the start has run)."""
        assert self.session_id is not None
        return self.session_id

    def _put(self, write: Any, key: str = "") -> None:
        if self.saving:
            self.saver.put(write, key, owner=self.session_id)

    def renew(self) -> None:
        """Keep this window's claim on the session while nothing else is written."""
        if self.saving and not self.game.finished:
            self._put(lambda s: s.renew_lease(self._sid()), "renew")

    def begin(self) -> None:
        """Create the session in the store (the end of setup) and save the first round."""
        if self.saver.store is None:
            reason = self.saver.store_error or "de map voor gegevens is niet beschikbaar."
            self.saver.not_saved(SAVE_FAILED.format(reason=sentence(reason)))
            return
        setup = self.game.setup
        sid, state = str(uuid.uuid4()), self.game.to_state()
        self.session_id = sid

        def start(store: StoreLike) -> None:
            # A store may give the session another id; the writes queued after use it.
            self.session_id = store.start_session(
                kind="team",
                team=setup.team,
                participants=setup.participants,
                deck_id=setup.deck_id,
                deck_version=setup.deck_version,
                state=state,
                session_id=sid,
            )

        self.saver.put(start, owner=sid)
        self.save_round()

    def _sync_timer(self) -> None:
        rnd = self.game.current
        if rnd is not None and self.read_timer is not None:
            rnd.seconds, rnd.timer_running = self.read_timer()

    def save_round(self, index: int | None = None) -> None:
        """Save (or, when skipped, remove) one round, then the resume state."""
        self._sync_timer()
        i = self.game.position if index is None else index
        rnd = self.game.rounds.get(i)
        if rnd is not None:
            if rnd.skipped:
                self._put(lambda s: s.delete_round(self._sid(), i))
            else:
                record = rnd.to_round()
                self._put(lambda s: s.save_round(self._sid(), i, record), f"round-{i}")
        self.save_state()

    def insert_round(self, index: int) -> None:
        """Save a card just put into the plan at ``index`` (an eigen casus): the stored rounds
        from there on move one place on first, as the game's did."""
        self._put(lambda s: s.make_room(self._sid(), index))
        self.save_round(index)

    def save_state(self) -> None:
        """Save where the game is, for resuming."""
        self._sync_timer()
        if self.saving:
            state = self.game.to_state()
            self._put(lambda s: s.save_state(self._sid(), state), "state")

    def save_participants(self) -> None:
        """Save a changed number of participants (the session record and the resume state)."""
        n = self.game.setup.participants
        self._put(lambda s: s.set_participants(self._sid(), n), "participants")
        self.save_state()

    def save_pulse(self) -> None:
        """Save the pulse answers kept so far (then the resume state)."""
        pulse = self.game.pulse_answers()
        self._put(lambda s: s.save_pulse(self._sid(), pulse), "pulse")
        self.save_state()

    def complete(self) -> None:
        """Mark the session as finished: it is no longer offered for resumption."""
        self.game.finished = True
        self.save_state()
        self._put(lambda s: s.complete(self._sid()))

    def record(self) -> SessionRecord:
        """The session as a record, built from memory (works without a store); the summary's
        facts come from the state the session keeps, as `sessions export` reads them."""
        setup: GameSetup = self.game.setup
        record = SessionRecord(
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
        return with_summary(record, self.game.to_state())


def played_by_team(store: Any, team: str) -> set[str]:
    """The cards this team (same label) played in earlier sessions (run it in a thread)."""
    from sessions.store import StoreError

    try:
        sessions = store.list_sessions("team")
    except StoreError:
        return set()
    return {r.dilemma for record in sessions if record.team == team for r in record.rounds}

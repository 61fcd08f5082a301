"""Saving a team game as it is played: every change goes to the store, or stays in memory.

Writes run in order on a writer thread of their own, so that the screen never waits for the
store (an import may hold its lock for seconds). A write that fails (the lock, a full disk) is
tried again until it succeeds; the state is told through ``on_status``.
"""

from __future__ import annotations

import atexit
import datetime as _dt
import threading
import uuid
import weakref
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, Protocol

from dilemmas.model import Deck
from game.rules.game import GameSetup, GameState
from sessions.model import PulseAnswer, Round, SessionKind, SessionRecord
from sessions.store import LeaseLostError, SessionGoneError, StoreError

SaveStatus = Literal["saving", "saved", "retrying", "lost"]
STATUS_TEXT: dict[str, str] = {
    "saving": "Bewaren…",
    "saved": "Bewaard ✓",
    "retrying": "Nog niet bewaard — ik probeer het opnieuw",
    "lost": "Niet meer bewaard: de sessie wordt elders gespeeld",
}
RETRY_FIRST = 0.2  # seconds before the first retry; doubled up to RETRY_MAX
RETRY_MAX = 2.0
RENEW_EVERY = 20.0  # seconds between lease renewals while nothing else is written

SAVE_RETRYING = (
    "Opslaan lukt niet: {reason} Ik probeer het steeds opnieuw; tot dat lukt, staat de "
    "laatste wijziging alleen in het geheugen."
)
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
        session_id: str | None = None,
    ) -> str: ...
    def save_round(self, session_id: str, index: int, rnd: Round) -> None: ...
    def delete_round(self, session_id: str, index: int) -> None: ...
    def save_pulse(self, session_id: str, pulse: Sequence[PulseAnswer]) -> None: ...
    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None: ...
    def complete(self, session_id: str) -> None: ...


_WRITERS: weakref.WeakSet[_Writer] = weakref.WeakSet()
QUIT_WAIT = 5.0  # seconds a quitting app gives the writes still queued


@atexit.register
def _finish_writes() -> None:
    """At exit, let the queued writes reach the file (a failing one is not retried then)."""
    for writer in list(_WRITERS):
        writer.settle(QUIT_WAIT)


class WriterHost(Protocol):
    """What the writer thread calls back: a GameSession, or the practice and walkthrough saver."""

    def _attempt(self, fn: Callable[[], object]) -> tuple[bool, bool]: ...
    def _renew(self) -> None: ...
    def _status(self, status: SaveStatus) -> None: ...


class _Writer:
    """One thread that runs the queued writes in order, retrying the first until it succeeds."""

    def __init__(self, session: WriterHost) -> None:
        self._session = session
        self._queue: deque[tuple[str, Callable[[], object]]] = deque()
        self._cond = threading.Condition()
        self._busy = False
        self._failing = False
        self._thread: threading.Thread | None = None
        _WRITERS.add(self)

    def put(self, key: str, fn: Callable[[], object]) -> None:
        with self._cond:
            # The same change twice in a row: only the latest snapshot needs writing.
            if self._queue and self._queue[-1][0] == key and key != "":
                self._queue[-1] = (key, fn)
            else:
                self._queue.append((key, fn))
            self._failing = False
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="session-writer", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def settle(self, timeout: float) -> bool:
        """Wait until every queued write is done or the first of them failed (tests, quitting)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (not self._queue and not self._busy) or self._failing, timeout
            )

    @property
    def pending(self) -> bool:
        with self._cond:
            return bool(self._queue) or self._busy

    def _run(self) -> None:
        delay = RETRY_FIRST
        while True:
            with self._cond:
                if not self._queue:
                    self._cond.wait(RENEW_EVERY)
                    if not self._queue:
                        self._session._renew()
                        continue
                key, fn = self._queue[0]
                self._busy = True
            ok, final = self._session._attempt(fn)
            with self._cond:
                self._busy = False
                if ok or final:
                    if self._queue and self._queue[0][1] is fn:
                        self._queue.popleft()
                    elif self._queue and self._queue[0][0] == key:
                        pass  # replaced by a newer snapshot meanwhile: write that one
                    delay = RETRY_FIRST
                    if final:
                        self._queue.clear()
                    if not self._queue:
                        self._session._status("saved" if ok else "lost")
                    self._cond.notify_all()
                    if final:
                        return
                    continue
                self._failing = True
                self._cond.notify_all()
                if not threading.main_thread().is_alive():
                    return  # the app has quit: nobody is left to see a retry
                self._cond.wait(delay)
                delay = min(delay * 2, RETRY_MAX)


def _this_month() -> str:
    return _dt.date.today().strftime("%Y-%m")


class GameSession:
    """A game plus where it is saved.

    Every ``save_*`` call queues a write at once (no delay) for the writer thread. When the
    store is missing or fails, the game carries on in memory and ``on_problem`` is called
    once per failure with a Dutch message; the failed write is tried again until it
    succeeds. ``on_status`` hears "saving", "saved", "retrying" or "lost" — from the writer
    thread, so a screen hands it to its own thread. A session another instance took over
    ("lost") is no longer written: that instance's rounds are not overwritten.
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
        self.on_status: Callable[[SaveStatus], None] | None = None
        self.status: SaveStatus = "saved"
        self.lost = False
        self._writer = _Writer(self)

    @property
    def saving(self) -> bool:
        """True while changes go to the store (also while a failed write is retried)."""
        return self.store is not None and self.session_id is not None and not self.lost

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until the queued writes are done or one failed; True unless timed out."""
        return self._writer.settle(timeout)

    def _status(self, status: SaveStatus) -> None:
        self.status = status
        if self.on_status is not None:
            self.on_status(status)

    def _attempt(self, fn: Callable[[], object]) -> tuple[bool, bool]:
        """Run one write: (succeeded, never retry it)."""
        try:
            fn()
        except (LeaseLostError, SessionGoneError) as exc:
            self.lost = True
            self.problem = None
            self._fail(str(exc))
            return False, True
        except StoreError as exc:
            self._fail(str(exc), retrying=True)
            self._status("retrying")
            return False, False
        except OSError as exc:
            self._fail(exc.strerror or str(exc), retrying=True)
            self._status("retrying")
            return False, False
        except Exception as exc:  # a store of another kind: never let the writer die
            self._fail(str(exc), retrying=True)
            self._status("retrying")
            return False, False
        self.problem = None
        return True, False

    def _sid(self) -> str:
        """The session's id when a queued write runs (after the start has run)."""
        assert self.session_id is not None
        return self.session_id

    def _renew(self) -> None:
        store, sid = self.store, self.session_id
        renew = getattr(store, "renew_lease", None)
        if renew is None or sid is None or self.lost or self.game.finished:
            return
        ok, _final = self._attempt(lambda: renew(sid))
        if not ok and not self.lost:
            self._status("retrying")

    def _fail(self, reason: str, *, retrying: bool = False) -> None:
        if self.problem is None:
            reason = reason.strip()
            if reason and not reason.endswith((".", "!", "?")):
                reason += "."
            text = SAVE_RETRYING if retrying else SAVE_FAILED
            self.problem = text.format(reason=reason or "de opslag werkt niet.")
            if self.on_problem is not None:
                self.on_problem(self.problem)

    def _call(self, fn: Callable[[], object], key: str = "") -> None:
        if not self.saving:
            return
        self._status("saving")
        self._writer.put(key, fn)

    def begin(self) -> None:
        """Create the session in the store (the end of setup) and save the first round."""
        if self.store is None:
            self._fail(self._store_error or "de map voor gegevens is niet beschikbaar.")
            return
        setup = self.game.setup
        store, sid, state = self.store, str(uuid.uuid4()), self.game.to_state()
        self.session_id = sid

        def start() -> None:
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

        self._call(start)
        self.save_round()

    def save_round(self, index: int | None = None) -> None:
        """Save (or, when skipped, remove) one round, then the resume state."""
        i = self.game.position if index is None else index
        rnd = self.game.rounds.get(i)
        store = self.store
        if rnd is not None and store is not None and self.session_id is not None:
            if rnd.skipped:
                self._call(lambda: store.delete_round(self._sid(), i))
            else:
                record = rnd.to_round()
                self._call(lambda: store.save_round(self._sid(), i, record), f"round-{i}")
        self.save_state()

    def insert_round(self, index: int) -> None:
        """Save a card just put into the plan at ``index`` (an eigen casus): the stored rounds
        from there on move one place on first, as the game's did."""
        store = self.store
        make_room = getattr(store, "make_room", None)
        if make_room is not None and self.session_id is not None:
            self._call(lambda: make_room(self._sid(), index))
        self.save_round(index)

    def save_state(self) -> None:
        """Save where the game is, for resuming."""
        store = self.store
        if store is not None and self.session_id is not None:
            state = self.game.to_state()
            self._call(lambda: store.save_state(self._sid(), state), "state")

    def save_participants(self) -> None:
        """Save a changed number of participants (the session record and the resume state)."""
        store, sid = self.store, self.session_id
        setter = getattr(store, "set_participants", None)
        if setter is not None and sid is not None:
            n = self.game.setup.participants
            self._call(lambda: setter(self._sid(), n), "participants")
        self.save_state()

    def save_pulse(self) -> None:
        store = self.store
        if store is not None and self.session_id is not None:
            pulse = self.game.pulse_answers()
            self._call(lambda: store.save_pulse(self._sid(), pulse), "pulse")
        self.save_state()

    def complete(self) -> None:
        """Mark the session as finished: it is no longer offered for resumption."""
        self.game.finished = True
        self.save_state()
        store = self.store
        if store is not None and self.session_id is not None:
            self._call(lambda: store.complete(self._sid()))

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
            extra=self._summary_extra(),
        )

    def _summary_extra(self) -> dict[str, object]:
        """For the summary: each counted round's number as played, and the skipped cards."""
        game = self.game
        skipped = [
            (i + 1, game.rounds[i].dilemma) for i in sorted(game.rounds) if game.rounds[i].skipped
        ]
        return {
            "numbers": tuple(i + 1 for i in game.played_indices()),
            "skipped": tuple(skipped),
            # Participants when each counted round was voted on (None: not known).
            "present": tuple(game.rounds[i].present for i in game.played_indices()),
        }

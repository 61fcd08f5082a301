"""The app's one saver: every write to the session store, in order, off the UI thread.

The team game, practice runs and walkthroughs all hand their writes to the one `Saver` on
the app context (``AppContext.saver``). Writes run in the order they were given on a thread
of the saver's own, so a screen never waits for the store (an import may hold its lock for
seconds); a
write that fails (the lock, a full disk, a read-only folder) is tried again until it
succeeds, or until the app quits. What happens is told through one callback, ``on_event``,
called from the worker thread with a `SaveEvent`; the app turns it into a Textual message
(``post_message`` is thread-safe) and every screen reads the state from there.

Public API (what screens and rules call):

- ``put(write, key="", owner=None)``: queue ``write(store)``. Two writes with the same
  non-empty ``key`` in a row: only the last is written (a newer snapshot of the same thing).
  ``owner`` names the session the write belongs to: once the store says that session is
  being played elsewhere (`LeaseLostError`) or is gone (`SessionGoneError`), its writes are
  dropped and ``is_lost(owner)`` is True.
- ``settle(timeout)``: wait until the queued writes are done or the first of them failed.
- ``report(text)``: tell a problem found elsewhere (a failing read), once.
- ``not_saved(text)``: tell that nothing entered can be saved (no store); ``unsaved`` is True.
- ``close(timeout)``: at quit; let the queued writes run once more, then stop retrying.
- ``status``, ``problem``, ``pending``, ``unsaved``: the state, readable from any thread.
- ``lease_session``: a session whose lease is renewed while nothing else is written.

No Textual here, and no Textual worker: the thread must go on while the event loop waits
for it (the last writes at quit, ``settle`` in tests), and a worker only starts through the
event loop. The thread runs only while there is something to write.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sessions.store import LeaseLostError, SessionGoneError

if TYPE_CHECKING:
    from sessions.store import Store

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
STORE_MISSING = (
    "{reason} Wat je invult, blijft staan zolang de app open is, maar wordt niet bewaard: "
    "later verdergaan lukt dan niet."
)
RUN_ELSEWHERE = (
    "Deze oefenronde wordt nu op een andere plek gedaan. Hier wordt niets meer van bewaard."
)

Write = Callable[["Store"], object]
Start = Callable[[Callable[[], None]], object]


def sentence(reason: str) -> str:
    """A reason as a sentence: trimmed, ending in a full stop."""
    reason = reason.strip()
    if reason and not reason.endswith((".", "!", "?")):
        reason += "."
    return reason or "De opslag werkt niet."


@dataclass(frozen=True)
class SaveEvent:
    """What the saver tells: its state now, and a Dutch problem to show (once), if any."""

    status: SaveStatus
    problem: str | None = None
    lost: str | None = None
    """The owner (session id) that is no longer written, when this event says so."""


def _renewal(session_id: str) -> Write:
    return lambda store: store.renew_lease(session_id)


def start_thread(run: Callable[[], None]) -> object:
    """Run ``run`` on a daemon thread of its own (no app to run a worker)."""
    thread = threading.Thread(target=run, name="saver", daemon=True)
    thread.start()
    return thread


class Saver:
    """Queued writes to the store, run in order, each retried until it succeeds."""

    def __init__(
        self,
        store: Store | None,
        *,
        store_error: str | None = None,
        on_event: Callable[[SaveEvent], object] | None = None,
        start: Start | None = None,
        on_problem: Callable[[str], object] | None = None,
    ) -> None:
        self.store = store
        self.store_error = store_error
        self.on_event = on_event
        self.on_problem = on_problem
        """Also hears each problem's text (kept for callers that have no app to post to)."""
        self.start = start or start_thread
        self.status: SaveStatus = "saved"
        self.problem: str | None = None
        self.lease_session: str | None = None
        self.missing_told = False
        self.lost = False
        """True once a write was refused for good (the last event said "lost")."""
        self._lost_owners: set[str] = set()
        self._queue: deque[tuple[str, str | None, Write]] = deque()
        self._cond = threading.Condition()
        self._running = False  # a drain is under way (or about to start)
        self._busy = False  # a write is being attempted
        self._failing = False  # the first queued write failed at its last attempt
        self._closed = False
        self._unsaved = False  # something was refused or failed and never written

    # -- the public API ---------------------------------------------------------------------

    def put(self, write: Write, key: str = "", owner: str | None = None) -> None:
        """Queue ``write(store)``; it runs after the writes queued before it."""
        if self.store is None:
            self._unsaved = True
            if not self.missing_told:
                self.missing_told = True
                self.report(STORE_MISSING.format(reason=sentence(self.store_error or "")))
            return
        if owner is not None and owner in self._lost_owners:
            return
        with self._cond:
            if key and self._queue and self._queue[-1][0] == key and not self._busy_on_last():
                self._queue[-1] = (key, owner, write)
            else:
                self._queue.append((key, owner, write))
            self._failing = False
            start = not self._running and not self._closed
            if start:
                self._running = True
            self._cond.notify_all()
        self._emit(SaveEvent("saving"))
        if start:
            self.start(self._drain)

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until every queued write is done or the first of them failed; False when
        ``timeout`` seconds passed first."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (not self._queue and not self._busy) or self._failing, timeout
            )

    def close(self, timeout: float = 5.0) -> bool:
        """At quit: give the queued writes ``timeout`` seconds, then stop retrying. True when
        everything reached the store."""
        self.settle(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            return not self._queue and not self._unsaved

    def is_lost(self, owner: str | None) -> bool:
        """True when the store refused ``owner``'s writes for good (played elsewhere, gone)."""
        return owner is not None and owner in self._lost_owners

    @property
    def pending(self) -> bool:
        """True while writes wait or run."""
        with self._cond:
            return bool(self._queue) or self._busy

    @property
    def unsaved(self) -> bool:
        """True when something entered has not reached the store (and may never)."""
        with self._cond:
            # A session played elsewhere now: what was changed here is not kept.
            return self._unsaved or self._failing or bool(self._lost_owners)

    def not_saved(self, text: str) -> None:
        """Tell that what is entered can't be saved at all (no store): quitting then warns."""
        self._unsaved = True
        self.report(text)

    def report(self, text: str) -> None:
        """Tell a problem found elsewhere (a failing read), unless one is being told already."""
        if self.problem is None:
            self.problem = text
            self._emit(SaveEvent(self.status, problem=text))

    # -- the worker ---------------------------------------------------------------------------

    def _busy_on_last(self) -> bool:
        # The write being attempted is the queue's head: replacing it would lose the newer one.
        return self._busy and len(self._queue) == 1

    def _drain(self) -> None:
        """Run the queued writes in order; return when there are none left (or at close)."""
        delay = RETRY_FIRST
        while True:
            with self._cond:
                if not self._queue:
                    if self.lease_session is None or self._closed:
                        self._running = False
                        self._cond.notify_all()
                        return
                    # A practice run keeps its lease while nothing else is written.
                    self._cond.wait(RENEW_EVERY)
                    if not self._queue:
                        sid = self.lease_session
                        if sid is not None and not self._closed:
                            self._queue.append(("", sid, _renewal(sid)))
                    continue
                key, owner, write = self._queue[0]
                self._busy = True
            outcome = self._attempt(write, owner)
            with self._cond:
                self._busy = False
                if outcome != "retry":
                    if self._queue and self._queue[0][2] is write:
                        self._queue.popleft()
                    if outcome == "lost" and owner is not None:
                        self._queue = deque(w for w in self._queue if w[1] != owner)
                    delay = RETRY_FIRST
                    self._failing = False
                    done = not self._queue
                    self._cond.notify_all()
                    if outcome == "ok":
                        self._unsaved = False if done else self._unsaved
                        if done:
                            self._emit(SaveEvent("saved"))
                    continue
                self._failing = True
                self._unsaved = True
                self._cond.notify_all()
                if self._closed or not threading.main_thread().is_alive():
                    self._running = False
                    return  # the app has quit: nobody is left to see a retry
                self._cond.wait(delay)
                delay = min(delay * 2, RETRY_MAX)

    def _attempt(self, write: Write, owner: str | None) -> Literal["ok", "retry", "lost"]:
        store = self.store
        assert store is not None
        try:
            write(store)
        except (SessionGoneError, LeaseLostError) as exc:
            if owner is not None:  # a team session: played elsewhere now, or deleted
                return self._lose(owner, str(exc))
            if isinstance(exc, SessionGoneError):
                return "ok"  # a practice run removed meanwhile: nothing left to write into
            return self._lose(None, RUN_ELSEWHERE)
        except Exception as exc:  # StoreError, OSError, a store of another kind: keep going
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            text = None
            if self.problem is None:
                text = self.problem = SAVE_RETRYING.format(reason=sentence(reason))
            self._emit(SaveEvent("retrying", problem=text))
            return "retry"
        self.problem = None
        return "ok"

    def _lose(self, owner: str | None, text: str) -> Literal["lost"]:
        if owner is not None:
            self._lost_owners.add(owner)
        if owner == self.lease_session:
            self.lease_session = None
        self.lost = True
        self._unsaved = True
        self.problem = text
        self._emit(SaveEvent("lost", problem=text, lost=owner))
        return "lost"

    def _emit(self, event: SaveEvent) -> None:
        self.status = event.status
        if event.problem and self.on_problem is not None:
            self.on_problem(event.problem)
        if self.on_event is not None:
            self.on_event(event)

"""Saving practice runs and walkthroughs the way the team game is saved: in order, off the UI.

The writes go through the team game's writer thread (`game.rules.session._Writer`): they run
in the order they were given, a failing one (the store's lock held by an import, a full
disk) is tried again until it succeeds, and the screen never waits for the store.
"""

from __future__ import annotations

from collections.abc import Callable

from game.rules.session import SAVE_RETRYING, SaveStatus, _Writer
from sessions.store import LeaseLostError, SessionGoneError, Store

STORE_MISSING = (
    "{reason} Wat je invult, blijft staan zolang de app open is, maar wordt niet bewaard: "
    "later verdergaan lukt dan niet."
)
RUN_ELSEWHERE = (
    "Deze oefenronde wordt nu op een andere plek gedaan. Hier wordt niets meer van bewaard."
)


def _sentence(reason: str) -> str:
    reason = reason.strip()
    if reason and not reason.endswith((".", "!", "?")):
        reason += "."
    return reason or "De opslag werkt niet."


class StoreSaver:
    """Queued writes of the practice and walkthrough screens of one app.

    ``put`` hands a write to the writer thread at once. ``on_problem`` hears a Dutch message
    once per run of failures (again only after a write succeeded in between), and once when
    there is no store at all; ``on_status`` hears "saving", "saved", "retrying" or "lost".
    Both are called from the writer thread, except for the missing store (the caller's).
    """

    def __init__(
        self,
        store: Store | None,
        *,
        store_error: str | None = None,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.store_error = store_error
        self.on_problem = on_problem
        self.on_status: Callable[[SaveStatus], None] | None = None
        self.problem: str | None = None
        self.status: SaveStatus = "saved"
        self.lost = False
        self.missing_told = False
        # The practice session being played: its lease is renewed while nothing is written.
        self.lease_session: str | None = None
        self._writer = _Writer(self)

    def put(self, write: Callable[[Store], object], key: str = "") -> None:
        """Queue one write. Two writes with the same non-empty key in a row: the last one wins."""
        store = self.store
        if store is None:
            if not self.missing_told:
                self.missing_told = True
                self._tell(STORE_MISSING.format(reason=_sentence(self.store_error or "")))
            return
        if self.lost:
            return
        self._status("saving")
        self._writer.put(key, lambda: write(store))

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until every queued write is done or the first of them failed (tests, leaving)."""
        return self._writer.settle(timeout)

    @property
    def pending(self) -> bool:
        return self._writer.pending

    def report(self, text: str) -> None:
        """Tell a problem found elsewhere (a failing read), unless one is being told already."""
        if self.problem is None:
            self._tell(text)

    def _tell(self, text: str) -> None:
        self.problem = text
        if self.on_problem is not None:
            self.on_problem(text)

    # -- called by the writer thread ------------------------------------------------------------

    def _attempt(self, fn: Callable[[], object]) -> tuple[bool, bool]:
        """Run one write: (succeeded, never retry it)."""
        try:
            fn()
        except SessionGoneError:
            # The run was removed meanwhile ("wis mijn oefenronde", another window): nothing
            # is left to write this into.
            return True, False
        except LeaseLostError:
            self.lost = True
            self._tell(RUN_ELSEWHERE)
            return False, True
        except Exception as exc:  # StoreError, OSError, a store of another kind: never let the writer die
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if self.problem is None:
                self._tell(SAVE_RETRYING.format(reason=_sentence(reason)))
            self._status("retrying")
            return False, False
        self.problem = None
        return True, False

    def _renew(self) -> None:
        store, sid = self.store, self.lease_session
        if store is None or sid is None or self.lost:
            return
        ok, _final = self._attempt(lambda: store.renew_lease(sid))
        if not ok and not self.lost:
            self._status("retrying")

    def _status(self, status: SaveStatus) -> None:
        self.status = status
        if self.on_status is not None:
            self.on_status(status)

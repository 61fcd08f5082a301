"""The store as the stappenplan and practice screens use it: one link per app context.

Writes go to the app context's one saver (in order, retried until they succeed), so a
practice run, its walkthrough, a "wis mijn oefenronde" and the team game's rounds reach the
file in the order they were made, and a problem is told the way the app tells every one. Reads are
meant for a worker thread. A failing or missing store is told once; the screens go on in
memory, as the team game does. The API is small on purpose: read, write, a few walkthrough
calls.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App

from dilemmas.stappenplan import Stappenplan, load_stappenplan_or_default
from game.context import AppContext
from game.rules.saving import Saver
from sessions.store import Store, StoreError, WalkthroughInfo

T = TypeVar("T")
READ_WAIT = 3.0  # seconds a read waits for this app's queued writes


def context_of(app: App[Any]) -> AppContext | None:
    """The app's context (config, decks, store): the one typed way screens reach them."""
    ctx = getattr(app, "ctx", None)
    return ctx if isinstance(ctx, AppContext) else None


def load_plan(app: App[Any]) -> tuple[Stappenplan, list[str]]:
    """The stappenplan of the config (or the bundled one) and notices about it."""
    ctx = context_of(app)
    configured = ctx.config.stappenplan if ctx is not None else None
    return load_stappenplan_or_default(Path(configured) if configured else None)


class StoreLink:
    """Queued writes and thread reads on the app's store; problems told as a notification."""

    def __init__(self, app: App[Any], store: Store | None, store_error: str | None) -> None:
        self.app = app
        self.store = store
        ctx = context_of(app)
        # The app's one saver, which the app listens to; a small host app that does not
        # listen (the screens' tests) gets a saver of its own that tells its problems here.
        shared = ctx is not None and ctx.store is store and ctx.save_listener is not None
        self.saver = (ctx.saver if shared and ctx is not None
                      else Saver(store, store_error=store_error, on_problem=self.tell))
        # Files exported for a practice run, so that "wis mijn oefenronde" can offer to remove
        # them too: kept here and in the run's stored state (for after a restart).
        self._exports: dict[str, list[Path]] = {}

    @classmethod
    def of(cls, app: App[Any]) -> StoreLink:
        """The app's link (made on first use; again when the app opened another store, e.g.
        a new one after a damaged file was set aside)."""
        ctx = context_of(app)
        key: object = ctx if ctx is not None else app
        link = _LINKS.get(key)
        store = ctx.store if ctx is not None else None
        if link is None or link.store is not store:
            link = _LINKS[key] = cls(app, store, ctx.store_error if ctx is not None else None)
        return link

    def tell(self, text: str) -> None:
        """Show a warning about saving; callable from any thread (`notify` posts a message)."""
        self.app.notify(text, title="Niet bewaard", severity="warning", timeout=12, markup=False)

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until the queued writes are done or one failed."""
        return self.saver.settle(timeout)

    def note_export(self, session_id: str | None, path: Path | None) -> None:
        """Remember a file exported for a session (a practice run), here and in the store."""
        if session_id and path is not None:
            self._exports.setdefault(session_id, []).append(path)
            text = str(path)
            self.write(lambda store: store.note_export(session_id, text))

    def exports(self, session_id: str) -> list[Path]:
        return list(self._exports.get(session_id, []))

    # -- reads: call these from a worker thread -----------------------------------------------

    def read(self, call: Callable[[Store], T]) -> T | None:
        """One read; None when there is no store or it fails (told once)."""
        store = self.store
        if store is None:
            return None
        # What this app wrote a moment ago is read back (a walkthrough left with Esc, a
        # run removed); a write that is failing does not hold the read up.
        self.saver.settle(READ_WAIT)
        try:
            return call(store)
        except (StoreError, ValueError, TypeError, KeyError) as exc:
            # A damaged cell is a data error, not a crash: told once, the screen goes on.
            message = str(exc) if isinstance(exc, StoreError) else "Een deel is beschadigd."
            self.saver.report(f"{message} Wat eerder bewaard is, kan ik nu niet laten zien.")
            return None

    def open_walkthroughs(self, dilemma_id: str | None = None) -> list[WalkthroughInfo]:
        """The unfinished walkthroughs (of one card, if given)."""
        return self.read(lambda s: s.open_walkthroughs(dilemma_id)) or []

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        return self.read(lambda s: s.get_walkthrough(walkthrough_id))

    # -- writes: queued, in order -------------------------------------------------------------

    def write(self, call: Callable[[Store], object], key: str = "") -> None:
        self.saver.put(call, key)

    def delete_walkthrough(self, walkthrough_id: str) -> None:
        self.write(lambda s: s.delete_walkthrough(walkthrough_id))

    def save_walkthrough(
        self,
        walkthrough_id: str,
        session_id: str | None,
        dilemma_id: str | None,
        data: Mapping[str, Any],
    ) -> None:
        """Queue a save (the store scrubs the free text on the writer thread)."""
        self.write(
            lambda s: s.save_walkthrough(
                walkthrough_id, session_id=session_id, dilemma_id=dilemma_id, data=data
            ),
            f"walkthrough-{walkthrough_id}",
        )


_LINKS: weakref.WeakKeyDictionary[object, StoreLink] = weakref.WeakKeyDictionary()

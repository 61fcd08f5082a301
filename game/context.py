"""What every screen needs: the config, the decks found, and the session store (no Textual).

The decks and the store are loaded on first use, so that the main menu can paint before the
YAML is parsed and the database opened (SPEC §11 start-up budget).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dilemmas.config import FIX_COMMAND, Config, load_config, placeholder_notice
from dilemmas.paths import config_file

if TYPE_CHECKING:
    from dilemmas.discovery import DeckRegistry
    from game.rules.saving import SaveEvent, Saver
    from sessions.store import Store

StartKind = Literal["menu", "play", "practice", "walkthrough"]


@dataclass(frozen=True)
class StartRequest:
    """Where the app opens, and what the command line pre-filled."""

    kind: StartKind = "menu"
    deck: str | None = None
    team: str | None = None
    participants: int | None = None
    dilemma: str | None = None


SHOWN_SETTINGS_PROBLEMS = 3
"""So many config problems are spelled out in the start-up notice; `config check` has all."""


def settings_notice(lines: Sequence[str], file: str = "") -> str:
    """The config's problems and what is still to fill in, as one notice (one toast at
    start-up, not one per line over the screen); the file is named once."""
    if len(lines) == 1:
        return lines[0]
    where = re.compile(rf"^{re.escape(file)}:(\d+):\d+: ") if file else None
    shown = ["• " + (where.sub(r"regel \1: ", line) if where else line)
             for line in lines[:SHOWN_SETTINGS_PROBLEMS]]
    if len(lines) > SHOWN_SETTINGS_PROBLEMS:
        shown.append(f"… en nog {len(lines) - SHOWN_SETTINGS_PROBLEMS}. Alles zie je met: "
                     f"{FIX_COMMAND}")
    head = f"De instellingen in {file}" if file else "De instellingen"
    return f"{head} ({len(lines)} punten):\n" + "\n".join(shown)


class AppContext:
    """The app's services.

    `store` is None when it could not be opened; `store_error` then says why in Dutch, and
    `store_corrupt` tells whether the file is damaged (the app offers to set it aside).
    """

    def __init__(
        self,
        config: Config,
        registry: DeckRegistry | None = None,
        store: Store | None = None,
        store_error: str | None = None,
        store_corrupt: bool = False,
        config_notices: Sequence[str] = (),
        setup_notices: Sequence[str] = (),
        extra_deck_dirs: Sequence[Path] = (),
        *,
        open_store: bool = False,
    ) -> None:
        self.config = config
        self.config_notices = list(config_notices)
        # What the WIO has still to fill in: told on the menu, not over a card on the beamer.
        self.setup_notices = list(setup_notices)
        self.extra_deck_dirs = tuple(extra_deck_dirs)
        self._registry = registry
        self._store = store
        self.store_error = store_error
        self.store_corrupt = store_corrupt
        # With open_store the store is opened on first use; otherwise `store` is what was given.
        self._store_pending = open_store and store is None
        # A context that opens its store also closes it when the app ends (game/shutdown.py).
        self.opened_store = open_store
        # The decks and the store may first be asked for from the start-up thread and the
        # screen at once: one of them loads, the other waits for it.
        self._lock = threading.RLock()
        self._saver: Saver | None = None
        self.save_listener: Callable[[SaveEvent], object] | None = None
        """Hears the saver's events (the app posts them as a Textual message)."""

    @property
    def saver(self) -> Saver:
        """The app's one saver: every write to the store goes through it, in order.

        Made on first use, with the store (opening it when needed)."""
        with self._lock:
            if self._saver is None:
                from game.rules.saving import Saver

                store = self.store
                self._saver = Saver(
                    store,
                    store_error=self.store_error,
                    on_event=self._save_event,
                )
            return self._saver

    @property
    def made_saver(self) -> Saver | None:
        """The saver when it has been made (None: nothing was ever written)."""
        return self._saver

    def _save_event(self, event: SaveEvent) -> None:
        if self.save_listener is not None:
            self.save_listener(event)

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = ()) -> AppContext:
        """Read the config now; find the decks and open the store when first needed."""
        config, notices = load_config()
        return cls(
            config,
            config_notices=notices,
            setup_notices=placeholder_notice(config),  # once, with the command that fixes it
            extra_deck_dirs=extra_dirs,
            open_store=True,
        )

    def preload(self) -> None:
        """Find the decks and open the store now (the app does this in a thread at start-up)."""
        _ = self.registry
        _ = self.store

    @property
    def registry(self) -> DeckRegistry:
        """The decks found (bundled, the data folder's `decks`, --decks and config folders)."""
        with self._lock:
            if self._registry is None:
                from dilemmas.discovery import discover

                self._registry = discover(self.extra_deck_dirs, self.config)
            return self._registry

    @registry.setter
    def registry(self, registry: DeckRegistry) -> None:
        self._registry = registry

    @property
    def store(self) -> Store | None:
        """The session store, or None when it cannot be used (see `store_error`)."""
        with self._lock:
            if self._store_pending:
                self._store_pending = False
                from sessions.store import Store, StoreCorruptError, StoreError

                try:
                    self._store = Store.open()
                except StoreCorruptError as exc:
                    self.store_error, self.store_corrupt = str(exc), True
                except StoreError as exc:
                    self.store_error = str(exc)
            return self._store

    @store.setter
    def store(self, store: Store | None) -> None:
        self._store_pending = False
        self._store = store
        if self._saver is not None:  # a new store (a damaged file set aside): write there
            self._saver.store = store

    def reload_decks(self) -> DeckRegistry:
        """Find the decks again (after a deck author edited a file)."""
        self._registry = None
        return self.registry

    def start_notices(self, *, room: bool = False) -> list[str]:
        """Everything the user should hear about at start-up, in Dutch. In front of a room (the
        app started straight into the team game) what the WIO has still to fill in is left out:
        it would cover the card on the beamer."""
        out = []
        settings = list(self.config_notices) + ([] if room else list(self.setup_notices))
        if settings:
            out.append(settings_notice(settings, str(config_file())))
        out.extend(self.registry.notices)
        if self.store is None and self.store_error and not self.store_corrupt:
            out.append(self.store_error)
        return out

"""What every screen needs: the config, the decks found, and the session store (no Textual)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dilemmas.config import Config, load_config
from dilemmas.discovery import DeckRegistry, discover
from sessions.store import Store, StoreCorruptError, StoreError

StartKind = Literal["menu", "play", "practice", "walkthrough"]


@dataclass(frozen=True)
class StartRequest:
    """Where the app opens, and what the command line pre-filled."""

    kind: StartKind = "menu"
    deck: str | None = None
    team: str | None = None
    participants: int | None = None
    dilemma: str | None = None


@dataclass
class AppContext:
    """The app's services. `store` is None when it could not be opened; `store_error` says why."""

    config: Config
    registry: DeckRegistry
    store: Store | None = None
    store_error: str | None = None
    store_corrupt: bool = False
    config_notices: list[str] = field(default_factory=list)
    extra_deck_dirs: tuple[Path, ...] = ()

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = ()) -> AppContext:
        """Read the config, find the decks and open the store; problems become notices."""
        config, notices = load_config()
        registry = discover(extra_dirs, config)
        store: Store | None = None
        error: str | None = None
        corrupt = False
        try:
            store = Store.open()
        except StoreCorruptError as exc:
            error, corrupt = str(exc), True
        except StoreError as exc:
            error = str(exc)
        return cls(
            config=config,
            registry=registry,
            store=store,
            store_error=error,
            store_corrupt=corrupt,
            config_notices=list(notices),
            extra_deck_dirs=tuple(extra_dirs),
        )

    def start_notices(self) -> list[str]:
        """Everything the user should hear about at start-up, in Dutch."""
        out = list(self.config_notices)
        out.extend(self.registry.notices)
        if self.store_error and not self.store_corrupt:
            out.append(self.store_error)
        return out

"""Opening the stappenplan from any screen, without that screen importing the walkthrough's.

The team round (deep dive), practice and the stappenplan's own list open a walkthrough through
this one function; the screen module loads on first use.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App

from dilemmas.model import Deck, Dilemma

Done = Callable[[str | None], None] | Callable[[str | None], Awaitable[None]]


def open_walkthrough(
    app: App[Any],
    *,
    dilemma: Dilemma | None = None,
    deck: Deck | None = None,
    session_id: str | None = None,
    own_text: str | None = None,
    own_title: str = "",
    walkthrough_id: str | None = None,
    practice: bool = False,
    done: Done | None = None,
) -> None:
    """Push the walkthrough of a card (or of one's own dilemma); `done` gets its id."""
    from game.screens.walkthrough import WalkthroughScreen

    screen = WalkthroughScreen(
        dilemma=dilemma,
        deck=deck,
        session_id=session_id,
        own_text=own_text,
        own_title=own_title,
        walkthrough_id=walkthrough_id,
        practice=practice,
    )
    app.push_screen(screen, done)


def open_walkthrough_list(app: App[Any]) -> None:
    """The stappenplan's start: pick a card, or a walkthrough to continue, export or delete."""
    from game.screens.walkthrough_pick import WalkthroughPickScreen

    app.push_screen(WalkthroughPickScreen())

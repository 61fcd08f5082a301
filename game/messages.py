"""The messages screens post when they are done: the app decides where to go next.

A screen never opens the next screen of the flow itself (and never imports another screen
module): it posts one of these and the app (`game.app.IntegerSpelApp`) routes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from dilemmas.model import Deck, Dilemma
    from game.rules.game import GameSetup
    from game.rules.saving import SaveEvent
    from game.rules.session import GameSession


@dataclass
class SaveChanged(Message):
    """The saver's state changed (posted from its worker thread)."""

    event: SaveEvent


@dataclass
class SetupDone(Message):
    """The setup is filled in: start a session on this deck (a theme to pick first, the
    pulse, the cards)."""

    deck: Deck
    setup: GameSetup


@dataclass
class PulseDone(Message):
    """The pulse is done (or skipped): at the start the cards follow, at the end the summary."""

    session: GameSession
    at_start: bool


@dataclass
class RoundsFinished(Message):
    """The facilitator ended the rounds: the pulse at the end (when set), then the summary."""

    session: GameSession


@dataclass
class DeepDiveRequested(Message):
    """Open the seven-step walkthrough on a round's card; ``done`` hears its id on return."""

    session_id: str | None
    walkthrough_id: str | None
    done: Callable[[str | None], None]
    dilemma: Dilemma | None = None
    deck: Deck | None = None
    own_text: str | None = None
    """An eigen casus is in no deck: it is worked through as a dilemma in own words."""


@dataclass
class CardAloneRequested(Message):
    """Show only the card, filling the terminal."""

    dilemma: Dilemma
    deck: Deck

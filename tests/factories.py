"""Shared test factories: small decks and an app with no store, for pushing screens directly."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.app import IntegerSpelApp
from game.context import AppContext
from sessions.store import Store


def long_card() -> Dilemma:
    """A choice card whose text is far longer than a small window."""
    return Dilemma(
        id="lang",
        theme="geschenken",
        title="Een lange kaart voor de achterste rij",
        situation=" ".join(["Een leverancier stuurt je kaartjes voor een concert."] * 8),
        question="Wat doe je met de kaartjes van de leverancier?",
        answer=Answer(kind="choice", options=(
            Option("A", "Ik neem ze aan en zeg niets"),
            Option("B", "Ik neem ze aan en meld het bij mijn leidinggevende"),
            Option("C", "Ik stuur ze beleefd terug met een briefje"),
        )),
        prompts=("Wat als het om een fles wijn van 20 euro gaat?",),
    )


def small_deck(*cards: Dilemma) -> Deck:
    """A deck of the given cards (the long card when none are given)."""
    return Deck(
        info=DeckInfo("spel", "Spel", "2026.1"),
        themes=(Theme("geschenken", "Geschenken en uitnodigingen"),),
        dilemmas=cards or (long_card(),),
    )


def bare_app(*decks: Deck) -> IntegerSpelApp:
    """The app on its menu, with these decks and no store."""
    registry = DeckRegistry(decks={d.info.id: d for d in decks})
    return IntegerSpelApp(AppContext(config=Config(), registry=registry, store=None))


def screen_text(app: IntegerSpelApp) -> str:
    """What the terminal shows now, as plain lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


ScreenT = TypeVar("ScreenT", bound=Screen[Any])


def screen_as(app: App[Any], kind: type[ScreenT]) -> ScreenT:
    """The app's current screen, checked to be a ``kind`` (without narrowing ``app.screen``
    itself, which the next key press may change)."""
    screen = app.screen
    assert isinstance(screen, kind), f"{type(screen).__name__} is not a {kind.__name__}"
    return screen


def crash(store: Store) -> None:
    """Leave a store as a crash of its process would: its connection gone without ``close``
    (the sessions it holds stay held) and its lock let go, its lock file left behind."""
    store._conn.close()
    if store._sign is not None:
        store._sign.close()

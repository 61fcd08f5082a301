"""Shared test factories: decks, a store that keeps writes in memory, apps, sessions and
the screen's text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, RadioButton

from dilemmas.config import Config, Contact
from dilemmas.discovery import DeckRegistry
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.app import IntegerSpelApp
from game.context import AppContext
from game.dialogs.secret_vote import SecretVoteScreen
from game.rules.game import GameSetup, GameState
from game.rules.saving import Saver
from game.rules.session import GameSession
from game.screens.setup import SetupScreen
from game.widgets.timer import RoundTimer
from sessions.model import PulseAnswer, Round
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


def current_screen(app: App[Any], kind: type[ScreenT]) -> ScreenT:
    """The app's screen now, which must be a ``kind`` (the test fails where it is not)."""
    screen = app.screen
    assert isinstance(screen, kind), f"{type(screen).__name__} shown, not {kind.__name__}"
    return screen


def crash(store: Store) -> None:
    """Leave a store as a crash of its process would: its connection gone without ``close``
    (the sessions it holds stay held) and its lock let go, its lock file left behind."""
    store._conn.close()
    if store._sign is not None:
        store._sign.close()


class MemoryStore:
    """A store that keeps what the game writes in memory (no disk), for screens pushed alone."""

    def __init__(self) -> None:
        self.rounds: dict[int, Round] = {}
        self.pulse: list[PulseAnswer] = []
        self.state: dict[str, Any] = {}
        self.completed = False
        self.walkthroughs: dict[str, dict[str, Any]] = {}

    def start_session(self, **kwargs: Any) -> str:
        return str(kwargs.get("session_id") or "memory")

    def save_round(self, session_id: str, index: int, rnd: Round) -> None:
        self.rounds[index] = rnd

    def delete_round(self, session_id: str, index: int) -> None:
        self.rounds.pop(index, None)

    def make_room(self, session_id: str, index: int) -> None:
        self.rounds = {(i + 1 if i >= index else i): r for i, r in self.rounds.items()}

    def save_pulse(self, session_id: str, pulse: Sequence[PulseAnswer]) -> None:
        self.pulse = list(pulse)

    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None:
        self.state = dict(state)

    def set_participants(self, session_id: str, participants: int) -> None:
        pass

    def renew_lease(self, session_id: str) -> None:
        pass

    def complete(self, session_id: str) -> None:
        self.completed = True

    def get_walkthrough(self, walkthrough_id: str) -> dict[str, Any] | None:
        return self.walkthroughs.get(walkthrough_id)

    def unfinished(self, kind: str = "team") -> None:
        return None  # nothing to offer for resuming

    def open_walkthroughs(self, dilemma_id: str | None = None) -> list[Any]:
        return []


def pulse_question_deck() -> Deck:
    """A pulse deck of two questions; the second has an answer whose key differs from its words."""
    return Deck(
        info=DeckInfo("pulse", "Pulse", "1", kind="pulse"),
        themes=(Theme("meldklimaat", "Meldklimaat"),),
        dilemmas=(
            Dilemma(
                id="kent-vertrouwenspersoon",
                theme="meldklimaat",
                title="VP",
                situation="Huizen heeft een externe vertrouwenspersoon.",
                question="Weet je wie de vertrouwenspersoon is?",
                answer=Answer(kind="choice", options=(Option("ja", "Ja"), Option("nee", "Nee"))),
                guidance="De naam staat op intranet.",
                contacts=("vertrouwenspersoon",),
            ),
            Dilemma(
                id="weet-hoe-bereiken",
                theme="meldklimaat",
                title="Bereiken",
                situation="Weten wie het is, is één ding.",
                question="Weet je hoe je de vertrouwenspersoon bereikt?",
                answer=Answer(
                    kind="choice",
                    options=(
                        Option("ja", "Ja"),
                        Option("weet-niet", "Niet precies"),
                        Option("nee", "Nee"),
                    ),
                ),
            ),
        ),
    )


def room_config() -> Config:
    """A config with a named vertrouwenspersoon."""
    return Config(
        contacts=(
            Contact(role="Vertrouwenspersoon", name="Anna de Vries", reach="06 1234 5678",
                    id="vertrouwenspersoon"),
        )
    )


def memory_session(deck: Deck, *, participants: int = 12, **setup: Any) -> GameSession:
    """A team session on ``deck`` written to a MemoryStore (``session.store``)."""
    game = GameState.start(
        deck,
        GameSetup(deck_id=deck.id, deck_version=deck.info.version, team="Team",
                  participants=participants, **setup),
    )
    session = GameSession(game, deck, Saver(MemoryStore()))  # type: ignore[arg-type]
    session.begin()
    return session


def room_app(*decks: Deck, config: Config | None = None) -> IntegerSpelApp:
    """An app on these decks, without a store on disk (screens are pushed by the test)."""
    registry = DeckRegistry(decks={d.id: d for d in decks})
    return IntegerSpelApp(AppContext(config=config or room_config(), registry=registry))


def game_deck_for_pulse() -> Deck:
    """A small team deck of one theme and three choice cards."""
    options = (Option("A", "Ja"), Option("B", "Nee"))
    return Deck(
        info=DeckInfo("spel", "Spel", "1"),
        themes=(Theme("geschenken", "Geschenken"),),
        dilemmas=tuple(
            Dilemma(id=f"kaart-{n}", theme="geschenken", title=f"Kaart {n}", situation="S",
                    question="Wat doe je?", answer=Answer(kind="choice", options=options))
            for n in range(1, 4)
        ),
    )


SIZE = (120, 36)
"""The window every flow test runs in."""


def game_deck() -> Deck:
    """The team deck of the flow tests: a choice card, a scale card and an open card."""
    themes = (
        Theme("geschenken", "Geschenken en uitnodigingen"),
        Theme("nevenwerk", "Nevenwerkzaamheden"),
        Theme("informatie", "Omgaan met informatie"),
    )
    abc = Answer(
        kind="choice",
        options=(
            Option("A", "Ik neem het aan en zeg niets"),
            Option("B", "Ik neem het aan en meld het"),
            Option("C", "Ik stuur het beleefd terug"),
        ),
    )
    cards = (
        Dilemma(
            id="concertkaartjes",
            theme="geschenken",
            title="Kaartjes na de aanbesteding",
            situation="Een leverancier die net een aanbesteding won, stuurt je twee kaartjes "
            "voor een uitverkocht concert.",
            question="Wat doe je?",
            answer=abc,
            variations=(
                "Het zijn kaartjes voor een voetbalwedstrijd van 20 euro.",
                "De leverancier is een oud-collega.",
            ),
            guidance="Geschenken boven de 50 euro neem je niet aan. Meld het altijd.",
            references=("Gedragscode — geschenken",),
        ),
        Dilemma(
            id="bijbaan",
            theme="nevenwerk",
            title="De bijbaan in het weekend",
            situation="Je geeft in het weekend advies aan bedrijven in je eigen gemeente.",
            question="Hoe acceptabel is dit?",
            answer=Answer(kind="scale", points=5, low="Acceptabel", high="Onacceptabel"),
            guidance="Meld nevenwerk altijd vooraf.",
        ),
        Dilemma(
            id="dossier",
            theme="informatie",
            title="Het dossier van de buurman",
            situation="Je ziet dat je buurman een aanvraag heeft gedaan.",
            question="Wat doe je?",
            answer=Answer(kind="open"),
        ),
    )
    return Deck(info=DeckInfo("spel", "Spel — testset", "2026.1"), themes=themes, dilemmas=cards)


def pulse_deck() -> Deck:
    """A pulse deck of one yes/no/don't-know question."""
    yn = Answer(
        kind="choice",
        options=(Option("ja", "Ja"), Option("nee", "Nee"), Option("weet-niet", "Weet ik niet")),
    )
    return Deck(
        info=DeckInfo("pulse", "Pulse", "1", kind="pulse"),
        themes=(Theme("meldklimaat", "Meldklimaat"),),
        dilemmas=(
            Dilemma(
                id="kent-vertrouwenspersoon",
                theme="meldklimaat",
                title="VP",
                situation="",
                question="Weet je wie de vertrouwenspersoon is?",
                answer=yn,
            ),
        ),
    )


def make_ctx(data: Path, *, store: bool = True, pulse: bool = True) -> AppContext:
    """A context on the flow decks with a store in ``data`` (or none, and why not)."""
    decks = {"spel": game_deck()}
    if pulse:
        decks["pulse"] = pulse_deck()
    return AppContext(
        config=Config(),
        registry=DeckRegistry(decks=decks),
        store=Store.open(data) if store else None,
        store_error=None if store else "Je mag niet schrijven in de map /nergens.",
    )


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Timers tick only when a test says so; the secret vote passes on at once."""
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


async def fill_setup(
    pilot: Pilot[Any],
    *,
    participants: str = "9",
    order: str = "fixed",
    vote: str = "hands",
    pulse: str = "end",
    card_minutes: str = "",
) -> None:
    """Fill the setup and begin. The pulse is asked at the end here unless a test says
    otherwise (the setup's default is the start; `test_pulse_at_the_start_by_default`)."""
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, SetupScreen)
    screen.query_one("#setup-participants", Input).value = participants
    screen.query_one("#setup-team", Input).value = "Publiekszaken"
    screen.query_one(f"#order-{order}", RadioButton).value = True
    screen.query_one(f"#vote-{vote}", RadioButton).value = True
    screen.query_one(f"#pulse-{pulse}", RadioButton).value = True
    screen.query_one("#setup-card-minutes", Input).value = card_minutes
    await pilot.pause()
    screen.action_begin()
    await pilot.pause()
    # The app starts the session in a worker (it may ask for a theme first).
    for _ in range(20):
        if app.screen is not screen:
            break
        await pilot.pause()
    await pilot.pause()

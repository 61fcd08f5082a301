"""Snapshot tests of the team game: the card, the secret vote, the reveal and the summary."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import pytest
from textual.pilot import Pilot

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry
from game.app import IntegerSpelApp
from game.context import AppContext
from game.dialogs.secret_vote import SecretVoteScreen
from game.rules.game import GameSetup, GameState
from game.rules.saving import Saver
from game.rules.session import GameSession
from game.screens.round import RoundScreen
from game.screens.summary import SummaryScreen
from game.widgets.timer import RoundTimer
from sessions.model import Round
from tests.factories import game_deck, pulse_deck

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((80, 24), id="80x24")]


class QuietStore:
    """A store that accepts everything and keeps nothing (snapshots need no disk)."""

    def start_session(self, **kwargs: Any) -> str:
        return "00000000-snap"

    def save_round(self, session_id: str, index: int, rnd: Round) -> None:
        pass

    def delete_round(self, session_id: str, index: int) -> None:
        pass

    def make_room(self, session_id: str, index: int) -> None:
        pass

    def set_participants(self, session_id: str, participants: int) -> None:
        pass

    def renew_lease(self, session_id: str) -> None:
        pass

    def save_pulse(self, session_id: str, pulse: Sequence[Any]) -> None:
        pass

    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None:
        pass

    def complete(self, session_id: str) -> None:
        pass


@pytest.fixture(autouse=True)
def still_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


def make_session() -> GameSession:
    deck = game_deck()
    setup = GameSetup(
        deck_id="spel",
        deck_version="2026.1",
        team="Publiekszaken",
        participants=9,
        limit=3,
        order="fixed",
        vote="secret",
        seed=1,
    )
    # QuietStore has only the methods the session calls; the saver is typed to the real Store.
    session = GameSession(GameState.start(deck, setup), deck, Saver(QuietStore()))  # type: ignore[arg-type]
    session.month = "2026-11"
    session.begin()
    return session


def make_app() -> IntegerSpelApp:
    registry = DeckRegistry(decks={"spel": game_deck(), "pulse": pulse_deck()})
    return IntegerSpelApp(AppContext(config=Config(), registry=registry, store=None))


def open_round(session: GameSession) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(RoundScreen(session))
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_card(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=open_round(make_session()))


@pytest.mark.parametrize("size", SIZES)
def test_secret_vote(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(
        make_app(),
        press=["g", "b"],
        terminal_size=size,
        run_before=open_round(make_session()),
    )


@pytest.mark.parametrize("size", SIZES)
def test_reveal(snap_compare: Any, size: tuple[int, int]) -> None:
    session = make_session()
    rnd = session.game.current
    assert rnd is not None
    rnd.counts = {"A": 2, "B": 5, "C": 2}
    rnd.vote = "secret"
    assert snap_compare(
        make_app(), press=["r", "_"], terminal_size=size, run_before=open_round(session)
    )


@pytest.mark.parametrize("size", SIZES)
def test_revote_hands(snap_compare: Any, size: tuple[int, int]) -> None:
    """The hands dialog on a variation: the variation's sentence and the card stay in view."""
    session = make_session()
    rnd = session.game.current
    assert rnd is not None
    rnd.counts = {"A": 2, "B": 5, "C": 2}
    rnd.vote = "secret"
    assert snap_compare(
        make_app(), press=["w", "h", "_"], terminal_size=size, run_before=open_round(session)
    )


@pytest.mark.parametrize("size", SIZES)
def test_revote_secret(snap_compare: Any, size: tuple[int, int]) -> None:
    session = make_session()
    rnd = session.game.current
    assert rnd is not None
    rnd.counts = {"A": 2, "B": 5, "C": 2}
    rnd.vote = "secret"
    assert snap_compare(
        make_app(), press=["w", "g"], terminal_size=size, run_before=open_round(session)
    )


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare: Any, size: tuple[int, int]) -> None:
    session = make_session()
    game = session.game
    first = game.current
    assert first is not None
    first.counts, first.vote = {"A": 2, "B": 5, "C": 2}, "secret"
    first.revotes[0] = {"A": 6, "B": 3, "C": 0}
    first.note = "Veel twijfel bij een oud-collega als leverancier."
    first.seconds = 420
    game.next(session.deck)
    second = game.current
    assert second is not None
    second.counts, second.vote = {"1": 1, "2": 3, "3": 3, "4": 2, "5": 0}, "hands"
    game.pulse["kent-vertrouwenspersoon"] = {"ja": 6, "nee": 2, "weet-niet": 1}
    session.complete()

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(SummaryScreen(session))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_card_alone(snap_compare: Any, size: tuple[int, int]) -> None:
    """`k`: only the card, filling the terminal."""
    assert snap_compare(
        make_app(), press=["k"], terminal_size=size, run_before=open_round(make_session())
    )


@pytest.mark.parametrize("size", SIZES)
def test_countdown_past_zero(snap_compare: Any, size: tuple[int, int]) -> None:
    """A time per card of 5 minutes, 15 seconds over: warning colour, "Tijd is om", +00:15."""
    from dataclasses import replace

    session = make_session()
    session.game.setup = replace(session.game.setup, card_minutes=5)
    rnd = session.game.current
    assert rnd is not None
    rnd.seconds = 315
    assert snap_compare(make_app(), terminal_size=size, run_before=open_round(session))

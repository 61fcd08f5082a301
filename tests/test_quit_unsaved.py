"""Quitting while saves fail: warn, and offer to export the session first (SPEC §12)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from game.rules.game import GameSetup, GameState
from game.rules.session import GameSession
from game.screens.round import RoundScreen
from game.widgets.timer import RoundTimer
from sessions.model import Round
from sessions.store import StoreError
from tests.factories import MemoryStore, game_deck_for_pulse, room_app


class FullDisk(MemoryStore):
    """Every write fails, as on a full disk."""

    def save_round(self, session_id: str, index: int, rnd: Round) -> None:
        raise StoreError("De schijf is vol.")

    def save_state(self, session_id: str, state: Mapping[str, Any]) -> None:
        raise StoreError("De schijf is vol.")


def _failing_session(app_saver: object) -> GameSession:
    deck = game_deck_for_pulse()
    game = GameState.start(
        deck, GameSetup(deck_id=deck.id, deck_version="1", team="Team", participants=5,
                        order="fixed", pulse="none")
    )
    return GameSession(game, deck, app_saver)  # type: ignore[arg-type]


async def test_ctrl_q_while_saves_fail_warns_and_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    deck = game_deck_for_pulse()
    app = room_app(deck)
    app.ctx.store = FullDisk()  # type: ignore[assignment]
    async with app.run_test(size=(120, 36)) as pilot:
        session = _failing_session(app.ctx.saver)
        session.begin()
        await app.push_screen(RoundScreen(session))
        current = session.game.current
        assert current is not None
        current.counts = {"A": 3, "B": 2}
        session.save_round()
        session.settle()
        await pilot.pause()
        assert app.ctx.saver.unsaved
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert "niet bewaard" in str(app.screen.query_one("#choice-question").render())
        await pilot.click("#choice-export")
        await pilot.pause()
        target = tmp_path / "sessie.md"
        app.screen.query_one("#path-input", Input).value = str(target)
        await pilot.click("#path-ok")
        await pilot.pause()
        await pilot.pause()
        assert target.exists() and "A" in target.read_text()
    assert app.return_code == 0


async def test_ctrl_q_while_saves_fail_can_still_quit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    app = room_app(game_deck_for_pulse())
    app.ctx.store = FullDisk()  # type: ignore[assignment]
    async with app.run_test(size=(120, 36)) as pilot:
        session = _failing_session(app.ctx.saver)
        session.begin()
        await app.push_screen(RoundScreen(session))
        session.settle()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        await pilot.click("#choice-quit")
        await pilot.pause()
    assert not app.is_running


async def test_ctrl_q_without_any_store_warns_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    app = room_app(game_deck_for_pulse())  # no store: the data folder could not be opened
    async with app.run_test(size=(120, 36)) as pilot:
        session = _failing_session(app.ctx.saver)
        session.begin()
        await app.push_screen(RoundScreen(session))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert "niet bewaard" in str(app.screen.query_one("#choice-question").render())

"""Pilot tests of the setup screen: typed participant counts are never cut, focus starts on top."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.screens.setup import SetupScreen
from tests.factories import SIZE, make_ctx, screen_as, screen_text


async def test_500_participants_is_refused_with_a_message_not_cut(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#setup-participants", Input)
        field.focus()
        await pilot.press("5", "0", "0")
        await pilot.pause()
        assert field.value == "500"
        screen_as(app, SetupScreen).action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        assert "tussen 1 en 99" in screen_text(app)


async def test_zero_participants_is_refused(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#setup-participants", Input).value = "0"
        screen_as(app, SetupScreen).action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        assert "tussen 1 en 99" in screen_text(app)


async def test_setup_focus_starts_on_the_deck(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "setup-deck"

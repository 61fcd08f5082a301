"""Pilot tests of the setup screen: typed participant counts are never cut, focus starts on top."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.rules.game import playable_cards
from game.screens.setup import SetupScreen
from tests.factories import SIZE, make_ctx, screen_as, screen_text, told


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


async def test_a_long_number_of_dilemmas_is_refused_not_cut(isolated_dirs: Path) -> None:
    """"1000" dilemma's: the field keeps what was typed and the setup says the range (the
    field once took three digits and started "100" without a word)."""
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#setup-limit", Input)
        field.value = ""
        field.focus()
        await pilot.press("1", "0", "0", "0")
        await pilot.pause()
        assert field.value == "1000"
        app.screen.query_one("#setup-participants", Input).value = "9"
        screen_as(app, SetupScreen).action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        assert "tussen 1 en 200" in screen_text(app)


async def test_more_dilemmas_than_the_deck_holds_is_said_with_the_number(
    isolated_dirs: Path,
) -> None:
    """Asking for more dilemmas than there are cards (with the chosen themes) plays every card,
    and says so with how many there are, instead of starting without a word."""
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_as(app, SetupScreen)
        deck = screen._deck()
        assert deck is not None
        available = len(playable_cards(deck, ()))
        screen.query_one("#setup-participants", Input).value = "9"
        screen.query_one("#setup-limit", Input).value = str(available + 1)
        screen.action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ != "SetupScreen"
        said = told(app)
        assert f"Er zijn {available} kaarten in dit deck: je speelt ze alle {available}." in said


async def test_the_setups_warning_does_not_follow_the_room_into_the_game(
    isolated_dirs: Path,
) -> None:
    """"Nog niet alles klopt" belongs to the form: once the form is right and the game starts,
    it is not left over the first card."""
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_as(app, SetupScreen)
        screen.query_one("#setup-participants", Input).value = "0"
        screen.action_begin()
        await pilot.pause()
        assert any("Nog niet alles klopt" in t for t in told(app))
        screen.query_one("#setup-participants", Input).value = "9"
        screen.action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ != "SetupScreen"
        assert not any("Nog niet alles klopt" in t for t in told(app))

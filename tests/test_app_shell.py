"""The app shell: main menu, help, the too-small notice, start targets."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from game.app import IntegerSpelApp
from game.context import AppContext, StartRequest
from game.screens.help import HelpScreen
from game.screens.menu import MainMenuScreen
from game.screens.too_small import TooSmallScreen
from sessions.store import Store
from tests.factories import make_app


async def test_main_menu_lists_the_five_parts(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert [label.split()[-1] for label in labels] == [
            "Teamspel", "Stappenplan", "Oefenen", "Rapportage", "Decks"]
        # The contact line puts the vertrouwenspersoon on the first screen.
        contact = str(app.screen.query_one("#menu-contact").render())
        assert "vertrouwenspersoon" in contact.lower()


async def test_f1_shows_help_for_the_current_screen(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)


async def test_too_small_terminal_gets_a_notice_and_recovers(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = str(app.screen.query_one("#too-small").render())
        assert "te klein" in text and "80×24" in text
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)


async def test_starts_too_small_without_crashing(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("1", "escape", "enter")  # nothing happens underneath
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)


async def test_number_keys_open_the_parts(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert type(app.screen).__name__ == "DecksScreen"


async def test_walkthrough_start_with_unknown_dilemma_falls_back_to_pick(
    isolated_dirs: Path,
) -> None:
    app = make_app(isolated_dirs, StartRequest(kind="walkthrough", dilemma="bestaat-niet"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WalkthroughPickScreen"


async def test_what_the_wio_has_to_fill_in_is_told_on_the_menu_not_over_a_card(
    isolated_dirs: Path,
) -> None:
    """Seen at 80x24: "Nog niet ingevuld door de WIO" covered the card for twelve seconds when
    the app was started straight into the team game in front of the room."""
    told = {}
    for kind in ("menu", "play"):
        ctx = AppContext.load()
        ctx.store = Store.open(isolated_dirs / kind)
        app = IntegerSpelApp(ctx, StartRequest(kind=kind))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            told[kind] = [n.message for n in app._notifications]
    assert any("Nog niet ingevuld door de WIO" in m for m in told["menu"])
    assert not any("Nog niet ingevuld door de WIO" in m for m in told["play"])

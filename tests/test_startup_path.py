"""What the app does before its first frame (SPEC §11 start-up budget): no empty default screen
under the menu, and the first menu item focused as the menu is composed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from game.screens.menu import MainMenuScreen
from tests.factories import make_app


async def test_the_menu_is_the_first_and_only_screen(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.wait_until_started()
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [MainMenuScreen]
        focused = app.focused
        assert isinstance(focused, Button) and focused.id == "menu-teamspel"


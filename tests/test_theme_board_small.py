"""The theme board at 80×24 (issue: themes 9–12 could not be seen or reached, and no digit
picks a tenth theme)."""

from __future__ import annotations

from pathlib import Path

from game.dialogs.theme_board import ThemeBoardScreen
from game.widgets.theme_board import ThemeTile
from tests.factories import make_app

THEMES = [(f"thema-{i}", f"Thema nummer {i} met een lange titel") for i in range(1, 14)]


async def test_every_theme_is_reachable_and_visible_at_80x24(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    picked: list[str | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ThemeBoardScreen(THEMES, set(), left={t: 2 for t, _ in THEMES},
                                         pick=True), picked.append)
        await pilot.pause()
        screen = app.screen
        for _ in range(11):
            await pilot.press("down")
        await pilot.pause(0.5)  # let the list scroll to the focused tile
        focused = app.focused
        assert isinstance(focused, ThemeTile) and focused.theme_id == "thema-12"
        visible = screen.region
        assert visible.contains_region(focused.region), (focused.region, visible)
        await pilot.press("enter")
        await pilot.pause()
    assert picked == ["thema-12"]

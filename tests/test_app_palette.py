"""The footer names the command palette in Dutch."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer

from tests.factories import make_app


async def test_footer_names_the_palette_in_dutch(isolated_dirs: Path) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        from game.screens.setup import SetupScreen

        app.push_screen(SetupScreen())
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        texts = " ".join(str(key.render()) for key in footer.children)
        assert "palette" not in texts
        assert "Opdrachten" in texts

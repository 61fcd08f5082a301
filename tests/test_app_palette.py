"""The command palette: Dutch on every screen, out of the footers that need their room."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Footer, Input

from tests.factories import make_app


async def test_the_palette_asks_in_dutch_and_no_footer_names_it_in_english(
    isolated_dirs: Path,
) -> None:
    app = make_app(isolated_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        texts = " ".join(str(key.render()) for key in footer.children)
        assert "palette" not in texts
        # At 80 columns the menu's footer ends with its own keys, not a cut-off palette key.
        assert "^q Stoppen" in texts and "f1 Help" in texts
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "Zoek een opdracht…"

"""The menu is on the beamer: it shows no "[naam invullen]" placeholders; what the WIO still
has to fill in is told in the start-up notice."""

from __future__ import annotations

from textual.widgets import Static

from dilemmas.config import DEFAULT_CONTACTS, Config, Contact
from tests.factories import bare_app, screen_text


async def test_the_menu_shows_no_placeholders() -> None:
    app = bare_app()
    assert "[naam invullen]" in DEFAULT_CONTACTS[0].name  # the default still has one
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "invullen" not in text
        assert "Vragen of twijfels? Externe vertrouwenspersoon" in text


async def test_the_menu_shows_a_filled_in_contact_whole() -> None:
    app = bare_app()
    app.ctx.config = Config(contacts=(Contact("Vertrouwenspersoon", "Sanne de Vries", "06-1234"),))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one("#menu-contact", Static).content)
        assert line == "Vragen of twijfels? Vertrouwenspersoon: Sanne de Vries — 06-1234"

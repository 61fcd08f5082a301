"""The round at 80 columns: the big timer digits in a strip once the timer is used, every key
hint on its line, and a status line that does not cut a theme mid-word."""

from __future__ import annotations

from game.screens.round import RoundScreen
from game.widgets.timer import RoundTimer
from tests.factories import long_card, memory_session, room_app, screen_text, small_deck


async def test_at_80_columns_the_timer_digits_show_once_the_timer_runs() -> None:
    deck = small_deck(long_card())
    app = room_app(deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = RoundScreen(memory_session(deck))
        await app.push_screen(screen)
        await pilot.pause()
        side = screen.query_one("#round-side")
        assert not side.display or side.region.height == 0  # idle: the card gets the rows
        await pilot.press("t")
        await pilot.pause()
        timer = screen.query_one(RoundTimer)
        assert timer.has_class("-compact")
        assert side.region.height == 3 and timer.region.height == 3
        assert "t pauzeert" in screen_text(app)
        # The status line no longer repeats the time beside the big digits.
        assert "▶ 00:" not in screen.status_line.text


async def test_at_80_columns_the_keys_line_names_the_eigen_casus_and_no_theme_is_cut() -> None:
    deck = small_deck(long_card())
    app = room_app(deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = RoundScreen(memory_session(deck))
        await app.push_screen(screen)
        await pilot.pause()
        text = screen_text(app)
        assert "o eigen casus" in text
        first_line = text.splitlines()[0]
        assert "…" not in first_line and "Geschenken" not in first_line


def test_the_code_panel_on_the_beamer_leaves_out_what_the_wio_has_not_filled_in() -> None:
    from dilemmas.config import DEFAULT_CONTACTS
    from game.rules.round_text import contact_lines

    lines = contact_lines([c for c in DEFAULT_CONTACTS if c.id == "vertrouwenspersoon"])
    assert lines[0] == "Bij wie kun je terecht:"
    assert "invullen" not in "\n".join(lines) and "vertrouwenspersoon" in lines[1].lower()

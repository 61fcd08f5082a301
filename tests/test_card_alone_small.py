"""The card alone (`k`) stays readable with an enlarged font: at about 50×15 the text scrolls
and the timer stays in view, where other screens show the "te klein" notice."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Digits

from game.screens.card_alone import CardAloneScreen
from game.screens.too_small import TooSmallScreen
from game.widgets.card import CardView
from game.widgets.timer import RoundTimer, TimerMirror
from tests.factories import bare_app, long_card, screen_text


@pytest.fixture(autouse=True)
def still_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)


class RoundLike(Screen[None]):
    """Stands in for the round: a running timer and a `k` that shows the card alone."""

    def compose(self) -> ComposeResult:
        yield RoundTimer(id="round-timer")

    def action_timer(self) -> None:
        """As the round's `t`: the round toggles its timer (and keeps its state)."""
        self.query_one(RoundTimer).toggle()

    def action_card_alone(self) -> None:
        self.app.push_screen(CardAloneScreen(long_card(), None, self.query_one(RoundTimer)))


def digits(app: App[None]) -> str:
    return str(app.screen.query_one(TimerMirror).query_one(Digits).value)


async def test_at_50_by_15_the_card_reads_scrolls_and_keeps_the_timer() -> None:
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RoundLike())
        timer = app.screen.query_one(RoundTimer)
        timer.seconds = 83
        timer.running = True
        round_like = app.screen
        assert isinstance(round_like, RoundLike)
        round_like.action_card_alone()  # `k`, then the font goes up
        await pilot.pause()
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CardAloneScreen)
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
        text = screen_text(app)
        assert "Een lange kaart" in text and "te klein" not in text
        assert digits(app) == "01:23" and "loopt" in text
        mirror = app.screen.query_one(TimerMirror)
        assert mirror.region.bottom <= 14  # above the footer, inside the window
        timer.tick()
        await pilot.pause()
        assert digits(app) == "01:24"  # it follows the round's timer
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "beleefd terug" in text  # the last option can be reached
        assert app.screen.query_one(CardView).scroll_y > 0
        assert "↓ Verder" in text and "t Timer" in text and "Stoppen f1 Help" in text  # the footer fits


async def test_back_to_the_round_at_50_by_15_shows_the_notice_and_k_reopens_the_card() -> None:
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RoundLike())
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)  # the round itself does not fit
        assert "druk op k" in screen_text(app)
        await pilot.press("k")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CardAloneScreen)
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, RoundLike)


async def test_at_80_by_24_the_card_alone_shows_the_big_timer() -> None:
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RoundLike())
        round_like = app.screen
        assert isinstance(round_like, RoundLike)
        round_like.action_card_alone()
        await pilot.pause()
        mirror = app.screen.query_one(TimerMirror)
        assert mirror.region.height == 3 and digits(app) == "00:00"
        assert "staat stil" in screen_text(app)


async def test_help_from_the_card_alone_at_50_by_15_opens_and_closes_without_the_notice() -> None:
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RoundLike())
        round_like = app.screen
        assert isinstance(round_like, RoundLike)
        round_like.action_card_alone()
        await pilot.pause()
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        assert "Alleen de kaart" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CardAloneScreen)
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)


async def test_t_starts_and_pauses_the_timer_from_the_card_alone() -> None:
    """A facilitator who enlarged the font reads the card alone and still starts and pauses
    the round's timer with `t`, as in the round (the footer says so)."""
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RoundLike())
        round_like = app.screen
        assert isinstance(round_like, RoundLike)
        timer = round_like.query_one(RoundTimer)
        round_like.action_card_alone()
        await pilot.pause()
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CardAloneScreen)
        assert "t Timer" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert timer.running and "loopt" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert not timer.running

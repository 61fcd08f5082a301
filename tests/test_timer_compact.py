"""The timer's compact form, for 80 columns: big digits in three rows, words beside them."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Digits, Static

from game.widgets.timer import RoundTimer


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield RoundTimer(classes="-compact")


async def test_the_compact_timer_keeps_its_big_digits_in_three_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    async with Host().run_test(size=(80, 24)) as pilot:
        timer = pilot.app.query_one(RoundTimer)
        timer.seconds = 297
        await pilot.pause()
        assert timer.region.height == 3
        digits = timer.query_one(Digits)
        assert digits.value == "04:57" and digits.region.height == 3
        state = timer.query_one("#timer-state", Static)
        assert state.region.x > digits.region.right - 1 and state.region.y == timer.region.y

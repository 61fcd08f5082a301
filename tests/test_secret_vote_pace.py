"""The secret vote goes round quickly: "Stem ontvangen" stays about a second, and a voter can
still take their own press back until the next voter presses (SPEC §4). Whatever was pressed,
the screen looks the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.timer import Timer

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.secret_vote import RECEIVED, SecretVoteScreen
from game.screens.round import RoundScreen
from game.widgets.timer import RoundTimer
from tests.factories import SIZE, fill_setup, make_ctx, screen_as, screen_text


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)


def test_fifteen_voters_do_not_wait_45_seconds() -> None:
    assert SecretVoteScreen.PASS_SECONDS <= 1.0
    waiting = 14 * SecretVoteScreen.PASS_SECONDS
    waiting += SecretVoteScreen.PASS_SECONDS * SecretVoteScreen.LAST_FACTOR
    assert waiting <= 18


async def test_the_confirmation_lasts_a_second_then_the_next_voter(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    delays: list[float] = []
    original = SecretVoteScreen.set_timer

    def record(
        self: SecretVoteScreen, delay: float, callback: Callable[[], object] | None = None,
        **kwargs: Any,
    ) -> Timer:
        delays.append(delay)
        return original(self, 0.2, callback, **kwargs)  # the clock runs fast in this test

    monkeypatch.setattr(SecretVoteScreen, "set_timer", record)
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, participants="3", vote="secret", pulse="none")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("a")
        assert RECEIVED in screen_text(app)
        await pilot.pause(0.3)
        assert "Deelnemer 2 van 3" in screen_text(app)
        await pilot.press("b")
        await pilot.pause(0.3)
        await pilot.press("c")
        await pilot.pause(0.3)
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        assert app.screen.round.counts == {"A": 1, "B": 1, "C": 1}
    assert delays == [1.0, 1.0, 3.0]


async def test_only_the_voter_corrects_their_own_press_before_passing_on(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the next voter's turn shows, the previous vote is final: nothing offers to take it
    back and Backspace does nothing (SPEC §4.2)."""
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, participants="3", vote="secret", pulse="none")
        round_screen = screen_as(app, RoundScreen)
        await pilot.press("g")
        await pilot.pause()
        vote = app.screen
        assert isinstance(vote, SecretVoteScreen)
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "Deelnemer 2 van 3" in text and "ackspace" not in text
        await pilot.press("backspace")  # the next voter holds the laptop now
        await pilot.pause()
        text = screen_text(app)
        assert "Teruggenomen" not in text and vote.tally.total == 1
        # While "stem ontvangen" shows, the voter corrects their own press.
        monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 60)
        await pilot.press("b")
        await pilot.pause()
        assert RECEIVED in screen_text(app)
        await pilot.press("backspace")
        await pilot.pause()
        text = screen_text(app)
        assert "Teruggenomen" in text and "Deelnemer 2 van 3" in text
        assert vote.tally.total == 1
        monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)
        await pilot.press("c", "a")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is round_screen
        assert round_screen.round.counts == {"A": 2, "B": 0, "C": 1}


async def test_the_next_voters_screen_is_the_same_whatever_was_pressed(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)
    shots: list[tuple[str, str]] = []
    for key in ("a", "c", "x"):
        # A data folder each: a session left unfinished would be offered for resuming.
        app = IntegerSpelApp(make_ctx(isolated_dirs / key), StartRequest(kind="play"))
        async with app.run_test(size=SIZE) as pilot:
            await fill_setup(pilot, participants="3", vote="secret", pulse="none")
            await pilot.press("g")
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            shots.append((screen_text(app), app.export_screenshot()))
        assert app.ctx.store is not None
        app.ctx.store.close()
    assert shots[0] == shots[1] == shots[2]
    assert "Deelnemer 2 van 3" in shots[0][0]

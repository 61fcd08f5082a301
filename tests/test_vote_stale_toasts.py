"""A warning about a refused secret vote no longer applies once a vote is done: it does not
come back over the result when the vote screen closes (SPEC §4.2, §4.4)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from game.dialogs.secret_vote import SecretVoteScreen
from game.screens.pulse import PulseScreen
from game.screens.round import RoundScreen
from tests.factories import (
    game_deck_for_pulse,
    long_card,
    memory_session,
    pulse_question_deck,
    room_app,
    small_deck,
)

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def quick_votes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


def toasts(app: App[Any]) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_the_pulse_result_comes_without_the_too_few_warning() -> None:
    deck, pulse = game_deck_for_pulse(), pulse_question_deck()
    app = room_app(deck, pulse)
    async with app.run_test(size=SIZE) as pilot:
        screen = PulseScreen(memory_session(deck, participants=4), list(pulse.dilemmas),
                             at_start=True)
        await app.push_screen(screen)
        await pilot.press("g", "1", "2", "escape")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert any("Minder dan 3 stemmen" in t for t in toasts(app))
        await pilot.press("g", "1", "1", "2", "x")
        await pilot.pause()
        assert app.screen is screen
        assert not any("Minder dan 3 stemmen" in t for t in toasts(app))


async def test_the_round_result_comes_without_the_too_few_warning() -> None:
    deck = small_deck(long_card())
    app = room_app(deck)
    async with app.run_test(size=SIZE) as pilot:
        screen = RoundScreen(memory_session(deck, participants=4))
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("g", "a", "b", "escape")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert any("Minder dan 3 stemmen" in t for t in toasts(app))
        await pilot.press("g", "a", "a", "b", "c")
        await pilot.pause()
        assert app.screen is screen
        assert not any("Minder dan 3 stemmen" in t for t in toasts(app))

"""A warning about a refused secret vote no longer applies once a vote is done: it does not
come back over the result when the vote screen closes (SPEC §4.2, §4.4)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen

from game.app import IntegerSpelApp
from game.screens.pulse import PulseScreen
from game.screens.round import RoundScreen
from tests.factories import (
    end_vote_early,
    game_deck_for_pulse,
    long_card,
    memory_session,
    pulse_question_deck,
    room_app,
    small_deck,
    told,
)

SIZE = (120, 36)

pytestmark = pytest.mark.usefixtures("quick_votes")


async def _too_few_then_a_vote(app: IntegerSpelApp, screen: Screen[Any], few: tuple[str, ...],
                               enough: tuple[str, ...]) -> None:
    """Two votes ended early (the warning), then a whole vote: the warning has gone."""
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        await end_vote_early(pilot, *few)
        assert any("Minder dan 3 stemmen" in t for t in told(app))
        await pilot.press("g", *enough)
        await pilot.pause()
        assert app.screen is screen
        assert not any("Minder dan 3 stemmen" in t for t in told(app))


async def test_the_pulse_result_comes_without_the_too_few_warning() -> None:
    deck, pulse = game_deck_for_pulse(), pulse_question_deck()
    screen = PulseScreen(memory_session(deck, participants=4), list(pulse.dilemmas),
                         at_start=True)
    await _too_few_then_a_vote(room_app(deck, pulse), screen, ("1", "2"), ("1", "1", "2", "x"))


async def test_the_round_result_comes_without_the_too_few_warning() -> None:
    deck = small_deck(long_card())
    screen = RoundScreen(memory_session(deck, participants=4))
    await _too_few_then_a_vote(room_app(deck), screen, ("a", "b"), ("a", "a", "b", "c"))

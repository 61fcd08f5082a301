"""The pulse is a secret round with the round's rules (SPEC §4.4)."""

from __future__ import annotations

import pytest

from game.app import IntegerSpelApp
from game.screens.pulse import PulseScreen
from game.widgets.bars import VoteBars
from tests.factories import (
    end_vote_early,
    game_deck_for_pulse,
    memory_session,
    pulse_question_deck,
    room_app,
    screen_text,
)

SIZE = (120, 36)

pytestmark = pytest.mark.usefixtures("quick_votes")


def _pulse(participants: int, index: int = 0) -> tuple[IntegerSpelApp, PulseScreen]:
    deck, pulse = game_deck_for_pulse(), pulse_question_deck()
    session = memory_session(deck, participants=participants)
    app = room_app(deck, pulse)
    screen = PulseScreen(session, list(pulse.dilemmas), at_start=True)
    screen.index = index
    return app, screen


async def test_two_votes_are_not_shown_or_kept() -> None:
    app, screen = _pulse(participants=12, index=1)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(screen)
        await end_vote_early(pilot, "1", "2")
        assert app.screen is screen
        assert screen.session.game.pulse == {}
        await pilot.press("r")
        await pilot.pause()
        assert not screen.query_one(VoteBars).display
        assert "2 stemmen" not in screen.status_line.text
        assert screen.session.settle()
        assert screen.session.store.pulse == []


async def test_blanco_is_counted_apart_and_shown() -> None:
    app, screen = _pulse(participants=4)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(screen)
        await pilot.press("g", "1", "1", "2", "x")
        await pilot.pause()
        assert app.screen is screen
        assert "3 stemmen en 1 blanco" in screen.status_line.text
        await pilot.press("r")
        await pilot.pause()
        assert "1 blanco, apart geteld" in screen.status_line.text
        game = screen.session.game
        assert game.pulse["kent-vertrouwenspersoon"] == {"ja": 2, "nee": 1}
        assert game.pulse_blanco == {"kent-vertrouwenspersoon": 1}
        assert screen.session.settle()
        assert screen.session.store.state["pulse_blanco"] == {"kent-vertrouwenspersoon": 1}


async def test_bars_show_the_answers_words_with_context_and_contacts() -> None:
    app, screen = _pulse(participants=3, index=1)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(screen)
        assert screen.context_line.text == "Weten wie het is, is één ding."
        await pilot.press("g", "1", "2", "2", "r")
        await pilot.pause()
        bars = screen.query_one(VoteBars)
        assert bars.display
        assert "Niet precies" in bars.labels and "weet-niet" not in bars.labels
        assert "weet-niet" not in str(bars.render())
        screen.index = 0
        await pilot.press("c")
        await pilot.pause()
        assert "Anna de Vries" in screen.code_panel.text
        assert screen.code_panel.display


async def test_the_contacts_come_into_view_at_80x24() -> None:
    app, screen = _pulse(participants=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(screen)
        await pilot.press("g", "1", "2", "2", "r", "c")
        for _ in range(4):
            await pilot.pause()
        assert "Anna de Vries" in screen_text(app)

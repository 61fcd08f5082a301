"""The discussion timer counting down per card (SPEC §4: a time per card set in the setup,
with a visible signal at zero), and the pulse at the start by default (SPEC §4.4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Digits, Input, RadioButton

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.secret_vote import SecretVoteScreen
from game.rules.game import GameSetup, GameState, SetupError, countdown_face, parse_card_minutes
from game.screens.round import RoundScreen
from game.screens.setup import SetupScreen
from game.widgets.timer import RoundTimer
from tests.factories import SIZE, fill_setup, make_ctx, screen_as, screen_text

COMPACT = (80, 24)


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock is the test: the timer ticks only when `tick()` is called."""
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


# -- rules -----------------------------------------------------------------------------------


def test_card_minutes_empty_means_counting_up() -> None:
    assert parse_card_minutes("") is None
    assert parse_card_minutes("  ") is None
    assert parse_card_minutes(" 5 ") == 5


@pytest.mark.parametrize("text", ["0", "121", "500", "1,5", "1.5", "-3", "vijf", "５"])
def test_bad_card_minutes_are_refused_not_cut(text: str) -> None:
    with pytest.raises(SetupError) as caught:
        parse_card_minutes(text)
    assert caught.value.field == "card-minutes"
    assert "minuten" in str(caught.value)


def test_countdown_faces() -> None:
    assert countdown_face(0, None) == ("00:00", False)
    assert countdown_face(75, None) == ("01:15", False)
    assert countdown_face(0, 300) == ("05:00", False)
    assert countdown_face(299, 300) == ("00:01", False)
    assert countdown_face(300, 300) == ("00:00", True)
    assert countdown_face(315, 300) == ("+00:15", True)
    assert countdown_face(300 + 3600, 300) == ("+60:00", True)


@given(st.integers(0, 10_000), st.integers(60, 7200))
def test_countdown_is_over_exactly_from_the_limit(seconds: int, limit: int) -> None:
    face, over = countdown_face(seconds, limit)
    assert over == (seconds >= limit)
    assert face.startswith("+") == (seconds > limit)
    minutes, secs = face.lstrip("+").split(":")
    assert int(minutes) * 60 + int(secs) == abs(limit - seconds)


def test_card_minutes_survive_the_resume_state() -> None:
    setup = GameSetup("spel", "1", None, 9, card_minutes=7)
    assert GameSetup.from_dict(setup.to_dict()).card_minutes == 7
    assert GameSetup.from_dict(GameSetup("spel", "1", None, 9).to_dict()).card_minutes is None
    for broken in ("7", -1, 9999, True, None):
        data = {**setup.to_dict(), "card_minutes": broken}
        assert GameSetup.from_dict(data).card_minutes is None


# -- the setup -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["500", "0", "abc"])
async def test_setup_refuses_a_bad_time_per_card(isolated_dirs: Path, text: str) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#setup-card-minutes", Input)
        field.focus()
        await pilot.press(*text)
        await pilot.pause()
        assert field.value == text  # nothing cut off while typing
        app.screen.query_one("#setup-participants", Input).value = "9"
        screen_as(app, SetupScreen).action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        text_on_screen = screen_text(app)
        assert "tijd per kaart" in text_on_screen.lower()
        assert "minuten" in text_on_screen


# -- the round -------------------------------------------------------------------------------


def digits(app: IntegerSpelApp) -> str:
    return app.screen.query_one(RoundTimer).query_one(Digits).value


async def test_countdown_per_card_signals_at_zero_and_keeps_counting(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    bells: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, card_minutes="1", pulse="none")
        assert type(app.screen).__name__ == "RoundScreen"
        timer = app.screen.query_one(RoundTimer)
        assert digits(app) == "01:00"
        assert "Tijd is om" not in screen_text(app)
        await pilot.press("t")
        for _ in range(59):
            timer.tick()
        await pilot.pause()
        assert digits(app) == "00:01" and not timer.over and not bells
        timer.tick()
        await pilot.pause()
        assert digits(app) == "00:00" and timer.over and timer.has_class("-over")
        assert "Tijd is om" in screen_text(app) and "Loopt door" in screen_text(app)
        assert bells == [1]
        for _ in range(15):
            timer.tick()
        await pilot.pause()
        assert digits(app) == "+00:15" and timer.running  # it goes on past zero
        assert bells == [1]  # the bell rings once
        # The next card has its own time.
        await pilot.press("right")
        await pilot.pause()
        assert digits(app) == "01:00" and not timer.over
        assert "Tijd is om" not in screen_text(app)
        # Back to the first card: its time is kept, past zero.
        await pilot.press("left")
        await pilot.pause()
        assert digits(app) == "+00:15" and timer.over
    ctx.store.close()
    # The resume keeps the time per card.
    ctx2 = make_ctx(isolated_dirs)
    found = ctx2.store.unfinished("team")
    assert found is not None
    assert GameState.from_state(found[1]).setup.card_minutes == 1
    ctx2.store.close()


async def test_countdown_shows_in_big_digits_at_80_columns(isolated_dirs: Path) -> None:
    """A time per card is in use from the first card: at 80 columns its big digits stand in
    a strip under the card, and past zero they turn to the warning colour."""
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=COMPACT) as pilot:
        await fill_setup(pilot, card_minutes="2", pulse="none")
        timer = app.screen.query_one(RoundTimer)
        assert digits(app) == "02:00" and timer.region.height == 3
        await pilot.press("t")
        for _ in range(125):
            timer.tick()
        await pilot.pause()
        assert digits(app) == "+00:05" and timer.over and timer.has_class("-over")
        assert "Tijd is om" in screen_text(app)


async def test_without_a_time_per_card_the_timer_counts_up(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, pulse="none")
        timer = app.screen.query_one(RoundTimer)
        await pilot.press("t")
        for _ in range(61):
            timer.tick()
        await pilot.pause()
        assert digits(app) == "01:01" and not timer.over


# -- the pulse at the start ------------------------------------------------------------------


async def test_pulse_at_the_start_by_default(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_as(app, SetupScreen)
        assert screen.query_one("#pulse-begin", RadioButton).value  # the default
        screen.query_one("#setup-participants", Input).value = "4"
        screen.query_one("#order-fixed", RadioButton).value = True
        await pilot.pause()
        screen.action_begin()
        await pilot.pause()
        assert type(app.screen).__name__ == "PulseScreen"
        text = screen_text(app)
        assert "Weet je wie de vertrouwenspersoon is?" in text
        assert "e Kaarten" in text and "Samenvatting" not in text  # e goes on to the cards
        await pilot.press("g")
        await pilot.pause()
        assert "meldklimaat-peiling" in screen_text(app) and "pulse" not in screen_text(app)
        await pilot.press(*"1123")
        await pilot.pause()
        await pilot.pause()
        # Revealed like a round: the result waits for r.
        assert "Druk op r" in screen_text(app) and "50%" not in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "50%" in text and "naar de eerste kaart" in text
        await pilot.press("right")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
        assert "Kaartjes na de aanbesteding" in screen_text(app)
        # The end of the session does not ask the pulse again.
        await pilot.press("e")
        await pilot.pause()
        assert "meldklimaat" not in screen_text(app).lower()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert [(p.question, dict(p.counts)) for p in record.pulse] == [
        ("kent-vertrouwenspersoon", {"ja": 2, "nee": 1, "weet-niet": 1})
    ]


async def test_a_resume_during_the_pulse_at_the_start_goes_back_to_it(
    isolated_dirs: Path,
) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, pulse="begin")
        assert type(app.screen).__name__ == "PulseScreen"
    assert ctx.store is not None
    ctx.store.close()  # the app is gone during the pulse
    ctx2 = make_ctx(isolated_dirs)
    app2 = IntegerSpelApp(ctx2)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#choice-resume")
        await pilot.pause()
        assert type(app2.screen).__name__ == "PulseScreen"
        assert "Weet je wie de vertrouwenspersoon is?" in screen_text(app2)
        await pilot.press("right")
        await pilot.pause()
        assert type(app2.screen).__name__ == "RoundScreen"
        assert screen_as(app2, RoundScreen).session.settle()
    assert ctx2.store is not None
    found = ctx2.store.unfinished("team")
    assert found is not None and not GameState.from_state(found[1]).pulse_pending

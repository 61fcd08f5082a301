"""Pilot tests of the session's edges: discarding, the summary's text, pulse and setup options."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.screens.summary import SummaryScreen
from tests.factories import SIZE, fill_setup, make_ctx, no_real_time, screen_as, screen_text

__all__ = ["no_real_time"]  # the autouse fixture: timers tick only when told, votes pass at once


async def _to_summary(pilot: Pilot[None]) -> None:
    """Setup, then straight to the end of the session and past the pulse."""
    await fill_setup(pilot)
    await pilot.press("h")
    await pilot.pause()
    pilot.app.screen.query_one("#hands-A", Input).value = "5"
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    await pilot.click("#choice-finish")
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()


async def test_summary_discard_asks_then_deletes_the_session(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_summary(pilot)
        assert type(app.screen).__name__ == "SummaryScreen"
        assert "Weggooien" in screen_text(app)  # in the footer
        await pilot.press("x")
        await pilot.pause()
        assert type(app.screen).__name__ == "ChoiceDialog"
        assert ctx.store is not None
        assert len(ctx.store.list_sessions("team")) == 1  # nothing gone before the answer
        await pilot.click("#choice-discard")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ != "SummaryScreen"
        assert any("weggegooid" in str(n.message) for n in app._notifications)
    assert ctx.store.list_sessions("team") == []


async def test_summary_discard_can_be_cancelled(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_summary(pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#choice-keep")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
    assert ctx.store is not None
    assert len(ctx.store.list_sessions("team")) == 1


async def test_resume_offer_can_discard_the_session(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
    app2 = IntegerSpelApp(ctx)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert "weggooien?" in screen_text(app2)
        assert ctx.store is not None
        assert len(ctx.store.list_sessions("team")) == 1
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert any("weggegooid" in str(n.message) for n in app2._notifications)
    assert ctx.store.list_sessions("team") == []
    assert ctx.store.unfinished("team") is None


async def test_summary_numbers_rounds_as_played_and_lists_the_skipped(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="9")
        await pilot.press("h")
        await pilot.pause()
        for key, n in (("A", "2"), ("B", "3"), ("C", "3")):
            app.screen.query_one(f"#hands-{key}", Input).value = n
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("right", "s", "right")  # skip the second card, then the end
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        md = screen_as(app, SummaryScreen).markdown
        assert "8 van 9 stemden" in md
        assert "## Ronde 3: Het dossier van de buurman" in md
        assert "## Ronde 2" not in md
        assert "- Ronde 2: De bijbaan in het weekend" in md


async def _to_pulse(pilot: Pilot[None]) -> None:
    await fill_setup(pilot)
    await pilot.press("e")
    await pilot.pause()
    await pilot.click("#choice-finish")
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "PulseScreen"


async def test_pulse_result_shows_only_after_a_reveal(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_pulse(pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"111111223")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "PulseScreen"
        text = screen_text(app)
        assert "67%" not in text and "Druk op r" in text
        await pilot.press("r")
        await pilot.pause()
        assert "67%" in screen_text(app)


async def test_pulse_last_question_leads_to_the_summary_and_says_peiling(
    isolated_dirs: Path,
) -> None:
    app = IntegerSpelApp(make_ctx(isolated_dirs), StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_pulse(pilot)
        text = screen_text(app)
        assert "Pulse" not in text and "peiling" in text.lower()
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"111111223")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "volgende vraag" not in text and "naar de samenvatting" in text


async def test_setup_team_field_suggests_from_the_config_and_stays_free(
    isolated_dirs: Path,
) -> None:
    from dataclasses import replace

    from textual.widgets import Input

    ctx = make_ctx(isolated_dirs)
    ctx.config = replace(ctx.config, teams=("Publiekszaken", "Belastingen"))
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#setup-team", Input)
        field.focus()
        await pilot.press(*"publ")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("right")  # take the suggestion
        await pilot.pause()
        assert field.value == "Publiekszaken"
        field.value = ""
        await pilot.press(*"Nieuw team")
        await pilot.pause()
        assert field.value == "Nieuw team"


async def test_setup_pulse_at_the_start_comes_before_the_first_card(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, pulse="begin")
        assert type(app.screen).__name__ == "PulseScreen"
        await pilot.press("g", *"111111223")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "naar de eerste kaart" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"  # not asked twice
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert record.pulse[0].counts == {"ja": 6, "nee": 2, "weet-niet": 1}


async def test_setup_without_pulse_goes_from_the_last_card_to_the_summary(
    isolated_dirs: Path,
) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, pulse="none")
        assert type(app.screen).__name__ == "RoundScreen"
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
    assert ctx.store is not None
    assert ctx.store.list_sessions("team")[0].pulse == ()

"""Pilot tests of what the room sees and keeps during one card (issue 11, the round part)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.secret_vote import RECEIVED_LAST, SecretVoteScreen
from game.screens.round import RoundScreen
from game.screens.walkthrough import WalkthroughScreen
from game.widgets.round_panel import Panel
from game.widgets.timer import RoundTimer
from tests.factories import SIZE, fill_setup, make_ctx, screen_as, screen_text


@pytest.fixture(autouse=True)
def no_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoundTimer, "INTERVAL", None)
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 0)


async def test_second_deep_dive_continues_the_first(isolated_dirs: Path) -> None:
    """Defect 1: `d` twice on one card reopens the same walkthrough."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        round_screen = app.screen
        await pilot.press("d")
        await pilot.pause()
        first = app.screen
        assert type(first).__name__ == "WalkthroughScreen"
        first.dismiss("wt-123")
        await pilot.pause()
        assert isinstance(round_screen, RoundScreen)
        assert round_screen.round.walkthrough == "wt-123"
        assert round_screen.session.settle()
        assert ctx.store is not None
        state = ctx.store.unfinished("team")
        assert state is not None
        await pilot.press("d")
        await pilot.pause()
        assert screen_as(app, WalkthroughScreen).walkthrough_id == "wt-123"


async def test_revote_screens_show_the_variation(isolated_dirs: Path) -> None:
    """Defect 2: hands and secret re-votes show the variation's sentence; the card stays."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="5")
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#hands-A", Input).value = "3"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("w", "h")
        await pilot.pause()
        text = screen_text(app)
        assert "voetbalwedstrijd van 20 euro" in text
        assert "Kaartjes na de aanbesteding" in text  # the card is not hidden
        app.screen.query_one("#hands-A", Input).value = "2"
        await pilot.pause()
        assert "Samen 2 van 5 deelnemers" in screen_text(app)
        await pilot.press("escape", "g")
        await pilot.pause()
        assert isinstance(app.screen, SecretVoteScreen)
        assert "voetbalwedstrijd van 20 euro" in screen_text(app)


async def test_timer_runs_through_a_secret_vote_and_a_deep_dive(isolated_dirs: Path) -> None:
    """Defect 3: votes and the deep dive don't stop the timer; the header tells the truth."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="3", vote="secret")
        await pilot.press("t")
        await pilot.pause()
        timer = app.screen.query_one(RoundTimer)
        await pilot.press("g", "a", "b", "c")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        assert timer.running
        await pilot.press("d")
        await pilot.pause()
        app.screen.dismiss(None)
        await pilot.pause()
        assert timer.running
        assert "Loopt — t pauzeert" in screen_text(app)  # the big digits' strip at 80 columns
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)  # paused at 0: the strip goes, the status line says so
        assert "⏸ 00:00" in text and "Loopt" not in text


async def test_discussion_prompts_are_on_the_card(isolated_dirs: Path) -> None:
    """Defect 5: the card's prompts are shown while it is played."""
    from dataclasses import replace

    ctx = make_ctx(isolated_dirs)
    deck = ctx.registry.decks["spel"]
    first = replace(deck.dilemmas[0], prompts=("Wat maakt het bedrag uit?",))
    ctx.registry.decks["spel"] = replace(deck, dilemmas=(first, *deck.dilemmas[1:]))
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        assert "Wat maakt het bedrag uit?" in screen_text(app)


async def test_crash_during_a_secret_vote_is_told_on_resume(isolated_dirs: Path) -> None:
    """Defect 6: the lost secret vote is told and the running timer keeps its time."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="9", vote="secret")
        await pilot.press("t")
        timer = app.screen.query_one(RoundTimer)
        for _ in range(20):
            timer.tick()
        await pilot.pause()
        await pilot.press("g", "a")
        await pilot.pause()
        assert isinstance(app.screen, SecretVoteScreen)
    assert ctx.store is not None
    ctx.store.close()  # the laptop dies with the vote going round
    ctx2 = make_ctx(isolated_dirs)
    app2 = IntegerSpelApp(ctx2)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.click("#choice-resume")
        await pilot.pause()
        assert isinstance(app2.screen, RoundScreen)
        line = app2.screen.query_one("#round-vote", Panel).text
        assert "geheime stemming" in line and "opnieuw" in line
        timer2 = app2.screen.query_one(RoundTimer)
        assert timer2.seconds >= 20
        assert timer2.running
        # A new vote: the message no longer applies and goes; nothing covers the bars.
        await pilot.press("g", *"abcabcabc")
        await pilot.pause()
        assert isinstance(app2.screen, RoundScreen)
        await pilot.press("r")
        await pilot.pause()
        line = app2.screen.query_one("#round-vote", Panel).text
        assert "opnieuw" not in line and "Stemming klaar" not in line
        toasts = [str(t.render()) for t in app2.screen.query("Toast")]
        assert not any("opnieuw" in t or "Stemming klaar" in t for t in toasts)


async def test_room_words_match_the_bars(isolated_dirs: Path) -> None:
    """Defect 8: 5/2/1 is a majority for A, no index on the round screen, 100 %."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="9")
        await pilot.press("h")
        await pilot.pause()
        for key, n in (("A", "5"), ("B", "2"), ("C", "1")):
            app.screen.query_one(f"#hands-{key}", Input).value = n
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "een meerderheid (63 %) voor A" in text
        assert "verdeeldheid" not in text


async def test_last_voter_gives_the_laptop_back(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 60)
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="1", vote="secret")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert "Die toets telt niet" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert RECEIVED_LAST in screen_text(app)


async def test_choice_dialog_labels_are_not_cut(isolated_dirs: Path) -> None:
    from textual.widgets import Button

    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="5", vote="secret")
        await pilot.press("g", "a", "escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Afbreken, stemmen vervallen" in text
        assert "Afronden met 1 stem" in text
        assert all(b.size.width >= len(str(b.label)) for b in app.screen.query(Button))
        # Told before the choice, not only after it: so few votes are not shown or kept.
        assert "niet getoond en niet bewaard" in " ".join(text.replace("█", " ").split())


async def test_note_dialog_never_claims_anonymity(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        await pilot.press("n")
        await pilot.pause()
        text = screen_text(app)
        assert "schrijf ze niet op" in text and "namen met mevrouw" in text
        app.screen.query_one(TextArea).text = "Bel 06-12345678 voor meer."
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("weggehaald" in m for m in messages)
        assert not any("anoniem" in m for m in messages)


async def test_minutes_mode_clock_is_wall_time(isolated_dirs: Path) -> None:
    """Defect 3: "0 van 10 min" after a minute with the timer never started."""
    import time
    from dataclasses import replace

    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert screen.game.clock_started is not None
        screen.game.setup = replace(screen.game.setup, limit_kind="minutes", limit=10)
        screen.game.clock_started = time.time() - 125
        screen._update_status()
        await pilot.pause()
        assert "2 van 10 min" in screen_text(app)
        assert screen.round.seconds == 0


async def test_secret_vote_blanco_correction_and_minimum(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 60)
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="4", vote="secret")
        round_screen = app.screen
        assert isinstance(round_screen, RoundScreen)
        await pilot.press("g")
        await pilot.pause()
        vote = app.screen
        assert isinstance(vote, SecretVoteScreen)
        assert "blanco" in screen_text(app)
        await pilot.press("a", "backspace", "b")  # corrected before passing on
        await pilot.pause()
        vote._next_voter()
        for key in ("x", "b", "c"):
            await pilot.press(key)
            await pilot.pause()
            if not vote.tally.done:
                vote._next_voter()
        vote._finish()
        await pilot.pause()
        assert round_screen.round.counts == {"A": 0, "B": 2, "C": 1}
        assert round_screen.round.blanco == 1
        await pilot.press("r")
        await pilot.pause()
        assert "1 blanco" in screen_text(app)
        # A re-vote with only two votes for an answer is not shown.
        await pilot.press("w", "g")
        await pilot.pause()
        vote = app.screen
        assert isinstance(vote, SecretVoteScreen)
        for key in ("a", "b"):
            await pilot.press(key)
            await pilot.pause()
            vote._next_voter()
        vote._finish()
        await pilot.pause()
        assert 0 not in round_screen.round.revotes
        assert any("Minder dan 3" in n.message for n in app._notifications)


def test_ten_point_scale_has_a_key_for_ten() -> None:
    from dilemmas.model import Answer, Dilemma
    from game.rules.votes import vote_choices

    card = Dilemma(
        id="x", theme="t", title="T", situation="S", question="Q",
        answer=Answer(kind="scale", points=10, low="laag", high="hoog"),
    )
    presses = [p for p, _, _ in vote_choices(card)]
    assert len(set(presses)) == 10 and all(len(p) == 1 for p in presses)
    assert dict((o, p) for p, o, _ in vote_choices(card))["10"] == "0"

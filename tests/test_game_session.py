"""Pilot tests of the team game: whole sessions in each vote mode, resume, bad counts, secrecy."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.choice import ChoiceDialog
from game.dialogs.secret_vote import RECEIVED, SecretVoteScreen
from game.screens.round import RoundScreen
from game.screens.summary import SummaryScreen
from game.screens.walkthrough import WalkthroughScreen
from game.widgets.timer import RoundTimer
from tests.factories import (
    SIZE,
    fill_setup,
    make_ctx,
    no_real_time,
    screen_as,
    screen_text,
)

__all__ = ["no_real_time"]  # the autouse fixture: timers tick only when told, votes pass at once

async def test_whole_session_with_raised_hands(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        await fill_setup(pilot)
        assert type(app.screen).__name__ == "RoundScreen"
        assert "Kaartjes na de aanbesteding" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        for key, n in (("A", "2"), ("B", "3"), ("C", "4")):
            app.screen.query_one(f"#hands-{key}", Input).value = n
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "44%" in text and "verdeeldheid" not in text
        await pilot.press("c")
        await pilot.pause()
        assert "Geschenken boven de 50 euro" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "De bijbaan in het weekend" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#hands-5", Input).value = "6"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("space", "space")  # open card, then the end
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "PulseScreen"
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"1112223")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        summary = screen_as(app, SummaryScreen).markdown
        assert "Publiekszaken" in summary and "Kaartjes na de aanbesteding" in summary
        assert "vertrouwenspersoon" in summary.lower()
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert record.completed
    assert [r.dilemma for r in record.rounds] == ["concertkaartjes", "bijbaan", "dossier"]
    assert record.rounds[0].counts == {"A": 2, "B": 3, "C": 4}
    assert record.rounds[0].vote == "hands"
    assert record.rounds[1].counts == {"1": 0, "2": 0, "3": 0, "4": 0, "5": 6}
    assert record.rounds[2].counts is None
    assert record.pulse[0].counts == {"ja": 3, "nee": 3, "weet-niet": 1}


async def test_whole_session_with_secret_votes_and_a_revote(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="4", vote="secret")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, SecretVoteScreen)
        assert "Deelnemer 1 van 4 — kies A, B of C" in screen_text(app)
        await pilot.press("ctrl+q", "f1", "h")  # nothing happens during a secret vote
        await pilot.press("a", "b", "b", "c")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
        text = screen_text(app)
        assert "Stemming klaar: 4 stemmen" in text and "50%" not in text
        await pilot.press("r")
        await pilot.pause()
        assert "50%" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert "Het zijn kaartjes voor een voetbalwedstrijd" in screen_text(app)
        await pilot.press("g", *"aaab")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "1 → 3" in text and "2 → 1" in text  # the shift, before → after
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.press("s")  # skip the pulse question
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    first = record.rounds[0]
    assert first.vote == "secret" and first.counts == {"A": 1, "B": 2, "C": 1}
    assert first.revotes[0].variation == 0
    assert first.revotes[0].counts == {"A": 3, "B": 1, "C": 0}
    assert record.completed and record.pulse == ()


async def test_session_without_votes(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play", participants=6))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="6", vote="none")
        assert "Geen stemming" in screen_text(app)
        await pilot.press("t")
        timer = app.screen.query_one(RoundTimer)
        for _ in range(75):
            timer.tick()
        await pilot.press("t", "n")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "Mail jan@example.nl voor de regels."
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "jan@example.nl" not in text and "[verwijderd]" in text
        assert any(
            "De app heeft weggehaald: e-mailadres" in str(n.message) for n in app._notifications
        )
        await pilot.press("right", "s", "right")  # skip the second card, then the end
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert [r.dilemma for r in record.rounds] == ["concertkaartjes", "dossier"]
    assert record.rounds[0].vote == "none" and record.rounds[0].counts is None
    assert record.rounds[0].minutes == 1  # 75 s: the nearest minute
    assert record.rounds[0].note == "Mail [verwijderd] voor de regels."


async def test_bad_hand_counts_are_refused(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="9")
        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        for value, message in (
            ("-2", "negatief"),
            ("drie", "heel getal"),
            ("12", "meer dan het aantal deelnemers"),
        ):
            dialog.query_one("#hands-A", Input).value = value
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog
            assert message in screen_text(app)
        dialog.query_one("#hands-A", Input).value = "5"
        dialog.query_one("#hands-B", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "Samen 10 stemmen" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert record.rounds[0].counts is None


async def test_secret_vote_never_shows_the_choice(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SecretVoteScreen, "PASS_SECONDS", 60)
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="4", vote="secret")
        await pilot.press("g")
        await pilot.pause()
        vote = app.screen
        assert isinstance(vote, SecretVoteScreen)
        after: list[tuple[str, str]] = []
        for key in ("a", "c", "b"):
            await pilot.press(key)
            await pilot.pause()
            after.append((screen_text(app), app.export_screenshot()))
            await pilot.press("b")  # a second press while passing on counts nothing
            if not vote.tally.done:
                vote._next_voter()
                await pilot.pause()
        # Identical, character for character and colour for colour, whatever was pressed.
        assert after[0] == after[1] == after[2]
        assert RECEIVED in after[0][0]
        assert vote.tally.counts() == {"A": 1, "B": 1, "C": 1}
        assert set(vars(vote)).isdisjoint({"votes", "order", "history"})


async def test_resume_after_the_app_is_thrown_away(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, participants="9")
        await pilot.press("right", "h")
        await pilot.pause()
        app.screen.query_one("#hands-2", Input).value = "4"
        app.screen.query_one("#hands-4", Input).value = "3"
        await pilot.press("enter", "n")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "Twijfel over de grens."
        await pilot.press("ctrl+s")
        await pilot.pause()
    # The app is gone mid-round; a new one starts on the same data folder.
    assert ctx.store is not None
    ctx.store.close()
    ctx2 = make_ctx(isolated_dirs)
    app2 = IntegerSpelApp(ctx2)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert screen_as(app2, ChoiceDialog).question == (
            "Er is een sessie die nog niet af is: team Publiekszaken, ronde 2 van 3, "
            "deck Spel — testset. Verder spelen?"
        )
        await pilot.click("#choice-resume")
        await pilot.pause()
        assert type(app2.screen).__name__ == "RoundScreen"
        text = screen_text(app2)
        assert "De bijbaan in het weekend" in text
        assert "Twijfel over de grens." in text
        assert "57%" in text  # 4 of 7 hands, restored
        await pilot.press("right", "right")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    assert ctx2.store is not None
    record = ctx2.store.list_sessions("team")[0]
    assert record.completed
    assert record.rounds[1].counts == {"1": 0, "2": 4, "3": 0, "4": 3, "5": 0}
    assert ctx2.store.unfinished("team") is None


async def test_new_session_instead_of_resuming_keeps_the_old_one(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
    app2 = IntegerSpelApp(ctx)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.click("#choice-new")
        await pilot.pause()
    assert ctx.store is not None
    assert ctx.store.unfinished("team") is None
    assert len(ctx.store.list_sessions("team")) == 1


async def test_without_a_store_the_game_goes_on_and_exports(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    ctx = make_ctx(isolated_dirs, store=False, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    target = tmp_path / "samenvatting.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        notices = [n for n in app._notifications if "Opslaan lukt niet" in str(n.message)]
        assert len(notices) == 1  # said once, not at every change
        await pilot.press("right", "left")
        await pilot.pause()
        assert len([n for n in app._notifications if "Opslaan lukt niet" in str(n.message)]) == 1
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert "niet opgeslagen" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#path-input", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    assert "Kaartjes na de aanbesteding" in target.read_text(encoding="utf-8")


async def test_board_order_picks_themes(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot, order="board")
        assert type(app.screen).__name__ == "ThemeBoardScreen"
        await pilot.press("2")
        await pilot.pause()
        assert "De bijbaan in het weekend" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert type(app.screen).__name__ == "ThemeBoardScreen"
        assert "✓ 2" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert "Kaartjes na de aanbesteding" in screen_text(app)


async def test_deep_dive_comes_back_to_the_round_intact(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#hands-A", Input).value = "4"
        await pilot.press("enter", "c")
        await pilot.pause()
        round_screen = screen_as(app, RoundScreen)
        await pilot.press("d")
        await pilot.pause()
        walkthrough = screen_as(app, WalkthroughScreen)
        assert walkthrough.session_id == round_screen.session.session_id
        app.pop_screen()
        await pilot.pause()
        assert app.screen is round_screen
        text = screen_text(app)
        assert "Kaartjes na de aanbesteding" in text and "100%" in text
        assert "Geschenken boven de 50 euro" in text


async def test_help_shows_the_round_keys(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        assert "geheime stemming" in screen_text(app)


async def test_summary_is_delivered_as_markdown_and_html(
    isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.screens.summary import SummaryScreen

    exports = tmp_path / "exports"
    exports.mkdir()
    monkeypatch.setattr(SummaryScreen, "EXPORT_DIR", exports)
    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        await pilot.press("m", "h")
        for _ in range(50):  # delivery runs in a worker thread
            if len(list(exports.iterdir())) == 2:
                break
            await pilot.pause(0.05)
    assert ctx.store is not None
    month = ctx.store.list_sessions("team")[0].month
    markdown = exports / f"integer-spel-{month}-publiekszaken.md"
    page = exports / f"integer-spel-{month}-publiekszaken.html"
    assert "Kaartjes na de aanbesteding" in markdown.read_text(encoding="utf-8")
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


async def test_small_screen_scrolls_with_the_arrow_keys(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#hands-A", Input).value = "3"
        await pilot.press("enter", "c")
        await pilot.pause()
        main = app.screen.query_one("#round-main")
        assert main.max_scroll_y > 0
        await pilot.press("up", "up", "up", "up", "up", "up", "up", "up")
        await pilot.pause()
        assert main.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert main.scroll_y > 0


async def test_a_shown_panel_is_brought_into_view(isolated_dirs: Path) -> None:
    """r and c on a small screen: Textual's own scrolling brings the panel into view right
    after the layout that shows it (one jump, no animation)."""
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill_setup(pilot, vote="secret")
        screen = screen_as(app, RoundScreen)
        screen.round.counts = {"A": 2, "B": 5, "C": 2}
        screen.show_round()
        await pilot.pause()
        main = screen.query_one("#round-main")
        for key, panel in (("r", "#round-bars"), ("c", "#round-code")):
            frames: list[int] = []
            signal = screen.screen_layout_refresh_signal
            signal.subscribe(main, lambda _screen, seen=frames: seen.append(round(main.scroll_y)))
            await pilot.press(key)
            await pilot.pause()
            signal.unsubscribe(main)
            region = screen.query_one(panel).region
            assert main.region.contains_region(region), (key, region, main.region)
            assert len(set(frames)) <= 2, (key, frames)  # no scroll animation
        assert main.scroll_y > 0  # the code panel did need a scroll


async def test_disk_full_mid_session_keeps_the_game_in_memory(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sessions.store import StoreError

    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fill_setup(pilot)

        def full(*args: object, **kwargs: object) -> None:
            raise StoreError("De schijf is vol.")

        monkeypatch.setattr(ctx.store, "save_round", full)
        monkeypatch.setattr(ctx.store, "save_state", full)
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#hands-B", Input).value = "7"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_as(app, RoundScreen).session.settle()  # writes run on the session's writer thread
        await pilot.press("right")
        await pilot.pause()
        assert screen_as(app, RoundScreen).session.settle()
        await pilot.pause()
        notices = [n for n in app._notifications if "Opslaan lukt niet" in str(n.message)]
        assert len(notices) == 1
        assert "De schijf is vol." in str(notices[0].message)
        await pilot.press("right", "right")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        assert "niet opgeslagen" in screen_text(app)
        summary_screen = screen_as(app, SummaryScreen)
        assert "Kaartjes na de aanbesteding" in summary_screen.markdown
        kept = summary_screen.session.record().rounds[0]
        assert kept.counts == {"A": 0, "B": 7, "C": 0}  # the hands, kept in memory


def test_a_start_with_nothing_to_resume_loads_no_dialogs(tmp_path: Path) -> None:
    """The resume offer imports its dialog and the game rules only when there is a session to
    offer: TextArea, DirectoryTree and the rest cost every start-up memory otherwise."""
    import os
    import subprocess
    import sys

    from benchmarks.bench_app import OUR_APP

    code = OUR_APP + (
        "\nprint(sorted(m for m in sys.modules if m.startswith(('game.dialogs', 'game.rules'))"
        " or m == 'textual.widgets._text_area'))"
    )
    env = dict(os.environ, INTEGER_SPEL_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


async def test_the_start_up_resume_offer_never_offers_the_game_set_up_meanwhile(
    isolated_dirs: Path,
) -> None:
    """The offer reads the store in a worker; on a busy laptop a quick ctrl+s on the setup
    started a game first, and the offer then asked to resume that very game."""
    from game.screens.resume import offer_resume

    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_started()
        await fill_setup(pilot)
        assert ctx.store is not None and app.ctx.saver.settle(5)
        assert ctx.store.unfinished("team") is not None  # the game just set up
        # The start-up offer's worker, late: it finds that game and must not offer it.
        assert await offer_resume(app) is None
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)

"""The summary tells one story: in the app and from `sessions export` later (SPEC §4.5)."""

from __future__ import annotations

from pathlib import Path

from dilemmas.config import Config
from dilemmas.stappenplan import load_stappenplan
from game import cli
from game.rules.game import GameSetup, GameState
from game.rules.saving import Saver
from game.rules.session import GameSession
from game.rules.summary import with_summary
from game.rules.walkthrough import WalkthroughState
from sessions.store import Store
from sessions.summary import summary_markdown
from tests.factories import game_deck_for_pulse, pulse_question_deck


def _played(store: Store) -> GameSession:
    deck = game_deck_for_pulse()
    game = GameState.start(
        deck, GameSetup(deck_id=deck.id, deck_version="1", team="Team", participants=12,
                        order="fixed", limit=3, pulse="end")
    )
    session = GameSession(game, deck, Saver(store))
    session.begin()
    first = game.current
    assert first is not None
    first.store_vote({"A": 8, "B": 4}, "hands", present=12)
    plan = load_stappenplan()
    walk = WalkthroughState.for_dilemma(plan, deck.dilemmas[0], deck.id)
    walk.texts[plan.steps[0].id] = "De inwoner biedt een fles wijn aan."
    first.walkthrough = store.save_walkthrough(
        None, session_id=session.session_id, dilemma_id=deck.dilemmas[0].id, data=walk.to_dict()
    ) if session.settle() else None
    session.save_round()
    game.next(deck)
    game.skip(deck)  # card 2 skipped
    session.save_round(1)
    game.set_participants(13)  # a latecomer
    session.save_participants()
    third = game.current
    assert third is not None
    third.store_vote({"A": 6, "B": 7}, "hands", present=13)
    session.save_round()
    pulse = pulse_question_deck().dilemmas[0]
    game.keep_pulse(pulse.id, {"ja": 9, "nee": 3}, blanco=1)
    session.save_pulse()
    session.complete()
    assert session.settle()
    return session


def test_the_app_and_sessions_export_give_the_same_summary(
    isolated_dirs: Path, capsys: object
) -> None:
    store = Store.open()
    session = _played(store)
    decks = {"spel": game_deck_for_pulse(), "pulse": pulse_question_deck()}
    in_app = summary_markdown(
        with_summary(session.record(), session.game.to_state(), store.get_walkthrough),
        decks,
        Config(),
    )
    assert "12 van 12 stemden" in in_app and "13 van 13 stemden" in in_app
    assert "## Ronde 1:" in in_app and "## Ronde 3:" in in_app
    assert "## Overgeslagen" in in_app and "Ronde 2: Kaart 2" in in_app
    assert "**Verdieping (stappenplan):** Nog geen besluit genomen." in in_app
    assert "De morele vraag" in in_app
    assert "Blanco: 1 (apart geteld)" in in_app
    sid = session.session_id
    assert sid is not None
    store.close()
    out = isolated_dirs.parent / "export.md"
    assert cli.main(["sessions", "export", sid, "-o", str(out)]) == 0
    exported = out.read_text(encoding="utf-8")
    # The CLI reads the installed decks; compare what does not depend on titles.
    for line in ("12 van 12 stemden", "13 van 13 stemden", "## Overgeslagen",
                 "Verdieping (stappenplan):", "Blanco: 1 (apart geteld)"):
        assert line in exported, line
    for heading in ("## Ronde 1:", "## Ronde 3:"):
        assert heading in exported


def test_a_finished_session_keeps_no_clock() -> None:
    deck = game_deck_for_pulse()
    game = GameState.start(deck, GameSetup(deck_id=deck.id, deck_version="1", team=None,
                                            participants=5))
    game.start_clock(1_700_000_000.0)
    assert game.to_state()["clock_started"] is not None
    game.finished = True
    assert game.to_state()["clock_started"] is None


async def test_the_report_screens_session_summary_is_the_same_summary(
    isolated_dirs: Path,
) -> None:
    """Opened later from Rapportage (Enter on the session), the summary is the end-of-session
    one: counts as present at each vote, rounds numbered as played, the skipped card, the deep
    dive, the pulse's blanco; and its file has the same name as the summary screen's."""
    from textual.widgets import DataTable

    from dilemmas.discovery import DeckRegistry
    from game.app import IntegerSpelApp
    from game.context import AppContext
    from game.rules.summary import export_name
    from game.screens.report import ReportScreen, SessionDetailScreen
    from tests.factories import open_report

    store = Store.open()
    session = _played(store)
    decks = {"spel": game_deck_for_pulse(), "pulse": pulse_question_deck()}
    expected = summary_markdown(
        with_summary(session.record(), session.game.to_state(), store.get_walkthrough),
        decks, Config(),
    )
    save_dir = isolated_dirs.parent / "out"
    save_dir.mkdir()
    app = IntegerSpelApp(AppContext(Config(), registry=DeckRegistry(decks=decks), store=store))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_report(app, pilot, save_dir)
        assert isinstance(screen, ReportScreen)
        screen.query_one("#session-table", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert detail._summary("md") == expected
        await pilot.click("#detail-md")
        target = save_dir / export_name(session.record(), "md")
        for _ in range(200):
            if target.exists() and target.stat().st_size:
                break
            await pilot.pause(0.02)
        assert target.read_text(encoding="utf-8") == expected
    store.close()

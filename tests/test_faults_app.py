"""SPEC §12 at the app level: a damaged store, a broken config, an unwritable data folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Button

from dilemmas import paths
from game.app import IntegerSpelApp
from game.context import AppContext, StartRequest
from game.dialogs.choice import ChoiceDialog
from game.screens.menu import MainMenuScreen
from game.screens.store_problem import NewStoreDialog
from sessions.store import Store
from tests.factories import screen_as

DAMAGED = b"this is not a database, but it is somebody's data" * 100


def _notifications(app: IntegerSpelApp) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_damaged_store_is_kept_and_only_replaced_when_agreed(isolated_dirs: Path) -> None:
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    db = isolated_dirs / "sessions.sqlite3"
    db.write_bytes(DAMAGED)
    app = IntegerSpelApp(AppContext.load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewStoreDialog)
        await pilot.click("#keep")
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)
        assert app.ctx.store is None
    # Declined: the damaged file is exactly as it was.
    assert db.read_bytes() == DAMAGED

    app = IntegerSpelApp(AppContext.load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewStoreDialog)
        app.screen.query_one("#new", Button).press()
        await pilot.pause()
        assert app.ctx.store is not None
        assert "nieuw bestand" in _notifications(app)
    aside = sorted(isolated_dirs.glob("sessions.sqlite3.beschadigd*"))
    assert len(aside) == 1 and aside[0].read_bytes() == DAMAGED
    # The new store works.
    assert Store.open(isolated_dirs).list_sessions() == []


async def test_broken_config_gives_defaults_and_names_the_line(isolated_dirs: Path) -> None:
    config_file = paths.config_file()
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text("organisatie: Gemeente Test\nk: [\n", encoding="utf-8")
    app = IntegerSpelApp(AppContext.load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)
        text = _notifications(app)
        assert "config.yaml" in text and "regel 2: " in text
        assert app.ctx.config.k == 5
        assert app.ctx.config.organisation == "Gemeente Test"  # only the broken block is lost


@pytest.mark.skipif(getattr(os, "geteuid", lambda: -1)() == 0, reason="root can write anywhere")
async def test_unwritable_data_folder_is_said_plainly(isolated_dirs: Path) -> None:
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    isolated_dirs.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        app = IntegerSpelApp(AppContext.load())
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert app.ctx.store is None
            assert app.ctx.store_error
            assert app.ctx.store_error in _notifications(app)
    finally:
        isolated_dirs.chmod(stat.S_IRWXU)


async def test_data_folder_that_is_a_file_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Works as root too: a file where the folder should be cannot be written into.
    blocker = tmp_path / "geen-map"
    blocker.write_text("x")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(blocker / "data"))
    app = IntegerSpelApp(AppContext.load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)
        assert app.ctx.store is None
        assert app.ctx.store_error and app.ctx.store_error in _notifications(app)


async def test_a_hostile_deck_is_skipped_and_the_rest_still_works(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "kapot.yaml").write_text(
        "deck: &a {id: kapot, title: x, version: '1'}\nthemes: *a\n"
        "dilemmas: !!python/object/apply:os.system ['touch /tmp/never']\n",
        encoding="utf-8",
    )
    app = IntegerSpelApp(AppContext.load([decks]))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)
        assert "kapot.yaml" in _notifications(app)
        assert app.ctx.registry.get("huizen-basis") is not None
        assert app.ctx.registry.get("kapot") is None


async def test_keys_can_be_remapped_in_the_config(isolated_dirs: Path) -> None:
    config_file = paths.config_file()
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text("toetsen:\n  menu.teamspel: t\n", encoding="utf-8")
    app = IntegerSpelApp(AppContext.load())
    assert app.ctx.config.keymap == (("menu.teamspel", "t"),)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"


def test_a_wrong_keymap_falls_back_with_a_notice(isolated_dirs: Path) -> None:
    from dilemmas.config import load_config

    config_file = paths.config_file()
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text("toetsen: [k]\n", encoding="utf-8")
    config, notices = load_config()
    assert config.keymap == ()
    assert notices and "config.yaml:1:" in notices[0] and "toetsen" in notices[0]


async def test_an_unfinished_session_with_a_broken_state_does_not_block_the_start(
    isolated_dirs: Path,
) -> None:
    """Issue 13 item 11: the menu is reached; the damaged session stays for the report, and
    the start says it cannot go on rather than forgetting it without a word."""
    import sqlite3

    store = Store.open(isolated_dirs)
    sid = store.start_session(kind="team", team="T", participants=5, deck_id="d",
                              deck_version="1", state={"position": 0})
    store.close()
    conn = sqlite3.connect(isolated_dirs / "sessions.sqlite3")
    conn.execute("UPDATE sessions SET state_json = '{\"position\": [' WHERE id = ?", (sid,))
    conn.commit()
    conn.close()
    app = IntegerSpelApp(AppContext.load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "kan niet verder" in screen_as(app, ChoiceDialog).question
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)


async def test_the_round_screen_says_when_a_change_is_saved_and_when_it_is_retried(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 items 1 and 4: "Bewaard ✓" once on disk; a failed save is retried, visibly."""
    from game.screens.round import RoundScreen
    from sessions.store import StoreError
    from tests.factories import fill_setup, make_ctx

    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await fill_setup(pilot)
        screen = screen_as(app, RoundScreen)
        assert screen.session.settle()
        await pilot.pause()
        label = screen.query_one("#round-saved")
        assert "Bewaard ✓" in str(label.render())
        assert ctx.store is not None
        real = ctx.store.save_round
        failing = {"on": True}

        def flaky(*args: object, **kwargs: object) -> None:
            if failing["on"]:
                raise StoreError("De schijf is vol.")
            real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(ctx.store, "save_round", flaky)
        screen.round.counts = {"A": 2, "B": 1}
        screen._save_round()
        assert screen.session.settle()
        await pilot.pause()
        assert "Nog niet bewaard" in str(label.render())
        failing["on"] = False
        for _ in range(100):
            await pilot.pause(0.05)
            if "Bewaard ✓" in str(label.render()):
                break
        assert "Bewaard ✓" in str(label.render())
        sid = screen.session.session_id
        assert ctx.store is not None and sid is not None
        record = ctx.store.get(sid)
        assert record is not None and record.rounds[0].counts == {"A": 2, "B": 1}

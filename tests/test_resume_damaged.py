"""A resume whose saved state is damaged goes on where it can, or says why it can't."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.dialogs.choice import ChoiceDialog
from sessions.store import DB_NAME
from tests.factories import SIZE, fill_setup, make_ctx, no_real_time, screen_text

__all__ = ["no_real_time"]


async def _left_session(folder: Path) -> None:
    ctx = make_ctx(folder)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, pulse="none")
    assert ctx.store is not None
    ctx.store.close()


def _set_state(folder: Path, change: object) -> None:
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    (text,) = conn.execute("SELECT state_json FROM sessions").fetchone()
    state = json.loads(text)
    new = change(state) if callable(change) else change
    conn.execute("UPDATE sessions SET state_json = ?", (new if isinstance(new, str) else
                                                         json.dumps(new),))
    conn.close()


async def test_an_impossible_position_resumes_at_a_card_of_the_plan(
    isolated_dirs: Path,
) -> None:
    await _left_session(isolated_dirs)
    _set_state(isolated_dirs, lambda s: {**s, "position": 99999})
    app = IntegerSpelApp(make_ctx(isolated_dirs))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#choice-resume")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
        assert "Ronde" in screen_text(app)


async def test_a_damaged_state_is_told_not_forgotten(isolated_dirs: Path) -> None:
    await _left_session(isolated_dirs)
    _set_state(isolated_dirs, "{kapot")
    app = IntegerSpelApp(make_ctx(isolated_dirs))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "beschadigd" in app.screen.question

"""The files keep nothing finer than the month and no order of play (SPEC §8)."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import struct
import time
from pathlib import Path

import pytest

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry
from game.app import IntegerSpelApp
from game.context import AppContext, StartRequest
from sessions import _schema
from sessions.store import DB_NAME, Store
from tests.factories import SIZE, fill_setup, game_deck, no_real_time
from tests.test_store_closing import raw_bytes

__all__ = ["no_real_time"]

_UNIX_TEXT = re.compile(rb"(?<![0-9])1[7-9][0-9]{8}(?:\.[0-9]+)?(?![0-9])")


def unix_times(data: bytes) -> list[float]:
    """Unix times of the last and next few years in ``data``: as text, or as a stored REAL."""
    now = time.time()
    found = [float(m.group()) for m in _UNIX_TEXT.finditer(data)]
    for offset in range(len(data) - 7):
        (value,) = struct.unpack_from(">d", data, offset)
        if now - 5e7 < value < now + 5e7:
            found.append(value)
    return found


async def test_a_played_session_leaves_no_time_after_quitting(isolated_dirs: Path) -> None:
    ctx = AppContext(Config(), registry=DeckRegistry(decks={"spel": game_deck()}), open_store=True)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, vote="none", pulse="none")
        await pilot.press("right", "s", "right")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
    data = raw_bytes(isolated_dirs)
    assert unix_times(data) == []
    assert socket.gethostname().encode() not in data
    store = Store.open(isolated_dirs)
    sid = store.list_sessions()[0].id
    state = store.state(sid)
    assert state is not None and "clock_started" not in state
    store.close()


def test_an_ended_session_keeps_no_clock_start_and_no_holder(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    done = store.start_session(kind="team", team=None, participants=5, deck_id="d",
                               deck_version="1", state={"clock_started": 1765012345.25})
    left = store.start_session(kind="team", team=None, participants=5, deck_id="d",
                               deck_version="1", state={"clock_started": 1765012345.25})
    store.complete(done)
    store.abandon(left)
    store.save_state(done, {"clock_started": 1765012399.5, "position": 2})
    assert store.state(done) == {"position": 2}
    assert store.state(left) == {}
    holders = store._conn.execute("SELECT holder FROM sessions").fetchall()
    assert holders == [(None,), (None,)]
    store.close()
    assert unix_times(raw_bytes(tmp_path)) == []


def test_no_table_has_a_rowid_or_an_order_column(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    conn = store._conn
    for table in ("sessions", "rounds", "pulse", "walkthroughs"):
        with pytest.raises(sqlite3.OperationalError):
            conn.execute(f"SELECT rowid FROM {table}")
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert not columns & {"seq", "lease_until", "lease_owner", "created", "updated"}
    store.close()


def test_lists_sort_by_month_then_by_id_never_by_play_order(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    ids = ["f0000000-0000-4000-8000-000000000000", "a0000000-0000-4000-8000-000000000000",
           "c0000000-0000-4000-8000-000000000000"]
    for sid in ids:
        store.start_session(kind="team", team=None, participants=5, deck_id="d",
                            deck_version="1", month="2026-03", session_id=sid)
    store.start_session(kind="team", team=None, participants=5, deck_id="d", deck_version="1",
                        month="2026-01", session_id="ff000000-0000-4000-8000-000000000000")
    listed = [r.id for r in store.list_sessions()]
    assert listed == ["ff000000-0000-4000-8000-000000000000", *sorted(ids)]
    store.close()


def _v4_store(folder: Path) -> None:
    """A store as version 4 left it: seq, lease owner host:pid and time, a clock start."""
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for step in _schema.MIGRATIONS[:4]:
        step(conn)
    conn.execute("PRAGMA user_version = 4")
    owner = f"{socket.gethostname()}:4242:abc"
    state = json.dumps({"clock_started": 1765012345.67, "position": 1})
    conn.execute(
        "INSERT INTO sessions (id, kind, month, team, participants, deck_id, deck_version,"
        " completed, state_json, seq, lease_owner, lease_until)"
        " VALUES ('s1', 'team', '2026-02', 'Inkoop', 7, 'd', '1', 1, ?, 1, ?, 1765012399.5)",
        (state, owner),
    )
    conn.execute(
        "INSERT INTO sessions (id, kind, month, team, participants, deck_id, deck_version,"
        " completed, state_json, seq, lease_owner, lease_until)"
        " VALUES ('s2', 'team', '2026-02', NULL, 6, 'd', '1', 0, ?, 2, ?, 1765012399.5)",
        (state, owner),
    )
    conn.execute("INSERT INTO rounds (session_id, idx, dilemma, theme, vote, counts_json)"
                 " VALUES ('s1', 0, 'k', 't', 'hands', '{\"A\":7}')")
    conn.execute("INSERT INTO walkthroughs VALUES ('w1', 's1', 'k', '{\"month\":\"2026-02\"}', 3)")
    conn.close()


def test_an_old_store_is_rewritten_without_times_order_or_owners(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _v4_store(folder)
    assert socket.gethostname().encode() in raw_bytes(folder)
    store = Store.open(folder)
    records = {r.id: r for r in store.list_sessions()}
    assert records["s1"].rounds[0].counts == {"A": 7} and records["s1"].team == "Inkoop"
    assert store.state("s1") == {"position": 1}  # ended: the clock start went
    assert store.state("s2") == {"clock_started": 1765012345.67, "position": 1}  # still open
    assert store.open_walkthroughs()[0].session_id == "s1"
    assert _schema.user_version(store._conn) == _schema.CURRENT_VERSION
    store.close()
    data = raw_bytes(folder)
    assert socket.gethostname().encode() not in data
    assert b"1765012399" not in data and struct.pack(">d", 1765012399.5) not in data
    assert b"1765012345" in data  # only the open session's clock, until it ends

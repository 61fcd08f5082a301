"""A session still open in another window is never offered or taken here; one whose window
ended (closed, crashed, killed) is, and exactly one instance gets it. The sign of life is a
locked file named by a random token: no time, no process id."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from game.app import IntegerSpelApp
from sessions.model import Round
from sessions.store import OPEN_FOLDER, LeaseLostError, Store
from tests.factories import SIZE, crash, make_ctx, no_real_time

__all__ = ["no_real_time"]

ROOT = Path(__file__).resolve().parent.parent


def _start(store: Store) -> str:
    sid = store.start_session(kind="team", team="Inkoop", participants=6, deck_id="spel",
                              deck_version="1", state={"position": 0})
    store.save_round(sid, 0, Round("k", "t", "hands", {"A": 6}))
    return sid


def _lock_files(folder: Path) -> list[str]:
    signs = folder / OPEN_FOLDER
    return sorted(p.name for p in signs.iterdir()) if signs.is_dir() else []


def test_a_session_open_in_another_window_is_neither_offered_nor_claimable(
    tmp_path: Path,
) -> None:
    first = Store.open(tmp_path)
    sid = _start(first)
    second = Store.open(tmp_path)
    assert second.unfinished() is None
    assert not second.claim(sid)
    with pytest.raises(LeaseLostError):
        second.save_round(sid, 1, Round("k2", "t", "hands", {"B": 6}))
    first.save_round(sid, 1, Round("k2", "t", "hands", {"A": 6}))  # the first plays on
    first.close()
    found = second.unfinished()
    assert found is not None and found[0].id == sid
    assert second.claim(sid)
    record = second.get(sid)
    assert record is not None and [r.counts for r in record.rounds] == [{"A": 6}, {"A": 6}]
    second.close()


def test_the_window_that_plays_a_session_still_sees_it_as_its_own(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    sid = _start(store)
    found = store.unfinished()
    assert found is not None and found[0].id == sid
    assert store.claim(sid)
    store.close()


def test_after_the_holder_closes_exactly_one_of_two_claimers_wins(tmp_path: Path) -> None:
    holder = Store.open(tmp_path)
    sid = _start(holder)
    first, second = Store.open(tmp_path), Store.open(tmp_path)
    assert first.unfinished() is None and second.unfinished() is None
    holder.close()
    assert first.unfinished() is not None and second.unfinished() is not None
    assert first.claim(sid)
    assert not second.claim(sid)
    assert second.unfinished() is None  # now open in the first: no longer offered
    first.close()
    second.close()


def test_a_crashed_holder_leaves_a_stale_file_that_the_next_look_removes(tmp_path: Path) -> None:
    holder = Store.open(tmp_path)
    sid = _start(holder)
    crash(holder)
    assert _lock_files(tmp_path) == [f"{holder.token}.lock"]
    other = Store.open(tmp_path)  # opening sweeps the files of ended instances
    assert _lock_files(tmp_path) == [f"{other.token}.lock"]
    found = other.unfinished()
    assert found is not None and found[0].id == sid
    assert other.claim(sid)
    other.close()
    assert _lock_files(tmp_path) == []


def test_two_instances_looking_at_once_do_not_take_each_other_for_the_holder(
    tmp_path: Path,
) -> None:
    holder = Store.open(tmp_path)
    sid = _start(holder)
    crash(holder)
    other = Store.open(tmp_path / "elders")  # a store elsewhere: no sweep of this folder
    other.close()
    lock = tmp_path / OPEN_FOLDER / f"{holder.token}.lock"
    # Another instance is looking at the stale file at this very moment (a shared lock).
    looker = sqlite3.connect(f"{lock.as_uri()}?mode=ro", uri=True, isolation_level=None)
    looker.execute("BEGIN")
    looker.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        store = Store.open(tmp_path)
        found = store.unfinished()
        assert found is not None and found[0].id == sid
        assert store.claim(sid)
        store.close()
    finally:
        looker.close()


def test_the_lock_file_holds_no_time_and_no_process_id(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    _start(store)
    [name] = _lock_files(tmp_path)
    assert name == f"{store.token}.lock"
    assert len(store.token) == 32 and int(store.token, 16) >= 0  # random hex, nothing more
    assert str(os.getpid()) not in name
    lock = tmp_path / OPEN_FOLDER / name
    assert lock.read_bytes() == b""  # the lock is all it is
    assert list((tmp_path / OPEN_FOLDER).iterdir()) == [lock]  # no journal beside it
    if os.name == "posix":
        assert lock.stat().st_mode & 0o777 == 0o600
        assert (tmp_path / OPEN_FOLDER).stat().st_mode & 0o777 == 0o700
    store.close()


def test_after_close_no_lock_files_remain(tmp_path: Path) -> None:
    stores = [Store.open(tmp_path) for _ in range(3)]
    for store in stores:
        _start(store)
    assert len(_lock_files(tmp_path)) == 3
    for store in stores:
        store.close()
    assert _lock_files(tmp_path) == []


def test_a_holder_that_is_no_token_names_no_file(tmp_path: Path) -> None:
    """A damaged holder cell is read as a holder that is gone; it never becomes a path."""
    store = Store.open(tmp_path)
    sid = _start(store)
    store.close()
    (tmp_path / "x.lock").write_bytes(b"")
    conn = sqlite3.connect(tmp_path / "sessions.sqlite3")
    conn.execute("UPDATE sessions SET holder = '../x' WHERE id = ?", (sid,))
    conn.commit()
    conn.close()
    other = Store.open(tmp_path)
    found = other.unfinished()
    assert found is not None and found[0].id == sid
    assert other.claim(sid)
    other.close()
    assert (tmp_path / "x.lock").exists()


# Plays a session and keeps its store open until killed.
_PLAYER = """
import sys, time
from pathlib import Path
from sessions.model import Round
from sessions.store import Store
store = Store.open(Path(sys.argv[1]))
sid = store.start_session(kind="team", team="A", participants=5, deck_id="spel",
                          deck_version="1", state={"position": 0})
store.save_round(sid, 0, Round("d-0", "t", "hands", {"A": 2}))
print(sid, store.token, flush=True)
while True:
    time.sleep(0.1)
"""


def test_a_killed_holder_frees_its_session_for_exactly_one_claimer(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-c", _PLAYER, str(folder)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        sid, token = proc.stdout.readline().split()
        first, second = Store.open(folder), Store.open(folder)
        assert f"{token}.lock" in _lock_files(folder)  # a living process's file stays
        assert first.unfinished() is None and second.unfinished() is None
        assert not first.claim(sid) and not second.claim(sid)
    finally:
        proc.kill()  # SIGKILL: no close, no clean-up; the OS lets go of the lock
        proc.wait(timeout=10)
    assert first.unfinished() is not None and second.unfinished() is not None
    assert f"{token}.lock" not in _lock_files(folder)  # the stale file went
    assert [first.claim(sid), second.claim(sid)].count(True) == 1
    first.close()
    second.close()
    assert _lock_files(folder) == []


async def test_a_second_app_window_does_not_offer_the_session_the_first_plays(
    isolated_dirs: Path,
) -> None:
    window = Store.open(isolated_dirs)  # the first window, playing
    _start(window)
    ctx = make_ctx(isolated_dirs)
    app = IntegerSpelApp(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ != "ChoiceDialog"
    window.close()
    ctx2 = make_ctx(isolated_dirs)
    app2 = IntegerSpelApp(ctx2)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app2.screen).__name__ == "ChoiceDialog"  # now it may be resumed here

"""Nothing entered is lost, whatever runs beside it (issue 13, items 1-4; SPEC §4, §12).

Real processes on one real store, as tests/test_store_concurrency.py does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.rules.game import GameState
from game.rules.saving import Saver
from game.rules.session import GameSession
from sessions.model import Round
from sessions.store import LeaseLostError, Store
from tests.test_rules_game import make_deck, setup

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs fork/exec and SIGKILL")

# Holds the store's write lock (as a slow import does) until the file "release" appears.
_LOCKER = """
import sqlite3, sys, time
from pathlib import Path
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
while not Path(sys.argv[2]).exists():
    time.sleep(0.01)
conn.execute("COMMIT")
"""

# Plays a session and keeps its lease until killed.
_PLAYER = """
import sys, time
from pathlib import Path
from sessions.model import Round
from sessions.store import Store
store = Store.open(Path(sys.argv[1]))
sid = store.start_session(kind="team", team="A", participants=5, deck_id="test", deck_version="1",
                          state={"position": 0})
store.save_round(sid, 0, Round("d-0", "t", "hands", {"A": 2}))
print(sid, flush=True)
while True:
    time.sleep(0.1)
"""

# A game that takes a vote and says so only when the writer thread reports it saved.
_VOTER = """
import sys
from pathlib import Path
from game.rules.game import GameState
from game.rules.saving import Saver
from game.rules.session import GameSession
from sessions.store import Store
from tests.test_rules_game import make_deck, setup
deck = make_deck()
store = Store.open(Path(sys.argv[1]))
session = GameSession(GameState.start(deck, setup(order="fixed")), deck, Saver(store))
session.begin()
session.settle()
session.game.current.counts = {"A": 4, "B": 5}
session.save_round()
session.settle()
assert session.status == "saved", session.status
print(session.session_id, flush=True)
sys.stdin.read()
"""


def _game(store: Store) -> tuple[GameSession, list[str]]:
    deck = make_deck()
    statuses: list[str] = []
    saver = Saver(store, on_event=lambda event: statuses.append(event.status))
    session = GameSession(GameState.start(deck, setup(order="fixed")), deck, saver)
    return session, statuses


def _hold_lock(tmp_path: Path, folder: Path) -> tuple[subprocess.Popen[str], Path]:
    release = tmp_path / "release"
    proc = subprocess.Popen(
        [sys.executable, "-c", _LOCKER, str(folder / "sessions.sqlite3"), str(release)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc, release


def test_a_save_during_a_held_lock_is_retried_until_it_succeeds(tmp_path: Path) -> None:
    """Item 1: the lock (or a full disk) makes a save fail; it is retried, the state shown."""
    folder = tmp_path / "data"
    store = Store.open(folder, busy_timeout_ms=100)
    session, statuses = _game(store)
    session.begin()
    assert session.settle()
    proc, release = _hold_lock(tmp_path, folder)
    try:
        current = session.game.current
        assert current is not None
        current.counts = {"A": 3, "B": 6}
        session.save_round()
        assert session.settle()
        deadline = time.monotonic() + 5
        while "retrying" not in statuses and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "retrying" in statuses
        assert session.problem is not None
    finally:
        release.touch()
        proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while session.status != "saved" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert session.status == "saved" and session.problem is None
    other = Store.open(folder)
    try:
        record = other.get(session.session_id or "")
        assert record is not None and record.rounds[0].counts == {"A": 3, "B": 6}
    finally:
        other.close()
        store.close()


def test_saving_never_waits_for_the_store_lock(tmp_path: Path) -> None:
    """Item 2: with the lock held elsewhere, a save returns at once (the UI thread goes on)."""
    folder = tmp_path / "data"
    store = Store.open(folder)  # the app's own busy timeout: 10 s
    session, _ = _game(store)
    session.begin()
    assert session.settle()
    proc, release = _hold_lock(tmp_path, folder)
    try:
        started = time.perf_counter()
        for votes in range(1, 6):
            current = session.game.current
            assert current is not None
            current.counts = {"A": votes}
            session.save_round()
            session.save_state()
        assert time.perf_counter() - started < 0.1
        assert session.status == "saving"
    finally:
        release.touch()
        proc.wait(timeout=10)
    assert session.settle(15)
    assert session.saver.status == "saved"  # the saver's own word (``status`` was read above)
    record = store.get(session.session_id or "")
    assert record is not None and record.rounds[0].counts == {"A": 5}
    store.close()


def test_a_session_being_played_is_not_overwritten_without_taking_it_over(
    tmp_path: Path,
) -> None:
    """Item 3: a second instance's write is refused until it takes the session over (a
    resume claims it); the first instance's kill leaves it to be resumed."""
    folder = tmp_path / "data"
    Store.open(folder).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", _PLAYER, str(folder)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        sid = proc.stdout.readline().strip()
        second = Store.open(folder)
        with pytest.raises(LeaseLostError):
            second.save_round(sid, 0, Round("d-0", "t", "hands", {"B": 5}))
        record = second.get(sid)
        assert record is not None and record.rounds[0].counts == {"A": 2}
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    found = second.unfinished()
    assert found is not None and found[0].id == sid
    assert second.claim(sid)
    second.save_round(sid, 0, Round("d-0", "t", "hands", {"B": 5}))
    second.close()


def test_a_game_that_was_taken_over_stops_writing(tmp_path: Path) -> None:
    """Item 3: the instance whose session was taken over writes nothing more."""
    folder = tmp_path / "data"
    first = Store.open(folder)
    session, statuses = _game(first)
    session.begin()
    assert session.settle()
    # The first window's lock file went (its instance looks ended): the second takes over.
    assert first._sign is not None
    first._sign.close()
    second = Store.open(folder)
    assert second.unfinished() is not None
    assert second.claim(session.session_id or "")
    current = session.game.current
    assert current is not None
    current.counts = {"A": 1}
    session.save_round()
    assert session.settle()
    assert session.lost and statuses[-1] == "lost"
    record = second.get(session.session_id or "")
    assert record is not None and record.rounds[0].counts is None
    first.close()
    second.close()


def test_a_vote_said_to_be_saved_survives_kill_9(tmp_path: Path) -> None:
    """Item 4: no debounce; once "saved" is reported, SIGKILL loses nothing."""
    folder = tmp_path / "data"
    Store.open(folder).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", _VOTER, str(folder)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    sid = proc.stdout.readline().strip()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert sid, proc.stderr.read() if proc.stderr else ""
    store = Store.open(folder)
    try:
        record = store.get(sid)
        assert record is not None and record.rounds[0].counts == {"A": 4, "B": 5}
    finally:
        store.close()

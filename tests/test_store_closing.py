"""Every clean end leaves nothing superseded in the data folder's files (db, -wal, -shm)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry
from game.app import IntegerSpelApp
from game.context import AppContext, StartRequest
from game.screens.round import RoundScreen
from sessions.model import Round
from sessions.store import DB_NAME, Store
from tests.factories import SIZE, fill_setup, game_deck, no_real_time, screen_as

__all__ = ["no_real_time"]  # the fixture, used by the app test

ROOT = Path(__file__).resolve().parent.parent


def raw_bytes(folder: Path) -> bytes:
    """The database, its WAL and its shared-memory file, as an auditor's hex viewer sees them."""
    out = b""
    for suffix in ("", "-wal", "-shm"):
        path = folder / (DB_NAME + suffix)
        if path.exists():
            out += path.read_bytes()
    return out


async def test_an_edited_note_and_a_corrected_count_are_gone_after_quitting(
    isolated_dirs: Path,
) -> None:
    ctx = AppContext(Config(), registry=DeckRegistry(decks={"spel": game_deck()}), open_store=True)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await fill_setup(pilot, pulse="none")
        await pilot.press("h")
        await pilot.pause()
        for key, n in (("A", "7"), ("B", "1"), ("C", "1")):
            app.screen.query_one(f"#hands-{key}", Input).value = n
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "GEHEIMX Anna huilde na de stemming"
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = screen_as(app, RoundScreen).session
        assert session.settle()
        assert b"GEHEIMX" in raw_bytes(isolated_dirs)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "Rustig gesprek"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        for key, n in (("A", "2"), ("B", "5"), ("C", "2")):
            app.screen.query_one(f"#hands-{key}", Input).value = n
        await pilot.press("enter")
        await pilot.pause()
        assert session.settle()
        await pilot.press("ctrl+q")
        await pilot.pause()
    data = raw_bytes(isolated_dirs)
    assert b"GEHEIMX" not in data
    assert b'"A":7' not in data
    assert not (isolated_dirs / (DB_NAME + "-wal")).exists() or not (
        isolated_dirs / (DB_NAME + "-wal")
    ).stat().st_size
    store = Store.open(isolated_dirs)
    record = store.list_sessions("team")[0]
    assert record.rounds[0].note == "Rustig gesprek"
    assert record.rounds[0].counts == {"A": 2, "B": 5, "C": 2}
    store.close()


def test_deleting_a_session_and_a_walkthrough_empties_the_wal_at_once(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    sid = store.start_session(kind="practice", team=None, participants=1, deck_id="d",
                              deck_version="1")
    store.save_round(sid, 0, Round("kaart", "t", "none", note="om haar afkomst"))
    wid = store.save_walkthrough(None, session_id=sid, dilemma_id="kaart",
                                 data={"steps": ["om haar afkomst"]})
    assert b"om haar afkomst" in raw_bytes(tmp_path)
    store.delete_walkthrough(wid)
    store.delete_session(sid)
    # The store is still open: the deletions alone folded and emptied the WAL.
    assert b"om haar afkomst" not in raw_bytes(tmp_path)
    store.close()


def test_the_next_open_folds_the_wal_a_crash_left(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    script = (
        "import os, sys\n"
        "from sessions.store import Store\n"
        "from sessions.model import Round\n"
        "s = Store.open(__import__('pathlib').Path(sys.argv[1]))\n"
        "sid = s.start_session(kind='team', team=None, participants=5, deck_id='d',"
        " deck_version='1')\n"
        "s.save_round(sid, 0, Round('k', 't', 'none', note='GEHEIMY eerst'))\n"
        "s.save_round(sid, 0, Round('k', 't', 'none', note='Later'))\n"
        "os._exit(0)\n"  # no close: as a crash
    )
    subprocess.run([sys.executable, "-c", script, str(folder)], cwd=ROOT, check=True)
    assert b"GEHEIMY" in raw_bytes(folder)
    store = Store.open(folder)
    assert b"GEHEIMY" not in raw_bytes(folder)  # folded at the open, not only at a close
    store.close()


def _wal_size(folder: Path) -> int:
    wal = folder / (DB_NAME + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_sigterm_and_sighup_close_the_store_of_a_running_command(tmp_path: Path) -> None:
    """Outside the app (a command, the server) the signals end the process through its
    normal way out, which closes the store."""
    folder = tmp_path / "data"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from game import shutdown\n"
        "from sessions.store import Store\n"
        "from sessions.model import Round\n"
        "shutdown.install()\n"
        "try:\n"
        "    s = Store.open(Path(sys.argv[1]))\n"
        "    sid = s.start_session(kind='team', team=None, participants=5, deck_id='d',"
        " deck_version='1')\n"
        "    s.save_round(sid, 0, Round('k', 't', 'none', note='GEHEIMZ eerst'))\n"
        "    s.save_round(sid, 0, Round('k', 't', 'none', note='Later'))\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(60)\n"
        "finally:\n"
        "    shutdown.finish()\n"
    )
    for sig in (signal.SIGTERM, signal.SIGHUP):
        proc = subprocess.Popen([sys.executable, "-c", script, str(folder)], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        assert b"GEHEIMZ" in raw_bytes(folder)
        proc.send_signal(sig)
        assert proc.wait(timeout=20) == 128 + sig
        assert b"GEHEIMZ" not in raw_bytes(folder)
        assert _wal_size(folder) == 0


@pytest.mark.skipif(shutil.which("script") is None or shutil.which("pgrep") is None,
                    reason="needs util-linux script and pgrep for a terminal of its own")
def test_sigterm_and_sighup_quit_the_app_and_close_its_store(tmp_path: Path) -> None:
    """The app in a real terminal: SIGTERM (kill, a served tab closed) and SIGHUP (the terminal
    window closed) end it as ctrl+q does, and its store folds and empties the WAL."""
    folder = tmp_path / "data"
    Store.open(folder).close()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        env = dict(os.environ, INTEGER_SPEL_DATA_DIR=str(folder), INTEGER_SPEL_CONFIG_DIR=str(
            tmp_path / "config"), TERM="xterm-256color")
        before = set((folder / "open").glob("*.lock"))
        # `script` gives the app a terminal of its own; `exec`: its child is the app itself,
        # not a /bin/sh in between (which `script` starts where SHELL is unset).
        proc = subprocess.Popen(
            ["script", "-qfec", f"exec {sys.executable} -m game", "/dev/null"],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            app_pid = _child_pid(proc.pid)
            _wait_for_open_store(folder, before)  # the app is up and has opened its store
            # Another window of the same laptop corrects a note while the app runs: the old
            # text waits in the WAL until the last one to close folds it.
            other = Store.open(folder)
            sid = other.start_session(kind="team", team=None, participants=5, deck_id="d",
                                      deck_version="1")
            other.save_round(sid, 0, Round("k", "t", "none", note="GEHEIMQ eerst"))
            other.save_round(sid, 0, Round("k", "t", "none", note="Later"))
            other._conn.close()  # gone without closing the store (as a crash would)
            assert b"GEHEIMQ" in raw_bytes(folder)
            os.kill(app_pid, sig)
            proc.wait(timeout=20)
            _wait_gone(app_pid)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        assert b"GEHEIMQ" not in raw_bytes(folder)
        assert _wal_size(folder) == 0


def _wait_for_open_store(folder: Path, before: set[Path]) -> None:
    """Until the app holds a sign of its own in ``open/`` (a slow start on a busy machine too)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if set((folder / "open").glob("*.lock")) - before:
            time.sleep(0.5)  # the first screen is drawn after the store opens
            return
        time.sleep(0.1)
    raise AssertionError("the app did not open its store")


def _child_pid(parent: int) -> int:
    """The app started by ``script`` (its one child), once it runs Python."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        out = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True,
                             text=True).stdout.split()
        with suppress(OSError):  # gone meanwhile: look again
            if out and "game" in Path(f"/proc/{out[0]}/cmdline").read_text(errors="replace"):
                return int(out[0])
        time.sleep(0.1)
    raise AssertionError("the app did not start")


def _wait_gone(pid: int, timeout: float = 20.0) -> None:
    """Until the process ``pid`` has ended (its terminal may have ended before it)."""
    deadline = time.monotonic() + timeout
    while _alive(pid) and not _zombie(pid):
        assert time.monotonic() < deadline, "the app did not end"
        time.sleep(0.05)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux for real terminals")
def test_closing_the_terminal_during_start_up_always_ends_the_app(tmp_path: Path) -> None:
    """A terminal window closed just as the menu appears: the app ends every time, its store
    closed. (Textual's output thread dies on the first write to the gone terminal, and the
    ending app waited for it forever in about one window in six.)"""
    from game.shutdown import EXIT_GRACE

    windows = 8
    socket = f"integer-spel-close-{os.getpid()}"
    pids: list[int] = []

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True,
                              check=True).stdout

    try:
        for n in range(windows):
            env = (f"INTEGER_SPEL_DATA_DIR={tmp_path / f'data{n}'} "
                   f"INTEGER_SPEL_CONFIG_DIR={tmp_path / f'config{n}'} TERM=xterm-256color")
            tmux("new-session", "-d", "-s", f"w{n}", "-x", "120", "-y", "36",
                 f"cd {ROOT} && exec env {env} {sys.executable} -m game")
        for n in range(windows):
            deadline = time.monotonic() + 60
            while "Teamspel" not in tmux("capture-pane", "-p", "-t", f"w{n}"):
                assert time.monotonic() < deadline, "the menu did not appear"
                time.sleep(0.02)
            pids.append(int(tmux("list-panes", "-t", f"w{n}", "-F", "#{pane_pid}").strip()))
            tmux("kill-session", "-t", f"w{n}")  # the window closes: SIGHUP
        deadline = time.monotonic() + EXIT_GRACE + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
            time.sleep(0.2)
        assert not [pid for pid in pids if _alive(pid)], "an app outlived its closed window"
        for n in range(windows):
            assert _wal_size(tmp_path / f"data{n}") == 0
    finally:
        for pid in pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_closing_everything_waits_for_a_close_under_way(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """After SIGTERM the app gets EXIT_GRACE seconds and then `finish` closes every store and
    ends the process at once. A store the app is closing at that moment (its WAL being folded)
    is waited for, not skipped: ending mid-fold would leave the WAL full."""
    import threading

    from sessions import store as store_module
    from sessions.store_open import checkpoint as real_checkpoint

    store = Store.open(tmp_path / "data")
    folding = threading.Event()
    go_on = threading.Event()

    def slow_checkpoint(conn: sqlite3.Connection) -> None:
        folding.set()
        go_on.wait(10)
        real_checkpoint(conn)

    monkeypatch.setattr("sessions.store.checkpoint", slow_checkpoint)
    closer = threading.Thread(target=store.close)
    closer.start()
    assert folding.wait(10)
    finishing = threading.Thread(target=store_module.close_all)
    finishing.start()
    finishing.join(0.3)
    assert finishing.is_alive(), "close_all returned while the store was still being closed"
    go_on.set()
    closer.join(10)
    finishing.join(10)
    assert not finishing.is_alive()
    assert store.closed

"""Two processes on one store, and a process killed in the middle of an import (SPEC §12)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.gen_bundle import generate
from sessions.bundle import import_bundles, load_bundle
from sessions.store import Store

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs fork/exec and SIGKILL")

_WRITER = """
import sys, time
from pathlib import Path
from sessions.model import Round
from sessions.store import Store
folder, go, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
store = Store.open(folder)
sid = store.start_session(kind="team", team=sys.argv[4], participants=20,
                          deck_id="d", deck_version="1", month="2026-11")
while not go.exists():
    time.sleep(0.005)
started = time.time()
for i in range(n):
    store.save_round(sid, i, Round(f"dilemma-{i}", "t", "hands", {"A": i % 7, "B": 3}, minutes=i % 60))
    if i % 50 == 0:
        store.save_state(sid, {"position": i})
store.complete(sid)
store.close()
print(sid, started, time.time())
"""


def _dump(folder: Path) -> list[str]:
    store = Store.open(folder)
    try:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return list(store._conn.iterdump())
    finally:
        store.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    Store.open(folder).close()
    go = tmp_path / "go"
    n = 1000
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(folder), str(go), str(n), label],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for label in ("Team A", "Team B")
    ]
    time.sleep(0.5)
    go.touch()
    ids = []
    spans = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        sid, started, ended = out.split()
        ids.append(sid)
        spans.append((float(started), float(ended)))
    # The two really wrote at the same time.
    assert max(s for s, _ in spans) < min(e for _, e in spans)
    store = Store.open(folder)
    try:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        records = {r.id: r for r in store.list_sessions()}
        assert set(records) == set(ids)
        for sid in ids:
            rec = records[sid]
            assert rec.completed
            assert len(rec.rounds) == n
            assert [r.dilemma for r in rec.rounds] == [f"dilemma-{i}" for i in range(n)]
            assert rec.rounds[n - 1].counts == {"A": (n - 1) % 7, "B": 3}
    finally:
        store.close()


_KILLED_IMPORTER = """
import sys, time
from pathlib import Path
from sessions.bundle import load_bundle
from sessions import store as store_module
from sessions.store import Store
# A tiny page cache makes SQLite spill uncommitted pages into the WAL mid-transaction.
store_module.IMPORT_CACHE_KIB = 1
store = Store.open(Path(sys.argv[1]))
records = load_bundle(Path(sys.argv[2]))
conn = store._conn
def stall():
    if conn.total_changes > 3000:
        print("mid", flush=True)
        time.sleep(120)
    return 0
conn.set_progress_handler(stall, 1000)
store.import_records(records)
print("done", flush=True)
"""


def test_import_killed_midway_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps(generate(1500, seed=7)), encoding="utf-8")
    store = Store.open(folder)
    store.import_records(load_bundle(bundle)[:10])
    store.close()
    before = _dump(folder)

    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORTER, str(folder), str(bundle)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "mid", proc.stderr.read() if proc.stderr else ""
    wal = folder / "sessions.sqlite3-wal"
    assert wal.exists() and wal.stat().st_size > 0  # uncommitted pages reached the disk
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    assert _dump(folder) == before

    # The store still works: the same import, run again, now goes through.
    store = Store.open(folder)
    try:
        result = import_bundles(store, [bundle])
        assert (result.added, result.skipped) == (1490, 10)
    finally:
        store.close()

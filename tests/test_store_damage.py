"""A damaged cell in the store: every reader goes on without that session and says so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from game.cli import main
from sessions.bundle import export_bundle
from sessions.model import PulseAnswer, Revote, Round
from sessions.store import DB_NAME, Store

# (table, column, SQL value): each one damages one cell of the victim session.
DAMAGE: list[tuple[str, str, str]] = [
    ("sessions", "team", "X'FF00'"),
    ("sessions", "deck_version", "X'FF'"),
    ("sessions", "participants", "'negen'"),
    ("sessions", "participants", "NULL"),
    ("sessions", "participants", "1e400"),
    ("sessions", "participants", "-3"),
    ("sessions", "kind", "'x'"),
    ("sessions", "month", "'2026-13'"),
    ("sessions", "month", "NULL"),
    ("sessions", "deck_id", "NULL"),
    ("sessions", "deck_id", "X'00'"),
    ("sessions", "completed", "'ja'"),
    ("sessions", "state_json", "X'FF'"),
    ("rounds", "counts_json", "'{\"A\": 3'"),
    ("rounds", "counts_json", "'\"tekst\"'"),
    ("rounds", "counts_json", "5"),
    ("rounds", "counts_json", "1e400"),
    ("rounds", "counts_json", "'{\"A\": 1e400}'"),
    ("rounds", "counts_json", "X'7B7D'"),
    ("rounds", "counts_json", "'{\"A\": -1}'"),
    ("rounds", "counts_json", "'{\"A\": 1.5}'"),
    ("rounds", "counts_json", "'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'"),
    ("rounds", "revotes_json", "'[{'"),
    ("rounds", "revotes_json", "'[{\"x\": 1}]'"),
    ("rounds", "revotes_json", "'[{\"variation\": 0, \"counts\": {\"A\": \"x\"}}]'"),
    ("rounds", "revotes_json", "'{}'"),
    ("rounds", "revotes_json", "'[\"x\"]'"),
    ("rounds", "revotes_json", "'[{\"variation\": 0, \"counts\": \"x\"}]'"),
    ("rounds", "own_json", "'{'"),
    ("rounds", "own_json", "'[]'"),
    ("rounds", "blanco", "'twee'"),
    ("rounds", "blanco", "NULL"),
    ("rounds", "dilemma", "NULL"),
    ("rounds", "dilemma", "X'FF'"),
    ("rounds", "note", "X'FFFE'"),
    ("rounds", "note", "X'00FF'"),
    ("rounds", "theme", "NULL"),
    ("rounds", "vote", "'x'"),
    ("rounds", "minutes", "'lang'"),
    ("pulse", "counts_json", "'{'"),
    ("pulse", "counts_json", "X'00'"),
    ("pulse", "counts_json", "'{\"ja\": \"3\"}'"),
    ("pulse", "question", "NULL"),
]
VICTIM = "dddddddd-0000-4000-8000-000000000000"


def _fill(folder: Path) -> list[str]:
    store = Store.open(folder)
    ids = []
    for n, sid in enumerate(("aaaaaaaa-0000-4000-8000-000000000000",
                             "bbbbbbbb-0000-4000-8000-000000000000", VICTIM)):
        store.start_session(kind="team", team=f"Team {n}", participants=9, deck_id="huizen-basis",
                            deck_version="2026.1", month="2026-03", session_id=sid,
                            state={"position": 0})
        store.save_round(sid, 0, Round("kerstpakket", "geschenken", "secret", {"A": 4, "B": 5},
                                       revotes=(Revote(0, {"A": 6, "B": 3}),), note="Goed"))
        store.save_pulse(sid, [PulseAnswer("kent-vertrouwenspersoon", {"ja": 5, "nee": 4})])
        store.complete(sid)
        ids.append(sid)
    store.close()
    return ids


def _damage(folder: Path, table: str, column: str, value: str) -> None:
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    # As a disk, a bad copy or another program would: past the table's constraints.
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_schema SET sql = replace(replace(sql, 'NOT NULL', ''), 'CHECK',"
                 " 'CONSTRAINT c CHECK') WHERE type = 'table'")
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    key = "id" if table == "sessions" else "session_id"
    conn.execute(f"UPDATE {table} SET {column} = {value} WHERE {key} = ?", (VICTIM,))
    conn.close()


@pytest.mark.parametrize(("table", "column", "value"), DAMAGE)
def test_every_reader_skips_a_damaged_session_and_says_so(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    table: str, column: str, value: str,
) -> None:
    good = _fill(isolated_dirs)[:2]
    _damage(isolated_dirs, table, column, value)
    store = Store.open(isolated_dirs)
    assert [r.id for r in store.list_sessions()] == good
    assert store.damaged == (VICTIM,)
    assert store.get(VICTIM) is None
    bundle = export_bundle(store)
    assert [s["id"] for s in bundle["sessions"]] == good
    store.dilemma_round_votes("kerstpakket")
    store.unfinished()
    store.close()
    capsys.readouterr()

    assert main(["sessions", "list"]) == 0
    out = capsys.readouterr()
    assert "1 sessie is beschadigd" in out.err and "Traceback" not in out.err + out.out
    assert main(["sessions", "show", good[0][:8]]) == 0
    capsys.readouterr()
    for command in (["sessions", "show", "dddd"], ["sessions", "export", "dddd"]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "beschadigd" in err, command
    assert main(["bundle", "export", "-o", str(tmp_path / "b.json")]) == 0
    assert "1 sessie is beschadigd" in capsys.readouterr().err
    assert main(["sessions", "delete", "dddd", "--yes"]) == 0
    assert "Verwijderd" in capsys.readouterr().out
    store = Store.open(isolated_dirs)
    assert store.list_sessions() and store.damaged == ()
    store.close()


def test_there_are_twenty_kinds_of_damage_or_more() -> None:
    assert len(DAMAGE) >= 20


@pytest.mark.parametrize(("table", "column", "value"), DAMAGE)
def test_the_report_goes_on_without_a_damaged_session(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    table: str, column: str, value: str,
) -> None:
    _fill(isolated_dirs)
    _damage(isolated_dirs, table, column, value)
    for fmt in ("json", "md"):
        assert main(["report", "--year", "2026", "--format", fmt,
                     "-o", str(tmp_path / f"r.{fmt}")]) == 0
        out = capsys.readouterr()
        assert "Traceback" not in out.err + out.out
        # The damaged session is left out of every figure, and the report says so.
        assert "1 sessie is beschadigd" in out.err
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["totals"]["sessions"] == 2


def _flip_index_bits(folder: Path, seed: int) -> None:
    """Flip bits in the pages of the month index, as a failing disk might."""
    import random

    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'sessions_kind_month'").fetchone()
    conn.close()
    data = bytearray((folder / DB_NAME).read_bytes())
    rng = random.Random(seed)
    start = (root - 1) * page_size
    for _ in range(5):
        at = start + rng.randrange(8, page_size)
        data[at] ^= 1 << rng.randrange(8)
    (folder / DB_NAME).write_bytes(bytes(data))


@pytest.mark.parametrize("seed", range(6))
def test_flipped_bits_in_an_index_never_end_in_a_traceback(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: int
) -> None:
    store = Store.open(isolated_dirs)
    for n in range(60):
        sid = store.start_session(kind="team", team=f"Team {n}", participants=9,
                                  deck_id="huizen-basis", deck_version="2026.1",
                                  month=f"2026-{n % 12 + 1:02d}")
        store.save_round(sid, 0, Round("kerstpakket", "geschenken", "hands", {"A": 4, "B": 5}))
        store.complete(sid)
    store.close()
    _flip_index_bits(isolated_dirs, seed)
    for command in (["sessions", "list"], ["bundle", "export", "-o", str(tmp_path / "b.json")],
                    ["report", "--format", "json", "-o", str(tmp_path / "r.json")],
                    ["report", "--from", "2026-03", "--to", "2026-05", "--format", "md",
                     "-o", str(tmp_path / "r.md")]):
        assert main(command) in (0, 1), command
        out = capsys.readouterr()
        assert "Traceback" not in out.err + out.out and "Error" not in out.err, command

"""The session store: saving as you go, resuming, listing, migrations, private files, faults."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sessions import _schema
from sessions.model import PulseAnswer, Revote, Round
from sessions.store import DB_NAME, Store, StoreCorruptError, StoreError, _error_for
from tests.factories import summed_votes

POSIX = os.name == "posix"


@pytest.fixture
def store(isolated_dirs: Path) -> Iterator[Store]:
    s = Store.open()
    yield s
    s.close()


def _start(store: Store, **kw: Any) -> str:
    args: dict[str, Any] = {
        "kind": "team", "team": "Publiekszaken", "participants": 9,
        "deck_id": "huizen-basis", "deck_version": "2026.1", "month": "2026-11",
    }
    args.update(kw)
    return store.start_session(**args)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_open_uses_the_data_dir(isolated_dirs: Path, store: Store) -> None:
    assert store.path == isolated_dirs / DB_NAME
    assert store.path.exists()


def test_session_saved_as_it_is_played_and_resumed(isolated_dirs: Path) -> None:
    store = Store.open()
    sid = _start(store, state={"position": 0})
    store.save_round(sid, 0, Round("concertkaartjes", "geschenken", "secret", {"A": 3, "B": 5, "C": 1},
                                   (Revote(0, {"A": 1, "B": 7, "C": 1}),), 7, "Goed gesprek"))
    store.save_round(sid, 1, Round("etentje", "geschenken", "none"))
    store.save_pulse(sid, [PulseAnswer("kent-vertrouwenspersoon", {"ja": 4, "nee": 5})])
    store.save_state(sid, {"position": 2, "plan": ["a", "b", "c"]})
    store.close()  # the app dies here

    again = Store.open()
    found = again.unfinished()
    assert found is not None
    record, state = found
    assert record.id == sid and not record.completed
    assert state == {"position": 2, "plan": ["a", "b", "c"]}
    assert record.team == "Publiekszaken" and record.participants == 9 and record.month == "2026-11"
    assert [r.dilemma for r in record.rounds] == ["concertkaartjes", "etentje"]
    first = record.rounds[0]
    assert first.counts == {"A": 3, "B": 5, "C": 1}
    assert first.revotes == (Revote(0, {"A": 1, "B": 7, "C": 1}),)
    assert first.minutes == 7 and first.note == "Goed gesprek"
    assert record.rounds[1].counts is None
    assert record.pulse == (PulseAnswer("kent-vertrouwenspersoon", {"ja": 4, "nee": 5}),)
    again.complete(sid)
    assert again.unfinished() is None
    done = again.get(sid)
    assert done is not None and done.completed
    again.close()


def test_save_round_replaces_and_notes_are_scrubbed(store: Store) -> None:
    sid = _start(store)
    store.save_round(sid, 0, Round("a", "t", "hands", {"A": 1}))
    store.save_round(sid, 0, Round("a", "t", "hands", {"A": 2}, note="Mail jan@huizen.nl of bel 06-12345678"))
    record = store.get(sid)
    assert record is not None and len(record.rounds) == 1
    assert record.rounds[0].counts == {"A": 2}
    assert record.rounds[0].note == "Mail [verwijderd] of bel [verwijderd]"
    raw = store.path.read_bytes() + store.path.with_name(DB_NAME + "-wal").read_bytes()
    assert b"jan@huizen.nl" not in raw and b"06-12345678" not in raw


def test_delete_round_leaves_the_other_rounds_at_their_place(store: Store) -> None:
    # Rounds are stored at their plan position: skipping card 2 after going back, then
    # saving card 3 again, must neither drop card 4 nor count card 3 twice.
    sid = _start(store)
    for i, name in enumerate("abcde"):
        store.save_round(sid, i, Round(name, "t", "none"))
    store.delete_round(sid, 2)
    store.save_round(sid, 3, Round("d", "t", "hands", {"A": 3}))
    record = store.get(sid)
    assert record is not None
    assert [r.dilemma for r in record.rounds] == ["a", "b", "d", "e"]
    assert record.rounds[2].counts == {"A": 3}


def test_make_room_moves_later_rounds_one_place_on(store: Store) -> None:
    sid = _start(store)
    for i, name in enumerate("abc"):
        store.save_round(sid, i, Round(name, "t", "none"))
    store.make_room(sid, 1)
    store.save_round(sid, 1, Round("eigen-1", "eigen-casus", "none"))
    record = store.get(sid)
    assert record is not None
    assert [r.dilemma for r in record.rounds] == ["a", "eigen-1", "b", "c"]


def test_unfinished_is_of_the_latest_month_never_by_play_order(store: Store) -> None:
    """SPEC §8: the store keeps no order of play; the latest month's session is offered."""
    older = _start(store, month="2026-10")
    newer = _start(store, month="2026-11")
    practice = _start(store, kind="practice", team=None, participants=1)
    found = store.unfinished()
    assert found is not None and found[0].id == newer
    store.save_round(older, 0, Round("a", "t", "none"))
    found = store.unfinished()
    assert found is not None and found[0].id == newer
    store.abandon(newer)
    found = store.unfinished()
    assert found is not None and found[0].id == older and found[1] == {}
    found = store.unfinished("practice")
    assert found is not None and found[0].id == practice


def test_unknown_session_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="staat niet"):
        store.save_round("nope", 0, Round("a", "t", "none"))


def test_invalid_rounds_are_refused(store: Store) -> None:
    sid = _start(store)
    with pytest.raises(ValueError):
        store.save_round(sid, 0, Round("a", "t", "hands", {"A": -1}))
    with pytest.raises(ValueError):
        store.save_round(sid, 0, Round("a", "t", "hands", {"A": True}))  # a bool, not a count
    with pytest.raises(ValueError):
        _start(store, month="2026-13")
    record = store.get(sid)
    assert record is not None
    assert record.rounds == ()


def test_get_by_prefix(store: Store) -> None:
    sid = _start(store)
    record = store.get(sid[:8])
    assert record is not None
    assert record.id == sid
    assert store.get("zzzz") is None
    assert store.get("") is None
    assert store.find_ids(sid[:8]) == [sid]


def test_ambiguous_prefix_finds_nothing(store: Store) -> None:
    for _ in range(40):
        _start(store)
    ids = [r.id for r in store.list_sessions()]
    first_chars = {i[0] for i in ids}
    shared = next(c for c in first_chars if sum(i.startswith(c) for i in ids) > 1)
    assert store.get(shared) is None
    assert len(store.find_ids(shared)) > 1


def test_list_sessions_filters_and_order(store: Store) -> None:
    b = _start(store, month="2026-03")
    a = _start(store, month="2025-12")
    c = _start(store, month="2026-07")
    _start(store, kind="practice", month="2026-03", participants=1)
    assert [r.id for r in store.list_sessions()] == [a, b, c]
    assert [r.id for r in store.list_sessions(month_from="2026-01", month_to="2026-06")] == [b]
    assert len(store.list_sessions(kind="practice")) == 1
    assert len(store.list_sessions(kind=None)) == 4


def test_month_range_of_team_sessions_within_bounds(store: Store) -> None:
    assert store.month_range() == (None, None)
    for month in ("2026-03", "2025-12", "2026-07"):
        _start(store, month=month)
    _start(store, kind="practice", month="2024-01", participants=1)
    assert store.month_range() == ("2025-12", "2026-07")
    assert store.month_range("team", "2026-01") == ("2026-03", "2026-07")
    assert store.month_range("team", None, "2026-06") == ("2025-12", "2026-03")
    assert store.month_range("practice") == ("2024-01", "2024-01")
    assert store.month_range("team", "2027-01") == (None, None)


def test_reading_gives_the_tables_in_one_transaction(store: Store) -> None:
    from sessions.report_query import listing

    inside = _start(store, month="2026-03", team=" Inkoop ")
    store.save_round(inside, 0, Round("d", "t", "hands", {"A": 2}))
    store.save_round(inside, 1, Round("e", "t", "none"))
    with store.reading() as conn:  # a read-only connection of its own
        assert listing(conn) == [(inside, "2026-03", "Inkoop", 9, 0, 2)]


def test_list_sessions_keeps_rounds_with_their_session(store: Store) -> None:
    ids = [_start(store) for _ in range(5)]
    for n, sid in enumerate(ids):
        for i in range(n):
            store.save_round(sid, i, Round(f"d{n}-{i}", "t", "hands", {"A": n, "B": i}))
    by_id = {r.id: r for r in store.list_sessions()}
    for n, sid in enumerate(ids):
        assert [r.dilemma for r in by_id[sid].rounds] == [f"d{n}-{i}" for i in range(n)]


def test_dilemma_counts_sums_first_votes_of_team_sessions(store: Store) -> None:
    one = _start(store)
    two = _start(store, deck_id="eigen-deck")
    practice = _start(store, kind="practice", participants=1)
    store.save_round(one, 0, Round("x", "t", "secret", {"A": 2, "B": 1}, (Revote(0, {"A": 0, "B": 3}),)))
    store.save_round(two, 0, Round("x", "t", "hands", {"A": 1, "C": 4}))
    store.save_round(practice, 0, Round("x", "t", "hands", {"A": 1}))
    assert summed_votes(store, "x") == {"A": 3, "B": 1, "C": 4}
    assert summed_votes(store, "x", deck_id="huizen-basis") == {"A": 2, "B": 1}
    assert summed_votes(store, "y") == {}


def test_walkthrough_is_scrubbed_and_updated(store: Store) -> None:
    wid = store.save_walkthrough(None, session_id=None, dilemma_id="x",
                                 data={"steps": {"1": "Bel 020-1234567"}, "n": 3})
    assert store.get_walkthrough(wid) == {"steps": {"1": "Bel [verwijderd]"}, "n": 3}
    assert store.save_walkthrough(wid, session_id=None, dilemma_id="x", data={"n": 4}) == wid
    assert store.get_walkthrough(wid) == {"n": 4}
    assert store.get_walkthrough("nope") is None


def test_team_label_is_trimmed_scrubbed_and_blank_is_none(store: Store) -> None:
    sid = _start(store, team="   ")
    record = store.get(sid)
    assert record is not None and record.team is None
    sid = _start(store, team=" Balie (bel 06-12345678) ")
    record = store.get(sid)
    assert record is not None and record.team == "Balie (bel [verwijderd])"


# -- files, schema and faults ------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw" / "data"
    store = Store.open(folder)
    sid = _start(store)
    store.save_round(sid, 0, Round("a", "t", "none"))
    assert folder.stat().st_mode & 0o777 == 0o700
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        path = folder / name
        assert path.exists(), name
        assert path.stat().st_mode & 0o777 == 0o600, name
    store.close()


def test_pragmas(store: Store) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == _schema.CURRENT_VERSION


def test_empty_file_is_migrated(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"")
    store = Store.open(tmp_path)
    assert store._conn.execute("PRAGMA user_version").fetchone()[0] == _schema.CURRENT_VERSION
    assert _start(store)
    store.close()


def test_version_0_database_is_migrated(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    store = Store.open(tmp_path)
    sid = _start(store)
    assert store.get(sid) is not None
    store.close()


def test_every_migration_step_runs_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A future version is added by appending a step: an existing file then gets exactly that step."""
    store = Store.open(tmp_path)
    sid = _start(store)
    store.close()
    ran: list[str] = []

    def v1_to_v2(conn: sqlite3.Connection) -> None:
        ran.append("v2")
        conn.execute("ALTER TABLE sessions ADD COLUMN extra_json TEXT")

    monkeypatch.setattr(_schema, "MIGRATIONS", (*_schema.MIGRATIONS, v1_to_v2))
    next_version = _schema.CURRENT_VERSION + 1
    monkeypatch.setattr(_schema, "CURRENT_VERSION", next_version)
    store = Store.open(tmp_path)
    assert ran == ["v2"]
    assert store._conn.execute("PRAGMA user_version").fetchone()[0] == next_version
    assert store.get(sid) is not None
    store.close()
    Store.open(tmp_path).close()
    assert ran == ["v2"]


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {_schema.CURRENT_VERSION + 1}")
    conn.close()
    before = _sha(path)
    mode = path.stat().st_mode
    with pytest.raises(StoreError, match="nieuwere versie van Integer-spel") as exc:
        Store.open(tmp_path)
    assert not isinstance(exc.value, StoreCorruptError)
    assert _sha(path) == before
    assert path.stat().st_mode == mode


def test_damaged_file_can_be_set_aside(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    garbage = b"dit is geen database\n" * 300
    path.write_bytes(garbage)
    with pytest.raises(StoreCorruptError, match="beschadigd"):
        Store.open(tmp_path)
    (tmp_path / f"{DB_NAME}.beschadigd-1").write_bytes(b"eerder")
    moved = Store.set_aside(tmp_path)
    assert moved.name == f"{DB_NAME}.beschadigd-2"
    assert moved.read_bytes() == garbage
    assert (tmp_path / f"{DB_NAME}.beschadigd-1").read_bytes() == b"eerder"
    store = Store.open(tmp_path)
    assert store.list_sessions() == []
    store.close()


def test_disk_full_is_a_plain_message(store: Store) -> None:
    sid = _start(store)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="De schijf is vol"):
        for i in range(2000):
            store.save_round(sid, i, Round("a", "t", "none", note="x" * 500))
    # What was saved before is still there, and the store still reads.
    assert store.get(sid) is not None


def test_unwritable_data_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with pytest.raises(StoreError, match="niet beschrijfbaar"):
        Store.open(blocker / "data")


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="niet beschrijfbaar"):
            Store.open(folder)
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    ("message", "expected", "corrupt"),
    [
        ("database or disk is full", "De schijf is vol", False),
        ("attempt to write a readonly database", "niet beschrijfbaar", False),
        ("unable to open database file", "niet beschrijfbaar", False),
        ("disk I/O error", "niet beschrijfbaar", False),
        ("file is not a database", "beschadigd", True),
        ("database disk image is malformed", "beschadigd", True),
        ("database is locked", "bezet", False),
    ],
)
def test_sqlite_errors_become_dutch(message: str, expected: str, corrupt: bool) -> None:
    error = _error_for(sqlite3.OperationalError(message), Path("/x/sessions.sqlite3"))
    assert expected in str(error)
    assert isinstance(error, StoreCorruptError) == corrupt



def test_state_and_delete_session(store: Store) -> None:
    sid = _start(store, state={"plan": [1, 2]})
    wid = store.save_walkthrough(None, session_id=sid, dilemma_id="x", data={"a": 1})
    store.save_round(sid, 0, Round("a", "t", "none"))
    assert store.state(sid) == {"plan": [1, 2]}
    assert store.state("nope") is None
    store.delete_session(sid)
    assert store.get(sid) is None
    assert store._conn.execute("SELECT COUNT(*) FROM rounds").fetchone()[0] == 0
    assert store.get_walkthrough(wid) == {"a": 1}  # a walkthrough outlives its session


def test_closed_store_is_a_store_error(isolated_dirs: Path) -> None:
    store = Store.open()
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError):
        store.list_sessions()

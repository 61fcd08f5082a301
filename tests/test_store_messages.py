"""One Dutch message per kind of store failure, the same in every command (SPEC §12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.cli import main
from sessions.model import Round, SessionRecord
from sessions.store import DB_NAME, Store, StoreError


def _loop(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DB_NAME).symlink_to(folder / "other")
    (folder / "other").symlink_to(folder / DB_NAME)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_symlink_loop_database_gives_one_message_everywhere(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _loop(isolated_dirs)
    with pytest.raises(StoreError) as exc:
        Store.open(isolated_dirs)
    expected = str(exc.value)
    assert "in een kring naar elkaar" in expected
    messages = []
    for command in (["sessions", "list"], ["report", "--format", "json"], ["bundle", "export"],
                    ["sessions", "show", "abc"]):
        assert main(command) == 1, command
        out = capsys.readouterr()
        messages.append(out.err)
        assert expected in out.err, command
        assert "Too many levels" not in out.err + out.out


def test_a_directory_in_the_databases_place_is_a_dutch_message(isolated_dirs: Path) -> None:
    (isolated_dirs / DB_NAME).mkdir(parents=True)
    with pytest.raises(StoreError, match="dit is een map, geen bestand"):
        Store.open(isolated_dirs)


def test_rows_left_without_their_session_do_not_block_an_import(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    sid = "7d0c0b8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f"
    # A damaged file kept a round whose session is gone.
    store._conn.execute("PRAGMA foreign_keys = OFF")
    store._conn.execute("INSERT INTO rounds (session_id, idx, dilemma, theme, vote)"
                        " VALUES (?, 0, 'k', 't', 'none')", (sid,))
    record = SessionRecord(id=sid, kind="team", month="2026-03", team=None, participants=6,
                           deck_id="d", deck_version="1",
                           rounds=(Round("k", "t", "hands", {"A": 6}),), completed=True)
    assert store.import_records([record]) == (1, 0)
    found = store.get(sid)
    assert found is not None and found.rounds[0].counts == {"A": 6}
    store.close()


def test_no_message_of_the_store_carries_sqlites_english(tmp_path: Path) -> None:
    from sessions.store import _error_for

    for text in ("UNIQUE constraint failed: rounds.session_id, rounds.idx", "no such table: x",
                 "near \"x\": syntax error"):
        message = str(_error_for(__import__("sqlite3").OperationalError(text), tmp_path / "s"))
        assert "constraint failed" not in message and "no such" not in message
        assert "syntax" not in message

"""No bundle, damaged store cell or console makes the CLI crash or paint the terminal (issue 13,
items 10-14 and the smaller ones; issue 12's store items)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from sessions.bundle import BundleError, export_bundle, load_bundle
from sessions.model import Round
from sessions.store import DB_NAME, Store, StoreError
from sessions.text import markdown_text, printable
from tests.factories import bundle_doc as _bundle
from tests.factories import bundle_session as _session

ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, text: str, name: str = "b.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path: Path, bundle: Any, *expected: str) -> str:
    text = bundle if isinstance(bundle, str) else json.dumps(bundle)
    with pytest.raises(BundleError) as exc:
        load_bundle(_write(tmp_path, text))
    message = str(exc.value)
    for part in expected:
        assert part in message
    return message


# -- item 10: tracebacks on import ---------------------------------------------------------


@pytest.mark.parametrize("field", ["team", "note", "dilemma", "theme", "deck", "question", "key"])
def test_a_lone_surrogate_anywhere_is_taken_out_and_counted(tmp_path: Path, field: str) -> None:
    s = _session()
    bad = "x\ud800y"
    if field == "team":
        s["team"] = bad
    elif field == "note":
        s["rounds"][0]["note"] = bad
    elif field in ("dilemma", "theme"):
        s["rounds"][0][field] = bad
    elif field == "deck":
        s["deck"]["id"] = bad
    elif field == "question":
        s["pulse"][0]["question"] = bad
    else:
        s["rounds"][0]["counts"] = {bad: 1}
    # json.dumps writes the surrogate as the escape \ud800, as in the bundles.
    removed: list[int] = []
    records = load_bundle(_write(tmp_path, json.dumps(_bundle(s))), removed=removed)
    assert removed == [1]
    assert "\ud800" not in repr(records)


def test_an_integer_of_5000_digits_is_a_located_message(tmp_path: Path) -> None:
    text = json.dumps(_bundle(_session())).replace('"A": 3', '"A": ' + "9" * 5000)
    _refused(tmp_path, text, "sessions[0].rounds[0].counts.A")


# -- item 11: damaged cells ----------------------------------------------------------------


def _damaged_store() -> tuple[str, str]:
    store = Store.open()
    good = store.start_session(kind="team", team="Goed", participants=5, deck_id="d",
                               deck_version="1", month="2026-03")
    store.save_round(good, 0, Round("kaart", "t", "hands", {"A": 2}))
    store.complete(good)
    bad = store.start_session(kind="team", team="Kapot", participants=5, deck_id="d",
                              deck_version="1", month="2026-03", state={"position": 0})
    store.save_round(bad, 0, Round("kaart", "t", "hands", {"A": 2}))
    store.close()
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE rounds SET counts_json = '{kapot' WHERE session_id = ?", (bad,))
    conn.execute("UPDATE sessions SET state_json = '[1, 2' WHERE id = ?", (bad,))
    conn.execute("UPDATE sessions SET team = CAST(X'fffe41' AS TEXT) WHERE id = ?", (good,))
    conn.commit()
    conn.close()
    return good, bad


def test_a_damaged_session_is_set_aside_and_the_rest_goes_on(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = _damaged_store()
    assert main(["sessions", "list"]) == 0
    out, err = capsys.readouterr()
    assert good[:8] in out and bad[:8] not in out
    assert "beschadigd" in err and bad[:8] in err
    assert main(["bundle", "export"]) == 0
    assert [s["id"] for s in json.loads(capsys.readouterr().out)["sessions"]] == [good]
    store = Store.open()
    assert store.unfinished() is None  # a broken state is not offered: the menu is reached
    store.close()


def test_participants_that_are_not_a_number_do_not_crash_the_listing(isolated_dirs: Path) -> None:
    good, bad = _damaged_store()
    conn = sqlite3.connect(isolated_dirs / DB_NAME)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE sessions SET participants = 'veel' WHERE id = ?", (good,))
    conn.commit()
    conn.close()
    store = Store.open()
    assert store.list_sessions() == []
    assert set(store.damaged) == {good, bad}
    store.close()


# -- item 12: a latin-1 console -------------------------------------------------------------


def test_sessions_list_on_a_latin1_console(isolated_dirs: Path) -> None:
    store = Store.open()
    store.start_session(kind="team", team="Financiën ✓", participants=5, deck_id="d",
                        deck_version="1", month="2026-03")
    store.close()
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    for argv in (["sessions", "list"], ["report", "--year", "2026"]):
        result = subprocess.run(
            [sys.executable, "-m", "game", *argv], cwd=ROOT, env=env, capture_output=True
        )
        assert result.returncode == 0, result.stderr.decode("latin-1")
        assert b"Traceback" not in result.stderr


# -- item 13: control characters ------------------------------------------------------------


def test_control_characters_in_a_bundle_are_removed_and_counted_a_note_keeps_newlines(
    tmp_path: Path,
) -> None:
    s = _session(team="Team \x1b]0;pwned\x07")
    removed: list[int] = []
    assert load_bundle(_write(tmp_path, json.dumps(_bundle(s))), removed=removed)[0].team == (
        "Team ]0;pwned")
    assert removed == [2]
    s = _session()
    s["rounds"][0]["note"] = "regel 1\n\tregel 2"
    assert load_bundle(_write(tmp_path, json.dumps(_bundle(s))))[0].rounds[0].note == "regel 1\n\tregel 2"
    s["rounds"][0]["note"] = "wis \x1b[2J"
    assert load_bundle(_write(tmp_path, json.dumps(_bundle(s))))[0].rounds[0].note == "wis [2J"


def test_the_cli_never_prints_a_control_sequence(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open()
    # As an old store or another program may have written it.
    sid = store.start_session(kind="team", team="T", participants=5, deck_id="d",
                              deck_version="1", month="2026-03")
    store.save_round(sid, 0, Round("kaart", "t", "hands", {"A": 2}))
    store.close()
    conn = sqlite3.connect(isolated_dirs / DB_NAME)
    conn.execute("UPDATE sessions SET team = 'Team \x1b[2J\x07' WHERE id = ?", (sid,))
    conn.execute("UPDATE rounds SET note = 'noot \x1b]0;titel\x07' WHERE session_id = ?", (sid,))
    conn.commit()
    conn.close()
    for argv in (["sessions", "list"], ["sessions", "show", sid[:8]], ["sessions", "export", sid[:8]],
                 ["sessions", "show", "\x1b[2Jnergens"]):
        main(argv)
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err


def test_the_markdown_helper_keeps_html_from_running() -> None:
    text = markdown_text('<script>alert(1)</script><img src=x onerror="alert(2)">\x1b[2J')
    assert "<script" not in text and "<img" not in text and "\x1b" not in text
    assert printable("a\x00b\x9bc\u202ed\n\te") == "abcd\n\te"


# -- item 14: limits, duplicates, months ------------------------------------------------------


def test_revote_and_pulse_counts_above_the_participants_are_refused(tmp_path: Path) -> None:
    s = _session(participants=3)
    s["rounds"][0]["counts"] = {"A": 3}
    s["rounds"][0]["revotes"][0]["counts"] = {"A": 90_000}
    s["pulse"][0]["counts"] = {"ja": 100_000}
    _refused(tmp_path, _bundle(s), "revotes[0].counts", "pulse[0].counts", "3 deelnemers")


def test_limits_a_real_bundle_never_reaches_are_said(tmp_path: Path) -> None:
    s = _session()
    s["rounds"][0]["note"] = "x" * 5_000_000
    _refused(tmp_path, _bundle(s), "note", "hoogstens 10000")
    s = _session()
    s["rounds"][0]["dilemma"] = "d" * 5_000_000
    _refused(tmp_path, _bundle(s), "dilemma", "hoogstens 200")
    s = _session()
    s["rounds"][0]["counts"] = {f"k{i}": 0 for i in range(100_000)}
    _refused(tmp_path, _bundle(s), "counts", "hoogstens 50")
    s = _session(participants=1_000_000)
    _refused(tmp_path, _bundle(s), "participants")


def test_a_huge_bundle_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "groot.json"
    with path.open("wb") as fh:
        fh.truncate(65 * 1024 * 1024)
    with pytest.raises(BundleError, match="hoogstens 64 MB"):
        load_bundle(path)


def test_duplicate_json_keys_are_refused(tmp_path: Path) -> None:
    text = json.dumps(_bundle(_session())).replace('"participants": 9', '"participants": 9, "participants": 90')
    _refused(tmp_path, text, '"participants" staat twee keer')


def test_a_full_width_month_is_refused(tmp_path: Path) -> None:
    _refused(tmp_path, _bundle(_session(month="２０２６-01")), "sessions[0].month")


# -- the smaller ones -----------------------------------------------------------------------------


def test_store_open_errors_name_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("")
    monkeypatch.setenv("INTEGER_SPEL_DATA_DIR", str(blocker / "data"))
    with pytest.raises(StoreError) as exc:
        Store.open()
    assert str(blocker) in str(exc.value) and " . " not in str(exc.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores modes")
def test_a_read_only_data_folder_still_lists_and_reports(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open()
    store.start_session(kind="team", team="Leesbaar", participants=5, deck_id="d",
                        deck_version="1", month="2026-03")
    store.close()
    os.chmod(isolated_dirs, 0o500)
    try:
        assert main(["sessions", "list"]) == 0
        assert "Leesbaar" in capsys.readouterr().out
        assert main(["report", "--year", "2026", "--format", "json"]) == 0
    finally:
        os.chmod(isolated_dirs, 0o700)


def test_output_through_a_symlink_and_dash_for_stdout(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open()
    sid = store.start_session(kind="team", team="T", participants=5, deck_id="d",
                              deck_version="1", month="2026-03")
    store.close()
    real = tmp_path / "echt.json"
    real.write_text("")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["bundle", "export", "-o", str(link)]) == 0
    assert link.is_symlink() and json.loads(real.read_text())["sessions"][0]["id"] == sid
    os.chdir(tmp_path)
    capsys.readouterr()
    assert main(["sessions", "export", sid[:8], "-o", "-"]) == 0
    assert not (tmp_path / "-").exists() and capsys.readouterr().out


# -- issue 12: what the store keeps and says --------------------------------------------------------


def test_secure_delete_and_an_empty_wal_after_close(isolated_dirs: Path) -> None:
    store = Store.open()
    assert store._conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    sid = store.start_session(kind="team", team="T", participants=5, deck_id="d",
                              deck_version="1", month="2026-03")
    store.save_round(sid, 0, Round("kaart", "t", "hands", {"A": 1717}))
    store.save_round(sid, 0, Round("kaart", "t", "hands", {"A": 2}))
    store.close()
    wal = isolated_dirs / (DB_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_an_existing_open_data_folder_is_tightened(isolated_dirs: Path) -> None:
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    os.chmod(isolated_dirs, 0o755)
    Store.open().close()
    assert stat.S_IMODE(isolated_dirs.stat().st_mode) == 0o700


def test_a_bundle_says_nothing_of_the_playing_order(isolated_dirs: Path) -> None:
    store = Store.open()
    ids = [store.start_session(kind="team", team=None, participants=5, deck_id="d",
                               deck_version="1", month="2026-03") for _ in range(12)]
    exported = [s["id"] for s in export_bundle(store)["sessions"]]
    store.close()
    assert exported == sorted(ids) and "seq" not in json.dumps(exported)


def test_sessions_delete_asks_first(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open()
    sid = store.start_session(kind="team", team="T", participants=5, deck_id="d",
                              deck_version="1", month="2026-03")
    store.close()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "nee")
    assert main(["sessions", "delete", sid[:8]]) == 1
    assert Store.open().get(sid) is not None
    assert main(["sessions", "delete", sid[:8], "--yes"]) == 0
    assert Store.open().get(sid) is None


def test_sessions_show_says_it_is_for_the_coordinator_alone(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open()
    sid = store.start_session(kind="team", team="T", participants=4, deck_id="d",
                              deck_version="1", month="2026-03")
    store.close()
    assert main(["sessions", "show", sid[:8]]) == 0
    assert "eigen laptop" in capsys.readouterr().err
    assert main(["sessions", "export", sid[:8]]) == 0
    assert "eigen laptop" not in capsys.readouterr().out




def test_a_store_that_cannot_be_written_opens_read_only(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As in a read-only folder (root ignores modes, so the refusal is simulated)."""
    store = Store.open()
    store.start_session(kind="team", team="Leesbaar", participants=5, deck_id="d",
                        deck_version="1", month="2026-03")
    store.close()

    def readonly(*args: object) -> None:
        raise StoreError("Je gegevensmap is niet beschrijfbaar.")

    monkeypatch.setattr("sessions.store.connect", readonly)
    store = Store.open()
    assert store.read_only and [r.team for r in store.list_sessions()] == ["Leesbaar"]
    with pytest.raises(StoreError):
        store.start_session(kind="team", team="X", participants=5, deck_id="d", deck_version="1")
    store.close()
    assert main(["sessions", "list"]) == 0
    assert "Leesbaar" in capsys.readouterr().out

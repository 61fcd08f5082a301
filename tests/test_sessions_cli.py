"""`integer-spel sessions ...` and `bundle ...` from the command line: output, exit codes, messages."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from sessions import _schema
from sessions.model import Round
from sessions.store import DB_NAME, Store

ROOT = Path(__file__).resolve().parent.parent


def _fill(n: int = 3) -> list[str]:
    store = Store.open()
    ids = []
    for i in range(n):
        sid = store.start_session(kind="team", team=f"Team {i}" if i else None, participants=8 + i,
                                  deck_id="huizen-basis", deck_version="2026.1", month=f"2026-{i % 12 + 1:02d}")
        store.save_round(sid, 0, Round("kerstpakket", "geschenken", "secret", {"A": 3, "B": 5}, note="Mooi"))
        if i != 1:
            store.complete(sid)
        ids.append(sid)
    store.start_session(kind="practice", team=None, participants=1, deck_id="huizen-basis",
                        deck_version="2026.1")
    store.close()
    return ids


def test_list_without_store(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "list"]) == 0
    assert "nog geen sessies" in capsys.readouterr().out
    assert not (isolated_dirs / DB_NAME).exists()


def test_list(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill()
    assert main(["sessions", "list"]) == 0
    out = capsys.readouterr().out
    for sid in ids:
        assert sid[:8] in out and sid not in out
    assert "2026-01" in out and "Team 2" in out and "—" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert lines[ids[1][:8]].endswith("nee")
    assert lines[ids[2][:8]].endswith("ja")
    assert "3 teamsessies" in out
    assert "Daarnaast 1 oefenronde" in out


def test_show_by_prefix(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill()
    assert main(["sessions", "show", ids[2][:6]]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Samenvatting teamsessie — Team 2")
    assert "Hulp en advies" in out and "maart 2026" in out


def test_show_unknown(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill()
    assert main(["sessions", "show", "zzzz"]) == 1
    err = capsys.readouterr().err
    assert "Er is geen sessie met nummer 'zzzz'" in err and "Traceback" not in err


def test_show_unknown_without_store(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "show", "abc"]) == 1
    assert "Er is geen sessie" in capsys.readouterr().err


def test_show_ambiguous(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill(20)
    shared = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    assert main(["sessions", "show", shared]) == 1
    assert "past bij meer dan één sessie" in capsys.readouterr().err


def test_export_markdown_to_stdout(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill()
    assert main(["sessions", "export", ids[0]]) == 0
    assert capsys.readouterr().out.startswith("# Samenvatting teamsessie")


def test_export_html_to_file(isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill()
    out = tmp_path / "samenvatting.html"
    assert main(["sessions", "export", ids[1][:8], "--format", "html", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Team 1" in text
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    assert "Samenvatting geschreven" in capsys.readouterr().err


def test_export_to_missing_folder(isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _fill()
    assert main(["sessions", "export", ids[0], "-o", str(tmp_path / "nee" / "x.md")]) == 1
    assert "nee bestaat niet" in capsys.readouterr().err


def test_newer_store_is_a_message(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(isolated_dirs / DB_NAME)
    conn.execute(f"PRAGMA user_version = {_schema.CURRENT_VERSION + 5}")
    conn.close()
    for argv in (["sessions", "list"], ["bundle", "export"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "nieuwere versie van Integer-spel" in err and "Traceback" not in err


def test_damaged_store_is_a_message(isolated_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    isolated_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_dirs / DB_NAME).write_bytes(b"x" * 4096)
    assert main(["sessions", "list"]) == 1
    assert "beschadigd" in capsys.readouterr().err


def test_bundle_between_two_laptops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    laptop_a, laptop_b = tmp_path / "a", tmp_path / "b"
    bundle = tmp_path / "bundel.json"
    assert main(["--data-dir", str(laptop_a), "sessions", "list"]) == 0
    store = Store.open(laptop_a)
    for month in ("2026-01", "2026-05"):
        sid = store.start_session(kind="team", team="X", participants=5, deck_id="d",
                                  deck_version="1", month=month)
        store.save_round(sid, 0, Round("k", "t", "hands", {"A": 5}))
    store.close()
    assert main(["--data-dir", str(laptop_a), "bundle", "export", "--since", "2026-03", "-o", str(bundle)]) == 0
    assert "1 teamsessie geschreven" in capsys.readouterr().err
    assert main(["--data-dir", str(laptop_b), "bundle", "import", str(bundle)]) == 0
    assert capsys.readouterr().out.strip() == "1 sessie toegevoegd, 0 overgeslagen (al aanwezig)."
    store = Store.open(laptop_b)
    assert [r.month for r in store.list_sessions()] == ["2026-05"]
    store.close()


def test_printing_commands_do_not_import_textual(isolated_dirs: Path) -> None:
    _fill()
    code = (
        "import sys; from game.cli import main; "
        "codes = [main(['sessions', 'list']), main(['bundle', 'export', '-o', '-'])]; "
        "assert 'textual' not in sys.modules, 'textual imported'; print(codes)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[0, 0]")

"""`integer-spel decks list|check|new`: output, exit codes, and the peer's invalid YAML files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dilemmas import discovery
from game.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "decks"
PEER = Path(__file__).resolve().parents[2] / "shared" / "peer" / "yaml-invalid"
LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): \S")
PEER_FILES = sorted(PEER.glob("*.yaml")) if PEER.is_dir() else []


def test_check_valid_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "check", str(FIXTURES / "valid")]) == 0
    assert capsys.readouterr().out == "Alles in orde: 2 decks, 4 dilemma's.\n"


def test_check_reports_every_problem_sorted_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "b.yaml"
    bad.write_text("deck:\n  id: X\n  title: t\n  version: '1'\nthemes: []\ndilemmas: []\n", encoding="utf-8")
    missing = tmp_path / "a-weg.yaml"
    assert main(["decks", "check", str(bad), str(missing)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{missing}:1:1: bestand niet gevonden",
        f"{bad}:2:7: 'id' mag alleen kleine letters, cijfers en '-' bevatten (bijvoorbeeld 'x')",
        f"{bad}:5:9: 'themes' heeft minstens één thema nodig",
        f"{bad}:6:11: 'dilemmas' heeft minstens één dilemma nodig",
        "4 problemen in 2 bestanden.",
    ]


def test_check_empty_folder_is_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "check", str(tmp_path)]) == 1
    assert f"{tmp_path}:1:1: geen decks (.yaml of .yml) gevonden in deze map" in capsys.readouterr().out


@pytest.mark.skipif(not PEER_FILES, reason="the peer's invalid YAML files are not here")
@pytest.mark.parametrize("path", PEER_FILES, ids=lambda p: p.name)
def test_peer_invalid_yaml_exits_1_with_located_messages(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks", "check", str(path)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[-1].endswith("in 1 bestand.")
    assert lines[:-1] and all(LOCATED.match(line) for line in lines[:-1]), lines
    assert all(LOCATED.match(line)["path"] == str(path) for line in lines[:-1])
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.skipif(not PEER_FILES, reason="the peer's invalid YAML files are not here")
def test_peer_folder_as_a_whole_process_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "--data-dir", str(tmp_path), "decks", "check", str(PEER)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    files_with_problems = {LOCATED.match(line)["path"] for line in result.stdout.splitlines()[:-1]}
    assert files_with_problems == {str(p) for p in PEER_FILES}


def test_check_does_not_import_textual_or_rich() -> None:
    code = ("import sys; from game.cli import main; main(['decks', 'check', sys.argv[1]]); "
            "print('textual' in sys.modules, 'rich' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(FIXTURES / "valid")],
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.splitlines()[-1] == "False False"


def test_new_writes_a_starter_deck_that_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sub" / "Ons Deck.yaml"
    assert main(["decks", "new", str(path)]) == 0
    assert "integer-spel decks check" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert "id: ons-deck" in text and text.count("\n#") >= 5
    assert main(["decks", "check", str(path)]) == 0
    assert capsys.readouterr().out == "Alles in orde: 1 deck, 3 dilemma's.\n"


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bestaat.yaml"
    path.write_text("van mij\n", encoding="utf-8")
    assert main(["decks", "new", str(path)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "van mij\n"


def test_list_shows_decks_invalid_ones_and_notices(tmp_path: Path, isolated_dirs: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    shutil.copy(FIXTURES / "valid" / "team.yaml", bundled)
    monkeypatch.setattr(discovery, "BUNDLED_DIR", bundled)
    monkeypatch.setenv("COLUMNS", "160")
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(FIXTURES / "valid" / "pulse.yaml", extra)
    (extra / "team.yaml").write_text((FIXTURES / "valid" / "team.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (extra / "kapot.yaml").write_text("deck: [\n", encoding="utf-8")
    assert main(["--decks", str(extra), "decks", "list"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"proef-team\s+Proefdeck voor de tests\s+2026\.1\s+map\s+3\s+2", out), out
    assert "proef-team: geschenken 1, nevenwerk 2" in out
    assert re.search(r"proef-puls\s+Proefpuls \(puls\)", out)
    assert f"{extra / 'kapot.yaml'}:2:1: ongeldige YAML" in out
    assert f"Let op: Het deck 'proef-team' uit {extra / 'team.yaml'} vervangt het ingebouwde deck." in out

"""`integer-spel decks list|check|new`: output, exit codes, and the peer's invalid YAML files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dilemmas import discovery, paths
from game.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "decks"
# The suite lives beside the project (../shared), found from any checkout depth (a worktree
# sits one level deeper than the main checkout).
PEER = next((parent / "shared" / "peer" / "yaml-invalid" for parent in Path(__file__).resolve().parents
             if (parent / "shared" / "peer" / "yaml-invalid").is_dir()), Path("/nonexistent"))
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
    # Each problem's own line and caret follow it, indented.
    out = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("    ")]
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
    # Each message may be followed by its line and a caret, indented.
    lines = [line for line in captured.out.splitlines() if not line.startswith(" ")]
    assert lines[-1].endswith("in 1 bestand.")
    assert lines[:-1] and all(LOCATED.match(line) for line in lines[:-1]), lines
    assert all((m := LOCATED.match(line)) and m["path"] == str(path) for line in lines[:-1])
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.skipif(not PEER_FILES, reason="the peer's invalid YAML files are not here")
def test_peer_folder_as_a_whole_process_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "--data-dir", str(tmp_path), "decks", "check", str(PEER)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    messages = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert all(LOCATED.match(line) for line in messages[:-1]), messages
    files_with_problems = {m["path"] for line in messages[:-1] if (m := LOCATED.match(line))}
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
    assert re.search(r"proef-team\s+Proefdeck voor de tests\s+2026\.1\s+extra map\s+3\s+2", out), out
    assert "proef-team: geschenken 1, nevenwerk 2" in out
    assert re.search(r"proef-puls\s+Proefpuls \(peiling\)", out)
    assert f"{extra / 'kapot.yaml'}:2:1: ongeldige YAML" in out
    assert f"Let op: Het deck 'proef-team' uit {extra / 'team.yaml'} vervangt het ingebouwde deck." in out


# --- issue 17 and issue 13: what the CLI prints --------------------------------------------


def test_check_shows_the_line_and_a_caret(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "d.yaml"
    bad.write_text((FIXTURES / "valid" / "team.yaml").read_text(encoding="utf-8")
                   .replace("    title: Kaartjes", "    title Kaartjes"), encoding="utf-8")
    assert main(["decks", "check", str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{bad}:15:5: ")
    assert lines[1:3] == ["        title Kaartjes na de aanbesteding", "        ^"]


def test_check_json_for_ci(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    bad = tmp_path / "d.yaml"
    bad.write_text("deck: [\n", encoding="utf-8")
    assert main(["decks", "check", "--format", "json", str(bad), str(FIXTURES / "valid")]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False and result["problems"][0]["path"] == str(bad)
    assert {"line", "column", "message"} <= set(result["problems"][0])
    assert len(result["decks"]) == 2
    assert main(["decks", "check", "--format", "json", str(FIXTURES / "valid")]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_list_uses_the_apps_words_and_paths(capsys: pytest.CaptureFixture[str]) -> None:
    folder = paths.user_decks_dir()
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "valid" / "team.yaml", folder / "team.yaml")
    assert main(["decks", "list"]) == 0
    out = capsys.readouterr().out
    assert "gebruiker" not in out and "(puls)" not in out
    assert "eigen map" in out and "(peiling)" in out
    assert f"proef-team: {folder / 'team.yaml'}" in out


def test_list_and_errors_print_in_latin1(tmp_path: Path) -> None:
    folder = paths.user_decks_dir()
    folder.mkdir(parents=True)
    (folder / "kapot.yaml").write_text("deck: — [\n", encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONIOENCODING": "latin-1"}
    for args in (["decks", "list"], ["decks", "check", str(folder)], ["config", "check"]):
        done = subprocess.run([sys.executable, "-m", "game.cli", *args], capture_output=True, env=env,
                              timeout=60, check=False)
        assert b"Traceback" not in done.stderr, (args, done.stderr[-500:])
        assert done.returncode in (0, 1)


def test_new_with_a_non_utf8_name_says_so_and_writes_nothing(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    import os

    name = os.fsdecode(b"deck-\xff.yaml")
    target = tmp_path / name
    assert main(["decks", "new", str(target)]) == 1
    assert "geen UTF-8" in capsys.readouterr().err
    assert not os.path.lexists(os.fsencode(target))


def test_new_is_private_under_umask_000(tmp_path: Path) -> None:
    import os

    old = os.umask(0)
    try:
        assert main(["decks", "new", str(tmp_path / "mijn.yaml")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "mijn.yaml").stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_check_refuses_a_fifo_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    assert main(["decks", "check", str(fifo)]) == 1
    assert "geen gewoon bestand" in capsys.readouterr().out


def test_many_broken_decks_give_one_notice() -> None:
    folder = paths.user_decks_dir()
    folder.mkdir(parents=True)
    for i in range(200):
        (folder / f"kapot-{i:04}.yaml").write_text("deck: [\n", encoding="utf-8")
    registry = discovery.discover()
    assert len(registry.invalid) == 200
    skipped = [n for n in registry.notices if "overgeslagen" in n]
    assert len(skipped) == 1 and skipped[0].startswith("200 decks zijn overgeslagen")


def test_config_path_tells_the_file_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "path"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == str(paths.config_file())
    assert out[1].startswith("Waarom: INTEGER_SPEL_CONFIG_DIR is gezet")


def test_config_check_locates_every_problem_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    file = paths.config_file()
    file.parent.mkdir(parents=True)
    file.write_text("standaard_deck: bestaat-niet\ntoetsen:\n  round.vote-handz: k\n"
                    "contactpersonen:\n  - {rol: P&O, telefoon: 06-1}\n", encoding="utf-8")
    assert main(["config", "check"]) == 1
    out = capsys.readouterr().out
    assert f"{file}:1:17: 'standaard_deck': er is geen deck 'bestaat-niet'" in out
    assert f"{file}:3:3: onbekende actie 'round.vote-handz'" in out and "'round.vote-hands'" in out
    assert f"{file}:5:16: onbekende sleutel 'telefoon'" in out
    assert "    standaard_deck: bestaat-niet\n" in out
    assert "Nog niet ingevuld" in out  # the default oath is still the placeholder text


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`integer-spel decks check … | head`: when the reader has had enough, the command ends
    quietly (no Python traceback on the terminal), with the exit code it would have had."""
    for n in range(400):
        (tmp_path / f"deck{n:03}.yaml").write_text("id: d\n\ttitle: x\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "decks", "check", *sorted(map(str, tmp_path.iterdir()))],
        cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()  # `head -1` is done
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err, err

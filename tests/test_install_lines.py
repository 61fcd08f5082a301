"""What the README and the messages say about installing: commands that work as written."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_serve_extra_hint_gives_the_readme_command_with_this_pythons_pip() -> None:
    from game.commands.serve import serve_extra_hint

    hint = serve_extra_hint()
    assert "integer-spel[serve]" not in hint
    assert sys.executable in hint and "-m pip install" in hint and ".[serve]" in hint
    assert "'.[serve]'" in README  # the README says the same: install from the game's folder


def test_collecting_the_fault_tests_needs_no_geteuid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "geteuid", raising=False)
    spec = importlib.util.spec_from_file_location("faults_app_on_windows", ROOT / "tests" / "test_faults_app.py")
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


def test_readme_says_path_powershell_tests_duration_and_every_folder() -> None:
    assert ".venv\\Scripts\\Activate.ps1" in README and "niet\nop je PATH" in README
    assert '.venv\\Scripts\\python -m pytest' in README
    assert "enkele minuten" in README
    for folder in ("AppData\\Local\\integer-spel", "Library/Application Support/integer-spel",
                   "~/.local/share/integer-spel/"):
        assert folder in README
    assert "config path" in README


def test_readme_config_example_has_teams_and_reference_figures() -> None:
    example = README.split("```yaml\norganisatie:", 1)[1].split("```", 1)[0]
    assert "\nteams: " in example and "\n  - Burgerzaken\n" in example
    assert "\nreferentiecijfers: " in example and "\n  - vraag: kent-vertrouwenspersoon\n" in example

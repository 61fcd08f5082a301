"""The layers hold: the printing commands and the lower packages never import Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import contextlib, io, sys
from game.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main({argv!r})
    except SystemExit:
        pass
print("textual" in sys.modules)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["decks", "list"],
        ["sessions", "list"],
        ["report", "--format", "json"],
        ["bundle", "export"],
    ],
)
def test_printing_commands_do_not_import_textual(argv: list[str], tmp_path: Path) -> None:
    env_code = PROBE.format(argv=["--data-dir", str(tmp_path / "d"), *argv])
    out = subprocess.run(
        [sys.executable, "-c", env_code], capture_output=True, text=True, check=True,
        env={"INTEGER_SPEL_CONFIG_DIR": str(tmp_path / "c"), "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_lower_packages_do_not_import_textual() -> None:
    code = (
        "import sys, importlib, pkgutil\n"
        "import dilemmas, sessions, game.rules\n"
        "for pkg in (dilemmas, sessions, game.rules):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_code_folder_is_a_package() -> None:
    # setuptools' find_packages skips a folder without __init__.py: `pip install .` would
    # then ship an app without it.
    root = Path(__file__).resolve().parent.parent
    for top in ("game", "dilemmas", "sessions"):
        for folder in [root / top, *(p for p in (root / top).rglob("*") if p.is_dir())]:
            if any(folder.glob("*.py")):
                assert (folder / "__init__.py").exists(), folder

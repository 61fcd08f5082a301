"""`pip install .` builds a wheel that runs from any folder, with its decks and styles inside.

The wheel is built from the checkout, installed into a temporary folder, and run from another
temporary folder, so nothing can come from the checkout itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("setuptools")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(out)],
        check=True, capture_output=True, text=True, timeout=120,
    )
    (built,) = out.glob("integer_spel-*.whl")
    return built


def test_wheel_holds_the_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in ROOT.glob("dilemmas/decks/*.yaml")}
    sources |= {p.relative_to(ROOT).as_posix() for p in ROOT.glob("dilemmas/data/*.yaml")}
    sources |= {p.relative_to(ROOT).as_posix() for p in ROOT.glob("game/**/*.tcss")}
    sources |= {p.relative_to(ROOT).as_posix() for p in ROOT.glob("game/web/*.html")}
    sources |= {p.relative_to(ROOT).as_posix() for p in ROOT.glob("sessions/data/*.txt")}
    assert sources and sources <= names, sorted(sources - names)
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True, capture_output=True, text=True, timeout=120,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["INTEGER_SPEL_DATA_DIR"] = str(tmp_path / "data")
    env["INTEGER_SPEL_CONFIG_DIR"] = str(tmp_path / "config")
    # The installed copy comes first on the path; the dependencies come from this venv.
    boot = (
        "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); import game; "
        "assert game.__file__.startswith(sys.path[0]), game.__file__; "
        "sys.argv[0] = 'integer-spel'; runpy.run_module('game', run_name='__main__')"
    )

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", boot, str(target), *argv], cwd=elsewhere,
                              env=env, capture_output=True, text=True, timeout=60)

    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("integer-spel ")
    decks = run("decks", "list")
    assert decks.returncode == 0, decks.stderr
    assert "ingebouwd" in decks.stdout.lower() or decks.stdout.strip(), decks.stdout
    assert "Traceback" not in decks.stderr

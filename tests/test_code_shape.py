"""The shape a new engineer can rely on: no module over 700 lines, no screen module that
imports another, the garbage collector touched in one documented place, no hand-made hops
from a thread to the event loop."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    path.relative_to(ROOT).as_posix()
    for package in ("game", "sessions", "dilemmas")
    for path in (ROOT / package).rglob("*.py")
)
SCREENS = sorted(p for p in MODULES if p.startswith("game/screens/") and "__init__" not in p)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_walk_finds_the_packages() -> None:
    assert "game/app.py" in MODULES and "sessions/store.py" in MODULES and len(SCREENS) > 10


@pytest.mark.parametrize("module", MODULES)
def test_no_module_is_over_700_lines(module: str) -> None:
    lines = (ROOT / module).read_text(encoding="utf-8").count("\n")
    assert lines <= 700, f"{module}: {lines} lines"


@pytest.mark.parametrize("module", SCREENS)
def test_no_screen_module_imports_another(module: str) -> None:
    own = module.removesuffix(".py").replace("/", ".")
    others = {m for m in _imports(ROOT / module)
              if m.startswith("game.screens.") and m != own}
    assert not others, f"{module} imports {others}"


@pytest.mark.parametrize("module", MODULES)
def test_no_collector_switching_or_hand_made_loop_calls(module: str) -> None:
    text = (ROOT / module).read_text(encoding="utf-8")
    assert "call_soon_threadsafe" not in text and "_thread_id" not in text
    if module != "game/app.py":  # the one documented place (start-up, see benchmarks)
        assert "import gc" not in text and "gc." not in text.replace("_gc.", "")

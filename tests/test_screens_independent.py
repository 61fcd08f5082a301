"""The team game's screens ask and the app navigates: no screen imports another screen, and
nothing switches the garbage collector or hands work to the loop by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEAM_SCREENS = ["setup", "round", "pulse", "resume", "summary"]
ROOM_MODULES = [
    *(f"game/screens/{name}.py" for name in TEAM_SCREENS),
    "game/dialogs/secret_vote.py",
    "game/dialogs/theme_board.py",
    "game/context.py",
    "game/rules/session.py",
    "game/rules/saving.py",
    "game/rules/game.py",
]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("name", TEAM_SCREENS)
def test_a_team_game_screen_imports_no_other_screen(name: str) -> None:
    imported = _imports(ROOT / "game" / "screens" / f"{name}.py")
    others = {m for m in imported if m.startswith("game.screens") and m != f"game.screens.{name}"}
    assert not others


@pytest.mark.parametrize("module", ROOM_MODULES)
def test_no_collector_switching_or_hand_made_loop_calls(module: str) -> None:
    text = (ROOT / module).read_text(encoding="utf-8")
    assert "import gc" not in text and "gc." not in text.replace("_gc.", "")
    assert "call_soon_threadsafe" not in text and "_thread_id" not in text


def test_the_collector_is_touched_in_one_place_only() -> None:
    text = (ROOT / "game/app.py").read_text(encoding="utf-8")
    assert text.count("gc.freeze()") == 1 and "gc.unfreeze" not in text

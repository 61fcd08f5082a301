"""Nothing in the app assumes Linux: no POSIX-only module is imported where Windows runs it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
POSIX_ONLY = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "crypt"}
SOURCES = sorted(p for pkg in ("game", "dilemmas", "sessions") for p in (ROOT / pkg).rglob("*.py"))
POSIX_CALLS = {"getuid", "geteuid", "getgid", "fchmod", "fchown", "chown", "wait4", "fork", "killpg"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_posix_only_modules_or_calls(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module.split(".")[0]]
        else:
            names = []
        assert not POSIX_ONLY.intersection(names), f"{path}:{getattr(node, 'lineno', 0)} imports {names}"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            assert not (node.value.id == "os" and node.attr in POSIX_CALLS), (
                f"{path}:{node.lineno} calls os.{node.attr}, which Windows does not have")
        # signal.SIGKILL, SIGHUP, SIGUSR1… do not exist on Windows.
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "signal":
            assert node.attr in {"SIGINT", "SIGTERM", "signal", "SIG_DFL", "SIG_IGN"}, (
                f"{path}:{node.lineno} uses signal.{node.attr}")

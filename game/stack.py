"""The screen stack: which screen lies under another (a notice or a view over a round)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def screen_beneath(screen: Screen[Any]) -> Screen[Any] | None:
    """The screen directly under ``screen`` in the app's stack, or None (not in it, or the
    bottom one)."""
    stack = screen.app.screen_stack
    if screen not in stack:
        return None
    index = stack.index(screen)
    return stack[index - 1] if index > 0 else None

"""Reusable widgets of the app: the dilemma card, vote bars, the timer and the theme board.

Names load on first use, so that importing one widget does not import them all.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "CardView": "card",
    "RevealScroll": "reveal_scroll",
    "RoundTimer": "timer",
    "ThemeBoard": "theme_board",
    "TimerMirror": "timer",
    "VoteBars": "bars",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"game.widgets.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'game.widgets' has no attribute {name!r}")

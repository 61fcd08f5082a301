"""The app's screens, one module each; names load on first use to keep start-up quick."""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "MainMenuScreen": "menu",
    "HelpScreen": "help",
    "TooSmallScreen": "too_small",
    "SetupScreen": "setup",
    "RoundScreen": "round",
    "SummaryScreen": "summary",
    "WalkthroughScreen": "walkthrough",
    "WalkthroughPickScreen": "walkthrough_pick",
    "PracticeScreen": "practice",
    "ReportScreen": "report",
    "DecksScreen": "decks",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"game.screens.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'game.screens' has no attribute {name!r}")

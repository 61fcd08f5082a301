"""Modal dialogs: questions, hand counts, notes and paths; each loads on first use.

The note and path dialogs pull in Textual's TextArea and DirectoryTree (a few MiB); a
screen that asks one yes/no question should not pay for them.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "ChoiceDialog": "choice",
    "HandCountDialog": "hands",
    "NoteDialog": "note",
    "PathDialog": "path_dialog",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"game.dialogs.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'game.dialogs' has no attribute {name!r}")

"""A Select whose open list names its key in Dutch in the footer ("Menu sluiten").

Textual's drop-down says "Dismiss menu" for Escape; every Select in the app is this one.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay, SelectType


class _DutchOverlay(SelectOverlay):
    """The drop-down of a Select, with its footer key in Dutch."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Menu sluiten")]


class DutchSelect(Select[SelectType]):
    """Textual's Select, but its open list says "Menu sluiten", not "Dismiss menu"."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _DutchOverlay(type_to_search=self._type_to_search).data_bind(
            compact=Select.compact
        )

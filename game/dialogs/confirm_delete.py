"""ConfirmDelete: asks before a recorded session is deleted for good."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDelete(ModalScreen[bool]):
    """Ask before a recorded session is deleted for good."""

    DEFAULT_CSS = """
    ConfirmDelete { align: center middle; }
    ConfirmDelete > Vertical {
        width: 64; height: auto; border: thick $error; background: $surface; padding: 1 2;
    }
    ConfirmDelete #delete-buttons { height: auto; margin: 1 0 0 0; }
    ConfirmDelete #delete-buttons Button { margin: 0 1 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Deze sessie verwijderen?\n{self.description}\n\nDit kan niet "
                         "ongedaan worden gemaakt; het rapport telt de sessie daarna niet meer.",
                         id="delete-question", markup=False)
            with Horizontal(id="delete-buttons"):
                yield Button("Verwijderen", id="delete-yes", variant="error")
                yield Button("Annuleren", id="delete-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#delete-no").focus()

    @on(Button.Pressed, "#delete-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#delete-no")
    def action_cancel(self) -> None:
        """Keep the session."""
        self.dismiss(False)


__all__ = ["ConfirmDelete"]

"""The question when a card's walkthrough was begun before: continue, start again, or throw away."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from game.rules.walkthrough import describe
from sessions.store import WalkthroughInfo


class ContinueDialog(ModalScreen[str | None]):
    """An unfinished walkthrough of this card: continue it, start again, or throw it away.

    Dismisses with "continue:<id>", "delete:<id>" or "new".
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "new", "Opnieuw beginnen", id="continue.new"),
    ]

    def __init__(self, info: WalkthroughInfo, *, title: str = "Verder met je stappenplan?") -> None:
        super().__init__()
        self.info = info
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="continue-box"):
            yield Label(self.title_text, id="continue-title", markup=False)
            yield Static(
                f"Je was hier al mee bezig: {describe(self.info)}.",
                id="continue-text",
                markup=False,
            )
            with Horizontal(id="continue-buttons"):
                yield Button("Verder waar je was", id="continue-go", variant="primary", compact=True)
                yield Button("Opnieuw beginnen", id="continue-new", compact=True)
                yield Button("Weggooien", id="continue-delete", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#continue-go", Button).focus()

    @on(Button.Pressed, "#continue-go")
    def _go(self) -> None:
        self.dismiss(f"continue:{self.info.id}")

    @on(Button.Pressed, "#continue-new")
    def action_new(self) -> None:
        self.dismiss("new")

    @on(Button.Pressed, "#continue-delete")
    def _delete(self) -> None:
        self.dismiss(f"delete:{self.info.id}")

"""A few lines and a title describing your own dilemma, before its walkthrough starts."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from game.rules.walkthrough import OwnDilemma


class OwnDilemmaDialog(ModalScreen[OwnDilemma | None]):
    """A title and a few lines describing your own dilemma."""

    HELP: ClassVar[str] = """\
**Je eigen dilemma.** Geef het een korte titel en beschrijf in een paar regels waar je voor
staat. Gebruik rollen, zoals "de aanvrager", geen namen. `ctrl+s` begint het stappenplan;
`Escape` annuleert.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="own.cancel"),
        Binding(
            "ctrl+s",
            "start",
            "Beginnen",
            id="own.start",
            priority=True,
            tooltip="Begin het stappenplan met dit dilemma",
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="own-box"):
            yield Label("Eigen dilemma", id="own-title")
            yield Static(
                "Geef je dilemma een korte titel. Beschrijf daaronder in een paar regels "
                "waar je voor staat. Gebruik rollen, geen namen.",
                id="own-hint",
            )
            yield Input(placeholder="Titel, bijvoorbeeld: Cadeau van een aanvrager",
                        id="own-name", compact=True)
            yield TextArea(
                id="own-text", soft_wrap=True, show_line_numbers=False, tab_behavior="focus"
            )
            with Horizontal(id="own-buttons"):
                yield Button("Beginnen", id="own-start", variant="primary", compact=True)
                yield Button("Annuleren", id="own-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#own-name", Input).focus()

    @on(Input.Submitted, "#own-name")
    def _to_text(self) -> None:
        self.query_one("#own-text", TextArea).focus()

    @on(Button.Pressed, "#own-start")
    def action_start(self) -> None:
        text = self.query_one("#own-text", TextArea).text.strip()
        if not text:
            self.query_one("#own-hint", Static).update(
                Content.styled("Schrijf eerst een paar woorden over je dilemma.", "bold $error")
            )
            self.query_one("#own-text", TextArea).focus()
            return
        title = self.query_one("#own-name", Input).value
        self.dismiss(OwnDilemma.of(title, text))

    @on(Button.Pressed, "#own-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

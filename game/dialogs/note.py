"""NoteDialog: a short note about the discussion, edited in a modal."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from game.rules.entry import control_refusal


class NoteDialog(ModalScreen[str | None]):
    """Edit the round's note; returns the text (unscrubbed), or None when cancelled."""

    HELP: ClassVar[str] = """\
**Een notitie** bij deze ronde: kort, wat kwam er ter sprake?

- Telefoonnummers, e-mailadressen, adressen, BSN's en namen met een aanwijzing ervoor
  (mevrouw, meneer, collega …) haalt de app weg; je ziet daarna wat er is weggehaald.
- Andere namen vindt de app niet altijd: schrijf ze niet op.
- Langer dan 1000 tekens wordt ingekort; dat hoor je dan.
- `ctrl+s` slaat op; `Escape` annuleert.
"""

    DEFAULT_CSS = """
    NoteDialog {
        align: center middle;
    }
    NoteDialog > #note-box {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 2;
    }
    NoteDialog #note-title {
        text-style: bold;
        width: 1fr;
    }
    NoteDialog #note-hint {
        color: $text-muted;
        width: 1fr;
    }
    NoteDialog TextArea {
        height: 8;
    }
    NoteDialog #note-error {
        display: none;
        width: 1fr;
        color: $text-error;
    }
    NoteDialog #note-error.-shown {
        display: block;
    }
    NoteDialog #note-buttons {
        height: auto;
    }
    NoteDialog #note-buttons Button {
        margin: 0 2 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="note.cancel"),
        Binding("ctrl+s", "save", "Opslaan", id="note.save", priority=True),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static("Notitie bij deze ronde", id="note-title")
            yield Static(
                "Kort: wat kwam er ter sprake? Telefoonnummers, e-mailadressen, adressen en "
                "namen met mevrouw, meneer of collega ervoor haalt de app weg. Andere namen "
                "niet altijd: schrijf ze niet op.",
                id="note-hint",
            )
            yield TextArea(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            # A refusal is told here, in the dialog, whole (a toast over a dialog is one line).
            yield Static("", id="note-error", markup=False)
            with Horizontal(id="note-buttons"):
                yield Button("Opslaan (ctrl+s)", variant="primary", id="note-ok")
                yield Button("Annuleren", id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(Button.Pressed, "#note-ok")
    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        refusal = control_refusal(text, lines=True)
        if refusal is not None:
            error = self.query_one("#note-error", Static)
            error.update(refusal)
            error.add_class("-shown")
            return
        self.dismiss(text)

    @on(TextArea.Changed)
    def _text_changed(self) -> None:
        self.query_one("#note-error").remove_class("-shown")

    @on(Button.Pressed, "#note-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

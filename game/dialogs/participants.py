"""ParticipantsDialog: change the number of participants while a session is played."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.rules.game import SetupError, parse_participants


class ParticipantsDialog(ModalScreen[int | None]):
    """Type the new number of participants; returns it, or None when cancelled."""

    HELP: ClassVar[str] = """\
**Deelnemers wijzigen**: komt er iemand bij of gaat er iemand weg, typ dan het nieuwe aantal.

- Een heel getal van 1 tot en met 99, zoals bij het begin. `Enter` bewaart, `Escape` annuleert.
- Handen tellen kan daarna tot dit aantal; de sessie telt met dit aantal deelnemers.
"""

    DEFAULT_CSS = """
    ParticipantsDialog {
        align: center middle;
    }
    ParticipantsDialog > #participants-box {
        width: 60;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 2;
    }
    ParticipantsDialog #participants-title {
        text-style: bold;
        width: 1fr;
    }
    ParticipantsDialog #participants-hint {
        color: $text-muted;
        width: 1fr;
    }
    ParticipantsDialog #participants-error {
        color: $error;
        width: 1fr;
    }
    ParticipantsDialog Input {
        width: 16;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="participants.cancel"),
    ]

    def __init__(self, participants: int) -> None:
        super().__init__()
        self.participants = participants

    def compose(self) -> ComposeResult:
        with Vertical(id="participants-box"):
            yield Static("Aantal deelnemers wijzigen", id="participants-title", markup=False)
            yield Static(
                f"Nu {self.participants}. Typ het nieuwe aantal (1 tot en met 99) en druk op "
                "Enter; Escape laat het zo.",
                id="participants-hint",
                markup=False,
            )
            yield Input(
                str(self.participants),
                id="participants-input",
                max_length=6,  # room to type too much: it is refused with a message, never cut
                select_on_focus=True,
            )
            yield Static("", id="participants-error", markup=False)

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        # Typing replaces the number shown, also when the focus came back with the window's.
        field.select_all()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            n = parse_participants(event.value)  # the same range as the setup
        except SetupError as exc:
            self.query_one("#participants-error", Static).update(str(exc))
            event.input.select_all()  # the next number typed replaces the wrong one
            return
        self.dismiss(n)

    def action_cancel(self) -> None:
        self.dismiss(None)

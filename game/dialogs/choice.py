"""ChoiceDialog: a short question with two or three answers, as a modal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ChoiceDialog(ModalScreen[str | None]):
    """Ask a question; return the id of the chosen answer, or None on escape.

    ``answers`` are (id, label) pairs; the first is the default (focused) answer.
    """

    HELP: ClassVar[str] = """\
**Een keuze.** Kies met de pijltjes of `Tab` en druk op `Enter`, of klik op een knop.
`Escape` sluit de vraag zonder iets te doen.
"""

    DEFAULT_CSS = """
    ChoiceDialog {
        align: center middle;
    }
    ChoiceDialog > #choice-box {
        width: 72;
        max-width: 100%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    ChoiceDialog #choice-question {
        text-style: bold;
        width: 1fr;
    }
    ChoiceDialog #choice-detail {
        color: $text-muted;
        width: 1fr;
        padding: 1 0 0 0;
    }
    ChoiceDialog #choice-buttons {
        height: auto;
        padding: 1 0 0 0;
    }
    ChoiceDialog #choice-buttons Button {
        margin: 0 2 0 0;
        width: auto;
    }
    ChoiceDialog #choice-buttons.-stacked {
        layout: vertical;
    }
    ChoiceDialog #choice-buttons.-stacked Button {
        width: 1fr;
        margin: 0 0 1 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Terug", id="choice.cancel"),
        Binding("left", "app.focus_previous", "Vorige", show=False),
        Binding("right", "app.focus_next", "Volgende", show=False),
        # Long answers stand under each other: there ↓ and ↑ are the arrows people try.
        Binding("down", "app.focus_next", "Volgende", show=False),
        Binding("up", "app.focus_previous", "Vorige", show=False),
    ]

    def __init__(self, question: str, answers: Sequence[tuple[str, str]], detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.answers = list(answers)
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Static(self.question, id="choice-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="choice-detail", markup=False)
            # Buttons that would not fit side by side go under each other: never cut a label.
            wide = sum(len(label) + 6 for _, label in self.answers) > 62
            with Horizontal(id="choice-buttons", classes="-stacked" if wide else ""):
                for n, (answer_id, label) in enumerate(self.answers):
                    yield Button(
                        Content(label),
                        id=f"choice-{answer_id}",
                        variant="primary" if n == 0 else "default",
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(None)

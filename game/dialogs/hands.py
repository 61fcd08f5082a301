"""HandCountDialog: type the number of raised hands per option; bad counts are refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from game.rules.tally import CountError, parse_hand_counts
from game.widgets.card import row_text

HINT = "Leeg telt als 0. Tab gaat naar het volgende veld, Enter slaat op."


class HandCountDialog(ModalScreen[dict[str, int] | None]):
    """One field per option; returns the counts once they are valid, or None."""

    HELP: ClassVar[str] = """\
**Handen tellen.** Typ per antwoord hoeveel handen er omhoog gingen.

- Een leeg veld telt als 0. Samen mogen het niet meer stemmen zijn dan deelnemers.
- `Tab` gaat naar het volgende veld; `Enter` slaat op; `Escape` annuleert.
"""

    DEFAULT_CSS = """
    HandCountDialog {
        align: center bottom;
    }
    HandCountDialog > #hands-box {
        width: 100%;
        height: auto;
        max-height: 60%;
        border: thick $primary;
        background: $surface;
        padding: 0 2;
    }
    HandCountDialog #hands-title {
        text-style: bold;
        width: 1fr;
    }
    HandCountDialog #hands-rows {
        height: auto;
        max-height: 10;
    }
    HandCountDialog #hands-context {
        width: 1fr;
        color: $warning;
        text-style: bold;
    }
    HandCountDialog #hands-total {
        width: 1fr;
        text-style: bold;
    }
    HandCountDialog .hands-row {
        height: auto;
    }
    HandCountDialog .hands-row Input {
        width: 12;
    }
    HandCountDialog .hands-row Label {
        width: 1fr;
        padding: 0 0 0 1;
    }
    HandCountDialog #hands-message {
        width: 1fr;
        color: $text-muted;
    }
    HandCountDialog #hands-message.-error {
        color: $error;
        text-style: bold;
    }
    HandCountDialog .hands-row Input.-invalid {
        background: $error 40%;
        text-style: bold;
    }
    HandCountDialog #hands-buttons {
        height: auto;
    }
    HandCountDialog #hands-buttons Button {
        margin: 0 2 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="hands.cancel"),
    ]

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        participants: int,
        *,
        title: str = "Handen tellen",
        counts: Mapping[str, int] | None = None,
        context: str | None = None,
    ) -> None:
        """``context``: the variation's sentence on a re-vote, shown with the title."""
        super().__init__()
        self.context = context
        self.options = list(options)
        self.participants = participants
        self.title_text = title
        self.initial = dict(counts or {})

    def compose(self) -> ComposeResult:
        with Vertical(id="hands-box"):
            yield Static(
                f"{self.title_text} — hoeveel handen per antwoord? ({self.participants} deelnemers)",
                id="hands-title",
                markup=False,
            )
            if self.context:
                yield Static(self.context, id="hands-context", markup=False)
            with VerticalScroll(id="hands-rows"):
                for key, text in self.options:
                    with Horizontal(classes="hands-row"):
                        value = str(self.initial[key]) if key in self.initial else ""
                        yield Input(
                            value=value,
                            placeholder="0",
                            id=f"hands-{key}",
                            restrict=r"[-0-9a-zA-Z.,]*",
                            max_length=4,
                            compact=True,
                        )
                        yield Label(f"{key}  {row_text(key, text)}".rstrip(), markup=False)
            yield Static(self._total_text(), id="hands-total", markup=False)
            yield Static(HINT, id="hands-message", markup=False)
            with Horizontal(id="hands-buttons"):
                yield Button("Opslaan", variant="primary", id="hands-ok")
                yield Button("Annuleren", id="hands-cancel")

    def on_mount(self) -> None:
        # The room keeps reading the card above the dialog (the app's Screen rule would
        # paint it over).
        self.styles.background = "transparent"
        self.query(Input).first().focus()

    def _total_text(self) -> str:
        """ "Samen 7 van 9 deelnemers" — the running total of what is typed so far."""
        total = 0
        for key, _ in self.options:
            if self.is_mounted:
                text = self.query_one(f"#hands-{key}", Input).value.strip()
            else:
                text = str(self.initial.get(key, ""))
            if text.isdecimal() and text.isascii():
                total += int(text)
        over = " — meer dan er deelnemers zijn" if total > self.participants else ""
        return f"Samen {total} van {self.participants} deelnemers{over}"

    @on(Input.Changed)
    def _count_changed(self) -> None:
        self.query_one("#hands-total", Static).update(self._total_text())
        if self.query_one("#hands-message", Static).has_class("-error"):
            self._check(move_focus=False)  # an error shown stays true to what is typed now

    def _check(self, *, move_focus: bool) -> dict[str, int] | None:
        """The counts when they are valid; otherwise say what is wrong (and where)."""
        raw = {key: self.query_one(f"#hands-{key}", Input).value for key, _ in self.options}
        for field in self.query(Input):
            field.remove_class("-invalid")
        try:
            counts = parse_hand_counts(raw, [k for k, _ in self.options], self.participants)
        except CountError as exc:
            self._say(str(exc), True)
            if exc.key is not None:
                field = self.query_one(f"#hands-{exc.key}", Input)
                field.add_class("-invalid")
                if move_focus:
                    field.focus()
            return None
        self._say(HINT, False)
        return counts

    def _say(self, text: str, error: bool) -> None:
        message = self.query_one("#hands-message", Static)
        message.set_class(error, "-error")
        message.update(text)

    @on(Input.Submitted)
    @on(Button.Pressed, "#hands-ok")
    def action_accept(self) -> None:
        """Check the counts; close with them when they are valid."""
        counts = self._check(move_focus=True)
        if counts is not None:
            self.dismiss(counts)

    @on(Button.Pressed, "#hands-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

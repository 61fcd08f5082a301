"""OwnCaseDialog: type a dilemma the room brings in (an *eigen casus*) and play it as a card."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea

from game.rules.own import (
    MAX_OWN_OPTION,
    MAX_OWN_QUESTION,
    OwnCaseError,
    parse_own_case,
)
from game.widgets.dutch_select import DutchSelect
from sessions.model import OwnCase
from sessions.own import MAX_OWN_TITLE, OWN_KEYS, OWN_THEME

OwnCaseResult = tuple[OwnCase, str]
"""The case as typed (not yet scrubbed) and the theme id it is played under."""


class OwnCaseDialog(ModalScreen[OwnCaseResult | None]):
    """Title, situation, question and 0 or 2–5 options; returns them with a theme, or None."""

    HELP: ClassVar[str] = """\
**Eigen casus**: een dilemma dat iemand in de groep zelf heeft meegemaakt.

- Vat het samen met een **titel** en de **vraag** aan de groep. De **situatie** mag kort: je
  kunt hem ook vertellen.
- Typ **twee tot vijf antwoorden** om erover te stemmen, of laat ze leeg voor een open vraag.
- Kies een **thema** als het past: dan telt het mee op het themabord.
- Gebruik rollen (de aanvrager, een collega), geen namen. Telefoonnummers, e-mailadressen en
  namen met een aanwijzing ervoor haalt de app weg.
- De casus hoort bij deze sessie. Hij komt niet in een stapel kaarten.
- `Tab` gaat naar het volgende veld, `ctrl+s` speelt de casus, `Escape` annuleert.
"""

    DEFAULT_CSS = """
    OwnCaseDialog {
        align: center middle;
    }
    OwnCaseDialog > #own-box {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    OwnCaseDialog #own-title {
        text-style: bold;
        width: 1fr;
    }
    OwnCaseDialog #own-fields {
        height: auto;
        max-height: 70vh;
    }
    OwnCaseDialog .own-label {
        color: $text-muted;
        width: 1fr;
        margin: 1 0 0 0;
    }
    OwnCaseDialog #own-fields Input, OwnCaseDialog #own-situation {
        background: $boost;
    }
    OwnCaseDialog #own-situation {
        height: 4;
    }
    OwnCaseDialog .own-option {
        height: 1;
    }
    OwnCaseDialog .own-key {
        width: 3;
        text-style: bold;
    }
    OwnCaseDialog .own-option Input {
        width: 1fr;
    }
    OwnCaseDialog #own-error {
        color: $error;
        width: 1fr;
    }
    OwnCaseDialog #own-buttons {
        height: auto;
    }
    OwnCaseDialog #own-buttons Button {
        margin: 0 2 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="own.cancel"),
        Binding("ctrl+s", "save", "Spelen", id="own.save", priority=True),
        # Enter moves on as the key arrives (priority), as Tab does app-wide: keys typed in a
        # burst then land in the field they were meant for.
        Binding("enter", "enter_field", "Volgend veld", show=False, priority=True),
    ]

    def __init__(self, themes: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.themes = list(themes)

    def compose(self) -> ComposeResult:
        with Vertical(id="own-box"):
            yield Static("Eigen casus", id="own-title", markup=False)
            with VerticalScroll(id="own-fields"):
                yield Static("Titel (kort)", classes="own-label", markup=False)
                yield Input(
                    id="own-title-input",
                    placeholder="bijvoorbeeld: De taart van de aanvrager",
                    max_length=MAX_OWN_TITLE * 2,  # too long is refused with a message
                    compact=True,
                )
                yield Static(
                    "Situatie (mag kort; je kunt hem ook vertellen)",
                    classes="own-label",
                    markup=False,
                )
                yield TextArea(id="own-situation", soft_wrap=True, compact=True)
                yield Static("Vraag aan de groep", classes="own-label", markup=False)
                yield Input(
                    id="own-question",
                    placeholder="Wat doe je?",
                    max_length=MAX_OWN_QUESTION * 2,
                    compact=True,
                )
                yield Static(
                    "Antwoorden: twee tot vijf om te stemmen, of leeg voor een open vraag",
                    classes="own-label",
                    markup=False,
                )
                for i, key in enumerate(OWN_KEYS):
                    with Horizontal(classes="own-option"):
                        yield Static(key, classes="own-key", markup=False)
                        yield Input(id=f"own-option-{i}", max_length=MAX_OWN_OPTION * 2, compact=True)
                yield Static("Thema", classes="own-label", markup=False)
                options = [("Geen thema van de stapel", OWN_THEME), *[(t, i) for i, t in self.themes]]
                yield DutchSelect(options, value=OWN_THEME, allow_blank=False, id="own-theme", compact=True)
            yield Static("", id="own-error", markup=False)
            with Horizontal(id="own-buttons"):
                yield Button("Spelen (ctrl+s)", variant="primary", id="own-ok")
                yield Button("Annuleren", id="own-cancel")

    def on_mount(self) -> None:
        self.query_one("#own-title-input", Input).focus()

    def _typed(self) -> tuple[str, str, str, list[str]]:
        return (
            self.query_one("#own-title-input", Input).value,
            self.query_one("#own-situation", TextArea).text,
            self.query_one("#own-question", Input).value,
            [self.query_one(f"#own-option-{i}", Input).value for i in range(len(OWN_KEYS))],
        )

    def action_enter_field(self) -> None:
        """Enter in a one-line field goes on to the next one, as in a paper form; elsewhere
        (the situation, a button, the theme list) Enter does what it does there."""
        if not isinstance(self.focused, Input):
            raise SkipAction()
        self.focus_next()

    @on(Button.Pressed, "#own-ok")
    def action_save(self) -> None:
        title, situation, question, options = self._typed()
        try:
            case = parse_own_case(title, situation, question, options)
        except OwnCaseError as exc:
            self.query_one("#own-error", Static).update(str(exc))
            target = {
                "title": "#own-title-input",
                "situation": "#own-situation",
                "question": "#own-question",
            }.get(exc.field, f"#own-{exc.field}")
            self.query_one(target).focus()
            return
        theme = self.query_one("#own-theme", Select).value
        self.dismiss((case, theme if isinstance(theme, str) else OWN_THEME))

    @on(Button.Pressed, "#own-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

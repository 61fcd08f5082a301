"""CardAloneScreen: only the card, filling the terminal, for the back of the room."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from dilemmas.model import Deck, Dilemma
from game.widgets.card import CardView


class CardAloneScreen(Screen[None]):
    """The card alone (title, situation, question, options); Escape or the same key goes back."""

    HELP: ClassVar[str] = """\
**Alleen de kaart**, zo groot als het scherm: voor als je de letters groter hebt gezet.

- `↑` `↓` (of `PgUp` `PgDn`) schuiven als niet alles past.
- `Escape` of `k` gaat terug naar de ronde.
"""

    DEFAULT_CSS = """
    CardAloneScreen {
        layout: vertical;
    }
    CardAloneScreen > CardView {
        height: 1fr;
        max-height: 100%;
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="card-alone.back"),
        Binding("k", "back", "Terug", id="card-alone.back-k", show=False),
        Binding("down", "scroll_card(3)", "Omlaag", id="card-alone.scroll-down", show=False),
        Binding("up", "scroll_card(-3)", "Omhoog", id="card-alone.scroll-up", show=False),
        Binding("pagedown", "scroll_card(20)", "Pagina omlaag", id="card-alone.page-down",
                show=False),
        Binding("pageup", "scroll_card(-20)", "Pagina omhoog", id="card-alone.page-up",
                show=False),
    ]

    def __init__(self, dilemma: Dilemma, deck: Deck | None = None) -> None:
        super().__init__()
        self.dilemma = dilemma
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield CardView(self.dilemma, self.deck, id="card-alone")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(CardView).set_class(self.app.size.width < 100, "-compact")

    def on_resize(self) -> None:
        self.query_one(CardView).set_class(self.app.size.width < 100, "-compact")

    def action_scroll_card(self, lines: int) -> None:
        card = self.query_one(CardView)
        card.scroll_to(y=card.scroll_y + lines, animate=False)

    def action_back(self) -> None:
        self.dismiss(None)

"""CardAloneScreen: only the card and the timer, filling the terminal, for the back of the room."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from dilemmas.model import Deck, Dilemma
from game.stack import screen_beneath
from game.widgets.card import CardView
from game.widgets.timer import RoundTimer, TimerMirror


class CardAloneScreen(Screen[None]):
    """The card alone (title, situation, question, options) with the round's timer in big
    digits; Escape or the same key goes back.

    It stays readable when an enlarged font leaves only about 50×15 cells: the card's text
    scrolls, the timer keeps its place at the bottom. The app shows no "te klein" notice over
    this screen (`ALLOW_SMALL`).
    """

    ALLOW_SMALL: ClassVar[bool] = True
    """The app's size check leaves this screen alone below 80×24."""

    HELP: ClassVar[str] = """\
**Alleen de kaart**, met de timer: voor als je de letters groter hebt gezet. Dit scherm blijft
leesbaar tot ongeveer 50×15 tekens.

- `↑` `↓` (of `PgUp` `PgDn`) schuiven als niet alles past.
- De timer loopt door zoals in de ronde; `t` start of pauzeert hem, ook hier.
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
    CardAloneScreen > TimerMirror {
        padding: 0 1;
    }
    CardAloneScreen.-small > CardView {
        border: none;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="card-alone.back"),
        Binding("k", "back", "Terug", id="card-alone.back-k", show=False),
        # Short labels: at 50 columns the footer keeps every key in view.
        Binding("down", "scroll_card(3)", "Verder", id="card-alone.scroll-down",
                key_display="↓", tooltip="Verder lezen"),
        Binding("t", "timer", "Timer", id="card-alone.timer",
                tooltip="Timer starten of pauzeren"),
        Binding("up", "scroll_card(-3)", "Omhoog", id="card-alone.scroll-up", show=False),
        Binding("pagedown", "scroll_card(20)", "Pagina omlaag", id="card-alone.page-down",
                show=False),
        Binding("pageup", "scroll_card(-20)", "Pagina omhoog", id="card-alone.page-up",
                show=False),
        Binding("end", "scroll_card(1000)", "Naar het eind", id="card-alone.end", show=False),
        Binding("home", "scroll_card(-1000)", "Naar het begin", id="card-alone.home",
                show=False),
    ]

    def __init__(
        self, dilemma: Dilemma, deck: Deck | None = None, timer: RoundTimer | None = None
    ) -> None:
        super().__init__()
        self.dilemma = dilemma
        self.deck = deck
        self.timer = timer

    def compose(self) -> ComposeResult:
        yield CardView(self.dilemma, self.deck, id="card-alone")
        timer = self.timer or self._round_timer()
        if timer is not None:
            yield TimerMirror(timer, id="card-alone-timer")
        yield Footer(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "timer":  # only over a round, whose timer it is
            return hasattr(screen_beneath(self), "action_timer")
        return True

    def action_timer(self) -> None:
        """`t` as in the round: the round starts or pauses its timer and keeps its state."""
        beneath = screen_beneath(self)
        if beneath is not None and hasattr(beneath, "action_timer"):
            self.app.call_later(beneath.run_action, "timer")

    def _round_timer(self) -> RoundTimer | None:
        """The timer of the round this card was opened from (the screen underneath)."""
        for screen in reversed(self.app.screen_stack):
            if screen is not self:
                timers = screen.query(RoundTimer)
                return timers.first() if timers else None
        return None

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        width, height = self.app.size
        self.query_one(CardView).set_class(width < 100, "-compact")
        self.set_class(width < 80 or height < 24, "-small")

    def action_scroll_card(self, lines: int) -> None:
        card = self.query_one(CardView)
        card.scroll_to(y=card.scroll_y + lines, animate=False)

    def action_back(self) -> None:
        self.dismiss(None)

"""A notice that covers the app while the terminal is smaller than 80×24."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import ModalScreen
from textual.widgets import Static

from game.stack import screen_beneath


class TooSmallScreen(ModalScreen[None]):
    """Shown while the terminal is too small; the app removes it when there is room again."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $background;
    }
    TooSmallScreen #too-small {
        width: auto;
        max-width: 100%;
        padding: 0 1;
        text-align: center;
        color: $foreground;
    }
    """
    BINDINGS = [("escape", "noop", ""), ("k", "card_alone", "")]

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(self._text(), id="too-small")

    def _text(self, width: int | None = None, height: int | None = None) -> str:
        if width is None or height is None:
            width, height = self.app.size
        return (
            "[b]Het venster is te klein.[/b]\n"
            f"Nu {width}×{height}, nodig is minstens 80×24.\n"
            "Maak het venster groter of de letters kleiner.\n"
            "Er gaat niets verloren."
            + ("\n\nAlleen de kaart past wel: druk op k." if self._beneath_has_card() else "")
        )

    def _beneath_has_card(self) -> bool:
        """Whether the screen under the notice can show the card alone (a round)."""
        return hasattr(screen_beneath(self), "action_card_alone")

    def refresh_size(self, width: int | None = None, height: int | None = None) -> None:
        """Update the sizes in the notice."""
        self.query_one("#too-small", Static).update(self._text(width, height))

    def action_card_alone(self) -> None:
        """`k` over a round: the card alone, which reads well on a small window."""
        beneath = screen_beneath(self)
        if beneath is not None and hasattr(beneath, "action_card_alone"):
            self.app.call_later(beneath.run_action, "card_alone")
            self.dismiss()

    def action_noop(self) -> None:
        """Escape does nothing here: the notice goes away when the window is large enough."""

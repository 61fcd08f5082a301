"""The user's own dilemma, shown where a card would be."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class OwnCard(VerticalScroll, can_focus=False):
    """The user's own dilemma: its title and the lines they wrote."""

    def __init__(
        self, text: str, title: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.title_text = title or "Eigen dilemma"

    def compose(self) -> ComposeResult:
        yield Static(self.title_text, classes="card--title", markup=False)
        yield Static(self.text or "—", classes="card--situation", markup=False)

    def show(self, text: str, title: str = "") -> None:
        """Show another text (after it was loaded or scrubbed)."""
        self.text = text
        self.title_text = title or self.title_text
        self.query_one(".card--title", Static).update(self.title_text)
        self.query_one(".card--situation", Static).update(text or "—")

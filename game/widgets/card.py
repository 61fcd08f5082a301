"""CardView: one dilemma card shown large and calm, as in a round of the team game."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from dilemmas.model import Deck, Dilemma


def options_content(dilemma: Dilemma) -> Content:
    """The answer options of a card as display content (choice, scale or open)."""
    answer = dilemma.answer
    if answer.kind == "choice":
        lines = [Content.assemble((f"{o.key}", "bold"), "  ", o.text) for o in answer.options]
        return Content("\n").join(lines)
    if answer.kind == "scale":
        points = "   ".join(str(i) for i in range(1, answer.points + 1))
        parts: list[Content] = [Content.styled(points, "bold")]
        ends = []
        if answer.low:
            ends.append(f"1 = {answer.low}")
        if answer.high:
            ends.append(f"{answer.points} = {answer.high}")
        if ends:
            parts.append(Content("   ·   ".join(ends)))
        return Content("\n").join(parts)
    return Content.styled("Open vraag — bespreek het samen.", "italic")


class CardView(VerticalScroll, can_focus=False):
    """A dilemma card: theme, title, situation, question and options.

    The card scrolls when the terminal is small; `show()` swaps the card in place.
    """

    DEFAULT_CSS = """
    CardView {
        height: auto;
        max-height: 100%;
        padding: 1 2;
        border: round $primary;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    CardView > .card--theme {
        color: $text-muted;
        text-style: bold;
        width: 1fr;
    }
    CardView > .card--title {
        text-style: bold;
        color: $foreground;
        padding: 0 0 1 0;
        width: 1fr;
    }
    CardView > .card--situation {
        width: 1fr;
        padding: 0 0 1 0;
    }
    CardView > .card--question {
        text-style: bold;
        color: $accent;
        width: 1fr;
        padding: 0 0 1 0;
    }
    CardView > .card--options {
        width: 1fr;
        padding: 0 0 0 2;
    }
    CardView.-compact {
        padding: 0 1;
    }
    CardView.-compact > .card--title,
    CardView.-compact > .card--situation,
    CardView.-compact > .card--question {
        padding: 0;
    }
    """

    def __init__(
        self,
        dilemma: Dilemma,
        deck: Deck | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.dilemma = dilemma
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Static(classes="card--theme")
        yield Static(classes="card--title")
        yield Static(classes="card--situation")
        yield Static(classes="card--question")
        yield Static(classes="card--options")

    def on_mount(self) -> None:
        self._fill()

    def show(self, dilemma: Dilemma, deck: Deck | None = None) -> None:
        """Show another card in place (cheap: updates five texts, no remount)."""
        self.dilemma = dilemma
        if deck is not None:
            self.deck = deck
        if self.is_mounted:
            self._fill()
            self.scroll_home(animate=False, immediate=True)

    def _fill(self) -> None:
        d = self.dilemma
        theme = self.deck.theme_title(d.theme) if self.deck else d.theme
        self.query_one(".card--theme", Static).update(Content(f"Thema: {theme}"))
        self.query_one(".card--title", Static).update(Content(d.title))
        self.query_one(".card--situation", Static).update(Content(d.situation.strip()))
        self.query_one(".card--question", Static).update(Content(d.question.strip()))
        self.query_one(".card--options", Static).update(options_content(d))

"""The card for someone practising alone: nothing asks them to discuss it together."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.rules.text import reflow
from game.widgets.card import CardView, HangingList


class SoloCardView(CardView):
    """The card for someone practising alone: nothing asks them to discuss it together."""

    def _fill(self) -> None:
        super()._fill()
        d = self.dilemma
        if d.answer.kind == "open":
            self.query_one(".card--options", HangingList).set_rows(
                [], "Open vraag: schrijf hieronder wat jij zou doen."
            )
        if d.prompts:
            self.query_one(".card--prompts", Static).update(
                Content("Om over na te denken:\n" + "\n".join(f"• {reflow(p)}" for p in d.prompts))
            )

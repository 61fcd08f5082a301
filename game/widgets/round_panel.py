"""Panel: a line or box of the round and pulse screens, fed by one reactive text."""

from __future__ import annotations

from textual.reactive import var
from textual.widgets import Static


class Panel(Static):
    """Shows ``text``; with ``hide_empty`` it is hidden while the text is empty.

    The screen sets ``text`` from what the rules say; the watcher updates the widget only
    when the text really changed (a reactive skips equal values), so a key press that changes
    one panel costs one update, not one per panel.
    """

    DEFAULT_CSS = """
    Panel.-empty {
        display: none;
    }
    """

    text: var[str] = var("", init=False)
    """What the panel says (plain text, never markup)."""

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        hide_empty: bool = True,
        fixed: bool = False,
    ) -> None:
        """``fixed``: the panel's size never depends on its text (a one-line status of fixed
        height): a new text is redrawn without a layout pass of the screen, which cost about
        30 ms a key press on the round screen."""
        super().__init__(markup=False, id=id, classes=classes)
        self.hide_empty = hide_empty
        self.fixed = fixed
        self.set_class(hide_empty, "-empty")

    def watch_text(self, text: str) -> None:
        self.update(text, layout=not self.fixed)
        self.set_class(self.hide_empty and not text, "-empty")

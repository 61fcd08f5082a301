"""StepRail: the steps of the stappenplan as a progress rail, current and done ones marked."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

TITLE_WIDTH = 27  # the rail's inner width
CURRENT_MARK = "▶"
DONE_MARK = "✓"
OPEN_MARK = "·"


class RailItem(Static):
    """One step on the rail; a click asks to go there."""

    def __init__(self, index: int, title: str) -> None:
        super().__init__(classes="rail-item")
        self.index = index
        self.step_title = title

    def set_state(self, *, current: bool, done: bool, narrow: bool = False) -> None:
        """Mark the step with a symbol as well as a colour, so it never relies on colour alone."""
        self.set_class(current, "-current")
        self.set_class(done, "-done")
        mark = CURRENT_MARK if current else DONE_MARK if done else OPEN_MARK
        head = f"{mark} {self.index + 1} "
        self.tooltip = self.step_title if narrow else None
        if narrow:
            # A narrow terminal shows the numbers only, so the fields keep their width.
            self.update(Content.assemble((head.rstrip(), "bold")))
            return
        # Wrap by hand so a long title hangs under itself, not under the mark.
        lines = textwrap.wrap(self.step_title, TITLE_WIDTH - len(head), break_on_hyphens=False) or [
            ""
        ]
        body = ("\n" + " " * len(head)).join(lines)
        self.update(Content.assemble((head, "bold"), body))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(StepRail.Selected(self.index))


class StepRail(Widget):
    """A vertical list of steps: ▶ the current one, ✓ the ones with an answer."""

    DEFAULT_CSS = """
    StepRail {
        width: 30;
        height: auto;
        padding: 0 1;
        border-right: vkey $panel;
    }
    StepRail.-narrow {
        width: 6;
        padding: 0 0 0 1;
    }
    StepRail.-narrow > .rail-heading {
        display: none;
    }
    StepRail > .rail-heading {
        color: $text-muted;
        text-style: bold;
    }
    StepRail > .rail-item {
        width: 1fr;
        height: auto;
        padding: 0 0 0 0;
        color: $text-muted;
    }
    StepRail > .rail-item.-done {
        color: $foreground;
    }
    StepRail > .rail-item.-current {
        color: $foreground;
        background: $primary 30%;
        text-style: bold;
    }
    StepRail > .rail-item:hover {
        background: $panel;
    }
    """

    class Selected(Message):
        """The user clicked a step on the rail."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, titles: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles = list(titles)
        self._current = 0
        self._done: set[int] = set()
        self.narrow = False

    def compose(self) -> ComposeResult:
        yield Static("Stappen", classes="rail-heading")
        for index, title in enumerate(self.titles):
            yield RailItem(index, title)

    def on_mount(self) -> None:
        self._paint()

    def show(self, current: int, done: set[int]) -> None:
        """Mark the current step and the ones that are done."""
        self._current, self._done = current, set(done)
        if self.is_mounted:
            self._paint()

    def set_narrow(self, narrow: bool) -> None:
        """Collapse to step numbers (narrow terminals) or show the titles."""
        if narrow != self.narrow:
            self.narrow = narrow
            self.set_class(narrow, "-narrow")
            if self.is_mounted:
                self._paint()

    def _paint(self) -> None:
        for item in self.query(RailItem):
            item.set_state(
                current=item.index == self._current,
                done=item.index in self._done,
                narrow=self.narrow,
            )

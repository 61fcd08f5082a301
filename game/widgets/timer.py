"""RoundTimer: the discussion timer in big digits, with start, pause and reset."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Static


def clock_text(seconds: int) -> str:
    """Seconds as ``MM:SS`` (minutes go past 59 rather than wrapping)."""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class RoundTimer(Widget):
    """Counts the seconds of a discussion. Ticks come from ``set_interval`` every
    ``INTERVAL`` seconds; tests call ``tick()`` themselves (set ``INTERVAL = None``)."""

    INTERVAL: ClassVar[float | None] = 1.0

    DEFAULT_CSS = """
    RoundTimer {
        height: auto;
        width: 1fr;
        border: round $primary;
        padding: 0 1;
    }
    RoundTimer Digits {
        width: auto;
        text-style: bold;
    }
    RoundTimer > #timer-state {
        color: $text-muted;
        width: 1fr;
    }
    RoundTimer.-running {
        border: heavy $accent;
    }
    RoundTimer.-running > #timer-state {
        color: $accent;
        text-style: bold;
    }
    """

    seconds: reactive[int] = reactive(0)
    """Seconds counted for the current round."""

    running: reactive[bool] = reactive(False)
    """Whether the timer is counting."""

    class Ticked(Message):
        """The timer moved (a tick, a reset, or a new round's time)."""

        def __init__(self, seconds: int) -> None:
            super().__init__()
            self.seconds = seconds

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._interval: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Digits(clock_text(0), id="timer-digits")
        yield Static("Timer staat stil — t start", id="timer-state")

    def on_mount(self) -> None:
        interval = type(self).INTERVAL
        if interval is not None:
            self._interval = self.set_interval(interval, self.tick, pause=True)

    def watch_seconds(self, seconds: int) -> None:
        self.query_one(Digits).update(clock_text(seconds))

    def watch_running(self, running: bool) -> None:
        self.set_class(running, "-running")
        state = "Loopt — t pauzeert" if running else "Timer staat stil — t start"
        self.query_one("#timer-state", Static).update(state)
        if self._interval is not None:
            if running:
                self._interval.resume()
            else:
                self._interval.pause()

    def tick(self) -> None:
        """One second more, while running."""
        if self.running:
            self.seconds += 1
            self.post_message(self.Ticked(self.seconds))

    def toggle(self) -> None:
        """Start or pause."""
        self.running = not self.running

    def reset(self) -> None:
        """Back to zero, stopped."""
        self.running = False
        self.seconds = 0
        self.post_message(self.Ticked(0))

    def load(self, seconds: int) -> None:
        """Show another round's time, stopped."""
        self.running = False
        self.seconds = seconds

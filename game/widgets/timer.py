"""RoundTimer: the discussion timer in big digits, with start, pause, reset and a countdown."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Static

from game.rules.game import countdown_face

TIME_UP = "Tijd is om"


class RoundTimer(Widget):
    """Counts the seconds of a discussion. Ticks come from ``set_interval`` every
    ``INTERVAL`` seconds; tests call ``tick()`` themselves (set ``INTERVAL = None``).

    With a ``limit`` (the setup's time per card) the digits count down from it; at zero the
    bell rings once, the digits take the warning colour, "Tijd is om" appears, and the count
    goes on past zero (``+00:15``) until the facilitator pauses.
    """

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
    RoundTimer > #timer-over {
        display: none;
        width: 1fr;
        background: $warning;
        color: $background;
        text-style: bold;
        padding: 0 1;
    }
    RoundTimer.-over {
        border: heavy $warning;
    }
    RoundTimer.-over Digits {
        color: $warning;
    }
    RoundTimer.-over > #timer-over {
        display: block;
    }
    /* The compact form (80 columns): the digits stay big, the words beside them, no frame. */
    RoundTimer.-compact {
        layout: horizontal;
        height: 3;
        border: none;
        padding: 0;
    }
    RoundTimer.-compact > #timer-state, RoundTimer.-compact > #timer-over {
        width: 1fr;
        height: 3;
        padding: 1 0 0 2;
    }
    RoundTimer.-compact.-over > #timer-state {
        display: none;
    }
    """

    seconds: reactive[int] = reactive(0)
    """Seconds counted for the current round."""

    running: reactive[bool] = reactive(False)
    """Whether the timer is counting."""

    limit: reactive[int | None] = reactive(None, init=False)
    """Seconds to count down from (the time per card), or None to count up."""

    over: reactive[bool] = reactive(False, init=False)
    """The countdown has reached zero."""

    class Ticked(Message):
        """The timer moved (a tick, a reset, or a new round's time)."""

        def __init__(self, seconds: int) -> None:
            super().__init__()
            self.seconds = seconds

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._interval: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Digits(self.face, id="timer-digits")
        yield Static(TIME_UP, id="timer-over")
        yield Static(self._state_text(), id="timer-state")

    @property
    def face(self) -> str:
        """The clock as shown: counting up, down, or past zero (``+MM:SS``)."""
        return countdown_face(self.seconds, self.limit)[0]

    def _state_text(self) -> str:
        if self.running:
            if self.limit is None:
                return "Loopt — t pauzeert"
            return "Loopt door — t pauzeert" if self.over else "Telt af — t pauzeert"
        return "Timer staat stil — t start"

    def on_mount(self) -> None:
        interval = type(self).INTERVAL
        if interval is not None:
            self._interval = self.set_interval(interval, self.tick, pause=True)

    def _show_face(self) -> None:
        face, over = countdown_face(self.seconds, self.limit)
        for digits in self.query(Digits):  # none yet before compose; compose shows the face
            digits.update(face)
        self.over = over

    def watch_seconds(self) -> None:
        self._show_face()

    def watch_limit(self) -> None:
        self._show_face()
        self._show_state()

    def _show_state(self) -> None:
        for state in self.query("#timer-state").results(Static):
            state.update(self._state_text())

    def watch_over(self, over: bool) -> None:
        self.set_class(over, "-over")
        self._show_state()

    def watch_running(self, running: bool) -> None:
        self.set_class(running, "-running")
        self._show_state()
        if self._interval is not None:
            if running:
                self._interval.resume()
            else:
                self._interval.pause()

    def tick(self) -> None:
        """One second more, while running."""
        if self.running:
            self.seconds += 1
            if self.limit is not None and self.seconds == self.limit:
                self.app.bell()  # once, at zero; the digits and "Tijd is om" stay
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


class TimerMirror(Widget):
    """The big digits of a `RoundTimer` shown on another screen (the card alone).

    It follows the timer's seconds, countdown and running state and counts nothing itself,
    so the two can never differ; the round's timer keeps ticking underneath.
    """

    DEFAULT_CSS = """
    TimerMirror {
        layout: horizontal;
        height: 3;
        width: 1fr;
    }
    TimerMirror Digits {
        width: auto;
        text-style: bold;
    }
    TimerMirror > #mirror-state {
        width: 1fr;
        height: 3;
        padding: 1 0 0 2;
        color: $text-muted;
    }
    TimerMirror.-running Digits, TimerMirror.-running > #mirror-state {
        color: $accent;
    }
    TimerMirror.-over Digits, TimerMirror.-over > #mirror-state {
        color: $warning;
        text-style: bold;
    }
    """

    def __init__(self, timer: RoundTimer, *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.timer = timer

    def compose(self) -> ComposeResult:
        yield Digits(self.timer.face, id="mirror-digits")
        yield Static(self._state_text(), id="mirror-state")

    def on_mount(self) -> None:
        for name in ("seconds", "limit", "running", "over"):
            self.watch(self.timer, name, self._follow, init=False)
        self._follow()

    def _state_text(self) -> str:
        if self.timer.over:
            return TIME_UP
        return "Timer loopt" if self.timer.running else "Timer staat stil"

    def _follow(self) -> None:
        self.query_one(Digits).update(self.timer.face)
        self.query_one("#mirror-state", Static).update(self._state_text())
        self.set_class(self.timer.running, "-running")
        self.set_class(self.timer.over, "-over")

"""The longest time the event loop is blocked, as the benchmarks of a screen measure it."""

from __future__ import annotations

import asyncio
import time
from contextlib import suppress


class LoopWatch:
    """A task on the event loop sleeps 5 ms at a time and records how late it wakes up.

    ``aside``: while set (when a sleep starts or ends), a late wake is counted apart, in
    ``longest_aside`` (e.g. going to another step and back, beside typing).
    """

    SLEEP = 0.005

    def __init__(self) -> None:
        self.longest = 0.0
        self.longest_aside = 0.0
        self.aside = False
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            start = time.perf_counter()
            aside = self.aside
            await asyncio.sleep(self.SLEEP)
            late = (time.perf_counter() - start - self.SLEEP) * 1000
            if aside or self.aside:
                self.longest_aside = max(self.longest_aside, late)
            else:
                self.longest = max(self.longest, late)

    def start(self) -> None:
        self.longest = self.longest_aside = 0.0
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> float:
        """Stop watching; the longest block in ms (not counting those set aside)."""
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        return self.longest

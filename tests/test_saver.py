"""The app's one saver: writes in order, a newer snapshot of the same thing replaces a queued
one, a failing write is retried, a session played elsewhere stops being written."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from game.rules.saving import SaveEvent, Saver
from sessions.store import LeaseLostError, Store, StoreError


class Log:
    """A store that records each write (key, value) in the order it ran."""

    def __init__(self) -> None:
        self.done: list[tuple[str, int]] = []
        self.fail = 0
        self.lock = threading.Lock()

    def write(self, key: str, value: int) -> None:
        with self.lock:
            if self.fail:
                self.fail -= 1
                raise StoreError("De schijf is vol.")
            self.done.append((key, value))


def logged(key: str, value: int) -> Callable[[Store], None]:
    """A write of (key, value) for a saver that was given a Log as its store."""

    def write(store: Store) -> None:
        assert isinstance(store, Log)  # the saver hands each write the store it was given
        store.write(key, value)

    return write


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "state", "round-1"]), st.integers(0, 99)),
                min_size=1, max_size=30))
def test_writes_end_as_if_run_one_by_one(puts: list[tuple[str, int]]) -> None:
    log = Log()
    saver = Saver(log)  # type: ignore[arg-type]
    for key, value in puts:
        saver.put(logged(key, value), key)
    assert saver.settle(10)
    # Whatever was coalesced, the last value of each key is the last one written for it,
    # and unkeyed writes all run, in order.
    for key in {k for k, _ in puts if k}:
        last = [v for k, v in puts if k == key][-1]
        assert [v for k, v in log.done if k == key][-1] == last
    assert [v for k, v in log.done if not k] == [v for k, v in puts if not k]


def test_a_failing_write_is_retried_and_told_once() -> None:
    log = Log()
    log.fail = 2
    events: list[SaveEvent] = []
    saver = Saver(log, on_event=events.append)  # type: ignore[arg-type]
    saver.put(logged("state", 1), "state")
    deadline = time.monotonic() + 10
    while not log.done and time.monotonic() < deadline:
        time.sleep(0.05)  # the retries back off: 0.2 s, then 0.4 s
    assert saver.settle(5)
    assert log.done == [("state", 1)]
    assert sum(1 for e in events if e.problem) == 1
    assert events[-1].status == "saved" and not saver.unsaved


def test_a_session_played_elsewhere_is_no_longer_written() -> None:
    log = Log()

    def refused(store: Store) -> None:
        raise LeaseLostError("Deze sessie wordt nu in een ander venster gespeeld.")

    saver = Saver(log)  # type: ignore[arg-type]
    saver.put(refused, owner="s1")
    assert saver.settle(5)
    saver.put(logged("state", 2), "state", owner="s1")
    saver.put(logged("other", 3), "other", owner="s2")
    assert saver.settle(5)
    assert saver.is_lost("s1") and not saver.is_lost("s2")
    assert log.done == [("other", 3)]
    assert saver.unsaved

"""Practice and walkthrough with a store another program holds locked (SPEC §11, issue 13).

Keys are handled at once while the writes wait on the writer thread; when the lock is
released, everything arrives, in order.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from textual.widgets import Static, TextArea

from game.screens.practice import PracticeScreen
from game.screens.walkthrough import WalkthroughScreen
from sessions.store import Store
from tests.factories import PracticeHost as Host
from tests.factories import WalkthroughHost as WalkHost
from tests.factories import practice_ctx as make_ctx
from tests.factories import (
    screen_of,
    temp_store,  # noqa: F401 (fixtures)
)
from tests.factories import walkthrough_deck as make_deck

# Seconds for a key to be handled and drawn, Pilot's waits included, on a shared machine; a
# store call on the event loop would wait for the lock (the store's busy timeout is 10 s).
PROMPT = 1.0


@contextmanager
def locked(store: Store) -> Iterator[threading.Event]:
    """Another program holds the store's write lock until the event is set (or 20 s)."""
    release = threading.Event()
    holding = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(store.path, timeout=1)
        conn.execute("BEGIN IMMEDIATE")
        holding.set()
        release.wait(20)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert holding.wait(5)
    try:
        yield release
    finally:
        release.set()
        thread.join(5)


async def timed(pilot: Any, *keys: str) -> float:
    start = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - start


async def test_practice_keys_stay_prompt_while_the_store_is_locked(store: Store) -> None:
    app = Host(make_ctx(store, count=2), random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        with locked(store) as release:
            assert await timed(pilot, "enter") < PROMPT  # Beginnen: the session is started
            chosen = []
            for _ in range(2):
                key = screen.card.dilemma.answer.keys[0]
                chosen.append((screen.card.dilemma.id, key))
                assert await timed(pilot, key.lower()) < PROMPT
                assert str(screen.query_one("#practice-mine", Static).content).startswith(
                    f"Jouw antwoord: {key}"
                )
                assert await timed(pilot, "enter") < PROMPT  # Volgende dilemma
            assert screen.run is not None and screen.run.phase == "walkthrough"
            assert screen.link.saver.pending  # nothing could be written yet
            release.set()
            assert screen.link.settle(20)
        sid = screen.session_id
        assert sid is not None
        record = store.get(sid)
        assert record is not None and record.kind == "practice"
        assert [(r.dilemma, dict(r.counts or {})) for r in record.rounds] == [
            (d, {k: 1}) for d, k in chosen
        ]
        assert (store.state(sid) or {}).get("phase") == "walkthrough"


async def test_walkthrough_typing_stays_prompt_while_the_store_is_locked(store: Store) -> None:
    from dilemmas.config import Config
    from dilemmas.discovery import DeckRegistry
    from game.context import AppContext

    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    ctx = AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)
    app = WalkHost(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = screen_of(app)
        screen.query_one("#text-vraag", TextArea).focus()
        with locked(store) as release:
            slowest = 0.0
            for char in "Neem ik de kaartjes aan?":
                slowest = max(slowest, await timed(pilot, char))
            await pilot.pause(0.7)  # the debounced save is queued
            slowest = max(slowest, await timed(pilot, "pagedown"))
            slowest = max(slowest, await timed(pilot, "pageup"))
            assert slowest < PROMPT
            assert screen.query_one("#text-vraag", TextArea).text == "Neem ik de kaartjes aan?"
            release.set()
            assert screen.link.settle(20)
        wid = screen.walkthrough_id
        assert wid is not None
        saved = store.get_walkthrough(wid)
        assert saved is not None and saved["texts"]["vraag"] == "Neem ik de kaartjes aan?"


async def test_a_failing_write_is_retried_until_it_succeeds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sessions.store import StoreError

    original = store.save_state
    failures = {"left": 3}

    def flaky(*args: Any, **kwargs: Any) -> None:
        if failures["left"]:
            failures["left"] -= 1
            raise StoreError("Het bestand met sessies is bezet door een ander programma.")
        original(*args, **kwargs)

    app = Host(make_ctx(store, count=1), random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        monkeypatch.setattr(store, "save_state", flaky)
        await pilot.click("#practice-start")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.press(screen.card.dilemma.answer.keys[0].lower())
        await pilot.pause()
        deadline = time.monotonic() + 20
        while failures["left"] or screen.link.saver.pending:
            assert time.monotonic() < deadline
            await pilot.pause(0.1)
        warned = [n for n in app._notifications if "bezet door een ander" in str(n.message)]
        assert len(warned) == 1  # told once, not per retry
        sid = screen.session_id
        assert sid is not None and (store.state(sid) or {}).get("phase") == "feedback"


async def test_a_store_opened_later_is_used_for_the_next_writes(store: Store) -> None:
    from game.store_link import StoreLink

    ctx = make_ctx(store, count=1)
    ctx.store = None
    ctx.store_error = "Het bestand met sessies is beschadigd."
    app = Host(ctx, random.Random(1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert StoreLink.of(app).store is None
        ctx.store = store  # a new store, after the damaged one was set aside
        link = StoreLink.of(app)
        assert link.store is store and StoreLink.of(app) is link

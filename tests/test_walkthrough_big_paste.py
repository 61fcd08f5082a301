"""A big paste into a walkthrough step (issue 13 item 9): scrubbed off the event loop."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.widgets import TextArea

import game.screens.walkthrough as walkthrough_screen
import sessions.store_walkthroughs as store_module
from game.context import AppContext
from game.rules.text import changed_stretch
from game.screens.walkthrough import WalkthroughScreen
from sessions.scrub import scrub_text, scrub_tree
from sessions.store import Store
from tests.factories import WalkthroughHost as Host
from tests.factories import screen_of, temp_store, walkthrough_ctx  # noqa: F401 (fixtures)
from tests.factories import walkthrough_deck as make_deck

PASTE = ("De aanvrager belde over de vergunning en vroeg of het sneller kon. " * 1500) + (
    "Mail hem op j.jansen@voorbeeld.nl voor de stukken."
)


async def test_a_100_kb_paste_is_scrubbed_off_the_event_loop(
    ctx: AppContext, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_loop: list[int] = []
    scrubbed: list[int] = []

    def watched(original: Any) -> Any:
        def scrub(*args: Any, **kwargs: Any) -> Any:
            (on_loop if threading.current_thread() is threading.main_thread() else scrubbed).append(
                1
            )
            return original(*args, **kwargs)

        return scrub

    monkeypatch.setattr(walkthrough_screen, "scrub_text", watched(scrub_text))
    monkeypatch.setattr(store_module, "scrub_tree", watched(scrub_tree))
    assert len(PASTE) > 100_000
    deck = make_deck()
    card = deck.dilemma("concertkaartjes")
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=card, deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = screen_of(app)
        area = screen.query_one("#text-vraag", TextArea)
        area.focus()
        area.post_message(events.Paste(PASTE))
        await pilot.pause()
        await pilot.press(*"Wat nu?")
        await pilot.pause(0.8)  # the debounced save, and its scrub
        await app.workers.wait_for_complete()
        await pilot.press("pagedown")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("pageup")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert not on_loop  # never on the event loop's thread
        assert screen.link.settle(10)
        shown = screen.query_one("#text-vraag", TextArea).text
        assert "j.jansen@voorbeeld.nl" not in shown and "[verwijderd]" in shown
        assert shown.endswith("Wat nu?")
        told = [n for n in app._notifications if "Er is iets weggehaald" in str(n.message)]
        assert len(told) == 1
        wid = screen.walkthrough_id
        assert wid is not None
    saved = store.get_walkthrough(wid)
    assert saved is not None
    assert "[verwijderd]" in saved["texts"]["vraag"] and "voorbeeld.nl" not in saved["texts"]["vraag"]
    assert scrubbed and not on_loop


@given(st.text("ab\n[]", max_size=30), st.text("ab\n[]", max_size=30))
def test_changed_stretch_finds_the_common_beginning_and_end(old: str, new: str) -> None:
    head, tail = changed_stretch(old, new)
    assert head + tail <= min(len(old), len(new))
    assert old[:head] == new[:head] and old[len(old) - tail :] == new[len(new) - tail :]
    assert new == new[:head] + new[head : len(new) - tail] + new[len(new) - tail :]
    # As long as possible.
    assert head == min(len(old), len(new)) or old[head : head + 1] != new[head : head + 1] or (
        head + tail == min(len(old), len(new))
    )


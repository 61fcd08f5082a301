"""Walkthroughs can be found again: titled, unfinished and finished, to open, export again or
delete; opening a card without typing adds nothing; a crash is offered in a dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

import game.export
from game.context import AppContext
from game.dialogs.choice import ChoiceDialog
from game.rules.walkthrough import list_walkthroughs
from game.screens.walkthrough import WalkthroughScreen, offer_open_walkthrough
from game.screens.walkthrough_pick import WalkthroughPickScreen
from game.store_link import StoreLink
from sessions.store import Store
from tests.factories import WalkthroughHost as Host
from tests.factories import screen_of, temp_store, walkthrough_ctx  # noqa: F401 (fixtures)
from tests.factories import walkthrough_deck as make_deck


async def test_opening_a_card_without_typing_adds_nothing(ctx: AppContext, store: Store) -> None:
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("pagedown", "pagedown", "escape")
        await pilot.pause()
        assert screen_of_link(app).settle(5)
    assert store.open_walkthroughs() == []


def screen_of_link(app: App[Any]) -> StoreLink:
    return StoreLink.of(app)


async def test_the_list_has_titles_steps_finished_ones_and_reopens_at_the_step(
    ctx: AppContext, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plan_steps = 7
    # Finished, and an own dilemma left at step 6.
    store.save_walkthrough(
        "klaar-1", session_id=None, dilemma_id="concertkaartjes",
        data={"title": "Concertkaartjes", "current": 6, "done": True, "month": "2026-11",
              "steps": ["s"] * plan_steps, "dilemma": "concertkaartjes"},
    )
    store.save_walkthrough(
        "eigen-1", session_id=None, dilemma_id=None,
        data={"title": "Cadeau van een aanvrager", "situation": "Een aanvrager geeft wijn.",
              "current": 5, "month": "2026-12", "steps": ["s"] * plan_steps},
    )
    out = tmp_path / "downloads"
    out.mkdir()
    monkeypatch.setattr(game.export, "export_folder", lambda: out)
    app = Host(ctx, WalkthroughPickScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.screen.query_one("#pick-open-list", OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert shown == [
            "Cadeau van een aanvrager — bij stap 6 van 7 (december 2026)",
            "Concertkaartjes — klaar (november 2026)",
        ]
        # Export the finished one again.
        listing.highlighted = 1
        await pilot.click("#pick-export")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(p.suffix for p in out.iterdir()) == [".html", ".md"]
        # Reopen the own one: at step 6, as listed.
        listing.highlighted = 0
        await pilot.click("#pick-continue")
        await pilot.pause()
        await app.workers.wait_for_complete()
        walk = screen_of(app)
        assert walk.state.current == 5
        assert "Stap 6 van 7" in str(walk.query_one("#wt-step-title", Static).content)
        assert walk.state.title == "Cadeau van een aanvrager"


async def test_the_store_knows_a_walkthrough_open_on_screen(ctx: AppContext, store: Store) -> None:
    deck = make_deck()
    app = Host(ctx, lambda: WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press(*"Mag ik dit aannemen?")
        await pilot.pause(0.7)
        link = screen_of_link(app)
        assert link.settle(5)
        assert [w.crashed for w in list_walkthroughs(store)] == [True]  # a kill -9 now: offered
        await pilot.press("escape")
        await pilot.pause()
        assert link.settle(5)
        assert [w.crashed for w in list_walkthroughs(store)] == [False]


class Menu(App[None]):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        yield Static("menu")


async def test_after_a_crash_the_next_start_offers_it_in_a_dialog(
    ctx: AppContext, store: Store
) -> None:
    store.save_walkthrough(
        "open-1", session_id=None, dilemma_id="concertkaartjes",
        data={"title": "Concertkaartjes", "current": 2, "open": True, "steps": ["s"] * 7,
              "dilemma": "concertkaartjes"},
    )
    app = Menu(ctx)
    async with app.run_test(size=(120, 36)) as pilot:
        offer_open_walkthrough(app)
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "Concertkaartjes — bij stap 3 van 7" in str(
            app.screen.query_one("#choice-question", Static).content
        )
        await pilot.click("#choice-continue")
        await pilot.pause()
        await app.workers.wait_for_complete()
        walk = screen_of(app)
        assert walk.walkthrough_id == "open-1" and walk.state.current == 2


async def test_after_a_clean_quit_only_a_notice(ctx: AppContext, store: Store) -> None:
    store.save_walkthrough(
        "open-1", session_id=None, dilemma_id="concertkaartjes",
        data={"title": "Concertkaartjes", "current": 2, "open": False, "steps": ["s"] * 7},
    )
    app = Menu(ctx)
    async with app.run_test(size=(120, 36)) as pilot:
        offer_open_walkthrough(app)
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        assert any("nog niet klaar" in str(n.message) for n in app._notifications)

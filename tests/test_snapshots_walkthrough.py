"""Snapshots of a stappenplan step and of the practice feedback, at 80×24."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input, Static, TextArea

from dilemmas.config import Config
from dilemmas.discovery import DeckRegistry
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.context import AppContext
from game.screens.practice import PracticeScreen
from game.screens.walkthrough import WalkthroughScreen
from sessions.model import Round
from sessions.store import Store

SIZE = (80, 24)


def make_deck() -> Deck:
    card = Dilemma(
        id="concertkaartjes",
        theme="geschenken",
        title="Concertkaartjes",
        situation="Een leverancier biedt je twee kaartjes aan voor een uitverkocht concert.",
        question="Wat doe je?",
        answer=Answer(
            kind="choice",
            options=(
                Option("A", "Je neemt ze aan"),
                Option("B", "Je weigert beleefd"),
                Option("C", "Je vraagt het eerst aan je leidinggevende"),
            ),
        ),
        guidance="Geschenken boven de 50 euro neem je niet aan. Twijfel je, overleg dan.",
        references=("Gedragscode, paragraaf 3: geschenken",),
        audience=("team", "nieuw"),
    )
    return Deck(
        info=DeckInfo(id="test-deck", title="Testdeck", version="1"),
        themes=(Theme("geschenken", "Geschenken en uitnodigingen"),),
        dilemmas=(card,),
    )


class Host(App[None]):
    def __init__(self, ctx: AppContext, screen: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.first = screen

    def compose(self) -> ComposeResult:
        yield Static("")

    def on_mount(self) -> None:
        self.push_screen(self.first)


def ctx_with_store(path: Path) -> AppContext:
    deck = make_deck()
    store = Store.open(path)
    for counts in ({"A": 1, "B": 4, "C": 2}, {"A": 0, "B": 3, "C": 3}):
        sid = store.start_session(
            kind="team", team=None, participants=7, deck_id=deck.id, deck_version="1"
        )
        store.save_round(
            sid,
            0,
            Round(dilemma="concertkaartjes", theme="geschenken", vote="hands", counts=counts),
        )
    return AppContext(config=Config(), registry=DeckRegistry(decks={deck.id: deck}), store=store)


def no_blink(app: App[Any]) -> None:
    for widget in app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False


def test_walkthrough_step_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    deck = make_deck()
    app = Host(
        ctx_with_store(tmp_path / "data"),
        WalkthroughScreen(dilemma=deck.dilemma("concertkaartjes"), deck=deck),
    )

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        no_blink(app)
        await pilot.press(*"inwoners")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_practice_feedback_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    app = Host(ctx_with_store(tmp_path / "data"), PracticeScreen(rng=random.Random(1)))

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        await pilot.click("#practice-start")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        no_blink(app)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

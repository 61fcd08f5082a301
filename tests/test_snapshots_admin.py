"""Snapshots of the Rapportage and Decks screens at 120×36, on fixed fixture data."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from dilemmas.config import load_config
from dilemmas.discovery import DeckRegistry
from dilemmas.errors import Problem
from dilemmas.loader import load_deck
from game.app import IntegerSpelApp
from game.context import AppContext
from game.screens.decks import DecksScreen
from game.screens.report import ReportScreen
from sessions.store import Store
from tests.factories import FIXTURE_DECKS, fill
from tests.factories import report_ctx as make_ctx

SIZE = (120, 36)


def report_app(tmp_path: Path) -> IntegerSpelApp:
    store = Store.open()
    fill(store)
    return IntegerSpelApp(make_ctx(store))


def decks_app() -> IntegerSpelApp:
    """Only fixture decks, with fixed paths, so that edits to the bundled decks don't matter."""
    decks = {}
    for name in ("testdeck.yaml", "pulse.yaml"):
        deck = load_deck(FIXTURE_DECKS / name, source="map")
        decks[deck.id] = dataclasses.replace(deck, path=f"tests/fixtures/report/{name}")
    broken = "decks/kapot.yaml"
    registry = DeckRegistry(
        decks=decks,
        invalid=[
            (
                broken,
                [
                    Problem(broken, 3, 3, "onbekende sleutel 'titel'; bedoel je 'title'?"),
                    Problem(broken, 9, 9, "'Fout_Id' is geen geldige id: gebruik a-z, 0-9 en -"),
                ],
            )
        ],
        notices=["De map met decks /nergens bestaat niet; die wordt overgeslagen."],
    )
    config, _ = load_config()
    return IntegerSpelApp(AppContext(config, registry=registry, store=None))


def opener(app: IntegerSpelApp, screen: Any, *keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await app.wait_until_started()  # the start-up notices come and are cleared below
        await app.push_screen(screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    return run_before


def report_opener(app: IntegerSpelApp, screen: ReportScreen,
                  *keys: str) -> Callable[[Pilot[Any]], Any]:
    """Open the Rapportage screen and wait for the thread that builds its report."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await app.push_screen(screen)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    return run_before


def test_report_sessions(snap_compare: Any, tmp_path: Path) -> None:
    app = report_app(tmp_path)
    assert snap_compare(
        app, terminal_size=SIZE, run_before=report_opener(app, ReportScreen(save_directory=tmp_path))
    )


def test_report_figures(snap_compare: Any, tmp_path: Path) -> None:
    app = report_app(tmp_path)
    assert snap_compare(
        app,
        terminal_size=SIZE,
        run_before=report_opener(app, ReportScreen(save_directory=tmp_path), "ctrl+g"),
    )


def test_decks_list(snap_compare: Any) -> None:
    app = decks_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=opener(app, DecksScreen()))


def test_decks_card_browser(snap_compare: Any) -> None:
    app = decks_app()
    assert snap_compare(
        app,
        terminal_size=SIZE,
        run_before=opener(app, DecksScreen(), "ctrl+g", "tab", "tab", "tab", "tab", "down"),
    )

"""Pilot tests of the Decks screen: decks found, every problem located, the card browser, reload."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select, Static

from dilemmas import paths
from dilemmas.config import load_config
from dilemmas.discovery import discover
from dilemmas.loader import check_paths
from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.app import IntegerSpelApp
from game.context import AppContext
from game.dialogs.path_dialog import PathDialog
from game.screens.decks import DecksScreen, ProblemsDialog, theme_summary
from game.widgets.card import CardView
from game.widgets.card_browser import CardBrowser, find_cards, theme_choices

FIXTURE_DECKS = Path(__file__).parent / "fixtures" / "report"

BROKEN_DECK = """\
deck:
  id: kapot
  titel: Een deck met fouten
  version: "1"
themes:
  - id: geschenken
    title: Geschenken
dilemmas:
  - id: Fout_Id
    theme: onbekend
    title: Zonder vraag
    situation: Iets.
    answer: {kind: choice, options: [{key: A, text: Ja}]}
"""


def user_decks() -> Path:
    folder = paths.user_decks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_ctx() -> AppContext:
    config, notices = load_config()
    return AppContext(
        config=config, registry=discover([], config), store=None, config_notices=list(notices)
    )


async def open_decks(app: IntegerSpelApp, pilot: Pilot[Any]) -> DecksScreen:
    screen = DecksScreen()
    await app.push_screen(screen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def text_of(widget: Static) -> str:
    return str(widget.render())


# ------------------------------------------------------------------------ pure helpers


def _deck(*cards: Dilemma) -> Deck:
    return Deck(DeckInfo("d", "D", "1"), (Theme("a", "Thema A"), Theme("b", "Thema B")), cards)


def _card(
    card_id: str,
    theme: str,
    title: str,
    audience: tuple[str, ...] = ("team",),
    options: tuple[str, ...] = ("Ja", "Nee"),
) -> Dilemma:
    return Dilemma(
        card_id,
        theme,
        title,
        "Situatie.",
        "Wat doe je?",
        Answer("choice", tuple(Option("AB"[i], t) for i, t in enumerate(options))),
        audience=audience,
    )


def test_find_cards_needs_every_word_and_matches_options() -> None:
    deck = _deck(
        _card("x", "a", "Kaartjes na de aanbesteding"),
        _card("y", "b", "Een bijbaan", options=("Melden bij de leiding", "Niets")),
    )
    assert [h.dilemma.id for h in find_cards([deck], "KAARTJES aanbesteding")] == ["x"]
    assert [h.dilemma.id for h in find_cards([deck], "kaartjes bijbaan")] == []
    assert [h.dilemma.id for h in find_cards([deck], "melden")] == ["y"]
    assert [h.dilemma.id for h in find_cards([deck], theme="b")] == ["y"]
    assert [h.dilemma.id for h in find_cards([deck], deck_id="andere")] == []


def test_find_cards_by_audience() -> None:
    deck = _deck(
        _card("x", "a", "Een", audience=("team", "nieuw")),
        _card("y", "a", "Twee", audience=("raad",)),
    )
    assert [h.dilemma.id for h in find_cards([deck], audience="nieuw")] == ["x"]
    assert [h.dilemma.id for h in find_cards([deck], audience="raad")] == ["y"]


def test_theme_choices_and_summary() -> None:
    deck = _deck(_card("x", "a", "Een"), _card("y", "a", "Twee"), _card("z", "b", "Drie"))
    assert theme_choices([deck]) == [("Thema A", "a"), ("Thema B", "b")]
    assert theme_summary(deck) == "Thema A 2 · Thema B 1"


# ------------------------------------------------------------------------ the screen


async def test_decks_table_lists_source_version_and_counts(isolated_dirs: Path) -> None:
    shutil.copy(FIXTURE_DECKS / "testdeck.yaml", user_decks() / "testdeck.yaml")
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_decks(app, pilot)
        table = screen.query_one("#deck-table", DataTable)
        assert table.row_count == len(app.ctx.registry.decks)
        row = [str(c) for c in table.get_row("testdeck")]
        assert row == [
            "testdeck",
            "Testdeck voor het rapport",
            "2026.1",
            "eigen map",
            "3",
            "Geschenken en uitnodigingen 2 · Nevenwerkzaamheden 1",
        ]
        assert "Alle decks zijn in orde." in text_of(
            screen.query_one("#deck-problems-text", Static)
        )


async def test_every_problem_of_an_invalid_deck_is_shown_located(isolated_dirs: Path) -> None:
    broken = user_decks() / "kapot.yaml"
    broken.write_text(BROKEN_DECK, encoding="utf-8")
    expected = [str(p) for p in check_paths([broken])]
    assert len(expected) >= 3
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_decks(app, pilot)
        table = screen.query_one("#deck-table", DataTable)
        assert "kapot" not in [str(key.value) for key in table.rows]
        shown = text_of(screen.query_one("#deck-problems-text", Static))
        assert "1 deck kon niet geladen worden" in shown
        for line in expected:
            assert line in shown
            assert line.startswith(f"{broken}:")


async def test_card_browser_search_filters_and_card_view(isolated_dirs: Path) -> None:
    shutil.copy(FIXTURE_DECKS / "testdeck.yaml", user_decks() / "testdeck.yaml")
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_decks(app, pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        browser = screen.query_one(CardBrowser)
        assert app.focused is screen.query_one("#card-search", Input)
        await pilot.press(*"aannemer")
        await pilot.pause()
        assert ("testdeck", "borrel") in [(h.deck.id, h.dilemma.id) for h in browser.hits]
        # The bundled decks may mention an aannemer too: narrow down to the fixture deck.
        screen.query_one("#card-deck", Select).value = "testdeck"
        await pilot.pause()
        assert [(h.deck.id, h.dilemma.id) for h in browser.hits] == [("testdeck", "borrel")]
        card = screen.query_one(CardView)
        assert card.dilemma.id == "borrel"
        assert "Overleg met je leidinggevende." in text_of(screen.query_one("#card-extra", Static))

        screen.query_one("#card-search", Input).value = ""
        screen.query_one("#card-theme", Select).value = "nevenwerk"
        await pilot.pause()
        assert [h.dilemma.id for h in browser.hits] == ["klus"]
        assert screen.query_one(CardView).dilemma.id == "klus"

        screen.query_one("#card-theme", Select).clear()
        screen.query_one("#card-audience", Select).value = "raad"
        await pilot.pause()
        assert browser.hits == []
        assert text_of(screen.query_one("#card-count", Static)) == "Geen kaarten gevonden"
        assert not screen.query_one(CardView).display


async def test_enter_on_a_deck_browses_its_cards(isolated_dirs: Path) -> None:
    shutil.copy(FIXTURE_DECKS / "testdeck.yaml", user_decks() / "testdeck.yaml")
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_decks(app, pilot)
        table = screen.query_one("#deck-table", DataTable)
        table.move_cursor(row=table.get_row_index("testdeck"))
        await pilot.press("enter")
        await pilot.pause()
        browser = screen.query_one(CardBrowser)
        assert {h.deck.id for h in browser.hits} == {"testdeck"}
        assert len(browser.hits) == 3
        assert app.focused is screen.query_one("#card-list", OptionList)


async def test_reload_picks_up_a_fixed_deck(isolated_dirs: Path) -> None:
    broken = user_decks() / "kapot.yaml"
    broken.write_text(BROKEN_DECK, encoding="utf-8")
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_decks(app, pilot)
        assert app.ctx.registry.invalid
        broken.unlink()
        shutil.copy(FIXTURE_DECKS / "testdeck.yaml", user_decks() / "testdeck.yaml")
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ctx.registry.invalid == []
        table = screen.query_one("#deck-table", DataTable)
        assert "testdeck" in [str(key.value) for key in table.rows]
        assert "Alle decks zijn in orde." in text_of(
            screen.query_one("#deck-problems-text", Static)
        )
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "testdeck" in {h.deck.id for h in screen.query_one(CardBrowser).hits}


async def test_check_file_lists_the_problems_of_any_file(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "concept.yaml"
    elsewhere.write_text(BROKEN_DECK, encoding="utf-8")
    expected = [str(p) for p in check_paths([elsewhere])]
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        await open_decks(app, pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one(Input).value = str(elsewhere)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ProblemsDialog)
        # Each problem is followed by its line and a caret, indented.
        listed = [line for line in text_of(dialog.query_one("#problems-list", Static)).splitlines()
                  if not line.startswith("    ")]
        assert listed == expected
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DecksScreen)


async def test_check_file_says_when_a_deck_is_fine(isolated_dirs: Path) -> None:
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        await open_decks(app, pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(FIXTURE_DECKS / "testdeck.yaml")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsDialog)
        assert "Geen problemen gevonden" in text_of(
            app.screen.query_one("#problems-summary", Static)
        )


async def test_a_long_card_list_is_cut_and_says_so(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.widgets import card_browser

    shutil.copy(FIXTURE_DECKS / "testdeck.yaml", user_decks() / "testdeck.yaml")
    monkeypatch.setattr(card_browser, "MAX_LISTED", 2)
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_decks(app, pilot)
        await pilot.press("ctrl+g")
        screen.query_one("#card-deck", Select).value = "testdeck"
        await pilot.pause()
        assert len(screen.query_one(CardBrowser).hits) == 2
        assert text_of(screen.query_one("#card-count", Static)) == (
            "3 kaarten, de eerste 2 staan hier"
        )


async def test_usable_at_80_by_24(isolated_dirs: Path) -> None:
    broken = user_decks() / "kapot.yaml"
    broken.write_text(BROKEN_DECK, encoding="utf-8")
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_decks(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#deck-problems").region.height >= 6
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert screen.query_one("#card-list").region.height >= 10
        assert screen.query_one("#card-audience").region.right <= 80


async def test_check_dialog_shows_the_line_and_a_caret(tmp_path: Path) -> None:
    from game.screens.decks import ProblemsDialog

    bad = tmp_path / "d.yaml"
    bad.write_text("deck:\n  id x\n  title: t\n", encoding="utf-8")
    from dilemmas.loader import check_file

    _deck, problems = check_file(bad)
    from dilemmas.config import Config
    from dilemmas.discovery import DeckRegistry
    from game.app import IntegerSpelApp
    from game.context import AppContext

    app = IntegerSpelApp(AppContext(config=Config(), registry=DeckRegistry(), store=None))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.push_screen(ProblemsDialog(bad, problems))
        await pilot.pause()
        listed = text_of(app.screen.query_one("#problems-list", Static)).splitlines()
        assert listed[0].startswith(f"{bad}:2:3: ")
        assert listed[1:3] == ["      id x", "      ^"]


def _deck_with_problems(count: int) -> str:
    """A deck whose every card is a bare number: one problem per card."""
    return ('deck: {id: veel, title: Veel fouten, version: "1"}\nthemes: [{id: a, title: A}]\n'
            "dilemmas:\n" + "  - 1\n" * count)


async def test_a_deck_with_many_problems_lists_the_first_and_the_count(isolated_dirs: Path) -> None:
    from game.screens.decks import MAX_SHOWN_PROBLEMS

    broken = user_decks() / "veel.yaml"
    broken.write_text(_deck_with_problems(60_000), encoding="utf-8")
    app = IntegerSpelApp(make_ctx())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_decks(app, pilot)
        shown = text_of(screen.query_one("#deck-problems-text", Static))
        assert shown.count(f"{broken}:") == MAX_SHOWN_PROBLEMS
        assert "… en nog 59.980 (in totaal 60.000 problemen)" in shown
        assert f"integer-spel decks check {broken}" in shown


async def test_decks_are_read_in_a_worker_and_escape_leaves_at_once(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from game.screens.menu import MainMenuScreen

    (user_decks() / "veel.yaml").write_text(_deck_with_problems(2_000), encoding="utf-8")
    release = threading.Event()
    threads: list[str] = []
    real_discover = discover

    def slow_discover(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        release.wait(timeout=30)  # the deck takes as long as the test wants
        return real_discover(*args, **kwargs)

    monkeypatch.setattr("dilemmas.discovery.discover", slow_discover)
    config, _ = load_config()
    app = IntegerSpelApp(AppContext(config=config, store=None))
    release.set()  # the start-up read goes through
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        release.clear()
        screen = DecksScreen()
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("f5")  # reading again: blocked until released
        await pilot.pause()
        assert screen.query_one("#decks-pane").loading
        assert threads[-1] != threading.main_thread().name
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainMenuScreen)


async def test_checking_a_file_with_many_problems_lists_the_first_and_the_count(tmp_path: Path) -> None:
    from dilemmas.config import Config
    from dilemmas.discovery import DeckRegistry

    bad = tmp_path / "veel.yaml"
    bad.write_text(_deck_with_problems(5_000), encoding="utf-8")
    app = IntegerSpelApp(AppContext(config=Config(), registry=DeckRegistry(), store=None))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(ProblemsDialog(bad, check_paths([bad])))
        await pilot.pause()
        assert "5.000 problemen gevonden (de eerste 20 staan hier)" in text_of(
            app.screen.query_one("#problems-summary", Static))
        assert "… en nog 4.980" in text_of(app.screen.query_one("#problems-more", Static))

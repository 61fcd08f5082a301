"""Eigen casus (SPEC §4): a dilemma typed in the room, played like a card, kept with the session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton

from game.app import IntegerSpelApp
from game.context import StartRequest
from game.rules.game import GameSetup, GameState
from game.rules.own import OwnCaseError, parse_own_case
from game.rules.saving import Saver
from game.rules.session import GameSession
from game.screens.setup import SetupScreen
from game.screens.summary import SummaryScreen
from sessions.bundle import export_bundle, parse_bundle
from sessions.model import OwnCase, OwnOption
from sessions.own import OWN_THEME
from sessions.store import Store
from sessions.summary import summary_markdown
from tests.factories import game_deck, make_ctx, screen_as, screen_text

SIZE = (120, 36)


# -- the rules ------------------------------------------------------------------------------


def test_no_options_is_an_open_question() -> None:
    case = parse_own_case(" De taart ", "Een aanvrager brengt taart.", "Wat doe je?", ["", " "])
    assert case == OwnCase("De taart", "Wat doe je?", "open", (), "Een aanvrager brengt taart.")


def test_options_get_the_keys_in_order_whatever_lines_were_left_empty() -> None:
    case = parse_own_case("T", "", "Wat doe je?", ["", "Aannemen", "", "Weigeren", "Delen"])
    assert case.kind == "choice"
    assert case.options == (
        OwnOption("A", "Aannemen"),
        OwnOption("B", "Weigeren"),
        OwnOption("C", "Delen"),
    )


@pytest.mark.parametrize(
    ("title", "question", "options", "field", "words"),
    [
        ("", "Wat doe je?", [], "title", "titel"),
        ("T", "  ", [], "question", "vraag"),
        ("T", "Wat doe je?", ["Alleen dit"], "option-1", "minstens twee"),
        ("x" * 81, "Wat doe je?", [], "title", "hoogstens 80"),
        ("T\x1b[2J", "Wat doe je?", [], "title", "teken"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(
    title: str, question: str, options: list[str], field: str, words: str
) -> None:
    with pytest.raises(OwnCaseError) as caught:
        parse_own_case(title, "", question, options)
    assert caught.value.field == field
    assert words in str(caught.value)


@given(st.lists(st.text(alphabet="abc ", max_size=6), max_size=5))
def test_any_typed_options_give_an_open_card_or_two_to_five_keyed_options(lines: list[str]) -> None:
    filled = [line for line in lines if line.strip()]
    try:
        case = parse_own_case("Titel", "", "Wat doe je?", lines)
    except OwnCaseError:
        assert len(filled) == 1
        return
    keys = [o.key for o in case.options]
    assert keys == list("ABCDE"[: len(filled)])
    assert case.kind == ("choice" if filled else "open")


def _game() -> GameState:
    deck = game_deck()
    setup = GameSetup(deck_id="spel", deck_version="2026.1", team="T", participants=8, order="fixed")
    return GameState.start(deck, setup)


def test_the_case_comes_right_after_the_current_card_and_later_rounds_move_on() -> None:
    deck, game = game_deck(), _game()
    game.next(deck)
    game.next(deck)  # rounds exist at 0, 1, 2
    game.previous()
    game.previous()  # back on the first card
    case = OwnCase("De taart", "Wat doe je?", "choice", (OwnOption("A", "Ja"), OwnOption("B", "Nee")))
    index = game.add_own(case, "geschenken")
    assert index == 1 and game.position == 1
    assert game.plan == ["concertkaartjes", "eigen-1", "bijbaan", "dossier"]
    assert [game.rounds[i].dilemma for i in sorted(game.rounds)] == game.plan
    card = game.card(deck, "eigen-1")
    assert card is not None and card.title == "De taart" and card.answer.keys == ("A", "B")
    assert game.check_deck(deck) == []


def test_the_case_survives_the_resume_state() -> None:
    deck, game = game_deck(), _game()
    case = OwnCase("T", "Wat doe je?", "open", (), "De situatie")
    game.add_own(case, OWN_THEME)
    again = GameState.from_state(json.loads(json.dumps(game.to_state())))
    assert again.rounds[1].own == case
    assert again.card(deck, "eigen-1") is not None
    assert again.rounds[1].vote == "none"


def test_a_case_is_extra_to_the_number_of_dilemmas_in_board_order() -> None:
    deck = game_deck()
    setup = GameSetup(
        deck_id="spel", deck_version="1", team=None, participants=8, order="board", limit=1
    )
    game = GameState.start(deck, setup)
    game.pick_theme(deck, "geschenken")
    assert game.limit_reached()
    game.add_own(OwnCase("T", "V", "open"), OWN_THEME)
    game.rounds[0].skipped = True
    assert not game.limit_reached()


# -- store, bundle, summary -----------------------------------------------------------------


def test_skipping_after_going_back_keeps_every_later_round_in_the_store(tmp_path: Path) -> None:
    deck, game = game_deck(), _game()
    store = Store.open(tmp_path)
    session = GameSession(game, deck, Saver(store))
    session.begin()
    for _ in range(2):
        game.rounds[game.position].counts = {"A": 1}
        session.save_round()
        game.next(deck)
        session.save_round()
    game.previous()  # back to the second card, and skip it
    game.rounds[game.position].skipped = True
    session.save_round()
    game.next(deck)
    session.save_round()
    assert session.settle()
    record = store.list_sessions("team")[0]
    assert [r.dilemma for r in record.rounds] == ["concertkaartjes", "dossier"]


def test_an_own_case_is_stored_scrubbed_in_its_place_and_travels_without_its_situation(
    tmp_path: Path,
) -> None:
    deck, game = game_deck(), _game()
    store = Store.open(tmp_path / "a")
    session = GameSession(game, deck, Saver(store))
    session.begin()
    game.next(deck)
    session.save_round()
    game.previous()
    case = OwnCase(
        "Taart van mevrouw Bakker",
        "Wat doe je?",
        "choice",
        (OwnOption("A", "Aannemen"), OwnOption("B", "Bel 06-12345678")),
        "Ze mailde jan@huizen.nl",
    )
    index = game.add_own(case, "geschenken")
    game.rounds[index].counts = {"A": 3, "B": 4}
    session.insert_round(index)
    session.complete()
    assert session.settle()
    record = store.list_sessions("team")[0]
    assert [r.dilemma for r in record.rounds] == ["concertkaartjes", "eigen-1", "bijbaan"]
    own = record.rounds[1].own
    assert own is not None
    assert "Bakker" not in own.title and "06-123" not in own.options[1].text
    assert "jan@huizen.nl" not in own.situation and own.situation
    bundle = json.loads(json.dumps(export_bundle(store)))
    assert bundle["version"] == 2
    item = bundle["sessions"][0]["rounds"][1]
    assert item["own"]["title"] == own.title and "situation" not in item["own"]
    other = Store.open(tmp_path / "b")
    other.import_records(parse_bundle(bundle, "bundel.json"))
    assert other.list_sessions("team")[0].rounds[1].own is not None
    text = summary_markdown(record, {"spel": deck}, None)
    assert "Eigen casus: Taart van" in text and r"Bel \[verwijderd\]" in text


@pytest.mark.parametrize(
    ("own", "problem"),
    [
        ({"title": "T", "question": "V", "kind": "choice", "options": [{"key": "A", "text": "x"}]}, "2 tot en met 5"),
        ({"title": "T", "question": "V", "kind": "maybe"}, "choice of open"),
        ({"title": "T", "question": "V", "kind": "open", "options": [{"key": "B", "text": "x"}]}, "moet A zijn"),
        ({"question": "V", "kind": "open"}, "title"),
        ("tekst", "moet een object"),
    ],
)
def test_a_bundle_with_a_broken_own_case_is_refused_with_its_place(own: object, problem: str) -> None:
    from sessions.bundle import BundleError

    session = {
        "id": "7d0c0b8e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
        "kind": "team",
        "month": "2026-05",
        "team": None,
        "participants": 6,
        "deck": {"id": "d", "version": "1"},
        "rounds": [{"dilemma": "eigen-1", "theme": "x", "vote": "none", "own": own}],
        "completed": True,
    }
    bundle = {"format": "integer-spel-bundle", "version": 2, "sessions": [session]}
    with pytest.raises(BundleError) as caught:
        parse_bundle(bundle, "b.json")
    message = str(caught.value)
    assert "sessions[0].rounds[0].own" in message and problem in message


# -- in the room ----------------------------------------------------------------------------


async def _start_round(pilot: Pilot[None]) -> None:
    screen = screen_as(pilot.app, SetupScreen)
    screen.query_one("#setup-participants", Input).value = "8"
    screen.query_one("#order-fixed", RadioButton).value = True
    screen.query_one("#vote-hands", RadioButton).value = True
    screen.query_one("#pulse-none", RadioButton).value = True
    await pilot.pause()
    screen.action_begin()
    await pilot.pause()


async def test_an_own_case_is_typed_played_and_in_the_summary(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await _start_round(pilot)
        assert type(app.screen).__name__ == "RoundScreen"
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "OwnCaseDialog"
        await pilot.press(*"De taart")
        await pilot.press("enter")  # Enter goes on to the next field
        await pilot.press(*"Een aanvrager brengt taart.")
        await pilot.press("tab")
        await pilot.press(*"Wat doe je?", "tab")
        await pilot.press(*"Aannemen", "tab", *"Bedanken en weigeren")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
        text = screen_text(app)
        assert "De taart" in text and "Thema: eigen casus" in text
        assert "Bedanken en weigeren" in text and "Ronde 2 van 4" in text
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#hands-A", Input).value = "2"
        app.screen.query_one("#hands-B", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert "71%" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "De bijbaan in het weekend" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#choice-finish")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        assert "Eigen casus: De taart" in screen_as(app, SummaryScreen).markdown
    assert ctx.store is not None
    record = ctx.store.list_sessions("team")[0]
    assert [r.dilemma for r in record.rounds][:3] == ["concertkaartjes", "eigen-1", "bijbaan"]
    assert record.rounds[1].counts == {"A": 2, "B": 5}


async def test_the_dialog_says_what_is_missing_and_keeps_the_typing(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _start_round(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Alleen een titel", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OwnCaseDialog"
        assert "Vul de vraag in." in screen_text(app)
        assert app.screen.focused is not None and app.screen.focused.id == "own-question"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoundScreen"
        assert ctx.store is not None
        assert ctx.store.list_sessions("team")[0].rounds[0].dilemma == "concertkaartjes"


async def test_an_own_case_is_there_again_after_a_crash(isolated_dirs: Path) -> None:
    ctx = make_ctx(isolated_dirs, pulse=False)
    app = IntegerSpelApp(ctx, StartRequest(kind="play"))
    async with app.run_test(size=SIZE) as pilot:
        await _start_round(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Het lek", "tab", "tab", *"Meld je het?", "ctrl+s")
        await pilot.pause()
        assert "Het lek" in screen_text(app)
    assert ctx.store is not None
    ctx.store.close()
    ctx2 = make_ctx(isolated_dirs, pulse=False)
    app2 = IntegerSpelApp(ctx2)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#choice-resume")
        await pilot.pause()
        assert type(app2.screen).__name__ == "RoundScreen"
        text = screen_text(app2)
        assert "Het lek" in text and "Meld je het?" in text
        assert "Open vraag" in text

"""A skipped card is replaced by the next of the plan; a shuffle prefers unplayed cards, and
the round label is one function (SPEC §4.2)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.rules.game import GameState
from game.rules.saving import Saver
from game.rules.session import GameSession, played_by_team
from game.screens.resume import resume_question
from sessions.model import OwnCase, SessionRecord
from sessions.store import Store
from tests.test_rules_game import make_deck, setup


def test_a_skip_is_replaced_so_the_number_set_is_discussed() -> None:
    deck = make_deck()
    game = GameState.start(deck, setup(order="shuffled", limit=6))
    assert len(game.plan) == 6
    assert game.skip(deck)
    assert len(game.plan) == 7 and game.round_label() == "Ronde 2 van 7"
    while game.next(deck):
        pass
    assert len(game.played_indices()) == 6  # six cards discussed, one skipped


def test_board_order_counts_skipped_cards_in_the_total() -> None:
    deck = make_deck()
    game = GameState.start(deck, setup(order="board", limit=6))
    for _ in range(3):
        assert game.pick_theme(deck, "nevenwerk") or game.pick_theme(deck, "social")
        game.skip(deck)
    game.pick_theme(deck, "geschenken")
    assert game.round_label() == "Ronde 4 van 9"
    assert not game.limit_reached()


@given(st.integers(min_value=0, max_value=3))
def test_the_resume_offer_and_the_round_screen_say_the_same_round(position: int) -> None:
    deck = make_deck()
    game = GameState.start(deck, setup(order="board", limit=4))
    game.pick_theme(deck, "nevenwerk")
    case = OwnCase(title="Eigen", question="Wat doe je?", kind="open", options=())
    game.add_own(case, "nevenwerk")
    for _ in range(position):
        game.pick_theme(deck, "social")
    record = SessionRecord(id="x", kind="team", month="2026-12", team="T", participants=9,
                           deck_id="test", deck_version="1", rounds=(), pulse=())
    label = game.round_label()
    assert f", {label.lower()}, " in resume_question(record, game, "Deck")


def test_a_shuffle_puts_the_cards_this_team_played_last(isolated_dirs: Path) -> None:
    deck = make_deck()
    store = Store.open()
    first = GameState.start(deck, setup(order="fixed", limit=4, team="Publiekszaken"))
    session = GameSession(first, deck, Saver(store))
    session.begin()
    while first.next(deck):
        pass
    for i in range(len(first.plan)):
        session.save_round(i)
    session.complete()
    assert session.settle()
    played = played_by_team(store, "Publiekszaken")
    assert played == set(first.plan)
    assert played_by_team(store, "Burgerzaken") == set()
    again = GameState.start(deck, setup(order="shuffled", limit=4, seed=11), played)
    assert not set(again.plan) & played
    store.close()

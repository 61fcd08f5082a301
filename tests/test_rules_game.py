"""Unit tests of the team game rules: hand counts, secret tallies, the plan, resume state."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.rules.game import (
    GameState,
    SetupError,
    clean_team_label,
    looks_like_name,
    parse_limit,
    parse_participants,
)
from game.rules.saving import Saver
from game.rules.session import GameSession
from game.rules.tally import CountError, SecretTally, parse_hand_counts
from sessions.store import StoreError
from tests.factories import rules_deck as make_deck
from tests.factories import rules_setup as setup

__all__ = ["make_deck", "setup"]  # another test module still imports them from here

# -- hand counts -----------------------------------------------------------------------------


def test_hand_counts_accepted_and_blank_is_zero() -> None:
    assert parse_hand_counts({"A": "3", "B": " 5 ", "C": ""}, "ABC", 9) == {"A": 3, "B": 5, "C": 0}


@pytest.mark.parametrize(
    ("raw", "needle", "key"),
    [
        ({"A": "-1"}, "negatief", "A"),
        ({"A": "drie"}, "heel getal", "A"),
        ({"A": "2.5"}, "heel getal", "A"),
        ({"B": "10"}, "meer dan het aantal deelnemers", "B"),
        ({"A": "5", "B": "5"}, "Samen 10 stemmen", None),
    ],
)
def test_bad_hand_counts_refused(raw: dict[str, str], needle: str, key: str | None) -> None:
    with pytest.raises(CountError) as info:
        parse_hand_counts(raw, "ABC", 9)
    assert needle in str(info.value)
    assert info.value.key == key


@given(st.integers(1, 99), st.lists(st.sampled_from("ABCDxyz"), max_size=200))
def test_secret_tally_never_exceeds_participants(n: int, presses: list[str]) -> None:
    tally = SecretTally(("A", "B", "C", "D"), n)
    for key in presses:
        tally.cast(key)
    counts = tally.counts()
    assert sum(counts.values()) <= n
    assert set(counts) == {"A", "B", "C", "D"}
    assert sum(counts.values()) == min(n, sum(1 for k in presses if k in "ABCD"))


def test_secret_tally_keeps_only_counts() -> None:
    tally = SecretTally(("A", "B"), 3)
    tally.cast("B")
    tally.cast("A")
    assert tally.voter == 3
    assert not hasattr(tally, "__dict__")  # __slots__: no room for a list of votes
    assert tally.counts() == {"A": 1, "B": 1}


# -- setup -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "0", "100", "x", "-3"])
def test_bad_participants(text: str) -> None:
    with pytest.raises(SetupError):
        parse_participants(text)


def test_limits_and_labels() -> None:
    assert parse_participants(" 12 ") == 12
    assert parse_limit("45", "minutes") == 45
    with pytest.raises(SetupError):
        parse_limit("2", "minutes")
    assert clean_team_label("  Team   Vergunningen ") == "Team Vergunningen"
    assert clean_team_label("   ") is None
    assert looks_like_name("Jan de Vries")
    assert not looks_like_name("Publiekszaken")
    assert not looks_like_name("Team Burgerzaken")


# -- the game --------------------------------------------------------------------------------


def test_plan_fixed_respects_themes_and_limit() -> None:
    deck = make_deck()
    game = GameState.start(deck, setup(order="fixed", themes=("nevenwerk",), limit=2))
    assert game.plan == ["nevenwerk-0", "nevenwerk-1"]


def test_shuffled_plan_is_reproducible_from_seed() -> None:
    deck = make_deck()
    a = GameState.start(deck, setup(order="shuffled", limit=9))
    b = GameState.start(deck, setup(order="shuffled", limit=9))
    assert a.plan == b.plan and len(a.plan) == 9


def test_navigation_skip_and_coverage() -> None:
    deck = make_deck()
    game = GameState.start(deck, setup(order="fixed", limit=4))
    assert game.covered_themes() == {"geschenken"}
    assert game.skip(deck)
    assert game.rounds[0].skipped
    assert game.next(deck) and game.next(deck) and game.next(deck)  # the skip was replaced
    assert not game.next(deck)  # the end
    assert game.previous()
    assert [r.dilemma for r in game.played_rounds()] == [
        "geschenken-1",
        "geschenken-2",
        "nevenwerk-0",
        "nevenwerk-1",
    ]
    assert game.covered_themes() == {"geschenken", "nevenwerk"}


def test_board_order_picks_unplayed_cards_of_the_theme() -> None:
    deck = make_deck(n_per_theme=2)
    game = GameState.start(deck, setup(order="board", limit=3))
    assert game.plan == [] and game.needs_pick(deck)
    first = game.pick_theme(deck, "nevenwerk")
    second = game.pick_theme(deck, "nevenwerk")
    assert first and second and first.id != second.id
    assert game.pick_theme(deck, "nevenwerk") is None
    assert game.themes_left(deck)["nevenwerk"] == 0


def test_open_card_has_no_vote() -> None:
    deck = make_deck()
    game = GameState(setup=setup(vote="secret"), plan=["open-1"])
    assert game.ensure_round(deck, 0).vote == "none"


def test_round_record_has_revotes_minutes_and_note() -> None:
    deck = make_deck()
    game = GameState.start(deck, setup(order="fixed", vote="secret"))
    rnd = game.current
    assert rnd is not None
    rnd.counts = {"A": 3, "B": 5, "C": 1}
    rnd.revotes[1] = {"A": 1, "B": 7, "C": 1}
    rnd.seconds = 61
    rnd.note = "Goed gesprek"
    record = rnd.to_round()
    assert record.vote == "secret" and record.counts == {"A": 3, "B": 5, "C": 1}
    assert record.revotes[0].variation == 1 and record.minutes == 1  # 61 s
    assert record.note == "Goed gesprek"


counts_st = st.dictionaries(st.sampled_from("ABC"), st.integers(0, 99), min_size=1)


@settings(max_examples=50)
@given(st.integers(0, 5), st.lists(st.tuples(counts_st, st.text(max_size=40)), max_size=6))
def test_state_round_trips_through_json(pos: int, rounds: list[tuple[dict[str, int], str]]) -> None:
    deck = make_deck()
    game = GameState.start(deck, setup(order="fixed", limit=6))
    for i, (counts, note) in enumerate(rounds):
        rnd = game.ensure_round(deck, i)
        rnd.counts, rnd.note, rnd.revotes = counts, note, {0: counts}
    game.position = pos
    state = json.loads(json.dumps(game.to_state()))
    again = GameState.from_state(state)
    assert again.to_state() == game.to_state()
    assert again.played_rounds() == game.played_rounds()


def test_bad_state_is_refused() -> None:
    with pytest.raises(ValueError):
        GameState.from_state({"version": 1, "setup": {}})


# -- saving ----------------------------------------------------------------------------------


class BrokenStore:
    def __init__(self) -> None:
        self.calls = 0

    def start_session(self, **kwargs: object) -> str:
        return "s1"

    def save_round(self, *a: object) -> None:
        self.calls += 1
        raise StoreError("de schijf is vol.")

    delete_round = save_pulse = save_state = complete = save_round


def test_store_failure_is_reported_once_and_game_goes_on() -> None:
    deck = make_deck()
    problems: list[str] = []
    session = GameSession(
        GameState.start(deck, setup(order="fixed")),
        deck,
        Saver(BrokenStore(), on_problem=problems.append),  # type: ignore[arg-type]
    )
    session.begin()
    session.game.next(deck)
    session.save_round()
    assert session.settle()  # writes run on the session's writer thread
    assert len(problems) == 1
    assert problems[0].startswith("Opslaan lukt niet: de schijf is vol.")
    assert len(session.record().rounds) == 2


def test_no_store_is_reported() -> None:
    deck = make_deck()
    problems: list[str] = []
    session = GameSession(
        GameState.start(deck, setup()),
        deck,
        Saver(None, on_problem=problems.append, store_error="Je mag niet schrijven in de map."),
    )
    session.begin()
    assert "Je mag niet schrijven" in problems[0]
    assert session.record().id == "niet-opgeslagen"

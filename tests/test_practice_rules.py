"""Practice rules without a terminal: which cards are drawn, team figures below k, run state."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from dilemmas.model import Answer, Deck, DeckInfo, DeckKind, Dilemma, Option, Theme
from game.rules.practice import Phase, PracticeRun, draw_cards, practice_pool, team_figures

CHOICE = Answer(kind="choice", options=(Option("A", "Ja"), Option("B", "Nee"), Option("C", "Soms")))


def card(i: int, audience: tuple[str, ...] = ("nieuw",), answer: Answer = CHOICE) -> Dilemma:
    return Dilemma(f"k{i}", "t", f"Kaart {i}", "s", "v", answer, audience=audience)


def deck(deck_id: str, cards: list[Dilemma], kind: DeckKind = "dilemmas") -> Deck:
    return Deck(DeckInfo(deck_id, deck_id, "1", kind=kind), (Theme("t", "T"),), tuple(cards))


DECKS = [
    deck("a", [card(i) for i in range(8)] + [card(50, ("team",))]),
    deck("b", [card(0), card(20, ("team", "nieuw"))]),  # k0 again: drawn once only
    deck("pulse", [card(30)], kind="pulse"),
]


def test_pool_holds_new_hire_cards_of_team_decks_only() -> None:
    ids = [c.dilemma.id for c in practice_pool(DECKS)]
    assert "k50" not in ids and "k30" not in ids
    assert "k20" in ids


def test_draw_is_shuffled_unique_and_seeded() -> None:
    first = [c.dilemma.id for c in draw_cards(DECKS, 6, random.Random(4))]
    again = [c.dilemma.id for c in draw_cards(DECKS, 6, random.Random(4))]
    assert first == again
    assert len(first) == 6 == len(set(first))
    everything = [c.dilemma.id for c in draw_cards(DECKS, 100, random.Random(4))]
    assert sorted(everything) == sorted({f"k{i}" for i in range(8)} | {"k20"})
    assert draw_cards(DECKS, 0) == []


def test_team_figures_hidden_below_k() -> None:
    d = card(1)
    hidden = team_figures(d, {"A": 2, "B": 2}, k=5)
    assert not hidden.shown and hidden.rows == ()
    assert hidden.message == "Nog te weinig teamantwoorden om te tonen."
    shown = team_figures(d, {"A": 2, "B": 3}, k=5)
    assert shown.shown and shown.total == 5
    assert [(r.key, r.count, r.percent) for r in shown.rows] == [
        ("A", 2, 40),
        ("B", 3, 60),
        ("C", 0, 0),
    ]
    assert not team_figures(d, {}, k=0).shown
    open_card = card(2, answer=Answer(kind="open"))
    assert not team_figures(open_card, {"A": 50}, k=5).shown


@given(st.dictionaries(st.sampled_from(["A", "B", "C"]), st.integers(0, 20)), st.integers(1, 30))
def test_never_a_distribution_below_k(counts: dict[str, int], k: int) -> None:
    figures = team_figures(card(1), counts, k)
    total = sum(counts.values())
    assert figures.shown == (total >= k and total > 0)
    if figures.shown:
        assert sum(r.count for r in figures.rows) == total
    else:
        assert figures.rows == ()


def phase_of(run: PracticeRun) -> Phase:
    """The run's phase, read afresh (mypy keeps an attribute narrowed across method calls)."""
    return run.phase


def test_run_moves_through_the_phases_and_round_trips() -> None:
    run = PracticeRun.new(draw_cards(DECKS, 2, random.Random(1)))
    assert run.phase == "answer" and run.current == run.cards[0]
    run.answer(run.cards[0][1], "A")
    assert phase_of(run) == "feedback"
    assert run.next() == "answer" and run.position == 1
    run.answer(run.cards[1][1], "mijn eigen woorden")
    assert run.next() == "walkthrough" and run.current is None
    run.walkthrough_card, run.walkthrough_id = 1, "w-1"
    back = PracticeRun.from_dict(run.to_dict())
    assert back == run
    assert back.next() == "end"
    assert (
        PracticeRun.from_dict({"phase": "onzin", "position": 9, "cards": [["a"]]}).phase == "answer"
    )

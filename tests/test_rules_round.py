"""What the facilitator does with a round, as rules: votes, refusals, re-votes, the variation cycle."""

from __future__ import annotations

from typing import Literal

from hypothesis import given
from hypothesis import strategies as st

from dilemmas.model import Answer, Dilemma, Option
from game.rules.round import RoundState

CARD = Dilemma(
    id="k",
    theme="t",
    title="Kaart",
    situation="S",
    question="Wat doe je?",
    answer=Answer("choice", (Option("A", "Ja"), Option("B", "Nee"))),
    variations=("Maar wat als het 5 euro is?", "Maar wat als je baas het ziet?"),
)
OPEN = Dilemma(id="o", theme="t", title="Open", situation="S", question="V", answer=Answer("open"))

counts = st.fixed_dictionaries({"A": st.integers(0, 9), "B": st.integers(0, 9)})
# A hand count, a secret count with its blanco votes, or a "what if" variation.
Step = (
    tuple[Literal["hands"], dict[str, int]]
    | tuple[Literal["secret"], dict[str, int], int]
    | tuple[Literal["what_if"]]
)
actions = st.one_of(
    st.tuples(st.just("hands"), counts),
    st.tuples(st.just("secret"), counts, st.integers(0, 3)),
    st.tuples(st.just("what_if")),
)


def test_an_open_card_refuses_a_vote() -> None:
    refusal = RoundState("o", "t", "none").vote_refusal(OPEN)
    assert refusal is not None and "open vraag" in refusal


def test_a_variation_waits_for_the_vote_on_the_card_itself() -> None:
    rnd = RoundState("k", "t", "hands")
    assert rnd.next_variation(CARD)
    refusal = rnd.vote_refusal(CARD)
    assert refusal is not None and "eerst over de kaart" in refusal


def test_the_variations_cycle_back_to_the_card() -> None:
    rnd = RoundState("k", "t", "hands")
    seen = []
    for _ in range(len(CARD.variations) + 1):
        assert rnd.next_variation(CARD)
        seen.append(rnd.variation)
    assert seen == [0, 1, -1]
    assert not RoundState("o", "t", "none").next_variation(OPEN)


@given(st.lists(actions, max_size=12))
def test_re_votes_never_change_the_card_s_own_vote(steps: list[Step]) -> None:
    rnd = RoundState("k", "t", "hands")
    own: dict[str, int] | None = None
    own_blanco = 0
    for step in steps:
        if len(step) == 1:  # ("what_if",)
            rnd.next_variation(CARD)
            continue
        if rnd.vote_refusal(CARD) is not None:
            assert rnd.variation >= 0 and rnd.counts is None
            continue
        mode: Literal["hands", "secret"]
        if len(step) == 3:
            mode, tally, blanco = step
        else:
            mode, tally = step
            blanco = 0
        rnd.store_vote(tally, mode, blanco=blanco)
        if rnd.variation < 0:
            own, own_blanco = dict(tally), blanco if mode == "secret" else 0
            assert rnd.vote == mode
        assert rnd.revealed == (mode == "hands")
        shown, before = rnd.shown_counts()
        assert shown == tally
        assert before == (own if rnd.variation >= 0 else None)
        assert rnd.counts_to_edit() == tally
    assert rnd.counts == own
    assert rnd.blanco == own_blanco
    assert set(rnd.revotes) <= {0, 1}



def test_discussion_minutes_are_the_nearest_minute() -> None:
    rnd = RoundState(dilemma="d", theme="t", vote="hands")
    for seconds, minutes in ((0, None), (20, 1), (89, 1), (90, 2), (146, 2), (150, 3)):
        rnd.seconds = seconds
        assert rnd.minutes == minutes, seconds

"""What the room reads about a "Maar wat als…?" variation: the panel on the round screen, and
the title and sentence above a re-vote, each say "Maar wat als" once (SPEC §4.2)."""

from __future__ import annotations

import pytest

from dilemmas.model import Answer, Dilemma, Option
from game.rules.round import RoundState
from game.rules.round_text import variation_text, vote_context, vote_title


def card(*variations: str) -> Dilemma:
    return Dilemma(
        id="wijn", theme="geschenken", title="Een fles wijn", situation="S",
        question="Wat doe je?",
        answer=Answer(kind="choice", options=(Option("A", "Aannemen"), Option("B", "Terug"))),
        variations=variations,
    )


def showing(variation: int, *, voted: bool = True) -> RoundState:
    rnd = RoundState(dilemma="wijn", theme="geschenken", vote="hands")
    if voted:
        rnd.store_vote({"A": 2, "B": 3}, "hands")
    rnd.variation = variation
    return rnd


@pytest.mark.parametrize(
    "variations",
    [
        ("Maar wat als ze volgend jaar weer komt?",),
        ("Maar wat als ze volgend jaar weer komt?", "Maar wat als het bloemen zijn?"),
        ("Ze komt volgend jaar weer.",),
        ("Ze komt volgend jaar weer.", "Het zijn bloemen."),
    ],
)
def test_a_re_vote_says_maar_wat_als_once(variations: tuple[str, ...]) -> None:
    dilemma = card(*variations)
    for n in range(len(variations)):
        rnd = showing(n)
        above = f"{vote_title(rnd, dilemma)}\n{vote_context(rnd, dilemma)}"
        assert above.lower().count("maar wat als") == 1, above
        panel = variation_text(rnd, dilemma)
        assert panel.lower().count("maar wat als") == 1, panel


def test_the_re_vote_title_names_the_variation() -> None:
    dilemma = card("Maar wat als ze weer komt?", "Maar wat als het bloemen zijn?")
    assert vote_title(showing(1), dilemma) == "Een fles wijn — variatie 2 van 2"
    assert vote_title(showing(0), card("Maar wat als ze weer komt?")) == (
        "Een fles wijn — variatie"
    )
    assert vote_title(showing(-1), dilemma) == "Een fles wijn"


def test_the_panel_offers_a_re_vote_only_after_the_card_was_voted_on() -> None:
    dilemma = card("Maar wat als ze weer komt?")
    assert "Stem opnieuw" in variation_text(showing(0), dilemma)
    unvoted = variation_text(showing(0, voted=False), dilemma)
    assert "Stem opnieuw" not in unvoted
    assert "Stem eerst over de kaart zelf" in unvoted

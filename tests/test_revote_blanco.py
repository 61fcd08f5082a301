"""A blanco in a secret re-vote on a variation is counted apart and shown, as on the card
itself: on screen, kept for a resume, and in the summary (SPEC §4.2)."""

from __future__ import annotations

from dilemmas.model import Answer, Deck, DeckInfo, Dilemma, Option, Theme
from game.rules.round import RoundState
from game.rules.round_text import vote_text
from game.rules.summary import summary_extra
from sessions.model import Revote, Round, SessionRecord
from sessions.summary import summary_html, summary_markdown

CARD = Dilemma(
    id="wijn", theme="geschenken", title="Een fles wijn", situation="S", question="Wat doe je?",
    answer=Answer(kind="choice", options=(Option("A", "Aannemen"), Option("B", "Terug"))),
    variations=("Maar wat als ze weer komt?",),
)


def revoted(mode: str = "secret", blanco: int = 1) -> RoundState:
    rnd = RoundState(dilemma="wijn", theme="geschenken", vote="hands")
    rnd.store_vote({"A": 3, "B": 2}, "hands")
    rnd.variation = 0
    rnd.store_vote({"A": 1, "B": 3}, "secret" if mode == "secret" else "hands", blanco=blanco)
    return rnd


def test_the_re_vote_says_its_blanco_before_and_after_the_reveal() -> None:
    rnd = revoted()
    assert vote_text(rnd, CARD) == "Herstemming klaar: 4 stemmen en 1 blanco. Druk op r voor de uitslag."
    rnd.toggle_reveal()
    assert vote_text(rnd, CARD) == "Uitslag na de variatie (1 blanco, apart geteld):"
    rnd.variation = -1  # the card itself: its own vote had no blanco
    assert vote_text(rnd, CARD) == "Uitslag:"


def test_the_re_vote_blanco_is_kept_for_a_resume_and_a_hand_count_has_none() -> None:
    again = RoundState.from_dict(revoted().to_dict())
    assert again.revote_blanco == {0: 1}
    assert revoted(mode="hands").revote_blanco == {}
    assert revoted(blanco=0).revote_blanco == {}


def test_the_summary_says_the_re_vote_blanco() -> None:
    deck = Deck(info=DeckInfo("spel", "Spel", "1"), themes=(Theme("geschenken", "Geschenken"),),
                dilemmas=(CARD,))
    record = SessionRecord(
        id="s1", kind="team", month="2026-12", team="Zaal", participants=5, deck_id="spel",
        deck_version="1", pulse=(),
        rounds=(Round("wijn", "geschenken", "hands", {"A": 3, "B": 2},
                      (Revote(0, {"A": 1, "B": 3}),)),),
    )
    extra = summary_extra({"numbers": [1], "revote_blanco": [[1, 0, 1]]})
    record = SessionRecord(**{**record.__dict__, "extra": extra})
    for text in (summary_markdown(record, {"spel": deck}, None),
                 summary_html(record, {"spel": deck}, None)):
        assert "A 3 → 1, B 2 → 3 (1 blanco, apart geteld)" in text

"""Card text reflow: hard-wrapped deck text shown as paragraphs, list items kept apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.rules.text import reflow

WRAPPED = """\
Je werkt bij inkoop. Half december staat er een groot kerstpakket bij je
thuis op de stoep. Het komt van de leverancier van het kantoormeubilair.

Er zitten in:
- wijn en kaas;
- een tegoedbon van € 50, die je
  pas na de kerst kunt gebruiken;
• een kaart met je privéadres.
Je hebt dat adres nooit gegeven.
"""


def test_a_hard_wrapped_paragraph_becomes_one_line() -> None:
    assert reflow("Een leverancier die net een aanbesteding won,\nstuurt je twee kaartjes.") == (
        "Een leverancier die net een aanbesteding won, stuurt je twee kaartjes."
    )


def test_paragraphs_lists_and_continuations() -> None:
    assert reflow(WRAPPED) == (
        "Je werkt bij inkoop. Half december staat er een groot kerstpakket bij je thuis op de "
        "stoep. Het komt van de leverancier van het kantoormeubilair.\n"
        "\n"
        "Er zitten in:\n"
        "- wijn en kaas;\n"
        "- een tegoedbon van € 50, die je pas na de kerst kunt gebruiken;\n"
        "• een kaart met je privéadres.\n"
        "Je hebt dat adres nooit gegeven."
    )


def test_several_blank_lines_and_stray_spaces() -> None:
    assert reflow("\n\n  Eerste  \r\nregel.\n \n\n\t\nTweede.  \n\n") == "Eerste regel.\n\nTweede."


def test_text_without_breaks_is_unchanged() -> None:
    assert reflow("Wat doe je?") == "Wat doe je?"
    assert reflow("") == ""
    assert reflow("-5 graden is geen lijst") == "-5 graden is geen lijst"


LINES = st.lists(
    st.one_of(
        st.just(""),
        st.just("   "),
        st.text(alphabet="abc é—€ ", min_size=1, max_size=20),
        st.text(alphabet="abc é ", min_size=1, max_size=20).map(lambda t: "- " + t),
        st.text(alphabet="abc ", min_size=1, max_size=20).map(lambda t: "  • " + t),
    ),
    max_size=12,
)


@given(LINES)
def test_reflow_keeps_every_word_in_order_and_is_stable(lines: list[str]) -> None:
    text = "\n".join(lines)
    shown = reflow(text)
    assert shown.split() == text.split()
    assert reflow(shown) == shown
    assert "\n\n\n" not in shown
    assert shown == shown.strip()


async def test_the_card_shows_the_situation_flowed_and_the_deck_keeps_it_as_written() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from dilemmas.model import Answer, Dilemma
    from game.widgets.card import CardView

    situation = "Een leverancier die net een aanbesteding won,\nstuurt je twee kaartjes.\n"
    card = Dilemma(id="k", theme="t", title="Kaartjes", situation=situation,
                   question="Wat doe je?", answer=Answer(kind="open"))

    class CardApp(App[None]):
        def compose(self) -> ComposeResult:
            yield CardView(card)

    app = CardApp()
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        shown = app.screen.query_one(".card--situation", Static)
        assert str(shown.content) == (
            "Een leverancier die net een aanbesteding won, stuurt je twee kaartjes."
        )
    assert card.situation == situation

"""What the room reads on a card and in the vote dialogs: no line break inside an amount, and a
scale point shown once (with the low and high words on the ends)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widgets import Label

from dilemmas.model import Answer, Dilemma
from game.dialogs.hands import HandCountDialog
from game.rules.votes import option_labels, vote_choices
from game.widgets.card import CardView, HangingList, hanging_lines, row_text, wrap_kept
from tests.factories import screen_text

AMOUNT_TEXT = "De aannemer biedt je zo'n € 8.000 aan, of 50 euro per uur, voor een klus van 20 %."


@given(st.integers(12, 90))
def test_an_amount_is_never_split_over_two_lines(width: int) -> None:
    lines = wrap_kept(AMOUNT_TEXT, width)
    assert not any(line.rstrip().endswith("€") for line in lines)
    assert not any(line.lstrip().startswith(("euro", "%")) for line in lines)
    assert " ".join(lines).replace("\u00a0", " ") == AMOUNT_TEXT


def test_a_list_item_hangs_under_its_first_word() -> None:
    lines = wrap_kept("• Wat als het om een fles wijn van 20 euro gaat?", 20)
    assert lines[0].startswith("• ") and all(line.startswith("  ") for line in lines[1:])


async def test_the_card_keeps_the_amount_together_at_every_width() -> None:
    card = Dilemma(id="k", theme="t", title="Aanbod", situation=AMOUNT_TEXT, question="Wat doe je?",
                   answer=Answer("scale", points=5, low="Niet", high="Wel"))

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield CardView(card)

    for width in range(30, 54):  # the card's text is 4 cells narrower than the terminal
        async with Host().run_test(size=(width, 30)) as pilot:
            await pilot.pause()
            text = screen_text(pilot.app).replace("\u00a0", " ")
            assert "€ 8.000" in text and "50 euro" in text and "20 %" in text, (width, text)


def scale_card() -> Dilemma:
    return Dilemma(id="s", theme="t", title="Schaal", situation="S", question="Hoe acceptabel?",
                   answer=Answer("scale", points=5, low="Helemaal niet", high="Prima"))


def test_a_scale_point_is_shown_once() -> None:
    assert row_text("2", "2") == ""
    assert row_text("1", "1 — Helemaal niet") == "Helemaal niet"
    assert row_text("A", "Ik meld het") == "Ik meld het"
    rows = [(press.upper(), label) for press, _, label in vote_choices(scale_card())]
    lines = [line.plain.rstrip() for line in hanging_lines(rows, 60)]
    assert lines == ["1  Helemaal niet", "2", "3", "4", "5  Prima"]


async def test_the_hands_dialog_shows_a_scale_point_once() -> None:
    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(HandCountDialog(list(option_labels(scale_card()).items()), 9))

    async with Host().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        labels = [str(label.content) for label in pilot.app.screen.query(Label)]
        assert labels == ["1  Helemaal niet", "2", "3", "4", "5  Prima"]


def test_the_hanging_list_footer_keeps_amounts_too() -> None:
    widget = HangingList([], AMOUNT_TEXT)
    lines = [line.plain for line in widget._lines(30)]
    assert not any(line.rstrip().endswith("€") for line in lines)

"""End to end in a real terminal: the pulse at the start as a secret round — a 2-vote attempt
that is neither shown nor kept, a voter who corrects their own press, a blanco, the answers'
words on the bars, the contacts with `c` — then the cards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_e2e_room_tmux import wait_for_any
from tests.test_e2e_tmux import Terminal, needs_tmux, terminal_with_deck

DECK = """\
deck:
  id: peiling
  title: Proefdeck met peiling
  version: "1"
themes:
  - id: geschenken
    title: Geschenken
dilemmas:
""" + "".join(
    f"""\
  - id: kaart-{i}
    theme: geschenken
    title: Proefkaart {i}
    situation: Een leverancier stuurt je een fles wijn, nummer {i}.
    question: Wat doe je?
    answer:
      kind: choice
      options:
        - {{key: A, text: Ik neem het aan.}}
        - {{key: B, text: Ik stuur het terug.}}
"""
    for i in (1, 2, 3, 4)
)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    yield from terminal_with_deck(tmp_path, "peiling", DECK)


def vote(terminal: Terminal, key: str, next_voter: str) -> None:
    """One voter presses ``key``; wait until the next voter's turn shows."""
    terminal.keys(key)
    terminal.wait_for(next_voter)


@needs_tmux
def test_the_pulse_is_a_secret_round(terminal: Terminal) -> None:
    decks = str(terminal.decks)
    terminal.start(
        "--decks", decks, "play", "--deck", "peiling", "--team", "Zaal", "--participants", "4"
    )
    terminal.wait_for("Beginnen")
    terminal.keys("C-s")
    terminal.wait_for("Meldklimaat-peiling")

    # Two votes, then the facilitator ends the vote: not shown, not kept.
    terminal.keys("g")
    terminal.wait_for("Deelnemer 1 van 4")
    vote(terminal, "1", "Deelnemer 2 van 4")
    vote(terminal, "2", "Deelnemer 3 van 4")
    terminal.keys("Escape")
    terminal.wait_for("Afronden met 2 stemmen")
    terminal.keys("Tab", "Enter")
    terminal.wait_for("Minder dan 3 stemmen")
    terminal.keys("r")
    terminal.wait_for("nog niet gestemd")

    # Four voters; the first corrects their own press while "stem ontvangen" shows.
    terminal.keys("g")
    terminal.wait_for("Deelnemer 1 van 4")
    terminal.keys("2", "BSpace", pause=0.1)
    terminal.wait_for("Teruggenomen")
    vote(terminal, "1", "Deelnemer 2 van 4")
    screen = terminal.screen()
    assert "ackspace" not in screen  # nothing offers the next voter to take it back
    vote(terminal, "1", "Deelnemer 3 van 4")
    vote(terminal, "2", "Deelnemer 4 van 4")
    terminal.keys("x")
    terminal.wait_for("3 stemmen en 1 blanco")
    terminal.keys("r")
    screen = terminal.wait_for("1 blanco, apart geteld")
    assert "67%" in screen and "Ja" in screen and " ja " not in screen
    terminal.keys("c")
    terminal.wait_for("Bij wie kun je terecht")

    terminal.keys("e")
    screen = wait_for_any(terminal, "Ronde 1 van")
    assert "Ronde 1 van" in screen

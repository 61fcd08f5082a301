"""End to end in a real terminal: the pulse at the start as a secret round.

`play_the_pulse` is the pulse of a whole session (SPEC §4.4): a 2-vote attempt that is neither
shown nor kept, a voter who corrects their own press while the next voter cannot take it back,
a blanco counted apart, the answers' own words on the bars with equal percentages for equal
counts, and `c` for the contacts without the WIO's placeholders. The whole session at 120×36
plays it (tests/test_e2e_room_tmux.py); here it is played at 80×24.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

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
    guidance: Meld het aan je leidinggevende.
"""
    for i in (1, 2)
)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    yield from terminal_with_deck(tmp_path, "peiling", DECK)


def press(terminal: Terminal, *keys: str, pause: float = 0.1) -> None:
    """Keys pressed one at a time, a moment apart; what they do is waited for on screen."""
    terminal.keys(*keys, pause=pause)


def vote(terminal: Terminal, key: str, then: str) -> str:
    """One voter presses ``key``; wait until ``then`` shows (the next voter's turn)."""
    press(terminal, key, pause=0.05)
    return terminal.wait_for(then)


def settled(terminal: Terminal) -> str:
    """The screen once two captures a moment apart are the same (the app has drawn it all)."""
    screen = terminal.screen()
    for _ in range(20):
        time.sleep(0.15)
        again = terminal.screen()
        if again == screen and again.strip():
            return again
        screen = again
    return screen


def still_shows(terminal: Terminal, text: str, seconds: float = 0.6) -> str:
    """The screen after ``seconds`` in which a key could have changed it; ``text`` is on it."""
    time.sleep(seconds)
    screen = terminal.screen()
    assert text in screen, screen
    return screen


def help_prose(screen: str) -> str:
    """The help screen's text without its table of keys (whose last column holds the keys'
    configuration names, such as ``pulse.next``)."""
    return "\n".join(line for line in screen.splitlines() if "│" not in line)


def play_the_pulse(terminal: Terminal, participants: int = 5) -> None:
    """The first pulse question, by secret vote, as the room plays it; then on to the cards.

    Leaves the pulse with ``ja`` 2, ``nee`` 2 and 1 blanco kept for the first question.
    """
    n = participants
    screen = terminal.wait_for("Meldklimaat-peiling · vraag 1")
    assert "Weet je wie de vertrouwenspersoon is?" in screen

    # Two votes, then the facilitator ends the vote: not shown, not kept. The dialog's
    # buttons are stacked: the arrow key moves to "Afronden met 2 stemmen".
    press(terminal, "g")
    terminal.wait_for(f"Deelnemer 1 van {n}")
    vote(terminal, "1", f"Deelnemer 2 van {n}")
    vote(terminal, "2", f"Deelnemer 3 van {n}")
    press(terminal, "Escape")
    terminal.wait_for("Afronden met 2 stemmen")
    settled(terminal)  # the dialog has the focus
    press(terminal, "Down", "Enter", pause=0.2)
    screen = terminal.wait_for("Minder dan 3 stemmen")
    assert "50%" not in screen and "100%" not in screen
    press(terminal, "r")
    terminal.wait_for("nog niet gestemd")

    # The real vote. Voter 1 presses 2, sees "stem ontvangen", and takes it back at once.
    press(terminal, "g")
    terminal.wait_for(f"Deelnemer 1 van {n}")
    press(terminal, "2", "BSpace", pause=0.1)
    terminal.wait_for(f"Teruggenomen. Deelnemer 1 van {n}")
    screen = vote(terminal, "1", f"Deelnemer 2 van {n}")
    # Voter 2 cannot take back voter 1's vote; nothing on the screen offers it.
    assert "ackspace" not in screen and "terugnemen" not in screen
    press(terminal, "BSpace")
    screen = still_shows(terminal, f"Deelnemer 2 van {n}")
    assert "Teruggenomen" not in screen
    vote(terminal, "2", f"Deelnemer 3 van {n}")
    vote(terminal, "1", f"Deelnemer 4 van {n}")
    vote(terminal, "2", f"Deelnemer 5 van {n}")
    vote(terminal, "x", "Stemming klaar: 4 stemmen en 1 blanco")

    # The reveal: the answers' words on the bars, equal counts with equal percentages, the
    # blanco said apart, and the "stemming klaar" line gone.
    press(terminal, "r")
    screen = terminal.wait_for("1 blanco, apart geteld")
    bars = [line for line in screen.splitlines() if "█" in line or "·····" in line]
    assert len(bars) == 2, screen
    assert "Ja " in bars[0] and "2   50%" in bars[0], screen
    assert "Nee " in bars[1] and "2   50%" in bars[1], screen
    assert "weet-niet" not in screen and "Stemming klaar" not in screen
    assert "Minder dan 3 stemmen" not in screen  # the attempt's warning no longer applies
    assert "4 stemmen" in screen

    # `c`: who you can go to, once, and only what the WIO filled in.
    press(terminal, "c")
    terminal.wait_for("• Externe vertrouwenspersoon")  # brought into view, also at 80×24
    screen = settled(terminal)
    assert screen.count("Bij wie kun je terecht") == 1
    assert "• Externe vertrouwenspersoon" in screen and "invullen" not in screen

    # F1 speaks Dutch: peiling, not pulse.
    press(terminal, "F1")
    screen = terminal.wait_for("Help — Integer-spel")
    assert "peiling" in screen and "pulse" not in help_prose(screen).lower()
    press(terminal, "Escape")
    terminal.wait_for("→ volgende vraag")

    press(terminal, "e")  # the rest of the pulse is skipped: on to the cards
    terminal.wait_for("Thema:")


@needs_tmux
def test_the_pulse_at_80x24(terminal: Terminal) -> None:
    decks = str(terminal.decks)
    terminal.start(
        "--decks", decks, "play", "--deck", "peiling", "--team", "Zaal", "--participants", "5",
        size=(80, 24),
    )
    terminal.wait_for("Beginnen")
    press(terminal, "C-s")
    play_the_pulse(terminal)
    screen = terminal.wait_for("1/2")
    assert "Proefkaart" in screen

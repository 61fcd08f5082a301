"""End to end in a real terminal, the rest of a room's session: a re-vote on a variation, a deep
dive opened twice, a latecomer, an eigen casus, the summary, and discarding the session.

Runs the installed `integer-spel` in tmux and types as a facilitator would (one key at a time,
and a count typed in one burst, as tmux delivers it). CI installs tmux.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.store import Store
from tests.test_e2e_tmux import Terminal, needs_tmux, terminal_with_deck

DECK = """\
deck:
  id: kamer
  title: Proefdeck voor de zaal
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
    situation: Een leverancier stuurt je na afloop een fles wijn, nummer {i}.
    question: Wat doe je?
    answer:
      kind: choice
      options:
        - {{key: A, text: Ik neem het aan.}}
        - {{key: B, text: Ik stuur het terug.}}
    prompts: [Waarom?]
    variations: [Maar wat als de fles van een inwoner komt die je net hielp?]
    guidance: Meld het aan je leidinggevende.
"""
    for i in (1, 2)
)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    yield from terminal_with_deck(tmp_path, "kamer", DECK)


def wait_for_any(terminal: Terminal, *texts: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = terminal.screen()
        if any(t in screen for t in texts):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"none of {texts!r} appeared; the screen was:\n{terminal.screen()}")


@needs_tmux
def test_a_room_session_with_revote_deep_dive_latecomer_own_case_and_discard(
    terminal: Terminal, tmp_path: Path
) -> None:
    decks = str(terminal.decks)
    terminal.start(
        "--decks", decks, "play", "--deck", "kamer", "--team", "Zaal", "--participants", "5"
    )
    terminal.wait_for("Beginnen")
    terminal.keys("C-s")
    screen = wait_for_any(terminal, "Ronde 1 van", "Meldklimaat-peiling")
    if "Ronde 1 van" not in screen:
        terminal.keys("e")  # the pulse at the start: on to the cards (no pulse deck here)
    terminal.wait_for("Ronde 1 van 2")

    # Hands on the card, typed in one burst as a quick facilitator does.
    terminal.keys("h")
    terminal.wait_for("hoeveel handen")
    terminal.tmux("send-keys", "-t", "t", "3", "Tab", "2", "Enter")
    terminal.wait_for("60%")

    # The variation, and a re-vote on it: the dialog shows the sentence the room votes on.
    terminal.keys("w")
    terminal.wait_for("Stem opnieuw met h of g")
    terminal.keys("h")
    screen = terminal.wait_for("hoeveel handen")
    assert "inwoner komt die je net hielp" in screen
    terminal.keys("1", "Tab", "4", "Enter")
    screen = terminal.wait_for("Uitslag na de variatie")
    assert "(80 %) voor B" in screen, screen

    # A deep dive, back, and again: what was typed is still there.
    terminal.keys("d")
    terminal.wait_for("Stap 1")
    terminal.keys("Mag ik iets aannemen van een inwoner?")
    time.sleep(1.0)
    terminal.keys("Escape")
    terminal.wait_for("Ronde 1 van 2")
    terminal.keys("d")
    screen = terminal.wait_for("Stap 1")
    assert "Mag ik iets aannemen van een inwoner?" in screen
    terminal.keys("Escape")
    terminal.wait_for("Ronde 1 van 2")

    # A latecomer.
    terminal.keys("p")
    terminal.wait_for("Aantal deelnemers wijzigen")
    terminal.keys("BSpace", "6", "Enter")
    terminal.wait_for("De sessie telt nu 6 deelnemers")

    # An eigen casus from the room, played right after this card.
    terminal.keys("o")
    terminal.wait_for("Eigen casus")
    terminal.tmux(
        "send-keys", "-t", "t", "De taart", "Enter", "Een aanvrager brengt taart mee.", "Tab",
        "Wat doe je?", "Enter", "Aannemen en delen", "Enter", "Bedanken en weigeren",
    )
    time.sleep(0.5)
    terminal.keys("C-s")
    screen = terminal.wait_for("Thema: eigen casus")
    assert "Ronde 2 van 3" in screen and "Bedanken en weigeren" in screen
    terminal.keys("h")
    terminal.wait_for("hoeveel handen")
    terminal.keys("2", "Tab", "4", "Enter")
    terminal.wait_for("67%")

    # The last card, then the end and the summary.
    terminal.keys("Right")
    terminal.wait_for("Ronde 3 van 3")
    terminal.keys("e")
    terminal.wait_for("Afronden")
    terminal.keys("Enter")
    screen = wait_for_any(terminal, "Samenvatting teamsessie", "Meldklimaat-peiling")
    if "Samenvatting teamsessie" not in screen:
        terminal.keys("e")
    screen = terminal.wait_for("Samenvatting teamsessie")

    store = Store.open(tmp_path / "data")
    record = store.list_sessions("team")[0]
    assert record.participants == 6
    dilemmas = [r.dilemma for r in record.rounds]  # the deck's two cards come shuffled
    assert dilemmas[1] == "eigen-1" and sorted(dilemmas) == ["eigen-1", "kaart-1", "kaart-2"]
    first, own = record.rounds[0], record.rounds[1]
    assert first.counts == {"A": 3, "B": 2}
    assert [dict(r.counts) for r in first.revotes] == [{"A": 1, "B": 4}]
    assert own.own is not None and own.own.title == "De taart" and own.counts == {"A": 2, "B": 4}
    walkthroughs = store.open_walkthroughs()
    store.close()
    assert len(walkthroughs) <= 1  # the second deep dive continued the first

    # A session held by mistake is thrown away from the summary.
    terminal.keys("x")
    terminal.wait_for("Deze sessie weggooien?")
    terminal.keys("Right", "Enter")  # "Bewaren" has the focus: throwing away is a choice
    terminal.wait_for("Teamspel")
    terminal.keys("C-q")
    time.sleep(1)
    store = Store.open(tmp_path / "data")
    assert store.list_sessions("team") == []
    store.close()

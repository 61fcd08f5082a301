"""End to end in a real terminal: a whole session as a room plays it.

The pulse at the start by secret vote (a 2-vote attempt, a voter who corrects their own press, a
blanco), a card counted by hands, a variation re-voted in secret, a deep dive, a scale card, a
skip, a latecomer, a secret vote lost to kill -9 and voted again after the resume, an eigen
casus, the summary and both exports, then `sessions export` of the same session: at 120×36. A
second pass plays the cards at 80×24 and the card alone (`k`) at 50×15.

Runs the installed `integer-spel` in tmux and types as a facilitator would (one key at a time,
and a count typed in one burst, as tmux delivers it). CI installs tmux.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.store import Store
from tests.test_e2e_pulse_tmux import play_the_pulse, press, settled, vote
from tests.test_e2e_tmux import EXE, Terminal, needs_tmux, terminal_with_deck

DECK = """\
deck:
  id: zaal
  title: Proefdeck voor een hele sessie
  version: "1"
themes:
  - id: geschenken
    title: Geschenken en uitnodigingen
  - id: nevenwerk
    title: Nevenwerkzaamheden en financiële belangen
dilemmas:
  - id: wijn
    theme: geschenken
    title: Een fles wijn na de traplift
    situation: >-
      Een inwoner krijgt via jou een traplift van € 8.000 vergoed, en later een scootmobiel van
      zo'n € 2.450. Na afloop staat ze aan de balie met een fles wijn van € 35 voor jou en een
      kaartje met een lange bedankbrief van haar dochter erbij.
    question: Wat doe je met de fles?
    answer:
      kind: choice
      options:
        - {key: A, text: Ik neem hem aan en zeg niets.}
        - {key: B, text: Ik bedank haar en stuur hem terug.}
        - {key: C, text: Ik neem hem aan en meld het bij mijn leidinggevende.}
    prompts: [Waarom voelt weigeren onaardig?, Wat zou je collega aan de balie doen?]
    variations: ["Maar wat als ze volgend jaar weer een aanvraag doet, weer bij jou?"]
    guidance: Neem geen geschenken aan van inwoners die van jouw besluit afhangen.
  - id: schaal
    theme: nevenwerk
    title: Bijles aan de kinderen van klanten
    situation: >-
      Je geeft in het weekend bijles wiskunde aan scholieren uit de buurt. Twee gezinnen die
      je bij de gemeente helpt met hun aanvraag voor bijzondere bijstand, vragen of hun
      kinderen ook mogen komen. Ze willen je er € 25 per uur voor betalen, net als de rest.
    question: Hoe acceptabel is het dat je ja zegt?
    answer: {kind: scale, points: 5, low: Helemaal niet acceptabel, high: Helemaal acceptabel}
    guidance: Meld nevenwerk vooraf, ook als het klein lijkt.
  - id: loge
    theme: geschenken
    title: Kaartjes voor de loge
    situation: Een aannemer nodigt je uit in zijn loge bij de voetbal.
    question: Ga je?
    answer:
      kind: choice
      options:
        - {key: A, text: "Ja, het is netwerken."}
        - {key: B, text: "Nee, ik bedank."}
    guidance: Een uitnodiging van een aannemer sla je af.
  - id: klus
    theme: nevenwerk
    title: Een klus voor een leverancier
    situation: >-
      Een leverancier van de gemeente vraagt of je in het weekend zijn website wilt bouwen,
      tegen betaling.
    question: Wat doe je?
    answer:
      kind: choice
      options:
        - {key: A, text: "Ik doe het, het is mijn vrije tijd."}
        - {key: B, text: Ik meld het eerst als nevenwerk.}
        - {key: C, text: Ik zeg nee.}
    guidance: Werk voor een leverancier van je eigen gemeente meld je altijd vooraf.
"""

PARTICIPANTS = 5


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    yield from terminal_with_deck(tmp_path, "zaal", DECK)


def wait_gone(terminal: Terminal, text: str, timeout: float = 20.0) -> str:
    """Wait until ``text`` is no longer on the screen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = terminal.screen()
        if text not in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} stayed; the screen was:\n{terminal.screen()}")


def type_text(terminal: Terminal, text: str) -> None:
    """Text typed into the field that has the focus (one burst, as a paste)."""
    terminal.tmux("send-keys", "-t", "t", "-l", text)
    time.sleep(0.2)


def bar_lines(screen: str) -> list[str]:
    """The vote bars on the screen, one line per option."""
    return [line for line in screen.splitlines() if re.search(r"[█·]{8,}", line)]


def percentages(screen: str) -> list[tuple[int, int]]:
    """(count, percentage) of each bar, in order."""
    found = []
    for line in bar_lines(screen):
        match = re.search(r"(\d+)\s+(\d+)%", line)
        assert match is not None, line
        found.append((int(match[1]), int(match[2])))
    return found


def assert_room_screen(terminal: Terminal, width: int) -> str:
    """What no screen the room sees may show: a header or footer cut mid-word, placeholders.
    Returns the screen."""
    screen = settled(terminal)
    lines = screen.splitlines()
    assert "invullen" not in screen, screen
    assert lines[-1].rstrip().endswith("f1 Help"), lines[-1]  # the footer is whole
    assert len(lines[-1].rstrip()) <= width
    assert "…" not in lines[0], lines[0]  # the header is not cut mid-word
    for line in lines:  # an amount is never broken over two lines
        assert not re.search(r"€\s*(│|$)", line), screen
    return screen


def scroll_to(terminal: Terminal, text: str, timeout: float = 20.0) -> str:
    """Page through a long screen (from the top again at its end) until ``text`` shows."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = terminal.screen()
        if text in screen:
            return screen
        press(terminal, "Home" if "Hulp en advies" in screen else "PageDown", pause=0.3)
    raise AssertionError(f"{text!r} did not appear; the screen was:\n{terminal.screen()}")


def begin_in_fixed_order(terminal: Terminal, cards: int) -> None:
    """The setup: ``cards`` dilemmas in the deck's own order, the pulse at the start."""
    terminal.wait_for("Beginnen")
    # The deck's field has the focus: team, participants, kind of length, then the number.
    press(terminal, "Tab", "Tab", "Tab", "Tab", str(cards), pause=0.1)
    # Then the time per card, the themes and the order: "op volgorde van het deck".
    press(terminal, "Tab", "Tab", "Tab", "Down", "Enter", pause=0.1)
    press(terminal, "C-s")


def raw_files(data: Path) -> bytes:
    """Every byte the store keeps on disk (database, WAL and shared memory)."""
    return b"".join(p.read_bytes() for p in sorted(data.glob("sessions.sqlite3*")))


def assert_only_done_votes(raw: bytes) -> None:
    """No tally of a vote that was not kept: the pulse's 2-vote attempt, the secret vote cut
    off by the crash (2 of 6 voters), or a single press."""
    for partial in (b'{"ja":1,"nee":1}', b'{"A":1,"C":1}', b'{"A":1,"B":0,"C":1}',
                    b'{"nee":1}', b'{"ja":1}'):
        assert partial not in raw, partial


def kill_app(terminal: Terminal) -> None:
    """The laptop dies: SIGKILL to the app, then the terminal goes."""
    os.kill(terminal.app_pid(), signal.SIGKILL)
    time.sleep(0.3)
    terminal.kill_server()


def cli(terminal: Terminal, *argv: str) -> str:
    env = {**os.environ, **terminal.env}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    done = subprocess.run(
        [str(EXE), *argv], capture_output=True, text=True, env=env, check=True, timeout=60
    )
    return done.stdout


@needs_tmux
def test_a_whole_session_at_120x36(terminal: Terminal, tmp_path: Path) -> None:
    decks = str(terminal.decks)
    data, home = tmp_path / "data", tmp_path / "home"
    home.mkdir()  # no Downloads folder in it: the exports go to the home folder
    n = PARTICIPANTS
    terminal.start(
        "--decks", decks, "play", "--deck", "zaal", "--team", "Zaal", "--participants", str(n)
    )
    begin_in_fixed_order(terminal, 3)
    play_the_pulse(terminal, n)

    # Round 1, by hands: one hand for each answer, three equal percentages (33, not 34).
    screen = terminal.wait_for("Ronde 1 van 3")
    screen = assert_room_screen(terminal, 120)
    assert re.search(r"€\s8\.000", screen), screen  # an amount is never broken over lines
    press(terminal, "h")
    terminal.wait_for("hoeveel handen")
    settled(terminal)  # the first count has the focus
    terminal.tmux("send-keys", "-t", "t", "1", "Tab", "1", "Tab", "1", "Enter")
    screen = terminal.wait_for("3 stemmen — ")
    assert percentages(screen) == [(1, 33), (1, 33), (1, 33)], screen

    # The variation, re-voted in secret: the vote shows the sentence once, and the result
    # shows before and after.
    press(terminal, "w")
    screen = terminal.wait_for("Stem opnieuw met h of g")
    assert "Maar wat als ze volgend jaar" in screen
    press(terminal, "g")
    screen = terminal.wait_for(f"Deelnemer 1 van {n}")
    assert "Maar wat als ze volgend jaar" in screen
    assert screen.lower().count("maar wat als") == 1, screen
    for voter, key in enumerate("bbbc", start=1):
        vote(terminal, key, f"Deelnemer {voter + 1} van {n}")
    vote(terminal, "x", "Herstemming klaar: 4 stemmen en 1 blanco")
    press(terminal, "r")
    screen = terminal.wait_for("Uitslag na de variatie (1 blanco, apart geteld)")
    assert "1 → 0" in screen and "1 → 3" in screen and "1 → 1" in screen
    assert "Herstemming klaar" not in screen
    assert percentages(screen) == [(0, 0), (3, 75), (1, 25)], screen
    press(terminal, "w")  # back to the card itself
    wait_gone(terminal, "Uitslag na de variatie")

    # A deep dive on this card: steps 1, 2, 3 and 6 filled, then back to the round.
    press(terminal, "d")
    for step, text in enumerate(
        ("Neem ik de fles aan of niet?", "Ze kreeg de traplift via mij.",
         "De inwoner, mijn team en de gemeente."),
        start=1,
    ):
        terminal.wait_for(f"Stap {step} van 7")
        settled(terminal)  # the step's field has the focus
        type_text(terminal, text)
        terminal.wait_for(text)
        press(terminal, "PageDown")
    press(terminal, "PageDown", "PageDown")
    terminal.wait_for("Stap 6 van 7")
    # The second answer ("Ik bedank haar…"), then past "in je eigen woorden" to "Omdat".
    press(terminal, "Down", "Enter", "Tab", "Tab", pause=0.2)
    type_text(terminal, "dan blijft mijn besluit zuiver")
    terminal.wait_for("Mijn besluit: ik bedank haar en stuur hem terug.")
    press(terminal, "Escape")
    terminal.wait_for("Ronde 1 van 3")

    # Round 2: a scale card, by hands. Each point once, with the ends' words.
    press(terminal, "Right")
    screen = terminal.wait_for("Ronde 2 van 3")
    assert "1 = Helemaal niet acceptabel" in screen and "5 = Helemaal acceptabel" in screen
    assert not re.search(r"\b([1-5])\s+\1\b", screen), screen  # no "2  2"
    press(terminal, "h")
    terminal.wait_for("hoeveel handen")
    settled(terminal)  # the first count has the focus
    terminal.tmux("send-keys", "-t", "t", "2", "Tab", "2", "Tab", "1", "Enter")
    screen = terminal.wait_for("5 stemmen — ")
    assert percentages(screen) == [(2, 40), (2, 40), (1, 20), (0, 0), (0, 0)], screen
    assert not re.search(r"\b([1-5])\s+\1\b", screen), screen

    # Round 3 is skipped: the next card of the deck takes its place.
    press(terminal, "Right")
    terminal.wait_for("Kaartjes voor de loge")
    press(terminal, "s")
    screen = terminal.wait_for("Een klus voor een leverancier")
    assert "Kaartjes voor de loge" not in screen
    assert "Ronde 4 van 4" in screen  # three cards discussed, one skipped

    # A latecomer: the field is selected, so typing replaces the number.
    press(terminal, "p")
    screen = terminal.wait_for("Aantal deelnemers wijzigen")
    assert "1 tot en met 99" in screen
    settled(terminal)
    press(terminal, str(n + 1), "Enter", pause=0.2)
    terminal.wait_for(f"De sessie telt nu {n + 1} deelnemers")

    # A secret vote goes round; two voters have pressed when the laptop dies.
    press(terminal, "g")
    terminal.wait_for(f"Deelnemer 1 van {n + 1}")
    vote(terminal, "a", f"Deelnemer 2 van {n + 1}")
    vote(terminal, "c", f"Deelnemer 3 van {n + 1}")
    kill_app(terminal)
    # What the crash left on disk, before anything opens it again: no vote that was not done.
    assert_only_done_votes(raw_files(data))

    store = Store.open(data)
    found = store.unfinished("team")
    assert found is not None
    record, _state = found
    assert record.participants == n + 1
    assert [r.dilemma for r in record.rounds] == ["wijn", "schaal", "klus"]  # loge skipped
    assert record.rounds[2].counts is None  # the half-done vote is not kept
    store.close()

    # Start again: resume, and vote again. The notice about the lost vote goes with the vote.
    terminal.start("--decks", decks)
    terminal.wait_for("Verder spelen")
    press(terminal, "Enter")
    screen = terminal.wait_for("Er ging een geheime stemming rond")
    assert "Ronde 4 van 4" in screen
    press(terminal, "g")
    terminal.wait_for(f"Deelnemer 1 van {n + 1}")
    for voter, key in enumerate("abbcc", start=1):
        vote(terminal, key, f"Deelnemer {voter + 1} van {n + 1}")
    vote(terminal, "x", "Stemming klaar: 5 stemmen en 1 blanco")
    press(terminal, "r")
    screen = terminal.wait_for("1 blanco, apart geteld")
    assert "Er ging een geheime stemming" not in screen and "Stemming klaar" not in screen
    assert percentages(screen) == [(1, 20), (2, 40), (2, 40)], screen
    screen = assert_room_screen(terminal, 120)

    # An eigen casus from the room, played right after this card.
    press(terminal, "o")
    terminal.wait_for("Eigen casus")
    # Title, situation, question and two answers; each field reached as a facilitator does.
    fields: list[tuple[str | None, str]] = [
        (None, "De taart"),
        ("Enter", "Een aanvrager brengt een taart mee voor het team."),
        ("Tab", "Wat doe je?"),
        ("Enter", "Aannemen en delen"),
        ("Enter", "Bedanken en weigeren"),
    ]
    for move, text in fields:
        if move is not None:
            press(terminal, move)
        settled(terminal)  # the field has the focus
        type_text(terminal, text)
        terminal.wait_for(text)
    press(terminal, "C-s")
    screen = terminal.wait_for("Thema: eigen casus")
    assert "Ronde 5 van 5" in screen and "Bedanken en weigeren" in screen
    press(terminal, "h")
    terminal.wait_for("hoeveel handen")
    settled(terminal)  # the first count has the focus
    terminal.tmux("send-keys", "-t", "t", "3", "Tab", "3", "Enter")
    screen = terminal.wait_for("6 stemmen — ")
    assert percentages(screen) == [(3, 50), (3, 50)]

    # The end, and the summary with both exports.
    press(terminal, "e")
    terminal.wait_for("Afronden")
    press(terminal, "Enter")
    screen = terminal.wait_for("Samenvatting teamsessie")
    assert "invullen" not in screen
    # The deep dive is on the summary screen too (read from the store in a moment).
    screen = scroll_to(terminal, "Verdieping (stappenplan)")
    assert "invullen" not in screen
    press(terminal, "m")
    terminal.wait_for(".md")
    press(terminal, "h")
    terminal.wait_for(".html")
    markdown = next(home.glob("integer-spel-*-zaal.md"))
    page = next(home.glob("integer-spel-*-zaal.html"))
    in_app_md, in_app_html = markdown.read_text("utf-8"), page.read_text("utf-8")
    for text in (in_app_md, in_app_html):
        assert "Verdieping (stappenplan)" in text
        assert "ik bedank haar en stuur hem terug" in text
        assert "De morele vraag, Feiten, Betrokkenen" in text
        assert "3 van 5 stemden" in text  # round 1: before the latecomer
        assert "5 van 6 stemden, 1 blanco" in text  # the vote after the resume
        assert "Blanco: 1 (apart geteld)" in text  # the pulse
        assert "C 1 → 1" not in text and "(1 blanco, apart geteld)" in text  # the re-vote
        assert "Ronde 3: Kaartjes voor de loge" in text  # skipped, numbered as played
        assert "De taart" in text
        assert "invullen" not in text
    assert "| 1 | 33% |" in in_app_md and "| 1 | 34% |" not in in_app_md
    assert in_app_md.count("| 2 | 50% |") == 2  # the pulse: ja 2, nee 2

    press(terminal, "Escape")
    terminal.wait_for("Teamspel")
    assert "invullen" not in settled(terminal)  # the menu is on the beamer too
    press(terminal, "C-q")
    terminal.wait_closed()

    # `sessions export` of the same session tells the same story, word for word.
    listing = cli(terminal, "sessions", "list")
    session_id = re.search(r"^([0-9a-f]{8})\s", listing, re.M)
    assert session_id is not None, listing
    export = ("--decks", decks, "sessions", "export", session_id[1])
    cli(terminal, *export, "-o", str(tmp_path / "cli.md"))
    cli(terminal, *export, "--format", "html", "-o", str(tmp_path / "cli.html"))
    assert (tmp_path / "cli.md").read_text("utf-8") == in_app_md
    assert (tmp_path / "cli.html").read_text("utf-8") == in_app_html
    shown = cli(terminal, "--decks", decks, "sessions", "show", session_id[1])
    assert "Verdieping (stappenplan)" in shown and "5 van 6 stemden, 1 blanco" in shown

    # The bytes on disk once the app has closed: the WAL folded in, only finished tallies.
    wal = data / "sessions.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    raw = raw_files(data)
    assert b'{"ja":2,"nee":2}' in raw  # the pulse as voted
    assert_only_done_votes(raw)


@needs_tmux
def test_the_cards_at_80x24_and_the_card_alone_at_50x15(terminal: Terminal) -> None:
    n = PARTICIPANTS
    terminal.start(
        "--decks", str(terminal.decks), "play", "--deck", "zaal", "--team", "Zaal",
        "--participants", str(n), size=(80, 24),
    )
    begin_in_fixed_order(terminal, 3)
    terminal.wait_for("Meldklimaat-peiling")
    press(terminal, "e")  # the pulse at 80×24 is tests/test_e2e_pulse_tmux.py

    # The round at 80 columns: a header of whole words, the key hint and footer whole.
    terminal.wait_for("1/3")
    screen = assert_room_screen(terminal, 80)
    assert "o eigen casus" in screen
    press(terminal, "h")
    terminal.wait_for("hoeveel handen")
    settled(terminal)  # the first count has the focus
    terminal.tmux("send-keys", "-t", "t", "1", "Tab", "1", "Tab", "1", "Enter")
    screen = terminal.wait_for("3 stemmen — ")
    assert percentages(screen) == [(1, 33), (1, 33), (1, 33)], screen

    # The timer in big digits under the card.
    press(terminal, "t")
    screen = terminal.wait_for("Loopt — t pauzeert")
    assert "┏━┓" in screen

    # A re-vote by hands: the dialog shows the variation's sentence, "maar wat als" once.
    press(terminal, "w")
    terminal.wait_for("Stem opnieuw met h of g")
    press(terminal, "h")
    screen = terminal.wait_for("hoeveel handen")
    assert screen.lower().count("maar wat als") == 1, screen
    assert "variatie" in screen
    settled(terminal)
    terminal.tmux("send-keys", "-t", "t", "0", "Tab", "3", "Tab", "1", "Enter")
    screen = terminal.wait_for("Uitslag na de variatie")
    assert percentages(screen) == [(0, 0), (3, 75), (1, 25)], screen

    # The scale card: each point once, with the ends' words; the timer started on it.
    press(terminal, "Right")
    terminal.wait_for("2/3")
    screen = assert_room_screen(terminal, 80)
    assert "1 = Helemaal niet acceptabel" in screen and "5 = Helemaal acceptabel" in screen
    assert not re.search(r"\b([1-5])\s+\1\b", screen), screen
    press(terminal, "t")
    terminal.wait_for("Loopt — t pauzeert")

    # The card alone, then a font so large that 50×15 cells are left: the card is still
    # readable, scrolls, and the timer stays in view.
    press(terminal, "k")
    screen = terminal.wait_for("Timer loopt")
    assert "Bijles aan de kinderen van klanten" in screen
    terminal.resize(50, 15)
    screen = terminal.wait_for("Bijles aan de kinderen")
    screen = settled(terminal)
    assert "Timer loopt" in screen and "┏━┓" in screen, screen
    assert "te klein" not in screen
    assert re.search(r"€\s25 per uur", screen), screen  # an amount stays on one line
    assert "Hoe acceptabel is het dat je ja zegt?" in screen
    assert "Helemaal acceptabel" not in screen  # the scale's words are below the fold
    press(terminal, "Down", "Down", "Down")
    screen = terminal.wait_for("Helemaal acceptabel")
    assert "Timer loopt" in screen
    # Other screens are too small at that size, and say so.
    press(terminal, "Escape")
    screen = terminal.wait_for("te klein")
    assert "druk op k" in screen
    terminal.resize(80, 24)
    terminal.wait_for("2/3")

    # The end and the summary at 80 columns.
    press(terminal, "e")
    terminal.wait_for("Afronden")
    press(terminal, "Enter")
    terminal.wait_for("Samenvatting teamsessie")
    screen = settled(terminal)
    assert "invullen" not in screen
    assert screen.splitlines()[-1].rstrip().endswith("f1 Help")
    press(terminal, "Escape")
    terminal.wait_for("Teamspel")
    press(terminal, "C-q")
    terminal.wait_closed()
